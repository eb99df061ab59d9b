import Foundation
import KisoLang
import KisoNotebook
import Testing

@testable import KisoLesson

/// The checker on a small lesson: definitions, arity, expectations, errors located in the
/// learner's code, the time limit, and separate sessions from the chapter's state.
@Suite struct AnswerCheckerTests {
    static let lessonText = """
        ---
        notebook: none
        ---
        ## Scale

        ```kiso solution
        scale(x, k=2) = x * k
        ```

        ```kiso setup
        rng = default_rng(1)
        ```

        ```kiso check
        scale([1.0, 2.0])
        scale(rng.normal(0, 1, [3]), 3)
        ```

        > hint: multiply.

        ## Norm

        ```kiso solution
        length(v) = sqrt(sum(v^2))
        ```

        ```kiso check forbid=norm noloop
        length([3.0, 4.0])
        ```

        > hint: Pythagoras.
        """

    let lesson: Lesson
    let chapter: Notebook

    init() throws {
        lesson = try Lesson(text: Self.lessonText, path: "scale.md")
        chapter = try Notebook(text: "# Chapter\n\n```kiso\nbase = 10\nscale(x) = x\n```\n", path: "chapter.md")
    }

    func check(_ source: String, exercise: Int = 0, timeout: Double? = nil) -> CheckOutcome {
        let checker = AnswerChecker(lesson: lesson, chapter: chapter, timeout: timeout)
        return checker.check(lesson.exercises[exercise], answers: [LearnerCode(source: source, origin: "mine.kiso")])
    }

    @Test func theSolutionPasses() {
        #expect(check("scale(x, k=2) = x * k").status == .passed)
        #expect(check("def scale(x, k=2)\n  y = x\n  y * k\nend").status == .passed)
    }

    @Test func theChaptersFunctionOfTheSameNameDoesNotCount() {
        let outcome = check("other = 1")
        #expect(outcome.status == .failed)
        #expect(outcome.diagnosis == "`scale` is not defined yet: write `scale(x, k) = …`")
    }

    @Test func wrongKindAndArity() {
        #expect(check("scale = 3").diagnosis == "`scale` should be a function; yours is a number")
        #expect(check("scale(x) = x * 2").diagnosis == "`scale` takes 2 arguments (x, k); yours takes 1 (x)")
        #expect(
            check("scale(x, k) = x * k").diagnosis
                == "`scale` can be called with 1 argument (k optional); yours needs 2 — give k a default, as in k=none")
    }

    @Test func eachCheckRunsFromTheChaptersStateWithTheSameRandomDraws() {
        // The learner's session uses the chapter's `base` and draws from the setup's generator just
        // as the solution's does; a wrong factor on the random input is still named.
        #expect(check("scale(x, k=2) = x * k * base / 10").status == .passed)
        let outcome = check("scale(x, k=2) = x * 2")
        #expect(outcome.diagnosis?.hasPrefix("every value is 0.6667× the expected one") == true)
    }

    @Test func theLearnersErrorIsLocatedInTheirDefinition() {
        let outcome = check("def scale(x, k=2)\n  y = x @ [1, 2, 3]\n  y * k\nend")
        #expect(outcome.status == .failed)
        let diagnosis = outcome.diagnosis ?? ""
        #expect(diagnosis.hasPrefix("your code raised an error on `scale([1.0, 2.0])`:\nmine.kiso:2:7: shape error:"))
        #expect(diagnosis.contains("  2 |   y = x @ [1, 2, 3]"))
    }

    @Test func anErrorWhileDefiningIsShown() {
        let outcome = check("scale(x, k=2) = x * k\nundefined_thing + 1")
        #expect(outcome.diagnosis?.hasPrefix("your code raised an error:\nmine.kiso:2:1: name error:") == true)
    }

    @Test func forbiddenNamesAndLoops() {
        #expect(check("length(v) = sqrt(sum(v^2))", exercise: 1).status == .passed)
        #expect(
            check("length(v) = norm(v)", exercise: 1).diagnosis
                == "your `length` uses `norm`, which this exercise asks you to do without")
        // Through a helper of the learner's own.
        #expect(
            check("helper(v) = v.norm()\nlength(v) = helper(v)", exercise: 1).diagnosis
                == "your `length` uses `norm`, which this exercise asks you to do without")
        let looping = "def length(v)\n  s = 0\n  for x in v\n    s = s + x^2\n  end\n  sqrt(s)\nend"
        #expect(
            check(looping, exercise: 1).diagnosis
                == "your `length` uses a loop (`for` or `while`); this exercise asks for whole-tensor operations")
    }

    // The time limit raises the process-wide interrupt, which would stop other tests' sessions
    // running in parallel; it is tested in a process of its own (CheckCommandTests).

    @Test func aBrokenSolutionIsTheLessonsFault() throws {
        let broken = try Lesson(
            text: "## A\n```kiso solution\nf(x) = x @ [1, 2]\n```\n```kiso check\nf([1, 2, 3])\n```\n")
        let outcome = AnswerChecker(lesson: broken, chapter: nil).check(
            broken.exercises[0], answers: [LearnerCode(source: "f(x) = x", origin: "mine")])
        #expect(outcome.status == .lessonError)
    }

    @Test func theChaptersRelativePathsStartAtItsFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kiso-chapter-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "abc".write(to: folder.appendingPathComponent("data/words.txt"), atomically: true, encoding: .utf8)
        let reading = try Notebook(
            text: "```kiso\nwords = read_text(\"data/words.txt\")\n```\n", path: folder.appendingPathComponent("ch.md").path)
        let exercise = try Lesson(text: "## A\n```kiso solution\nn = len(words)\n```\n```kiso check\nn\n```\n")
        let outcome = AnswerChecker(lesson: exercise, chapter: reading).check(
            exercise.exercises[0], answers: [LearnerCode(source: "n = 3", origin: "mine")])
        #expect(outcome.status == .passed, "\(outcome.diagnosis ?? "")")
    }

    @Test func functionNames() throws {
        let text = "## A\n```kiso solution\ndef gd(f, x0)\n  x0\nend\n```\n## B\n```kiso solution\nk = 3\n```\n"
        let parsed = try Lesson(text: text)
        #expect(parsed.exercises.map(\.functionName) == ["gd", "k"])
    }
}
