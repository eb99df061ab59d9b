/// A grid of character cells, each subdivided into pixels (2×4 for braille, 2×2 for block,
/// 2×3 for ASCII), with a colour layer kept per cell. Plot types draw data into pixels; the
/// frame, ticks and legend around it are the plot's business.
struct Canvas: Sendable {
    let columns: Int
    let rows: Int
    let kind: CanvasKind
    private var bits: [UInt8]
    private var dotColors: [PlotColor?]
    private var glyphs: [(text: Character, color: PlotColor?)?]
    private var backgrounds: [PlotColor?]

    /// An empty canvas of `columns` × `rows` cells (both at least 1).
    init(columns: Int, rows: Int, kind: CanvasKind) {
        self.columns = Swift.max(1, columns)
        self.rows = Swift.max(1, rows)
        self.kind = kind
        let count = self.columns * self.rows
        bits = Array(repeating: 0, count: count)
        dotColors = Array(repeating: nil, count: count)
        glyphs = Array(repeating: nil, count: count)
        backgrounds = Array(repeating: nil, count: count)
    }

    /// Pixels per cell horizontally.
    var xResolution: Int { 2 }

    /// Pixels per cell vertically.
    var yResolution: Int {
        switch kind {
        case .braille: 4
        case .block: 2
        case .ascii: 3
        }
    }

    var pixelWidth: Int { columns * xResolution }
    var pixelHeight: Int { rows * yResolution }

    /// Turns on the pixel at (`x`, `y`), `y` counted from the top; pixels outside are ignored.
    mutating func setPixel(_ x: Int, _ y: Int, color: PlotColor?) {
        guard x >= 0, y >= 0, x < pixelWidth, y < pixelHeight else { return }
        let index = (y / yResolution) * columns + x / xResolution
        bits[index] |= Self.bit(kind, x % xResolution, y % yResolution)
        if let color { dotColors[index] = color }
    }

    /// Places a character in a cell, covering its pixels (markers, fills).
    mutating func setGlyph(column: Int, row: Int, _ glyph: Character, color: PlotColor?) {
        guard column >= 0, row >= 0, column < columns, row < rows else { return }
        glyphs[row * columns + column] = (glyph, color)
    }

    /// Colours a cell's background (decision regions).
    mutating func setBackground(column: Int, row: Int, _ color: PlotColor?) {
        guard column >= 0, row >= 0, column < columns, row < rows else { return }
        backgrounds[row * columns + column] = color
    }

    /// Draws a straight line between two points in pixel coordinates (fractional, may lie
    /// outside: the segment is clipped first, so huge coordinates cost nothing).
    /// `phase` carries the dash pattern's position from one segment to the next.
    mutating func line(
        from start: (x: Double, y: Double), to end: (x: Double, y: Double), color: PlotColor?,
        dash: DashPattern = .solid, phase: inout Int
    ) {
        guard
            let (a, b) = Self.clip(
                start, end, width: Double(pixelWidth), height: Double(pixelHeight))
        else { return }
        let dx = b.x - a.x
        let dy = b.y - a.y
        let steps = Int(saturating: Swift.max(abs(dx), abs(dy)).rounded(.up))
        if steps == 0 {
            if dash.isOn(phase) {
                setPixel(Int(saturating: a.x.rounded()), Int(saturating: a.y.rounded()), color: color)
            }
            return
        }
        for step in 0...steps {
            let t = Double(step) / Double(steps)
            // The first pixel of a joined segment was the last of the previous one.
            if step > 0 || phase == 0 {
                if dash.isOn(phase) {
                    setPixel(
                        Int(saturating: (a.x + dx * t).rounded()), Int(saturating: (a.y + dy * t).rounded()),
                        color: color)
                }
                phase += 1
            }
        }
    }

    /// The segment's part inside [-0.5, width - 0.5] × [-0.5, height - 0.5] (Liang–Barsky), or nil.
    static func clip(
        _ p: (x: Double, y: Double), _ q: (x: Double, y: Double), width: Double, height: Double
    ) -> ((x: Double, y: Double), (x: Double, y: Double))? {
        guard p.x.isFinite, p.y.isFinite, q.x.isFinite, q.y.isFinite else { return nil }
        let dx = q.x - p.x
        let dy = q.y - p.y
        // A segment whose length overflows lies almost entirely outside any canvas.
        guard dx.isFinite, dy.isFinite else { return nil }
        var t0 = 0.0
        var t1 = 1.0
        let low = -0.5
        let checks: [(Double, Double)] = [
            (-dx, p.x - low), (dx, width - 0.5 - p.x), (-dy, p.y - low), (dy, height - 0.5 - p.y),
        ]
        for (denominator, numerator) in checks {
            if denominator == 0 {
                if numerator < 0 { return nil }
            } else {
                let t = numerator / denominator
                if denominator < 0 {
                    if t > t1 { return nil }
                    t0 = Swift.max(t0, t)
                } else {
                    if t < t0 { return nil }
                    t1 = Swift.min(t1, t)
                }
            }
        }
        return ((p.x + t0 * dx, p.y + t0 * dy), (p.x + t1 * dx, p.y + t1 * dy))
    }

