import Testing

@testable import KisoLang

/// An error inside a function shows the function's own line and a caret under the failing
/// expression, then where each function was called from, however long ago it was defined; and
/// hints say only what is true of the program at hand.
@Suite struct ErrorLocationTests {
    /// Runs each entry in one session, as the REPL does, and renders the last one's error
    /// against the last entry, as the REPL does.
    private func lastError(_ entries: [String], unit: (Int) -> String? = { _ in nil }) -> String {
        let session = Session { _ in }
        var rendered = "no error"
        for (i, entry) in entries.enumerated() {
            let result = session.run(entry, origin: unit(i) == nil ? "<input>" : "cell", unit: unit(i))
            rendered = result.error?.render(source: entry) ?? "no error"
        }
        return rendered
    }

    @Test func aFunctionDefinedInAnEarlierEntryShowsItsOwnLine() {
        let text = lastError([
            "def inner(x, w)\n    y = x @ w\n    y\nend",
            "def outer(x)\n    z = 1\n    inner(x, ones([4, 2]))\nend",
            "a = ones([2, 3])\nouter(a)",
        ])
        #expect(
            text == """
                <input>:2:9: shape error: matmul: (2,3) @ (4,2) — inner sizes 3 and 4 differ
                  2 |     y = x @ w
                    |         ^^^^^
                called from <input>:3
                called from <input>:2
                hint: the last dimension of a must equal the second-to-last dimension of b (or b's length when b is 1-d)
                """)
    }

    @Test func notebookCellsAreNamedInTheCallStack() {
        let text = lastError(
            ["f(x) = x + undefined_value", "y = 1\nf(y)"], unit: { "cell \($0 + 1)" })
        #expect(
            text == """
                cell 1:1:12: name error: `undefined_value` is not defined
                  1 | f(x) = x + undefined_value
                    |            ^^^^^^^^^^^^^^^
                called from cell 2 line 2
                hint: assign it first, for example `undefined_value = 1`
                """)
    }

    @Test func aRecursionFoldsIntoOneLine() {
        let text = lastError([
            "def down(n)\n    if n == 0\n        return missing_name\n    end\n    down(n - 1)\nend", "down(40)",
        ])
        #expect(
            text == """
                <input>:3:16: name error: `missing_name` is not defined
                  3 |         return missing_name
                    |                ^^^^^^^^^^^^
                called from <input>:5 (40 times)
                called from <input>:1
                hint: assign it first, for example `missing_name = 1`
                """)
    }

    @Test func anErrorInTheEntryItselfIsUnchanged() {
        #expect(
            lastError(["x = 1", "y = sofmax(x)"]) == """
                <input>:1:5: name error: `sofmax` is not defined
                  1 | y = sofmax(x)
                    |     ^^^^^^
                hint: did you mean `softmax`?
                """)
    }

    @Test func transposeHintsNameAnOperandOnlyWhenItIsAName() {
        let h = Harness()
        h.run("x = ones([2, 3]); b = ones([2, 3])")
        #expect(h.error("x @ b").hasSuffix("hint: did you mean `b.T`?"))
        #expect(
            h.error("x @ ones([2, 3])").hasSuffix(
                "hint: the inner sizes would match with the right operand transposed (`.T`)"))
        #expect(
            h.error("matmul(x, b)").hasSuffix(
                "hint: the inner sizes would match with the right operand transposed (`.T`)"))
    }

    @Test func numpyAndPyTorchNamesAreRecognised() {
        #expect(
            Harness().error("jit(f)") == """
                <input>:1:1: name error: `jit` is not defined
                  1 | jit(f)
                    | ^^^
                hint: `jit` is not a Kiso builtin yet
                """)
        #expect(Harness().error("cat([1], [2])").hasSuffix("hint: Kiso calls `cat` `concatenate`"))
        #expect(
            Harness().error("x = np.zeros(3)") == """
                <input>:1:5: name error: `np.zeros`: Kiso needs no `np.` prefix
                  1 | x = np.zeros(3)
                    |     ^^^^^^^^
                hint: write `zeros(…)`: NumPy's functions are Kiso builtins by their own names
                """)
        #expect(
            Harness().error("np.linalg.norm([3, 4])").contains(
                "name error: `np.linalg.norm`: Kiso needs no `np.linalg.` prefix"))
        #expect(Harness().error("torch.cat([1])").hasSuffix("hint: Kiso calls `cat` `concatenate`"))
        #expect(Harness().error("jax.jit(f)").hasSuffix("hint: `jit` is not a Kiso builtin yet"))
        // A variable called np is the learner's own: no prefix advice.
        #expect(Harness().error("np = 3; np.zeros(3)").contains("an int has no attribute `zeros`"))
    }

    /// The list of functions Kiso lacks stays true: a name that became a builtin leaves it.
    @Test func foreignNamesAreNotBuiltins() {
        let builtins = Set(Registry().functions.map(\.name))
        let stale = ForeignNames.functions.keys.filter { builtins.contains($0) }.sorted()
        #expect(stale.isEmpty, "now builtins, remove from ForeignNames.functions: \(stale)")
    }
}
