import KisoBase

/// A matrix to draw as coloured cells.
struct HeatmapData: Sendable {
    var matrix: [[Double]]
    var rowLabels: [String]?
    var columnLabels: [String]?
    var annotate: Bool?
    var limits: AxisLimits?
}

extension Plot {
    /// A heatmap of `matrix` (rows top to bottom) with a colourbar from its minimum to its maximum
    /// (or `limits`). Small matrices (up to 12 × 12), or any with `annotate: true`, print each value
    /// in its cell — with colour off as the number beside a shading character. Larger matrices
    /// are drawn with half-block cells (two rows per line) in colour, or the shading ramp
    /// without, averaged down to fit the plotting area. Ragged rows are padded with NaN.
    public static func heatmap(
        _ matrix: [[Double]], rowLabels: [String]? = nil, columnLabels: [String]? = nil, annotate: Bool? = nil,
        limits: AxisLimits? = nil, title: String? = nil
    ) -> Plot {
        let data = HeatmapData(
            matrix: matrix, rowLabels: rowLabels, columnLabels: columnLabels, annotate: annotate, limits: limits)
        return Plot(.heatmap(data), title: title)
    }
}

/// Draws heatmaps, annotated or as a colour/shade map, with a colourbar.
struct HeatmapRenderer {
    let plot: Plot
    let data: HeatmapData
    let context: RenderContext

    private var rowCount: Int { data.matrix.count }
    private var columnCount: Int { data.matrix.reduce(0) { Swift.max($0, $1.count) } }

    private func value(_ row: Int, _ column: Int) -> Double {
        let values = data.matrix[row]
        return column < values.count ? values[column] : .nan
    }

    /// Whether cells take background colour (256 and truecolor); otherwise shading characters.
    private var paintsCells: Bool { context.colorMode == .ansi256 || context.colorMode == .truecolor }

    func render() -> TextBlock {
        var low = Double.infinity
        var high = -Double.infinity
        var nonFinite = 0
        for row in 0..<rowCount {
            for column in 0..<columnCount {
                let v = value(row, column)
                if v.isFinite {
                    low = Swift.min(low, v)
                    high = Swift.max(high, v)
                } else {
                    nonFinite += 1
                }
            }
        }
        if let limits = data.limits {
            low = limits.lower
            high = limits.upper
        }
        if !low.isFinite || !high.isFinite {
            low = 0
            high = 1
        }
        let scale = ColorScale(low: low, high: high)
        var block: TextBlock
        if rowCount == 0 || columnCount == 0 {
            block = TextBlock(lines: [StyledLine("(empty matrix)")])
        } else if data.annotate == false || (data.annotate == nil && (rowCount > 12 || columnCount > 12)) {
            block = map(scale)
        } else {
            block = annotated(scale)
            if let budget = context.widthBudget, block.width > budget {
                if data.annotate == nil {
                    // Chosen automatically, the annotated form gives way to the compact map.
                    block = map(scale)
                } else {
                    // Asked for, the numbers first lose decimals; if they still do not fit, the
                    // map is drawn and says why the numbers are missing.
                    var decimals = annotationDecimals - 1
                    block = annotated(scale, decimals: Swift.max(0, decimals))
                    while block.width > budget && decimals > 0 {
                        decimals -= 1
                        block = annotated(scale, decimals: decimals)
                    }
                    if block.width > budget {
                        block = map(scale)
                        let note = " values not shown: they need \(annotatedWidth) columns, the display has \(budget)"
                        block.lines.append(StyledLine(TextLayout.truncated(note, to: budget, ellipsis: context.ellipsis)))
                    }
                }
            }
        }
        if let note = skippedNote(nonFinite, noun: "cell") { block.lines.append(StyledLine(" " + note)) }
        return block
    }

    // MARK: annotated

    /// The largest finite magnitude in the matrix.
    private var largest: Double { data.matrix.joined().filter(\.isFinite).map(abs).max() ?? 0 }

    /// Decimals for the annotations: two under 10, one under 100, none above.
    private var annotationDecimals: Int { largest < 10 ? 2 : largest < 100 ? 1 : 0 }

    /// The width the annotated form takes with its usual decimals.
    private var annotatedWidth: Int { annotated(ColorScale(low: 0, high: 1)).width }

