import KisoBase
import KisoLang
import KisoPlot
import Testing

/// Plots as values: echo, print, str, containers, `:vars`, and the session's display options.
@Suite struct PlotValueTests {
    @Test func printWritesTheDrawingAndEchoesNothing() {
        let harness = Harness()
        let echoed = harness.run("p = bar([\"a\", \"b\"], [1, 2], width=10); p")
        let printedEcho = harness.run("print(p)")
        #expect(printedEcho == "")
        #expect(harness.printed == echoed + "\n")
        #expect(echoed.contains("a ┤"))
    }

    @Test func strGivesTheSameDrawingAsEcho() {
        let harness = Harness()
        let drawing = harness.run("p = plot([1, 2, 3], width=12, height=4); p")
        _ = harness.run("print(str(p))")
        #expect(harness.printed == drawing + "\n")
    }

    @Test func plotsInsideContainersShowTheirKindAndTitle() {
        let harness = Harness()
        _ = harness.run("a = plot(tanh, -3, 3, title=\"tanh\"); b = bar([\"x\"], [1])")
        #expect(harness.run("[a, b]") == "[<line plot: tanh>, <bar plot>]")
        #expect(harness.run("(hist([1, 2]),)") == "(<histogram>,)")
        #expect(harness.run("{\"m\": heatmap([[1]], title=\"w\")}") == "{'m': <heatmap: w>}")
        #expect(harness.run("[grid([a, b, a], title=\"three\")]") == "[<grid of 3 plots: three>]")
        #expect(
            harness.run("[scatter([1], [2]), decision_map(p -> p[:, 0] > 0, [[0, 0]], [0])]")
                == "[<scatter plot>, <decision map>]")
    }

    @Test func varsAndTypeNameThePlotKind() {
        let harness = Harness()
        _ = harness.run("p = plot([1, 2]); h = heatmap([[1, 2]]); g = grid([p, p])")
        let variables = harness.session.variables
        #expect(variables.map(\.name) == ["p", "h", "g"])
        #expect(variables.map(\.kind) == ["plot", "plot", "plot"])
        #expect(variables.map(\.shape) == ["line plot", "heatmap", "grid of 2 plots"])
        #expect(harness.run("type(p)") == "'plot'")
        #expect(harness.session.help("p") == "p: plot (line plot)")
    }

    @Test func aPlotIsTrueAndAssignmentKeepsIt() {
        #expect(eval("p = plot([1, 2]); q = p; seen = 0; if q seen = 1 end; seen") == "1")
    }

    @Test func defaultDisplayIsSixtyFourColumnsPlainUnicode() {
        #expect(Session { _ in }.plotDisplay == PlotDisplay(width: 64, colorMode: .none, charset: .unicode))
        let text = eval("plot(sin, -pi, pi, title=\"sine\")")
        let lines = text.split(separator: "\n")
        #expect(lines.map { DisplayWidth.of(String($0)) }.max() == 64)
        #expect(!text.contains("\u{1B}"))
        #expect(text.unicodeScalars.contains { $0.value >= 0x2800 && $0.value <= 0x28FF })
    }

    @Test func displayOptionsChangeEchoAndPrint() {
        let harness = Harness()
        harness.session.plotDisplay = PlotDisplay(width: 40, colorMode: .none, charset: .ascii)
        let text = harness.run("p = plot(tanh, -3, 3, names=\"tanh\"); p")
        #expect(text.utf8.allSatisfy { $0 < 0x80 })
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 40 })
        _ = harness.run("print(p)")
        #expect(harness.printed == text + "\n")

        harness.session.plotDisplay.colorMode = .ansi256
        harness.session.plotDisplay.charset = .unicode
        let coloured = harness.run("p")
        #expect(coloured.contains("\u{1B}["))
        // Colour is a layer: with the escape codes taken out the characters are the plain ones.
        harness.session.plotDisplay.colorMode = .none
        #expect(stripEscapes(coloured) == harness.run("p"))
    }

    @Test func asciiCharsetKeepsEveryPlotTypePureAscii() {
        let harness = Harness()
        harness.session.plotDisplay.charset = .ascii
        let sources = [
            "plot([1, 3, 2])", "scatter([1, 2], [2, 1], labels=[\"猫\", \"犬\"])", "bar([\"a\"], [1])", "hist([1, 2, 2])",
            "heatmap([[1, 2], [3, 4]])", "decision_map(p -> p[:, 0] > 0, [[-1, 0], [1, 0]], [0, 1])",
            "grid([bar([\"a\"], [1]), plot([1, 2])])",
        ]
        for source in sources {
            let text = harness.run(source)
            #expect(!text.hasPrefix("ERROR"), "\(source): \(text)")
            #expect(text.utf8.allSatisfy { $0 < 0x80 }, "\(source) is not pure ASCII")
        }
    }

    private func stripEscapes(_ text: String) -> String {
        var out = ""
        var inEscape = false
        for scalar in text.unicodeScalars {
            if inEscape {
                if scalar == "m" { inEscape = false }
                continue
            }
            if scalar == "\u{1B}" {
                inEscape = true
                continue
            }
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