    /// The styled character of one cell.
    func cell(column: Int, row: Int) -> (text: Character, style: TextStyle) {
        let index = row * columns + column
        let background = backgrounds[index]
        if let glyph = glyphs[index] {
            return (glyph.text, TextStyle(foreground: glyph.color, background: background))
        }
        let pattern = bits[index]
        let color = pattern == 0 ? nil : dotColors[index]
        return (Self.character(kind, pattern), TextStyle(foreground: color, background: background))
    }

    /// One text row of the canvas.
    func line(row: Int) -> StyledLine {
        var line = StyledLine()
        for column in 0..<columns {
            let (text, style) = cell(column: column, row: row)
            line.append(String(text), style: style)
        }
        return line
    }

    private static func bit(_ kind: CanvasKind, _ x: Int, _ y: Int) -> UInt8 {
        switch kind {
        case .braille:
            // Braille numbers dots 1-2-3 down the left column, 4-5-6 down the right, 7 and 8 below.
            let left: [UInt8] = [0x01, 0x02, 0x04, 0x40]
            let right: [UInt8] = [0x08, 0x10, 0x20, 0x80]
            return x == 0 ? left[y] : right[y]
        case .block, .ascii:
            return UInt8(1) << UInt8(y * 2 + x)
        }
    }

    private static let quadrants: [Character] = [
        " ", "▘", "▝", "▀", "▖", "▌", "▞", "▛", "▗", "▚", "▐", "▜", "▄", "▙", "▟", "█",
    ]

    static func character(_ kind: CanvasKind, _ pattern: UInt8) -> Character {
        if pattern == 0 { return " " }
        switch kind {
        case .braille:
            return Character(Unicode.Scalar(0x2800 + UInt32(pattern)) ?? " ")
        case .block:
            return quadrants[Int(pattern & 0x0F)]
        case .ascii:
            return asciiStroke(pattern)
        }
    }

    /// The ASCII character whose shape best matches a 2×3 pixel pattern: the rows and columns
    /// it occupies and, for two columns, which way the stroke leans.
    static func asciiStroke(_ pattern: UInt8) -> Character {
        var count = 0
        var rowsUsed = Set<Int>()
        var columnSum = [0.0, 0.0]
        var columnCount = [0, 0]
        for y in 0..<3 {
            for x in 0..<2 where pattern & (UInt8(1) << UInt8(y * 2 + x)) != 0 {
                count += 1
                rowsUsed.insert(y)
                columnSum[x] += Double(y)
                columnCount[x] += 1
            }
        }
        if count == 0 { return " " }
        if count >= 5 { return "#" }
        if rowsUsed.count == 1, let row = rowsUsed.first {
            switch row {
            case 0: return "'"
            case 1: return "-"
            default: return count == 1 ? "." : "_"
            }
        }
        if columnCount[0] == 0 || columnCount[1] == 0 {
            return rowsUsed == [0, 2] ? ":" : "|"
        }
        let leftMean = columnSum[0] / Double(columnCount[0])
        let rightMean = columnSum[1] / Double(columnCount[1])
        if leftMean > rightMean { return "/" }
        if leftMean < rightMean { return "\\" }
        return rowsUsed == [0, 2] ? "=" : "+"
    }
}

/// A line's dash pattern, used to tell series apart when there is no colour.
public enum DashPattern: Sendable, Equatable, CaseIterable {
    /// An unbroken line.
    case solid
    /// Long dashes.
    case dashed
    /// Dots.
    case dotted
    /// Alternating dash and dot.
    case dashDot

    /// The pattern for the `index`th series when colour is off.
    static func series(_ index: Int) -> DashPattern {
        let all = DashPattern.allCases
        return all[index == Int.min ? 0 : abs(index) % all.count]
    }

    func isOn(_ step: Int) -> Bool {
        switch self {
        case .solid: true
        case .dashed: step % 6 < 4
        case .dotted: step % 3 == 0
        case .dashDot: [true, true, true, true, false, false, true, false, false][step % 9]
        }
    }

    /// A three-column sample for the legend.
    func legendSample(_ charset: Charset) -> String {
        switch (self, charset) {
        case (.solid, .unicode): "───"
        case (.dashed, .unicode): "╌╌╌"
        case (.dotted, .unicode): "┈┈┈"
        case (.dashDot, .unicode): "─·─"
        case (.solid, .ascii): "---"
        case (.dashed, .ascii): "- -"
        case (.dotted, .ascii): "..."
        case (.dashDot, .ascii): "-.-"
        }
    }
}
