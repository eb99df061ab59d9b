import KisoBase

/// The rows of a horizontal bar chart.
struct BarData: Sendable {
    var labels: [String]
    var values: [Double]
    /// Text printed at each bar's end; the value itself when nil.
    var valueTexts: [String]?
    var color: PlotColor?
    var notes: [String] = []
}

extension Plot {
    /// A horizontal bar chart: one bar per label, its value printed at the bar's end. Negative
    /// values extend left of a zero line; non-finite values get no bar and are noted.
    public static func bar(labels: [String], values: [Double], color: PlotColor? = nil, title: String? = nil) -> Plot {
        let count = Swift.max(labels.count, values.count)
        var rowLabels: [String] = []
        var rowValues: [Double] = []
        for index in 0..<count {
            rowLabels.append(index < labels.count ? labels[index] : String(index))
            rowValues.append(index < values.count ? values[index] : .nan)
        }
        var data = BarData(labels: rowLabels, values: rowValues, valueTexts: nil, color: color)
        if labels.count != values.count {
            data.notes.append("\(labels.count) labels for \(values.count) values")
        }
        return Plot(.bars(data), title: title)
    }
}

/// Draws horizontal bars (bar charts and histograms).
struct BarRenderer {
    let plot: Plot
    let data: BarData
    let context: RenderContext

    func render() -> TextBlock {
        let charset = context.charset
        let border = BorderGlyphs(charset)
        let labels = data.labels.map {
            TextLayout.truncated(TextLayout.sanitized($0), to: 30, ellipsis: context.ellipsis)
        }
        let labelWidth = labels.reduce(0) { Swift.max($0, DisplayWidth.of($1)) }
        let format = NumberFormat.uniform(for: data.values)
        let texts = data.values.enumerated().map { index, value in
            if let valueTexts = data.valueTexts, index < valueTexts.count { return valueTexts[index] }
            return format(value)
        }
        var width = PlotSize.clamp(plot.width, PlotSize.widthRange, fallback: 40)
        if let budget = context.widthBudget {
            let available = budget - labelWidth - 3
            width = context.fillWidth != nil && plot.width == nil ? available : Swift.min(width, available)
            width = Swift.min(PlotSize.widthRange.upperBound, Swift.max(PlotSize.widthRange.lowerBound, width))
        }

        let finite = data.values.filter(\.isFinite)
        let high = Swift.max(0, finite.max() ?? 0)
        let low = Swift.min(0, finite.min() ?? 0)
        let hasNegative = low < 0
        let hasPositive = high > 0
        let mixed = hasNegative && hasPositive
        var leftReserve = 0
        var rightReserve = 0
        for (value, text) in zip(data.values, texts) {
            if value < 0 {
                leftReserve = Swift.max(leftReserve, text.count + 1)
            } else {
                rightReserve = Swift.max(rightReserve, text.count + 1)
            }
        }
        let span = Swift.max(0, width - leftReserve - rightReserve - (mixed ? 1 : 0))
        // Cells for a magnitude, at most `span`. The ratio is taken first: with a subnormal
        // range (1e-320) `span / range` overflows to infinity, and a bar of infinite cells
        // would ask for petabytes of text.
        let range = high - low
        func cells(_ magnitude: Double) -> Double {
            guard range > 0, range.isFinite else { return 0 }
            let share = magnitude / range
            return share.isFinite ? Swift.min(1, Swift.max(0, share)) * Double(span) : 0
        }
        let zeroColumn: Int
        if mixed {
            zeroColumn = leftReserve + Int(saturating: cells(-low).rounded())
        } else if hasNegative {
            zeroColumn = leftReserve + span
        } else {
            zeroColumn = 0
        }

        let pad = String(repeating: " ", count: labelWidth + 1)
        var block = TextBlock()
        if let title = context.clean(plot.title) {
            let fitted = TextLayout.truncated(title, to: width + 2, ellipsis: context.ellipsis)
            block.lines.append(StyledLine(pad + TextLayout.center(fitted, in: width + 2), style: TextStyle(bold: true)))
        }
        block.lines.append(StyledLine(pad + border.topLeft + String(repeating: " ", count: width) + border.topRight))
        let barStyle = TextStyle(foreground: context.usesColor ? data.color ?? PlotColor.series(0) : nil)
        let full = charset == .ascii ? "#" : "█"
        let zeroLine = border.vertical
        var skipped = 0
        for (index, label) in labels.enumerated() {
            var line = StyledLine(TextLayout.padLeft(label, to: labelWidth) + " " + border.leftTick)
            var column = 0
            func advance(to target: Int) {
                line.appendSpaces(target - column)
                column = Swift.max(column, target)
            }
            let value = data.values[index]
            let text = texts[index]
            if !value.isFinite {
                skipped += 1
                if mixed {
                    advance(to: zeroColumn)
                    line.append(zeroLine)
                    column += 1
                }
                line.append(" " + text)
            } else if value < 0 {
                let count = Int(saturating: cells(-value).rounded())
                let start = zeroColumn - count
                advance(to: start - text.count - 1)
                line.append(text + " ")
                line.append(String(repeating: full, count: count), style: barStyle)
                column = zeroColumn
                if mixed { line.append(zeroLine) }
            } else {
                if mixed {
                    advance(to: zeroColumn)
                    line.append(zeroLine)
                    column += 1
                }
                let length = cells(value)
                var whole = Int(saturating: length)
                var eighths = charset == .ascii ? 0 : Int(saturating: ((length - Double(whole)) * 8).rounded())
                if charset == .ascii && length - Double(whole) >= 0.5 { whole += 1 }
                if eighths == 8 {
                    whole += 1
                    eighths = 0
                }
                var bar = String(repeating: full, count: whole)
                if eighths > 0 { bar.append(Self.eighths[eighths]) }
                line.append(bar, style: barStyle)
                line.append(" " + text)
            }
            block.lines.append(line)
        }
        block.lines.append(
            StyledLine(pad + border.bottomLeft + String(repeating: " ", count: width) + border.bottomRight))
        if let xlabel = context.clean(plot.xlabel) {
            let fitted = TextLayout.truncated(xlabel, to: width + 2, ellipsis: context.ellipsis)
            block.lines.append(StyledLine(pad + TextLayout.center(fitted, in: width + 2)))
        }
        var notes = data.notes
        if let note = skippedNote(skipped, noun: "value") { notes.append(note) }
        for note in notes { block.lines.append(StyledLine(pad + " " + note)) }
        return block
    }

    /// Left-aligned partial blocks, index = eighths of a cell.
    private static let eighths: [Character] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
}
