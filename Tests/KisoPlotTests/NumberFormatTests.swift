import KisoBase
import Testing

@testable import KisoPlot

/// One number format per plot: labels side by side have the same decimals, and a zero lines up
/// with its neighbours.
@Suite struct UniformNumberFormatTests {
    @Test func barLabelsShareTheirDecimals() {
        let text = Plot.bar(labels: ["a", "b", "c"], values: [0.659, 0.2424, 0.09857]).render()
        #expect(text.contains(" 0.659"))
        #expect(text.contains(" 0.242"))
        #expect(text.contains(" 0.099"))
        #expect(!text.contains("0.2424") && !text.contains("0.09857"))
    }

    @Test func valuesThatEndSoonerKeepFewerDecimals() {
        let format = NumberFormat.uniform(for: [0.61, 0.24, 0.1, 0.05])
        #expect([0.61, 0.24, 0.1, 0.05].map(format) == ["0.61", "0.24", "0.10", "0.05"])
    }

    @Test func wholeNumbersStayWhole() {
        let format = NumberFormat.uniform(for: [3, 12, 0, -4])
        #expect([3, 12, 0, -4].map(format) == ["3", "12", "0", "-4"])
    }

    @Test func extremeMagnitudesUseScientificNotationThroughout() {
        let format = NumberFormat.uniform(for: [2.5e7, 1.25e6])
        #expect(format(2.5e7) == "2.5e7")
        #expect(format(1.25e6) == "1.25e6")
        #expect(NumberFormat.uniform(for: [3e-6, 1e-5])(1e-5) == "1e-5")
    }

    @Test func noNegativeZero() {
        let format = NumberFormat.uniform(for: [1.5, -0.0])
        #expect(format(-0.0) == "0.0")
    }

    @Test func annotatedHeatmapWritesZeroLikeItsNeighbours() {
        let text = Plot.heatmap([[0, 0.25], [1, 0.5]], rowLabels: ["r", "s"], annotate: true).render()
        let firstRow = text.split(separator: "\n").first { $0.hasPrefix("r ") }.map(String.init) ?? ""
        #expect(firstRow.contains("0.00") && firstRow.contains("0.25"), "first row: \(firstRow)")
    }

    @Test func annotatedHeatmapWiderThanTheDisplayFits() {
        let matrix = (0..<10).map { row in (0..<10).map { Double(row * 10 + $0) / 7 } }
        let labels = (0..<10).map { "column \($0)" }
        let plot = Plot.heatmap(matrix, rowLabels: labels, columnLabels: labels, annotate: true)
        let wide = plot.render(RenderOptions(maxWidth: 200))
        #expect(wide.contains("14.1"))
        let narrow = plot.render(RenderOptions(maxWidth: 60))
        for line in narrow.split(separator: "\n") {
            #expect(DisplayWidth.of(String(line)) <= 60, "line wider than 60 columns: \(line)")
        }
        #expect(narrow.contains("values not shown") || narrow.contains("14"))
    }

    @Test func valuesOrdersOfMagnitudeApartKeepTheirDigits() {
        let values = [1.142e-6, 0.0001307, 0.03776, 0.8692, 3.685]
        let format = NumberFormat.uniform(for: values)
        #expect(values.map(format) == ["1.14e-6", "0.000131", "0.0378", "0.869", "3.69"])
    }
}
