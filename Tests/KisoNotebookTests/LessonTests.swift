import Testing

@testable import KisoNotebook

@Suite struct LessonTests {
    let text = """
        ---
        title: Softmax exercises
        notebook: 02-softmax-temperature
        ---
        Intro.

        ## Stable softmax

        Write `stable_softmax(x, T=1)`.

        ```kiso solution
        stable_softmax(x, T=1) = exp((x - max(x)) / T) / sum(exp((x - max(x)) / T))
        ```

        ```kiso check
        stable_softmax([1000, 1001, 1002])
        # a comment

        stable_softmax(default_rng(7).normal(0, 3, [6]), T=0.5)
        ```

        > hint: exp(1000) is inf in Float64.
        > What can you subtract?
        > hint: softmax(x) equals softmax(x - c).

        ## Second

        ```kiso setup
        x = 1
        ```
        """

    @Test func parsesExercises() throws {
        let lesson = try Lesson(text: text, path: "l.md")
        #expect(lesson.title == "Softmax exercises")
        #expect(lesson.notebook == "02-softmax-temperature")
        #expect(lesson.introduction == "Intro.")
        #expect(lesson.exercises.map(\.title) == ["Stable softmax", "Second"])
        let first = lesson.exercises[0]
        #expect(first.line == 7)
        #expect(first.solution?.line == 12)
        #expect(first.solution?.source.hasPrefix("stable_softmax(x, T=1) =") == true)
        #expect(first.checks.map(\.line) == [16, 19])
        #expect(first.checks[0].source == "stable_softmax([1000, 1001, 1002])")
        #expect(
            first.hints == ["exp(1000) is inf in Float64. What can you subtract?", "softmax(x) equals softmax(x - c)."])
        #expect(first.prose == "## Stable softmax\n\nWrite `stable_softmax(x, T=1)`.")
        #expect(lesson.exercises[1].setup == [LessonCode(source: "x = 1", line: 29)])
    }

    @Test func errors() {
        #expect(throws: NotebookError.self) { try Lesson(text: "```kiso solution\nx\n```\n") }
        #expect(throws: NotebookError.self) {
            try Lesson(text: "## A\n```kiso solution\nx\n```\n```kiso solution\ny\n```\n")
        }
        #expect(throws: NotebookError.self) { try Lesson(text: "## A\n```kiso answer\nx\n```\n") }
        #expect(throws: NotebookError.self) { try Lesson(text: "## A\n```kiso check\nx\n") }
    }
}
