import Glibc
import KisoBase

/// Draws plots with x and y axes (line, function, scatter, decision map): the canvas inside a
/// frame, y ticks on the left, x ticks below, legend on the right, notes at the bottom.
struct AxesRenderer {
    let plot: Plot
    let data: AxesData
    let context: RenderContext

    private var charset: Charset { context.charset }

    func render() -> TextBlock {
        let kind = context.canvasKind(plot.canvas)
        let height = PlotSize.clamp(plot.height, PlotSize.heightRange, fallback: PlotSize.defaultHeight)
        let yResolution = Canvas(columns: 1, rows: 1, kind: kind).yResolution
        let (yLimits, yStep) = axis(vertical: true, target: Swift.max(2, height / 3))
        let yTicks = verticalTicks(yLimits, step: yStep, pixelHeight: height * yResolution, yResolution: yResolution)
        let tickWidth = yTicks.reduce(0) { Swift.max($0, DisplayWidth.of($1.label)) }
        let ylabel = context.clean(plot.ylabel).map { TextLayout.truncated($0, to: 20, ellipsis: context.ellipsis) }
        let ylabelWidth = ylabel.map { DisplayWidth.of($0) + 1 } ?? 0
        let leftMargin = ylabelWidth + tickWidth + 1

        let legend = legendEntries()
        let legendWidth = legend.isEmpty ? 0 : legend.reduce(0) { Swift.max($0, $1.width) } + 1
        var width = PlotSize.clamp(plot.width, PlotSize.widthRange, fallback: PlotSize.defaultWidth)
        var legendOnRight = !legend.isEmpty
        if let budget = context.widthBudget {
            var available = budget - leftMargin - 2 - legendWidth
            if legendOnRight && available < 16 {
                legendOnRight = false
                available += legendWidth
            }
            width = context.fillWidth != nil && plot.width == nil ? available : Swift.min(width, available)
            width = Swift.min(PlotSize.widthRange.upperBound, Swift.max(PlotSize.widthRange.lowerBound, width))
        }

        let (xLimits, xTicks) = horizontalAxis(width: width)
        var canvas = Canvas(columns: width, rows: height, kind: kind)
        var notes = data.notes
        drawRegion(&canvas, xLimits, yLimits)
        var skipped = drawLines(&canvas, xLimits, yLimits)
        skipped += drawGroups(&canvas, xLimits, yLimits)
        if let note = skippedNote(skipped) { notes.append(note) }
        if Interruption.isRequested { notes.append("drawing stopped by Ctrl-C: some points are missing") }

        return compose(
            canvas: canvas, leftMargin: leftMargin, tickWidth: tickWidth, ylabel: ylabel, yTicks: yTicks,
            xTicks: xTicks, legend: legend, legendOnRight: legendOnRight, notes: notes)
    }

    // MARK: limits and ticks

    /// The limits of one axis and the tick step for about `target` intervals: given limits are
    /// kept, automatic ones span the data and, when nice, move out to multiples of the step.
    private func axis(vertical: Bool, target: Int) -> (AxisLimits, Double) {
        let given = vertical ? plot.ylim : plot.xlim
        if let fixed = given ?? (vertical ? data.region?.y : data.region?.x) {
            let limits = widened(fixed)
            return (limits, Ticks.niceStep(span: limits.upper - limits.lower, target: target))
        }
        var low = Double.infinity
        var high = -Double.infinity
        for series in data.lines + data.groups {
            for index in 0..<series.pointCount {
                if index & 0xFFFF == 0 && Interruption.isRequested { break }
                let point = series.point(index)
                guard point.x.isFinite && point.y.isFinite else { continue }
                let v = vertical ? point.y : point.x
                low = Swift.min(low, v)
                high = Swift.max(high, v)
            }
        }
        let found = low <= high
        let raw = widened(
            Ticks.autoLimits(minimum: found ? low : nil, maximum: found ? high : nil, nice: false, target: target))
        let step = Ticks.niceStep(span: raw.upper - raw.lower, target: target)
        guard vertical ? data.niceY : data.niceX else { return (raw, step) }
        let lower = floor(raw.lower / step + 1e-9) * step
        let upper = ceil(raw.upper / step - 1e-9) * step
        guard lower.isFinite, upper.isFinite, (upper - lower).isFinite, upper > lower else { return (raw, step) }
        return (AxisLimits(lower, upper), step)
    }

