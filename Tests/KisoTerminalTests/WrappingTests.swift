import Testing

@testable import KisoTerminal

/// Long formulas break before operators; plain messages break at words.
@Suite struct WrappingTests {
    @Test func aLongFormulaBreaksBeforeItsOperators() {
        let formula = "ELBO(q) = 𝔼_q[log p(x, z)] - 𝔼_q[log q(z)] = log p(x) - KL(q(z) ‖ p(z | x)) ≤ log p(x)"
        let lines = MarkdownRenderer.wrapMath(formula, width: 40)
        #expect(
            lines == [
                "ELBO(q) = 𝔼_q[log p(x, z)]", "  - 𝔼_q[log q(z)] = log p(x)", "  - KL(q(z) ‖ p(z | x)) ≤ log p(x)",
            ])
        #expect(lines.allSatisfy { $0.count <= 40 })
        // Operators inside brackets are not break points.
        #expect(
            MarkdownRenderer.wrapMath("f(a + b + c + d + e + f + g)", width: 10) == ["f(a + b + c + d + e + f + g)"])
        #expect(MarkdownRenderer.wrapMath("short = 1", width: 40) == ["short = 1"])
    }

    @Test func messagesBreakAtWords() {
        let lines = WordWrap.lines(
            "the last dimension of a must equal the second-to-last dimension of b", width: 30, firstPrefix: "hint: ",
            restPrefix: "      ")
        #expect(
            lines == [
                "hint: the last dimension of a", "      must equal the", "      second-to-last dimension",
                "      of b",
            ])
        #expect(lines.allSatisfy { $0.count <= 30 })
        #expect(WordWrap.lines("a\nb", width: 10, firstPrefix: "> ", restPrefix: "  ") == ["> a", "  b"])
    }
}