    /// Every cell with its value written in one format (a zero as `0.00` beside `0.25`).
    private func annotated(_ scale: ColorScale, decimals: Int? = nil) -> TextBlock {
        let largest = self.largest
        let places = decimals ?? annotationDecimals
        let zero = NumberFormat.fixed(0, decimals: places, zero: nil)
        func text(_ v: Double) -> String {
            if !v.isFinite { return NumberFormat.compact(v) }
            if largest >= 1e5 { return NumberFormat.compact(v, significant: 3) }
            return NumberFormat.fixed(v, decimals: places, zero: zero)
        }
        var texts: [[String]] = []
        var textWidth = 1
        for row in 0..<rowCount {
            texts.append((0..<columnCount).map { text(value(row, $0)) })
            textWidth = Swift.max(textWidth, texts[row].reduce(0) { Swift.max($0, $1.count) })
        }
        let rowLabels = labels(data.rowLabels, count: rowCount, limit: 16)
        let rowLabelWidth = rowLabels.reduce(0) { Swift.max($0, DisplayWidth.of($1)) }
        let cellWidth = paintsCells ? textWidth + 2 : textWidth + 4
        let columnLabels = labels(data.columnLabels, count: columnCount, limit: cellWidth - 1)
        let mapWidth = rowLabelWidth + 1 + cellWidth * columnCount

        var block = TextBlock()
        titleLine(&block, offset: rowLabelWidth + 1, width: cellWidth * columnCount)
        var header = StyledLine(String(repeating: " ", count: rowLabelWidth + 1))
        for label in columnLabels {
            header.append(
                paintsCells
                    ? TextLayout.center(label, in: cellWidth) : " " + TextLayout.center(label, in: cellWidth - 1))
        }
        block.lines.append(header)
        let shadeWidth = 2
        for row in 0..<rowCount {
            var line = StyledLine(TextLayout.padLeft(rowLabels[row], to: rowLabelWidth) + " ")
            for column in 0..<columnCount {
                let v = value(row, column)
                let cellText = TextLayout.padLeft(texts[row][column], to: textWidth)
                if paintsCells {
                    if v.isFinite {
                        let color = scale.color(v)
                        let foreground: PlotColor = color.luminance > 0.5 ? .black : .white
                        line.append(" " + cellText + " ", style: TextStyle(foreground: foreground, background: color))
                    } else {
                        line.append(" " + cellText + " ")
                    }
                } else {
                    let shade = v.isFinite ? Colormap.shade(scale.fraction(v), context.charset) : " "
                    line.append(" " + cellText + " " + String(repeating: String(shade), count: shadeWidth))
                }
            }
            block.lines.append(line)
        }
        let bar = colorbar(scale, height: Swift.max(3, rowCount))
        var combined = TextBlock()
        for index in 0..<Swift.max(block.lines.count, bar.count + 1) {
            var line = index < block.lines.count ? block.lines[index] : StyledLine()
            // The colourbar starts level with the first matrix row, below the title and header.
            let barIndex = index - (block.lines.count - rowCount)
            if barIndex >= 0 && barIndex < bar.count {
                line = line.padded(to: mapWidth + 2)
                line.append(bar[barIndex])
            }
            combined.lines.append(line)
        }
        return combined
    }

    // MARK: map

    private func map(_ scale: ColorScale) -> TextBlock {
        let border = BorderGlyphs(context.charset)
        let halfBlocks = paintsCells
        let maxRows = PlotSize.clamp(plot.height, PlotSize.heightRange, fallback: PlotSize.defaultHeight)
        let rowLabels = labels(data.rowLabels, count: rowCount, limit: 16)
        let labelWidth = Swift.max(DisplayWidth.of(rowLabels.first ?? ""), DisplayWidth.of(rowLabels.last ?? ""))
        var maxColumns = PlotSize.clamp(plot.width, PlotSize.widthRange, fallback: PlotSize.defaultWidth)
        if let budget = context.widthBudget {
            // Row labels, frame, colourbar and its labels take the rest of the line.
            let barLabels = Swift.max(NumberFormat.compact(scale.low).count, NumberFormat.compact(scale.high).count)
            let overhead = labelWidth + 1 + 2 + 1 + 2 + 1 + barLabels
            maxColumns = Swift.max(PlotSize.widthRange.lowerBound, Swift.min(maxColumns, budget - overhead))
        }
        let sampledRows = Swift.min(rowCount, halfBlocks ? maxRows * 2 : maxRows)
        let sampledColumns = Swift.min(columnCount, maxColumns)
        let grid = downsampled(rows: sampledRows, columns: sampledColumns)
        let cellWidth = sampledColumns * 2 <= maxColumns ? 2 : 1
        let mapWidth = sampledColumns * cellWidth
        let textRows = halfBlocks ? (sampledRows + 1) / 2 : sampledRows

        var block = TextBlock()
        titleLine(&block, offset: labelWidth + 1, width: mapWidth + 2)
        let pad = String(repeating: " ", count: labelWidth + 1)
        block.lines.append(
            StyledLine(pad + border.topLeft + String(repeating: border.horizontal, count: mapWidth) + border.topRight))
        let bar = colorbar(scale, height: Swift.max(2, textRows))
        for textRow in 0..<textRows {
            var label = ""
            if textRow == 0 { label = rowLabels.first ?? "" }
            if textRow == textRows - 1 && textRows > 1 { label = rowLabels.last ?? "" }
            var line = StyledLine(TextLayout.padLeft(label, to: labelWidth) + " " + border.vertical)
            for column in 0..<sampledColumns {
                if halfBlocks {
                    let top = grid[textRow * 2][column]
                    let bottomRow = textRow * 2 + 1
                    let bottom = bottomRow < sampledRows ? grid[bottomRow][column] : .nan
                    let style = TextStyle(
                        foreground: top.isFinite ? scale.color(top) : nil,
                        background: bottom.isFinite ? scale.color(bottom) : nil)
                    let glyph = top.isFinite ? "▀" : bottom.isFinite ? "▄" : " "
                    let lowerOnly = !top.isFinite && bottom.isFinite
                    let lowerStyle = TextStyle(foreground: bottom.isFinite ? scale.color(bottom) : nil)
                    line.append(String(repeating: glyph, count: cellWidth), style: lowerOnly ? lowerStyle : style)
                } else {
                    let v = grid[textRow][column]
                    let shade = v.isFinite ? Colormap.shade(scale.fraction(v), context.charset) : " "
                    line.append(String(repeating: String(shade), count: cellWidth))
                }
            }
            line.append(border.vertical + " ")
            if textRow < bar.count { line.append(bar[textRow]) }
            block.lines.append(line)
        }
        for extra in textRows..<bar.count {
            var line = StyledLine(String(repeating: " ", count: labelWidth + 1 + mapWidth + 3))
            line.append(bar[extra])
            block.lines.append(line)
        }
        block.lines.append(
            StyledLine(
                pad + border.bottomLeft + String(repeating: border.horizontal, count: mapWidth) + border.bottomRight))
        let columnLabels = labels(data.columnLabels, count: columnCount, limit: 12)
        if let first = columnLabels.first, let last = columnLabels.last {
            var line = pad + " " + first
            if columnCount > 1 {
                let lastStart = labelWidth + 2 + mapWidth - DisplayWidth.of(last)
                line = TextLayout.padRight(line, to: Swift.max(DisplayWidth.of(line) + 1, lastStart)) + last
            }
            block.lines.append(StyledLine(line))
        }
        if sampledRows < rowCount || sampledColumns < columnCount {
            block.lines.append(
                StyledLine(pad + " \(rowCount)x\(columnCount) averaged to \(sampledRows)x\(sampledColumns)"))
        }
        return block
    }

