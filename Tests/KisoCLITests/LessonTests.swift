import Foundation
import KisoLesson
import KisoNotebook
import Testing

/// Every lesson in lessons/ parses and names an existing chapter; in the chapter's state, each
/// exercise's solution passes its own checks, and each of its typical wrong answers fails with the
/// diagnosis the lesson states for it.
@Suite struct LessonTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var lessons: [String] {
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("lessons").path)) ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted()
    }

    @Test func everyChapterHasALessonAndEveryLessonHasAChapter() {
        let chapters =
            ((try? FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("notebooks").path))
            ?? []).filter { $0.hasSuffix(".md") }
        #expect(chapters.count >= 6)
        #expect(Set(Self.lessons) == Set(chapters), "lessons \(Self.lessons) for chapters \(chapters)")
    }

    @Test(arguments: lessons)
    func solutionsPassAndWrongAnswersGetTheirDiagnoses(_ name: String) throws {
        let path = Self.root.appendingPathComponent("lessons").appendingPathComponent(name).path
        let lesson = try Lesson(contentsOfFile: path)
        let chapterName = try #require(lesson.notebook)
        let chapter = try Notebook(contentsOfFile: Self.root.appendingPathComponent("notebooks/\(chapterName).md").path)
        let checker = AnswerChecker(lesson: lesson, chapter: chapter)
        #expect(!lesson.exercises.isEmpty)
        for exercise in lesson.exercises {
            #expect(exercise.functionName != nil, "\(exercise.title) asks for no function")
            #expect(!exercise.checks.isEmpty, "\(exercise.title) has no checks")
            #expect(!exercise.hints.isEmpty, "\(exercise.title) has no hints")
            #expect(exercise.wrongAnswers.count >= 2, "\(exercise.title) has fewer than two wrong answers")
            let solution = try #require(exercise.solution)
            let right = checker.check(
                exercise, answers: [LearnerCode(source: solution.source, origin: name, line: solution.line)])
            #expect(right.status == .passed, "\(exercise.title): \(right.diagnosis ?? "")")
            for wrong in exercise.wrongAnswers {
                let outcome = checker.check(
                    exercise, answers: [LearnerCode(source: wrong.source, origin: name, line: wrong.line)])
                #expect(outcome.status == .failed, "\(exercise.title), line \(wrong.line): \(outcome.status)")
                let diagnosis = outcome.diagnosis ?? ""
                #expect(
                    diagnosis.contains(wrong.diagnosis),
                    "\(name):\(wrong.line): expected a diagnosis containing \"\(wrong.diagnosis)\", got: \(diagnosis)")
            }
        }
    }
}
