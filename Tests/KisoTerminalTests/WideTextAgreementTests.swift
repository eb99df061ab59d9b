import KisoBase
import KisoPlot
import Testing

@testable import KisoTerminal

/// A CJK label takes the same columns in a plot and in prose, because both measure with
/// `KisoBase.DisplayWidth`. Each side is checked through its own output: where a plot's axis
/// starts after its labels, and where a prose table's next column starts after its cells.
@Suite struct WideTextAgreementTests {
    static let labels = ["注意機構", "損失", "cat", "ねこ猫"]

    /// The columns before the first cell border (`┤` in a plot, the second column in a table),
    /// counted with the one measure.
    static func columns(before marker: Character, in line: String) -> Int? {
        guard let index = line.firstIndex(of: marker) else { return nil }
        return DisplayWidth.of(String(line[..<index]))
    }

    @Test func aWideLabelMeasuresTheSameInAPlotAndInProse() throws {
        let widest = try #require(Self.labels.map(DisplayWidth.of).max())
        #expect(widest == 8)

        // The plot: each bar's row puts its axis one gutter past the widest label, whatever script.
        let plot = Plot.bar(labels: Self.labels, values: [1, 2, 3, 4])
        let rows = plot.lines().filter { $0.contains("┤") }
        #expect(rows.count == Self.labels.count)
        let axis = Set(rows.compactMap { Self.columns(before: "┤", in: $0) })
        #expect(axis.count == 1, "plot axis columns \(axis)")
        let plotGutter = try #require(axis.first) - widest

        // The prose: a table pads every cell of a column to the widest, and starts the next
        // column at the same place on every row.
        let table = "| label | x |\n| --- | --- |\n" + Self.labels.map { "| \($0) | x |" }.joined(separator: "\n")
        let lines = MarkdownRenderer(width: 60, style: .plain).renderLines(table)
        let cells = lines.filter { line in Self.labels.contains { line.contains($0) } }
        #expect(cells.count == Self.labels.count)
        let next = Set(cells.compactMap { Self.columns(before: "x", in: $0) })
        #expect(next.count == 1, "table columns \(next)\n\(lines.joined(separator: "\n"))")
        let proseGutter = try #require(next.first) - widest

        // Each label ends where the widest one ends, in both: the padding after a label is the
        // gutter plus the columns the label lacks, measured the same way.
        for (label, row) in zip(Self.labels, rows) {
            let before = try #require(row.range(of: label)).lowerBound
            let end = DisplayWidth.of(String(row[..<before])) + DisplayWidth.of(label)
            #expect(try #require(Self.columns(before: "┤", in: row)) - end >= plotGutter)
        }
        for (label, line) in zip(Self.labels, cells) {
            let start = try #require(line.range(of: label)).lowerBound
            let end = DisplayWidth.of(String(line[..<start])) + DisplayWidth.of(label)
            #expect(
                try #require(Self.columns(before: "x", in: line)) - end == proseGutter + widest - DisplayWidth.of(label)
            )
        }
    }
}
