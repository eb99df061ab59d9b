import KisoBase
import Foundation
import Testing

@testable import KisoPlot

@Suite struct DisplayWidthTests {
    @Test func widthsOfScripts() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("猫") == 2)
        #expect(DisplayWidth.of("注意機構") == 8)
        #expect(DisplayWidth.of("ｶﾀｶﾅ") == 4)  // halfwidth katakana stays narrow
        #expect(DisplayWidth.of("ＡＢ") == 4)  // fullwidth Latin is wide
        #expect(DisplayWidth.of("e\u{301}") == 1)  // combining acute accent
        #expect(DisplayWidth.of("한국어") == 6)
        #expect(DisplayWidth.of("⠿│█") == 3)
        #expect(DisplayWidth.of("🙂") == 2)
        #expect(DisplayWidth.of("\u{200B}") == 0)
    }

    @Test func paddingCountsColumns() {
        #expect(TextLayout.padLeft("猫", to: 4) == "  猫")
        #expect(TextLayout.truncated("注意機構です", to: 5) == "注意…")
        #expect(DisplayWidth.of(TextLayout.truncated("注意機構です", to: 5)) <= 5)
        #expect(TextLayout.sanitized("a\nb\u{1B}[31m") == "a b [31m")
    }

    @Test func wideLabelsKeepBarsAligned() {
        let plot = Plot.bar(labels: ["注意", "cat", "é", "ねこ猫"], values: [1, 2, 3, 4])
        let rows = plot.lines().filter { $0.contains("┤") }
        #expect(rows.count == 4)
        let columns = rows.map { row -> Int in
            let prefix = row[..<(row.firstIndex(of: "┤") ?? row.endIndex)]
            return DisplayWidth.of(String(prefix))
        }
        #expect(Set(columns).count == 1, "axis columns \(columns)")
    }

    @Test func wideLegendAndTitleStayInsideTheirLines() {
        var plot = Plot.line([Series([1, 2, 3], name: "損失"), Series([3, 1, 2], name: "精度")], title: "学習曲線")
        plot.ylabel = "値"
        let lines = plot.lines()
        let frame = lines.filter { $0.contains("│") || $0.contains("┤") }
        let borderColumns = frame.map { line -> Int in
            let index = line.firstIndex { $0 == "│" || $0 == "┤" } ?? line.endIndex
            return DisplayWidth.of(String(line[..<index]))
        }
        #expect(Set(borderColumns).count == 1, "left border columns \(borderColumns)")
        #expect(lines.contains { $0.contains("損失") } && lines.contains { $0.contains("学習曲線") })
    }
}

@Suite struct RobustnessTests {
    static func every(_ extra: [Plot] = []) -> [Plot] { Samples.all.map { $0.1() } + extra }

    @Test func nonFinitePointsAreSkippedAndCounted() {
        let plot = Plot.line([1, .nan, 3, .infinity, 2, -.infinity])
        let text = plot.render()
        #expect(text.contains("3 points not shown (nan/inf)"))
        #expect(!text.contains("nan\n") && !text.lowercased().contains("inf\n"))
        let one = Plot.scatter(x: [0, 1], y: [.nan, 1]).render()
        #expect(one.contains("1 point not shown (nan/inf)"))
        let bars = Plot.bar(labels: ["a", "b"], values: [1, .nan]).render()
        #expect(bars.contains("1 value not shown (nan/inf)"))
        let heat = Plot.heatmap([[1, .nan], [2, 3]]).render()
        #expect(heat.contains("1 cell not shown (nan/inf)"))
    }

    @Test func allNonFiniteStillDrawsAFrame() {
        let lines = Plot.line([.nan, .nan]).lines()
        #expect(lines.contains { $0.hasPrefix(" ") && $0.contains("┌") })
        #expect(lines.last?.contains("2 points not shown") == true)
    }

