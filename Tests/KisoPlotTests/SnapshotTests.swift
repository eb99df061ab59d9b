import Foundation
import Testing

@testable import KisoPlot

/// Every plot type on every canvas, compared with the committed text in Tests/Fixtures/plots.
@Suite struct PlotSnapshotTests {
    static let names = Samples.all.map(\.0)

    @Test(arguments: names, CanvasKind.allCases)
    func plainSnapshot(_ name: String, _ canvas: CanvasKind) throws {
        let make = try #require(Samples.all.first { $0.0 == name }?.1)
        var plot = make()
        plot.canvas = canvas
        let charset: Charset = canvas == .ascii ? .ascii : .unicode
        let text = plot.render(RenderOptions(colorMode: .none, charset: charset))
        Snapshot.check(text, "\(name)_\(canvas)")
    }

    @Test(arguments: ["attention", "large_heatmap", "decision_map", "probability_map", "lines", "bars"])
    func colorSnapshot(_ name: String) throws {
        let make = try #require(Samples.all.first { $0.0 == name }?.1)
        let text = make().render(RenderOptions(colorMode: .ansi256))
        Snapshot.check(text, "\(name)_ansi256")
    }

    @Test func truecolorHeatmapSnapshot() {
        Snapshot.check(Samples.attention().render(RenderOptions(colorMode: .truecolor)), "attention_truecolor")
    }
}
