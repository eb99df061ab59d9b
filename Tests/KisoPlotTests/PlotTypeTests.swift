import KisoBase
import Foundation
import Testing

@testable import KisoPlot

@Suite struct PlotTypeTests {
    @Test func histogramCountsEveryFiniteValueOnce() {
        let values = (0..<500).map { sin(Double($0)) * 3 } + [.nan, .infinity]
        let plot = Plot.histogram(values)
        guard case .bars(let data) = plot.content else {
            Issue.record("histogram is not drawn as bars")
            return
        }
        #expect(data.values.reduce(0, +) == 500)
        #expect(plot.render().contains("2 values not shown (nan/inf)"))
        // Sturges: ⌈log₂ 500⌉ + 1 = 10 bins, widened to a 1-2-5 width.
        #expect(data.labels.count >= 6 && data.labels.count <= 14)
        #expect(data.labels.last?.hasSuffix("]") == true)
    }

    @Test func histogramWithEdges() {
        let plot = Plot.histogram([0, 0.5, 1, 1.5, 2, 5, -1], bins: .edges([2, 0, 1]))
        guard case .bars(let data) = plot.content else {
            Issue.record("histogram is not drawn as bars")
            return
        }
        #expect(data.values == [2, 3])
        #expect(data.labels == ["[0, 1)", "[1, 2]"])
        #expect(plot.render().contains("2 values outside the bin edges"))
    }

    @Test func histogramWithCount() {
        let plot = Plot.histogram([0, 1, 2, 3], bins: .count(2))
        guard case .bars(let data) = plot.content else {
            Issue.record("histogram is not drawn as bars")
            return
        }
        #expect(data.values == [2, 2])
    }

    @Test func tanhRisesMonotonicallyAcrossTheCanvas() {
        var plot = Plot.function(tanh, -3, 3, width: 30)
        plot.height = 8
        let rows = plot.lines().filter { $0.contains("│") || $0.contains("┤") }
        // For each drawn column, the highest row with a dot; tanh rises, so it never goes down.
        var topRowByColumn: [Int: Int] = [:]
        for (rowIndex, row) in rows.enumerated() {
            let cells = Array(row.drop { $0 != "│" && $0 != "┤" }.dropFirst())
            for (column, cell) in cells.enumerated()
            where cell.unicodeScalars.first.map({ (0x2801...0x28FF).contains($0.value) }) == true {
                if topRowByColumn[column] == nil { topRowByColumn[column] = rowIndex }
            }
        }
        let ordered = topRowByColumn.keys.sorted().compactMap { topRowByColumn[$0] }
        #expect(ordered.count >= 28)
        #expect(zip(ordered, ordered.dropFirst()).allSatisfy { $0 >= $1 })
        #expect(ordered.first == rows.count - 1 && ordered.last == 0)
    }

    @Test func scatterGroupsByLabelInOrderOfAppearance() {
        let plot = Plot.scatter(x: [0, 1, 2, 3], y: [0, 1, 2, 3], labels: ["b", "a", "b", "c"])
        guard case .axes(let data) = plot.content else {
            Issue.record("scatter has no axes")
            return
        }
        #expect(data.groups.map(\.name) == ["b", "a", "c"])
        #expect(data.groups[0].x == [0, 2])
        let text = plot.render()
        #expect(text.contains("● b") && text.contains("▲ a") && text.contains("■ c"))
    }

    @Test func barsPutNegativeValuesLeftOfZero() {
        let row = Plot.bar(labels: ["n", "p"], values: [-2, 2]).lines().filter { $0.contains("┤") }
        #expect(row.count == 2)
        let negative = row[0]
        let positive = row[1]
        let zeroInNegative = negative.firstIndex(of: "│").map { negative.distance(from: negative.startIndex, to: $0) }
        let zeroInPositive = positive.firstIndex(of: "│").map { positive.distance(from: positive.startIndex, to: $0) }
        #expect(zeroInNegative != nil && zeroInNegative == zeroInPositive)
        #expect(negative.contains("-2 █") && positive.contains("│█"))
    }

    @Test func heatmapAnnotatesSmallMatricesOnly() {
        let small = Plot.heatmap([[0.25, 0.75], [1, 0]]).render()
        #expect(small.contains("0.25") && small.contains("0.75"))
        let large = Plot.heatmap((0..<20).map { i in (0..<20).map { Double(i + $0) / 7 } }).render()
        #expect(!large.contains("0.14"))
        let forced = Plot.heatmap((0..<20).map { i in (0..<20).map { Double(i + $0) } }, annotate: true).render()
        #expect(forced.contains("38"))
    }

    @Test func decisionMapShowsRegionsAndPoints() {
        let grid = [[0, 0, 1, 1], [0, 0, 1, 1]]
        let points = Series.byClass(x: [-0.5, 0.5], y: [0, 0], classes: [0, 1])
        var plot = Plot.decisionMap(classes: grid, x: AxisLimits(-1, 1), y: AxisLimits(-1, 1), points: points)
        plot.width = 20
        plot.height = 4
        let rows = plot.lines().filter { $0.contains("│") || $0.contains("┤") }
        // Left half is class 0 (blank), right half class 1 (dotted).
        for row in rows {
            let cells = Array(row.drop { $0 != "│" && $0 != "┤" }.dropFirst().prefix(20))
            #expect(cells[0..<10].allSatisfy { $0 == " " || $0 == "●" })
            #expect(cells[10..<20].allSatisfy { $0 == "·" || $0 == "▲" })
        }
        let text = plot.render()
        #expect(text.contains("●") && text.contains("▲") && text.contains("class 1"))
    }

    @Test func gridCellsAlignAndAddUp() {
        var grid = Plot.grid(
            [Plot.line([1, 2, 3]), Plot.bar(labels: ["a"], values: [1]), Plot.line([100, -3]), Plot.line([0])],
            columns: 2)
        grid.width = 90
        let lines = grid.lines()
        let widest = lines.map { DisplayWidth.of($0) }.max() ?? 0
        #expect(widest <= 90)
        // The second column starts at the same offset in both rows of plots.
        let topLines = lines.filter { $0.contains("┌") }
        let secondStarts = topLines.map { line -> Int in
            let characters = Array(line)
            let corners = characters.indices.filter { characters[$0] == "┌" }
            return corners.count > 1 ? corners[1] : -1
        }
        #expect(secondStarts.count == 2)
        #expect(secondStarts.allSatisfy { $0 >= 44 && $0 <= 90 })
    }

    @Test func descriptionIsThePlainRendering() {
        let plot = Samples.bars()
        #expect(plot.description == plot.render(RenderOptions()))
        #expect("\(plot)".contains("softmax"))
    }
}
