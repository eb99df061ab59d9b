import KisoBase
import Testing

@testable import KisoTerminal

@Suite struct MarkdownRendererTests {
    let plain = MarkdownRenderer(width: 40, style: .plain)

    @Test func headingsParagraphsAndInline() {
        let markdown = """
            # Vectors

            A **vector** is a list of *numbers*, written `v = [1, 2]` here,
            and its length is $\\|v\\| = \\sqrt{v \\cdot v}$.

            ## Dot product
            ### Smaller
            text
            """
        #expect(
            plain.render(markdown) == """
                Vectors
                ═══════

                A vector is a list of numbers, written
                `v = [1, 2]` here, and its length is
                ‖v‖ = √(v · v).

                Dot product
                ───────────

                Smaller

                text
                """)
    }

    @Test func listsHangAndNest() {
        let markdown = """
            - first item that is long enough to wrap past the width
            - second
              - nested item
            1. one
            2. two with a continuation
               line
            """
        #expect(
            plain.render(markdown) == """
                • first item that is long enough to wrap
                  past the width
                • second
                  ◦ nested item

                1. one
                2. two with a continuation line
                """)
    }

    @Test func quotesCodeMathAndTables() {
        let markdown = """
            > hint: subtract the maximum

            ```kiso
            x = [1, 2]
            ```

            $$
            \\mathrm{softmax}(x)_i = \\frac{e^{x_i}}{\\sum_j e^{x_j}}
            $$

            | word | value |
            |:-----|------:|
            | 猫 | 0.9 |
            | `dog` | 12.25 |
            ---
            """
        #expect(
            plain.render(markdown) == """
                │ hint: subtract the maximum

                    x = [1, 2]

                    softmax(x)ᵢ = e^(xᵢ)/(Σⱼ e^(xⱼ))

                word   value
                ─────  ─────
                猫       0.9
                `dog`  12.25

                ────────────────────────────────────────
                """)
    }

    @Test func japaneseWrapsByColumnsAndKeepsPunctuation() {
        let renderer = MarkdownRenderer(width: 20, style: .plain)
        let text = "基礎とは、深層学習の数学を端末で学ぶための道具です。"
        let lines = renderer.renderLines(text)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 20 })
        #expect(lines.joined() == text)
        #expect(lines.allSatisfy { !$0.hasPrefix("、") && !$0.hasPrefix("。") })
        #expect(lines == ["基礎とは、深層学習の", "数学を端末で学ぶため", "の道具です。"])
    }

    @Test func colourOnUsesEscapesNotMarkers() {
        let renderer = MarkdownRenderer(width: 40, style: TextStyle(enabled: true))
        let rendered = renderer.render("# Title\n\nsome **bold** and `code`")
        #expect(rendered == "\u{1B}[1;4mTitle\u{1B}[0m\n\nsome \u{1B}[1mbold\u{1B}[0m and \u{1B}[36mcode\u{1B}[0m")
    }

    @Test func linksAndEscapes() {
        #expect(
            plain.render("see [NumPy](https://numpy.org) and \\*literal\\* snake_case_name")
                == "see NumPy (https://numpy.org) and\n*literal* snake_case_name")
    }

    @Test func malformedInputNeverCrashes() {
        let pieces = [
            "**", "*", "_", "`", "$", "$$", "\\", "[", "](", ")", "|", "---", "> ", "- ", "1. ", "#", "\n", "```", "日本",
            " ", "x",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 0..<60, using: &generator)).map { _ in
                pieces.randomElement(using: &generator) ?? ""
            }.joined()
            _ = MarkdownRenderer(width: 20, style: .plain).renderLines(text)
        }
        _ = plain.render(String(repeating: "> ", count: 10_000) + "deep")
        _ = plain.render(String(repeating: "  ", count: 5_000) + "- x")
        _ = plain.render(String(repeating: "- ", count: 5_000) + "x")
        _ = plain.render(String(repeating: "**a ", count: 10_000))
        _ = plain.render(String(repeating: "x", count: 100_000))
    }
}
