import Foundation
import KisoNotebook
import Testing

@testable import KisoLesson

@Suite struct LessonProgressTests {
    func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("kiso-lessons-\(UUID().uuidString)/state/lessons")
            .path
    }

    @Test func progressSurvivesAReload() throws {
        let path = temporaryPath()
        var progress = LessonProgress(path: path)
        try progress.update(lesson: "01-vectors", exercise: "cosine") {
            $0.attempts += 2
            $0.hints = 1
        }
        try progress.update(lesson: "01-vectors", exercise: "cosine") { $0.done = true }
        try progress.update(lesson: "01-vectors", exercise: "layer") { $0.sawSolution = true }
        try progress.setPosition(2, lesson: "01-vectors")
        let reloaded = LessonProgress(path: path)
        var cosine = ExerciseProgress()
        cosine.done = true
        cosine.attempts = 2
        cosine.hints = 1
        #expect(reloaded.progress(lesson: "01-vectors", exercise: "cosine") == cosine)
        #expect(reloaded.progress(lesson: "01-vectors", exercise: "layer").sawSolution)
        #expect(reloaded.progress(lesson: "02-softmax", exercise: "entropy") == ExerciseProgress())
        #expect(reloaded.position(lesson: "01-vectors") == 2)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("01-vectors\tcosine\t1 2 1 0\n"))
    }

    @Test func aCorruptFileIsIgnoredLineByLine() throws {
        let path = temporaryPath()
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try "garbage\n01-vectors\tcosine\t1 x 0 0\n01-vectors\tlayer\t1 3 0 1\n01-vectors\t@\t-4\n".write(
            toFile: path, atomically: false, encoding: .utf8)
        let progress = LessonProgress(path: path)
        #expect(progress.progress(lesson: "01-vectors", exercise: "cosine") == ExerciseProgress())
        #expect(progress.progress(lesson: "01-vectors", exercise: "layer").attempts == 3)
        #expect(progress.position(lesson: "01-vectors") == nil)
    }

    @Test func writesLeaveNoTemporaryFilesBehind() throws {
        let path = temporaryPath()
        var progress = LessonProgress(path: path)
        for attempt in 0..<5 { try progress.update(lesson: "l", exercise: "e") { $0.attempts = attempt } }
        let directory = (path as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["lessons"])
    }
}
