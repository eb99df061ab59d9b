import Testing

@testable import KisoLang

/// Exact text of rendered errors: the location, the source line, the caret under the span, the
/// message and the hint.
@Suite struct ErrorRenderingTests {
    @Test func typoSuggestsTheNearestName() {
        let h = Harness()
        h.run("x = [1, 2, 3]")
        #expect(
            h.error("y = sofmax(x)") == """
                <input>:1:5: name error: `sofmax` is not defined
                  1 | y = sofmax(x)
                    |     ^^^^^^
                hint: did you mean `softmax`?
                """)
    }

    @Test func shapeErrorInMatmulShowsShapes() {
        let h = Harness()
        h.run("Q = ones([4, 8]); K = ones([5, 8])")
        #expect(
            h.error("S = Q @ K") == """
                <input>:1:5: shape error: matmul: (4,8) @ (5,8) — inner sizes 8 and 5 differ
                  1 | S = Q @ K
                    |     ^^^^^
                hint: did you mean `K.T`?
                """)
    }

    @Test func raggedLiteralPointsAtTheOffendingRow() {
        #expect(
            Harness().error("m = [[1, 2], [3, 4], [5]]") == """
                <input>:1:22: shape error: ragged list: element 2 has shape (1,) but element 0 has shape (2,)
                  1 | m = [[1, 2], [3, 4], [5]]
                    |                      ^^^
                hint: every row of a tensor literal must have the same length and nesting
                """)
    }

    @Test func badKeyword() {
        #expect(
            Harness().error("sum([1, 2], axs=0)") == """
                <input>:1:13: argument error: `sum` has no parameter `axs`
                  1 | sum([1, 2], axs=0)
                    |             ^^^^^
                hint: did you mean `axis`? sum(x, axis=none, keepdims=false)
                """)
    }

    @Test func wrongArgumentKind() {
        #expect(
            Harness().error("zeros(\"3\")") == """
                <input>:1:1: type error: `zeros` expected a shape (an integer or a list of integers) for `shape`, got a string
                  1 | zeros("3")
                    | ^^^^^^^^^^
                hint: zeros(shape, dtype='float64')
                """)
    }

    @Test func unclosedBlock() {
        #expect(
            Harness().error("def f(x)\n    y = x + 1\n    y * 2\n") == """
                <input>:1:1: syntax error: `def` block is never closed with `end`
                  1 | def f(x)
                    | ^^^
                hint: add `end` after the block's last line
                """)
    }

    @Test func syntaxErrorMidLine() {
        #expect(
            Harness().error("total = 3 * (x + ) - 1") == """
                <input>:1:18: syntax error: expected an expression, found `)`
                  1 | total = 3 * (x + ) - 1
                    |                  ^
                """)
    }

    @Test func errorsOnLaterLinesUseTheCellsLineNumbers() {
        let session = Session { _ in }
        let source = "a = 1\nb = a +* 2"
        let result = session.run(source, origin: "01-vectors.md", line: 30)
        #expect(
            result.error?.render(source: source) == """
                01-vectors.md:31:8: syntax error: expected an expression, found `*`
                  31 | b = a +* 2
                     |        ^
                """)
    }

    @Test func severalParseErrorsAreReported() {
        let result = Session { _ in }.run("a = 1 +\nb = 2\nc = ]")
        #expect(result.errors.count == 2)
    }

    @Test func engineErrorsCarryTheCallSpan() {
        #expect(
            Harness().error("x = reshape(arange(6), [4, 2])") == """
                <input>:1:5: shape error: reshape: cannot reshape 6 elements of shape (6,) into (4,2) (8 elements)
                  1 | x = reshape(arange(6), [4, 2])
                    |     ^^^^^^^^^^^^^^^^^^^^^^^^^^
                hint: the product of the new sizes must be 6; use -1 for one size to have it inferred
                """)
    }

    @Test func ambiguousTruth() {
        #expect(
            Harness().error("if [1, 2] > 0 print(1) end") == """
                <input>:1:4: value error: the truth of a tensor with 2 elements (shape (2,)) is ambiguous
                  1 | if [1, 2] > 0 print(1) end
                    |    ^^^^^^^^^^
                hint: use any(…) or all(…) to ask about its elements
                """)
    }
}
