import KisoLang
import KisoPlot
import Testing

/// Each plot builtin through `Session.run`, compared with the exact text of its echo under the
/// default display (64 columns, no colour, Unicode).
@Suite struct PlotBuiltinTests {
    /// The echo of `source` in a fresh session whose plots may take `width` columns.
    private func echo(_ source: String, width: Int = 64) -> String {
        let harness = Harness()
        harness.session.plotDisplay.width = width
        return harness.run(source)
    }

    @Test func tanhOverMinusThreeToThree() {
        let source = #"""
            plot(tanh, -3, 3, width=30, height=8, title="tanh")
            """#
        let expected = #"""
                             tanh
               ┌──────────────────────────────┐
             1 ┤                    ⣀⠤⠔⠒⠒⠉⠉⠉⠉⠉│
               │                  ⡠⠊          │
               │                ⢠⠎            │
               │               ⡰⠁             │
             0 ┤             ⢀⡜⠁              │
               │            ⣠⠊                │
               │          ⡠⠎⠁                 │
            -1 ┤⣀⣀⣀⣀⣀⠤⠤⠔⠒⠉                    │
               └─────┬─────────┬────────┬─────┘
                     -2        0        2
            """#
        #expect(echo(source) == expected)
        // tanh rises from -1 on the left to 1 on the right, crossing 0 in the middle.
        let rows = expected.split(separator: "\n").map(String.init)
        #expect(rows[2].hasPrefix(" 1 ┤ ") && rows[2].hasSuffix("⠉⠉│"))
        #expect(rows[9].hasPrefix("-1 ┤⣀⣀") && rows[9].hasSuffix("  │"))
        let zeroRow = Array(rows[6])
        let crossing = zeroRow.firstIndex(of: "⡜").map { $0 - 4 }
        #expect(rows[6].hasPrefix(" 0 ┤") && crossing.map { (13...16).contains($0) } == true)
    }

    @Test func lineOfOneSeriesOverIndices() {
        let source = #"""
            plot([1, 3, 2, 4], width=16, height=5)
            """#
        let expected = #"""
              ┌────────────────┐
            4 ┤          ⢀⠎    │
              │   ⡠⠒⢄⡀  ⡰⠁     │
            2 ┤ ⡠⠜   ⠈⠑⠎       │
              │⠔⠁              │
            0 ┤                │
              └┬───────┬──────┬┘
               0       2      4
            """#
        #expect(echo(source) == expected)
    }

    @Test func twoDimensionalYDrawsEachRowAsALine() {
        let source = #"""
            plot([0, 1, 2], [[0, 1, 4], [0, 1, 2]], names=["x²", "x"], width=20, height=6)
            """#
        let expected = #"""
              ┌────────────────────┐
            4 ┤                 ⢀⡠⠊│ ─── x²
              │               ⢀⠔⠁  │ ╌╌╌ x
              │             ⡠⠒⠁    │
            2 ┤           ⡠⠊⡀⠠⠤⠄⠐⠉⠁│
              │      ⢀⣀⠤⠤⠋⠈⠉       │
            0 ┤⣀⠤⠤⠒⠊⠉⠁             │
              └┬─────────┬────────┬┘
               0         1        2
            """#
        #expect(echo(source) == expected)
    }

    @Test func severalBuiltinsAreNamedInTheLegend() {
        let source = #"""
            plot([sin, cos], 0, pi, width=24, height=6)
            """#
        let expected = #"""
               ┌────────────────────────┐
             1 ┤⠉⠉⠐⠒ ⢄⣀⠤⠒⠒⠉⠉⠉⠉⠒⠒⠤⣀      │ ─── sin
               │   ⣠⠔⠉⠁⠒⢄         ⠉⠢⢄   │ ╌╌╌ cos
               │⢀⠔⠋       ⠲⠄         ⠉⠢⣀│
             0 ┤⠁           ⠘⠢          │
               │              ⠈⠑⠂⣀      │
            -1 ┤                  ⠑ ⠤⠄⢀⣀│
               └┬──────┬───────┬──────┬─┘
                0      1       2      3
            """#
        #expect(echo(source) == expected)
    }

    @Test func lambdaAndBuiltinWithNamesLabelAndLimits() {
        let source = #"""
            plot([x -> x^2, abs], -1, 1, names=["square", "abs"], width=20, height=5, xlabel="x", ylim=[0, 1])
            """#
        let expected = #"""
                ┌────────────────────┐
            1.0 ┤⠹⡄                ⡠⡞│ ─── square
                │ ⠳⡑⠄            ⡠⢀⠞ │ ╌╌╌ abs
            0.5 ┤  ⠉⢆⠑⢄        ⡀⠈⣠⠋  │
                │    ⠑⢄ ⢄    ⠠⠊⡠⠚⠁   │
              0 ┤      ⠑⠢⢕⣀⣠⡪⠴⠊      │
                └┬─────────┬────────┬┘
                 -1        0        1
                          x
            """#
        #expect(echo(source) == expected)
    }

    @Test func scatterGroupsByClassIdsWithNames() {
        let source = #"""
            scatter([1, 2, 3, 4], [1, 3, 2, 4], labels=[0, 1, 0, 1], names=["neg", "pos"], width=20, height=6)
            """#
        let expected = #"""
              ┌────────────────────┐
            4 ┤                   ▲│ ● neg
              │          ▲         │ ▲ pos
              │                    │
            2 ┤              ●     │
              │     ●              │
            0 ┤                    │
              └┬─────────┬────────┬┘
               0         2        4
            """#
        #expect(echo(source) == expected)
    }

    @Test func scatterGroupsByTextLabels() {
        let source = #"""
            scatter([1, 2, 3], [3, 1, 2], labels=["cat", "dog", "cat"], width=16, height=5)
            """#
        let expected = #"""
              ┌────────────────┐
            3 ┤●               │ ● cat
              │                │ ▲ dog
            2 ┤               ●│
              │                │
            1 ┤        ▲       │
              └┬───────┬──────┬┘
               1       2      3
            """#
        #expect(echo(source) == expected)
    }

    @Test func scatterOfAnNByTwoTensor() {
        let source = #"""
            scatter([[0, 0], [1, 1], [2, 0]], width=16, height=5, canvas="ascii")
            """#
        let expected = #"""
                ┌────────────────┐
            1.0 ┤        ●       │
                │                │
            0.5 ┤                │
                │                │
              0 ┤●              ●│
                └┬───────┬──────┬┘
                 0       1      2
            """#
        #expect(echo(source) == expected)
    }

    @Test func barChartWithTitle() {
        let source = #"""
            bar(["cat", "dog", "bird"], [0.2, 0.7, 0.1], width=20, title="p")
            """#
        let expected = #"""
                           p
                 ┌                    ┐
             cat ┤████▋ 0.2
             dog ┤████████████████ 0.7
            bird ┤██▎ 0.1
                 └                    ┘
            """#
        #expect(echo(source) == expected)
    }

    @Test func histogramWithBinCount() {
        let source = #"""
            hist([1, 2, 2, 3, 3, 3, 4, 4, 4, 4], bins=4, width=16)
            """#
        let expected = #"""
                       ┌                ┐
            [1.0, 1.8) ┤███▌ 1
            [1.8, 2.5) ┤███████ 2
            [2.5, 3.3) ┤██████████▌ 3
            [3.3, 4.0] ┤██████████████ 4
                       └                ┘
            """#
        #expect(echo(source) == expected)
    }

    @Test func annotatedAttentionHeatmap() {
        let source = #"""
            heatmap([[0.7, 0.2, 0.1], [0.1, 0.8, 0.1], [0.3, 0.3, 0.4]], rows=["the", "cat", "sat"], cols=["the", "cat", "sat"], annotate=true, title="attention")
            """#
        let expected = #"""
                       attention
                   the     cat     sat
            the  0.70 ▓▓ 0.20 ░░ 0.10     ██ 0.8
            cat  0.10    0.80 ██ 0.10     ▒▒
            sat  0.30 ░░ 0.30 ░░ 0.40 ▒▒     0.1
            """#
        #expect(echo(source) == expected)
    }

    @Test func decisionMapOfAThresholdClassifier() {
        let source = #"""
            classify(P) = P[:, 0] + P[:, 1] > 0
            X = [[-1, -1], [1, 1], [-0.8, 0.2], [0.6, -0.2]]
            decision_map(classify, X, [0, 1, 0, 1], resolution=40, width=24, height=8, names=["below", "above"])
            """#
        let expected = #"""
               ┌────────────────────────┐
             1 ┤ ····················▲··│ ●    below
               │     ···················│ ▲ ·· above
               │        ················│
               │    ●      ·············│
             0 ┤              ···▲······│
               │                 ·······│
               │                    ····│
            -1 ┤  ●                    ·│
               └──┬─────────┬────────┬──┘
                  -1        0        1
            """#
        #expect(echo(source) == expected)
    }

    @Test func decisionMapOfProbabilities() {
        let source = #"""
            decision_map(P -> sigmoid(4 * P[:, 0]), [[-1, 0], [1, 0]], [0, 1], xlim=[-2, 2], ylim=[-1, 1], width=20, height=5)
            """#
        let expected = #"""
               ┌────────────────────┐
             1 ┤          ··········│ ●    class 0
               │          ··········│ ▲ ·· class 1
             0 ┤     ●    ····▲·····│
               │          ··········│
            -1 ┤          ··········│
               └┬─────────┬────────┬┘
                -2        0        2
            """#
        #expect(echo(source) == expected)
    }

    @Test func gridOfFiveSoftmaxBarCharts() {
        let source = #"""
            z = [2, 1, 0.1]
            charts = []
            for T in [0.1, 0.5, 1, 2, 5]
                charts = charts + [bar(["a", "b", "c"], softmax(z / T), title=f"T = {T}")]
            end
            grid(charts, columns=5, width=120)

            """#
        let expected = #"""
                    T = 0.1                 T = 0.5                 T = 1.0                 T = 2.0                 T = 5.0
              ┌                  ┐    ┌                  ┐    ┌                  ┐    ┌                  ┐    ┌                  ┐
            a ┤██████████ 1         a ┤████████████ 0.864   a ┤████████████ 0.659   a ┤████████████ 0.502   a ┤████████████ 0.400
            b ┤ 4.54e-5             b ┤█▋ 0.117             b ┤████▍ 0.242          b ┤███████▎ 0.304       b ┤█████████▉ 0.327
            c ┤ 5.6e-9              c ┤▎ 0.019              c ┤█▊ 0.099             c ┤████▋ 0.194          c ┤████████▎ 0.273
              └                  ┘    └                  ┘    └                  ┘    └                  ┘    └                  ┘
            """#
        #expect(echo(source, width: 120) == expected)
        // In the default 64 columns the same grid wraps: three charts, then two.
        let narrow = echo(source).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(narrow.count == 13 && narrow[0].contains("T = 1.0") && narrow[7].contains("T = 5.0"))
    }
}