    /// Limits with a positive, finite span: an empty interval gets room around its value, an
    /// overflowing one is halved.
    private func widened(_ limits: AxisLimits) -> AxisLimits {
        let span = limits.upper - limits.lower
        if span > 0 && span.isFinite { return limits }
        if span > 0 { return AxisLimits(limits.lower / 2, limits.upper / 2) }
        let room = limits.lower == 0 ? 1 : abs(limits.lower) * 0.1
        return AxisLimits(limits.lower - room, limits.upper + room)
    }

    private func verticalTicks(
        _ limits: AxisLimits, step: Double, pixelHeight: Int, yResolution: Int
    )
        -> [(row: Int, label: String)]
    {
        let span = limits.upper - limits.lower
        let rows = pixelHeight / yResolution
        var result: [(row: Int, label: String)] = []
        for value in Ticks.positions(lower: limits.lower, upper: limits.upper, step: step) {
            let pixel = (limits.upper - value) / span * Double(pixelHeight - 1)
            let row = Int(saturating: pixel.rounded()) / yResolution
            guard row >= 0, row < rows, !result.contains(where: { $0.row == row }) else { continue }
            result.append((row, Ticks.label(value, step: step)))
        }
        return result
    }

    /// The x limits and the labelled ticks, the step coarsened until the labels do not collide.
    private func horizontalAxis(width: Int) -> (AxisLimits, [(column: Int, label: String)]) {
        var target = Swift.max(2, width / 8)
        while true {
            let (limits, step) = axis(vertical: false, target: target)
            let span = limits.upper - limits.lower
            let pixelWidth = width * 2
            var ticks: [(column: Int, label: String)] = []
            var fits = true
            var lastEnd = Int.min / 2
            for value in Ticks.positions(lower: limits.lower, upper: limits.upper, step: step) {
                let pixel = (value - limits.lower) / span * Double(pixelWidth - 1)
                let column = Int(saturating: pixel.rounded()) / 2
                guard column >= 0, column < width else { continue }
                let label = Ticks.label(value, step: step)
                let start = column - (label.count - 1) / 2
                if start < lastEnd + 2 { fits = false }
                lastEnd = start + label.count
                ticks.append((column, label))
            }
            if fits || target <= 1 { return (limits, ticks) }
            target -= 1
        }
    }

    // MARK: drawing

    private func pixel(
        _ x: Double, _ y: Double, _ xl: AxisLimits, _ yl: AxisLimits, _ canvas: Canvas
    )
        -> (x: Double, y: Double)
    {
        let px = (x - xl.lower) / (xl.upper - xl.lower) * Double(canvas.pixelWidth - 1)
        let py = (yl.upper - y) / (yl.upper - yl.lower) * Double(canvas.pixelHeight - 1)
        return (px, py)
    }

    private func drawRegion(_ canvas: inout Canvas, _ xl: AxisLimits, _ yl: AxisLimits) {
        guard let region = data.region else { return }
        let pixelWidth = Double(canvas.pixelWidth - 1)
        let pixelHeight = Double(canvas.pixelHeight - 1)
        let yResolution = Double(canvas.yResolution)
        for row in 0..<canvas.rows {
            for column in 0..<canvas.columns {
                let centerX = (Double(column) * 2 + 0.5) / Swift.max(1, pixelWidth)
                let centerY = (Double(row) * yResolution + (yResolution - 1) / 2) / Swift.max(1, pixelHeight)
                let x = xl.lower + centerX * (xl.upper - xl.lower)
                let y = yl.upper - centerY * (yl.upper - yl.lower)
                guard let value = region.value(atX: x, y: y) else { continue }
                let classIndex = region.isProbability ? (value >= 0.5 ? 1 : 0) : Int(saturating: value.rounded())
                switch context.colorMode {
                case .ansi256, .truecolor:
                    let tint =
                        region.isProbability
                        ? PlotColor.blend(regionTint(0), regionTint(1), value) : regionTint(classIndex)
                    canvas.setBackground(column: column, row: row, tint)
                case .none, .ansi16:
                    let fill = Markers.regionFill(classIndex, charset)
                    if fill != " " {
                        canvas.setGlyph(column: column, row: row, fill, color: classColor(classIndex))
                    }
                }
            }
        }
    }

