import Testing

@testable import KisoLang

@Suite struct LexerTests {
    private func kinds(_ source: String) -> [TokenKind] {
        var lexer = Lexer(source)
        return lexer.tokenize().map(\.kind)
    }

    @Test func numbers() {
        #expect(
            kinds("3 3.0 .5 1e-3 2E+2 1_000") == [
                .integer(3), .number(3), .number(0.5), .number(0.001), .number(200), .integer(1000), .end,
            ])
    }

    @Test func caretIsPower() {
        #expect(kinds("x^2") == [.identifier("x"), .symbol("**"), .integer(2), .end])
    }

    @Test func stringsAndEscapes() {
        #expect(kinds(#""a\nb" 'it\'s'"#) == [.string("a\nb"), .string("it's"), .end])
    }

    @Test func unicodeIdentifiersAndKeywords() {
        #expect(
            kinds("θ = μ + σ₁ and not α") == [
                .identifier("θ"), .symbol("="), .identifier("μ"), .symbol("+"), .identifier("σ₁"), .keyword(.and),
                .keyword(.not), .identifier("α"), .end,
            ])
    }

    @Test func commentsAndNewlines() {
        #expect(kinds("a # note\nb") == [.identifier("a"), .newline, .identifier("b"), .end])
    }

    @Test func newlinesInsideBracketsAreSkipped() {
        #expect(kinds("[1,\n 2]") == [.symbol("["), .integer(1), .symbol(","), .integer(2), .symbol("]"), .end])
    }

    @Test func fstringPieces() {
        let tokens = kinds("f\"loss {x:.4f} {{ok}}\"")
        guard case .fstring(let pieces) = tokens[0] else {
            Issue.record("not an f-string: \(tokens)")
            return
        }
        #expect(
            pieces == [
                .text("loss "), .expression(source: "x", offset: 8, line: 1, column: 9, spec: ".4f"), .text(" {ok}"),
            ])
    }

    @Test func positions() {
        var lexer = Lexer("a = 1\n  bb")
        let tokens = lexer.tokenize()
        #expect(tokens[4].kind == .identifier("bb"))
        #expect(tokens[4].span == SourceSpan(start: 8, end: 10, line: 2, column: 3))
        #expect(tokens[2].span.column == 5)
    }

    @Test func multiCharacterSymbols() {
        #expect(
            kinds("a -> b != c <= d // e ... +=") == [
                .identifier("a"), .symbol("->"), .identifier("b"), .symbol("!="), .identifier("c"), .symbol("<="),
                .identifier("d"), .symbol("//"), .identifier("e"), .symbol("..."), .symbol("+="), .end,
            ])
    }

    @Test func unterminatedStringIsReported() {
        var lexer = Lexer("x = \"abc")
        _ = lexer.tokenize()
        #expect(lexer.endedInString)
        #expect(lexer.errors.first?.message == "unterminated string")
    }

    @Test func strayCharacterIsReportedAndSkipped() {
        var lexer = Lexer("a $ b")
        let tokens = lexer.tokenize()
        #expect(tokens.map(\.kind) == [.identifier("a"), .identifier("b"), .end])
        #expect(lexer.errors.count == 1)
        #expect(lexer.errors.first?.span?.column == 3)
    }
}