    /// Block averages of the matrix (NaN cells ignored) on a `rows` × `columns` grid.
    private func downsampled(rows: Int, columns: Int) -> [[Double]] {
        var result: [[Double]] = []
        for r in 0..<rows {
            let rowStart = r * rowCount / rows
            let rowEnd = Swift.max(rowStart + 1, (r + 1) * rowCount / rows)
            var line: [Double] = []
            for c in 0..<columns {
                let columnStart = c * columnCount / columns
                let columnEnd = Swift.max(columnStart + 1, (c + 1) * columnCount / columns)
                var sum = 0.0
                var count = 0
                for i in rowStart..<rowEnd {
                    for j in columnStart..<columnEnd {
                        let v = value(i, j)
                        if v.isFinite {
                            sum += v
                            count += 1
                        }
                    }
                }
                line.append(count > 0 ? sum / Double(count) : .nan)
            }
            result.append(line)
        }
        return result
    }

    // MARK: shared pieces

    private func labels(_ given: [String]?, count: Int, limit: Int) -> [String] {
        (0..<count).map { index in
            let raw = given.flatMap { index < $0.count ? $0[index] : nil } ?? String(index)
            return TextLayout.truncated(TextLayout.sanitized(raw), to: Swift.max(1, limit), ellipsis: context.ellipsis)
        }
    }

    private func titleLine(_ block: inout TextBlock, offset: Int, width: Int) {
        guard let title = context.clean(plot.title) else { return }
        let fitted = TextLayout.truncated(title, to: Swift.max(width, 10), ellipsis: context.ellipsis)
        block.lines.append(
            StyledLine(
                String(repeating: " ", count: offset) + TextLayout.center(fitted, in: width),
                style: TextStyle(bold: true)))
    }

    /// A vertical colourbar, the maximum at the top, with its limits printed beside the ends.
    private func colorbar(_ scale: ColorScale, height: Int) -> [StyledLine] {
        (0..<height).map { row in
            let t = height > 1 ? 1 - Double(row) / Double(height - 1) : 1
            let v = scale.low + t * (scale.high - scale.low)
            var line: StyledLine
            if paintsCells {
                line = StyledLine("██", style: TextStyle(foreground: scale.color(v)))
            } else {
                line = StyledLine(String(repeating: String(Colormap.shade(t, context.charset)), count: 2))
            }
            if row == 0 { line.append(" " + NumberFormat.compact(scale.high)) }
            if row == height - 1 { line.append(" " + NumberFormat.compact(scale.low)) }
            return line
        }
    }
}

/// Maps values between `low` and `high` to 0...1 and to colours.
struct ColorScale {
    let low: Double
    let high: Double

    func fraction(_ v: Double) -> Double {
        high > low ? (v - low) / (high - low) : 0.5
    }

    func color(_ v: Double) -> PlotColor { Colormap.color(fraction(v)) }
}