    private func classColor(_ index: Int) -> PlotColor? {
        context.colorMode == .none ? nil : PlotColor.series(index)
    }

    /// A dark shade of a class's colour, light enough to see and dark enough for markers on top.
    private func regionTint(_ index: Int) -> PlotColor {
        PlotColor.blend(PlotColor.series(index), .black, 0.45)
    }

    private func lineColor(_ index: Int) -> PlotColor? {
        guard context.usesColor else { return nil }
        return data.lines[index].color ?? PlotColor.series(index)
    }

    private func dash(_ index: Int) -> DashPattern {
        context.usesColor || data.lines.count < 2 ? .solid : DashPattern.series(index)
    }

    private func drawLines(_ canvas: inout Canvas, _ xl: AxisLimits, _ yl: AxisLimits) -> Int {
        var skipped = 0
        for (index, series) in data.lines.enumerated() {
            let color = lineColor(index)
            let pattern = dash(index)
            var previous: (x: Double, y: Double)?
            var phase = 0
            for index in 0..<series.pointCount {
                // Ctrl-C leaves the rest undrawn; render notes it (millions of points take seconds).
                if index & 0xFFFF == 0 && Interruption.isRequested { return skipped }
                let point = series.point(index)
                guard point.x.isFinite, point.y.isFinite else {
                    skipped += 1
                    previous = nil
                    phase = 0
                    continue
                }
                let current = pixel(point.x, point.y, xl, yl, canvas)
                canvas.line(from: previous ?? current, to: current, color: color, dash: pattern, phase: &phase)
                previous = current
            }
        }
        return skipped
    }

    private func drawGroups(_ canvas: inout Canvas, _ xl: AxisLimits, _ yl: AxisLimits) -> Int {
        var skipped = 0
        for (index, group) in data.groups.enumerated() {
            let marker = Markers.marker(index, charset)
            let color = context.usesColor ? group.color ?? PlotColor.series(index) : nil
            for index in 0..<group.pointCount {
                if index & 0xFFFF == 0 && Interruption.isRequested { return skipped }
                let point = group.point(index)
                guard point.x.isFinite, point.y.isFinite else {
                    skipped += 1
                    continue
                }
                let p = pixel(point.x, point.y, xl, yl, canvas)
                guard p.x > -0.5, p.y > -0.5, p.x < Double(canvas.pixelWidth) - 0.5,
                    p.y < Double(canvas.pixelHeight) - 0.5
                else { continue }
                let column = Int(saturating: p.x.rounded()) / canvas.xResolution
                let row = Int(saturating: p.y.rounded()) / canvas.yResolution
                canvas.setGlyph(column: column, row: row, marker, color: color)
            }
        }
        return skipped
    }

    // MARK: legend and layout

    private func legendEntries() -> [StyledLine] {
        guard plot.showLegend else { return [] }
        var entries: [StyledLine] = []
        for (index, series) in data.lines.enumerated() {
            guard let name = context.clean(series.name) else { continue }
            var line = StyledLine(dash(index).legendSample(charset), style: TextStyle(foreground: lineColor(index)))
            line.append(" " + TextLayout.truncated(name, to: 24, ellipsis: context.ellipsis))
            entries.append(line)
        }
        let classNames = data.region?.classNames ?? []
        for (index, group) in data.groups.enumerated() {
            let name = context.clean(group.name) ?? (index < classNames.count ? classNames[index] : nil)
            guard let name else { continue }
            let color = context.usesColor ? group.color ?? PlotColor.series(index) : nil
            var line = StyledLine(String(Markers.marker(index, charset)), style: TextStyle(foreground: color))
            if data.region != nil {
                line.append(" ")
                appendRegionSample(&line, index)
            }
            line.append(" " + TextLayout.truncated(name, to: 24, ellipsis: context.ellipsis))
            entries.append(line)
        }
        if let region = data.region, data.groups.count < classNames.count {
            for index in data.groups.count..<classNames.count where index < region.classCount {
                var line = StyledLine(" ")
                line.append(" ")
                appendRegionSample(&line, index)
                line.append(" " + TextLayout.truncated(classNames[index], to: 24, ellipsis: context.ellipsis))
                entries.append(line)
            }
        }
        return entries
    }