    @Test func emptyAndConstantSeriesDrawSensibleFrames() {
        let empty = Plot.line([]).lines()
        #expect(empty.filter { $0.contains("│") || $0.contains("┤") }.count == PlotSize.defaultHeight)
        let constant = Plot.line([5, 5, 5, 5]).render()
        #expect(constant.contains("5"))
        let constantLines = Plot.line([5, 5, 5, 5]).lines()
        // The constant line is drawn somewhere strictly inside the frame, not on its edge.
        let rows = constantLines.filter { $0.contains("│") || $0.contains("┤") }
        let drawn = rows.indices.filter { rows[$0].unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) } }
        #expect(drawn.count == 1)
        #expect(drawn.first.map { $0 > 0 && $0 < rows.count - 1 } == true)
        let zero = Plot.line([0, 0]).render()
        #expect(zero.contains("┌"))
        let single = Plot.scatter(x: [2], y: [3]).render()
        #expect(single.contains("●"))
        let emptyHist = Plot.histogram([]).render()
        #expect(emptyHist.contains("┤"))
        #expect(Plot.heatmap([]).render().contains("(empty matrix)"))
        #expect(Plot.grid([]).render().contains("(no plots)"))
        #expect(Plot.bar(labels: [], values: []).render().contains("┌"))
    }

    @Test func asciiModeIsPureAscii() {
        var japanese = Plot.line([Series([1, 2, 3], name: "損失")], title: "学習曲線 — ✓")
        japanese.xlabel = "エポック"
        japanese.ylabel = "値"
        let extra = [
            japanese, Plot.bar(labels: ["猫", "犬"], values: [1, -1]), Plot.line([.nan]),
            Plot.heatmap([[1, 2], [3, 4]], rowLabels: ["行"], columnLabels: ["列"], annotate: false),
            Plot.heatmap((0..<40).map { i in (0..<90).map { Double($0 * i) } }),
        ]
        for (index, plot) in Self.every(extra).enumerated() {
            for mode in ColorMode.allCases {
                let text = plot.render(RenderOptions(colorMode: mode, charset: .ascii))
                let offending = text.unicodeScalars.first { $0.value >= 0x80 }
                #expect(offending == nil, "plot \(index) in \(mode) has \(String(describing: offending))")
            }
        }
    }

    @Test func noColorMeansNoEscapeCodes() {
        for plot in Self.every() {
            #expect(!plot.render().contains("\u{1B}"))
        }
        let colored = Samples.lines().render(RenderOptions(colorMode: .ansi16))
        #expect(colored.contains("\u{1B}[34m"))
        let truecolor = Samples.largeHeatmap().render(RenderOptions(colorMode: .truecolor))
        #expect(truecolor.contains("38;2;") && truecolor.contains("48;2;"))
    }

    @Test func colorDoesNotChangeTheCharacters() {
        // Removing escape codes from a coloured rendering gives back the text (lines and scatter
        // keep their characters; only the dash patterns that stand in for colour differ).
        for plot in [Samples.scatter(), Samples.bars(), Samples.histogram(), Samples.tanhPlot()] {
            let plain = plot.render()
            let colored = plot.render(RenderOptions(colorMode: .ansi256))
            let stripped = colored.replacingOccurrences(
                of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
            #expect(stripped == plain)
        }
    }

    @Test func renderingIsDeterministic() {
        for (name, make) in Samples.all {
            for mode in ColorMode.allCases {
                let options = RenderOptions(colorMode: mode)
                #expect(make().render(options) == make().render(options), "\(name) \(mode)")
            }
        }
    }

    @Test(arguments: [0, -5, 1, 3, 1_000_000_000, Int.max, Int.min])
    func absurdSizesAreClamped(_ size: Int) {
        var plots = [Plot.line([1, 3, 2]), Plot.bar(labels: ["a"], values: [1]), Samples.largeHeatmap()]
        plots.append(Plot.function(sin, 0, 6, width: size))
        for var plot in plots {
            plot.width = size
            plot.height = size
            let lines = plot.lines()
            #expect(lines.count <= PlotSize.heightRange.upperBound + 12)
            let widest = lines.map { DisplayWidth.of($0) }.max() ?? 0
            #expect(widest <= PlotSize.widthRange.upperBound + 60)
            #expect(widest >= PlotSize.widthRange.lowerBound)
        }
        var grid = Plot.grid([Plot.line([1, 2]), Plot.line([2, 1])], columns: size)
        grid.width = size
        #expect(grid.lines().count < 100)
    }

    @Test func histogramBinsAbsurdCountsAreClamped() {
        let plot = Plot.histogram([1, 2, 3], bins: .count(1_000_000_000))
        #expect(plot.lines().count <= Histogram.maximumBins + 5)
        let negative = Plot.histogram([1, 2, 3], bins: .count(-4))
        #expect(negative.lines().filter { $0.contains("┤") }.count == 1)
    }

    @Test func maxWidthIsHonoured() {
        for (name, make) in Samples.all {
            for budget in [40, 80, 120] {
                let lines = make().lines(RenderOptions(maxWidth: budget))
                let widest = lines.map { DisplayWidth.of($0) }.max() ?? 0
                #expect(widest <= budget, "\(name) at \(budget): \(widest)")
            }
        }
        let plain = Plot.line([1, 2, 3]).lines(RenderOptions(maxWidth: 50))
        #expect((plain.map { DisplayWidth.of($0) }.max() ?? 0) <= 50)
    }

    @Test func hugeCoordinatesAreClippedNotLooped() {
        var plot = Plot.line([0, 1e300, -1e300, 1], x: [0, 1, 2, 3])
        plot.ylim = AxisLimits(-1, 2)
        let lines = plot.lines()
        #expect(lines.count > 10)
        let extreme = Plot.line([-Double.greatestFiniteMagnitude, Double.greatestFiniteMagnitude])
        #expect(extreme.lines().count > 10)
    }

    @Test func functionErrorsPropagate() {
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            _ = try Plot.function(
                { (x: Double) throws(Boom) -> Double in
                    if x > 0 { throw Boom() }
                    return x
                }, -1, 1)
        }
    }
}
