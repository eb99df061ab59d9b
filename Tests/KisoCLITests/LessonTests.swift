import Foundation
import KisoLang
import KisoNotebook
import Testing

/// Every lesson in lessons/ parses, names an existing chapter, and its solutions pass their own
/// checks: each check line runs without error after the exercise's setup and solution.
@Suite struct LessonTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var lessons: [String] {
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("lessons").path)) ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted()
    }

    @Test func thereAreLessons() {
        #expect(!Self.lessons.isEmpty)
    }

    @Test(arguments: lessons)
    func solutionsPassTheirChecks(_ name: String) throws {
        let path = Self.root.appendingPathComponent("lessons").appendingPathComponent(name).path
        let lesson = try Lesson(contentsOfFile: path)
        let notebook = try #require(lesson.notebook)
        #expect(
            FileManager.default.fileExists(atPath: Self.root.appendingPathComponent("notebooks/\(notebook).md").path))
        #expect(!lesson.exercises.isEmpty)
        for exercise in lesson.exercises {
            let session = Session { _ in }
            for code in exercise.setup + [exercise.solution].compactMap({ $0 }) {
                let result = session.run(code.source, origin: name, line: code.line)
                #expect(result.error == nil, "\(exercise.title): \(result.error?.description ?? "")")
            }
            #expect(!exercise.checks.isEmpty, "\(exercise.title) has no checks")
            #expect(!exercise.hints.isEmpty, "\(exercise.title) has no hints")
            for check in exercise.checks {
                for line in check.source.split(separator: "\n") where !line.hasPrefix("#") {
                    let result = session.run(String(line), origin: name, line: check.line)
                    #expect(result.error == nil, "\(exercise.title): \(line): \(result.error?.description ?? "")")
                    #expect(result.echo != nil, "\(exercise.title): \(line) gave no value")
                }
            }
        }
    }
}
