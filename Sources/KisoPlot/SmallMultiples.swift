/// Several plots laid out in a grid.
struct GridData: Sendable {
    var plots: [Plot]
    var columns: Int?
}

extension Plot {
    /// Small multiples: `plots` side by side, `columns` per row (as many as fit when nil), each
    /// given an equal share of the width (`width`, the caller's `maxWidth`, or 120 columns) so
    /// that the columns line up and the widths add up.
    public static func grid(_ plots: [Plot], columns: Int? = nil, title: String? = nil) -> Plot {
        Plot(.grid(GridData(plots: plots, columns: columns)), title: title)
    }
}

/// Lays out small multiples.
struct GridRenderer {
    let plot: Plot
    let data: GridData
    let context: RenderContext

    static let gap = 2
    static let minimumCellWidth = 20

    func render() -> TextBlock {
        var total = PlotSize.clamp(plot.width, 20...2000, fallback: 120)
        if let budget = context.widthBudget { total = Swift.min(total, budget) }
        let count = data.plots.count
        var block = TextBlock()
        if let title = context.clean(plot.title) {
            let fitted = TextLayout.truncated(title, to: total, ellipsis: context.ellipsis)
            block.lines.append(StyledLine(TextLayout.center(fitted, in: total), style: TextStyle(bold: true)))
        }
        guard count > 0 else {
            block.lines.append(StyledLine("(no plots)"))
            return block
        }
        let fitting = Swift.max(1, (total + Self.gap) / (Self.minimumCellWidth + Self.gap))
        let columns = Swift.min(count, fitting, Swift.max(1, data.columns ?? fitting))
        let cellWidth = Swift.max(PlotSize.minimumLineWidth, (total - Self.gap * (columns - 1)) / columns)
        var inner = context
        inner.fillWidth = cellWidth
        var start = 0
        while start < count {
            let end = Swift.min(count, start + columns)
            var blocks: [TextBlock] = []
            for sub in data.plots[start..<end] {
                var cell = sub
                if cell.height == nil { cell.height = 8 }
                blocks.append(cell.block(inner))
            }
            // Every cell takes its full share, so the frames of a column line up row after row.
            let row = TextBlock.horizontal(
                blocks, gap: Self.gap, widths: Array(repeating: cellWidth, count: blocks.count))
            if start > 0 { block.lines.append(StyledLine()) }
            block.lines += row.lines
            start = end
        }
        return block
    }
}