    private func appendRegionSample(_ line: inout StyledLine, _ index: Int) {
        switch context.colorMode {
        case .ansi256, .truecolor:
            line.append("  ", style: TextStyle(background: regionTint(index)))
        case .none, .ansi16:
            let fill = Markers.regionFill(index, charset)
            line.append(String(repeating: String(fill), count: 2), style: TextStyle(foreground: classColor(index)))
        }
    }

    private func compose(
        canvas: Canvas, leftMargin: Int, tickWidth: Int, ylabel: String?, yTicks: [(row: Int, label: String)],
        xTicks: [(column: Int, label: String)], legend: [StyledLine], legendOnRight: Bool, notes: [String]
    ) -> TextBlock {
        let border = BorderGlyphs(charset)
        let width = canvas.columns
        let pad = String(repeating: " ", count: leftMargin)
        var block = TextBlock()
        let legendRight = legendOnRight ? legend : []

        if let title = context.clean(plot.title) {
            let fitted = TextLayout.truncated(title, to: width + 2, ellipsis: context.ellipsis)
            block.lines.append(StyledLine(pad + TextLayout.center(fitted, in: width + 2), style: TextStyle(bold: true)))
        }
        block.lines.append(
            StyledLine(pad + border.topLeft + String(repeating: border.horizontal, count: width) + border.topRight))
        let ylabelRow = canvas.rows / 2
        for row in 0..<canvas.rows {
            var line = StyledLine()
            if let ylabel {
                line.append(
                    row == ylabelRow
                        ? TextLayout.padRight(ylabel, to: DisplayWidth.of(ylabel) + 1)
                        : String(repeating: " ", count: DisplayWidth.of(ylabel) + 1))
            }
            let tick = yTicks.first { $0.row == row }
            line.append(TextLayout.padLeft(tick?.label ?? "", to: tickWidth) + " ")
            line.append(tick == nil ? border.vertical : border.leftTick)
            line.append(canvas.line(row: row))
            line.append(border.vertical)
            if row < legendRight.count {
                line.append(" ")
                line.append(legendRight[row])
            }
            block.lines.append(line)
        }
        var bottom = pad + border.bottomLeft
        for column in 0..<width {
            bottom += xTicks.contains { $0.column == column } ? border.bottomTick : border.horizontal
        }
        block.lines.append(StyledLine(bottom + border.bottomRight))

        var labelRow = [Character](repeating: " ", count: leftMargin + width + 2)
        for tick in xTicks {
            let start = Swift.max(0, leftMargin + 1 + tick.column - (tick.label.count - 1) / 2)
            let needed = start + tick.label.count
            if needed > labelRow.count { labelRow += [Character](repeating: " ", count: needed - labelRow.count) }
            for (offset, character) in tick.label.enumerated() { labelRow[start + offset] = character }
        }
        block.lines.append(StyledLine(String(labelRow)))
        if let xlabel = context.clean(plot.xlabel) {
            let fitted = TextLayout.truncated(xlabel, to: width + 2, ellipsis: context.ellipsis)
            block.lines.append(StyledLine(pad + TextLayout.center(fitted, in: width + 2)))
        }
        if !legendOnRight {
            for entry in legend {
                var line = StyledLine(pad + " ")
                line.append(entry)
                block.lines.append(line)
            }
        }
        for note in notes { block.lines.append(StyledLine(pad + " " + note)) }
        return block
    }
}
