import KisoBase
import Testing

@testable import KisoTerminal

@Suite struct TerminalFactsTests {
    @Test func widthFallsBackToColumnsThenEighty() {
        #expect(Terminal.width(windowColumns: 120, environment: Environment(["COLUMNS": "50"])) == 120)
        #expect(Terminal.width(windowColumns: nil, environment: Environment(["COLUMNS": "50"])) == 50)
        #expect(Terminal.width(windowColumns: nil, environment: Environment(["COLUMNS": "wide"])) == 80)
        #expect(Terminal.width(windowColumns: 0, environment: Environment([:])) == 80)
    }

    @Test func colourOnlyOnATerminalWithoutNoColor() {
        #expect(Terminal.colorEnabled(isTerminal: true, environment: Environment([:])))
        #expect(!Terminal.colorEnabled(isTerminal: false, environment: Environment([:])))
        #expect(!Terminal.colorEnabled(isTerminal: true, environment: Environment(["NO_COLOR": "1"])))
        #expect(Terminal.colorEnabled(isTerminal: true, environment: Environment(["NO_COLOR": ""])))
        #expect(!Terminal.colorEnabled(isTerminal: true, environment: Environment(["TERM": "dumb"])))
    }

    @Test func stylesAreTextWhenOff() {
        #expect(TextStyle.plain.bold("x") == "x")
        #expect(TextStyle.plain.red("x") == "x")
        let on = TextStyle(enabled: true)
        #expect(on.bold("x") == "\u{1B}[1mx\u{1B}[0m")
        #expect(on.cyan("code") == "\u{1B}[36mcode\u{1B}[0m")
        #expect(TextStyle.stripped(on.red("a") + "b" + on.dim("c")) == "abc")
        #expect(DisplayWidth.of(on.bold("日本")) == 4)
    }
}

@Suite struct DisplayWidthTests {
    @Test func eastAsianWidth() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("基礎") == 4)
        #expect(DisplayWidth.of("ひらがなカタカナ") == 16)
        #expect(DisplayWidth.of("ｶﾀｶﾅ") == 4)  // halfwidth katakana
        #expect(DisplayWidth.of("ＡＢ") == 4)  // fullwidth Latin
        #expect(DisplayWidth.of("한국어") == 6)
        #expect(DisplayWidth.of("e\u{301}") == 1)  // combining accent
        #expect(DisplayWidth.of("x\u{20D7}") == 1)
        #expect(DisplayWidth.of("αβγ Σ √ ℝ") == 9)
        #expect(DisplayWidth.of("👍") == 2)
        #expect(DisplayWidth.of("\u{1B}[1m\u{1B}[0m") == 0)
        #expect(DisplayWidth.padded("日本", to: 6) == "日本  ")
    }
}
