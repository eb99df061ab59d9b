import KisoBase

/// The colour of a run of text; `nil` parts use the terminal's defaults.
struct TextStyle: Equatable, Sendable {
    var foreground: PlotColor?
    var background: PlotColor?
    var bold = false

    static let plain = TextStyle()

    var isPlain: Bool { foreground == nil && background == nil && !bold }
}

/// One line of output as runs of styled text; colour is applied only when rendering.
struct StyledLine: Sendable, Equatable {
    private(set) var runs: [(text: String, style: TextStyle)] = []
    /// The line's width in terminal columns.
    private(set) var width = 0

    init() {}

    init(_ text: String, style: TextStyle = .plain) {
        append(text, style: style)
    }

    static func == (a: StyledLine, b: StyledLine) -> Bool {
        a.runs.count == b.runs.count && zip(a.runs, b.runs).allSatisfy { $0.text == $1.text && $0.style == $1.style }
    }

    mutating func append(_ text: String, style: TextStyle = .plain) {
        guard !text.isEmpty else { return }
        width += DisplayWidth.of(text)
        if let last = runs.last, last.style == style {
            runs[runs.count - 1].text += text
        } else {
            runs.append((text, style))
        }
    }

    mutating func append(_ other: StyledLine) {
        for run in other.runs { append(run.text, style: run.style) }
    }

    mutating func appendSpaces(_ count: Int) {
        if count > 0 { append(String(repeating: " ", count: count)) }
    }

    /// This line padded with plain spaces to `target` columns.
    func padded(to target: Int) -> StyledLine {
        var copy = self
        copy.appendSpaces(target - width)
        return copy
    }

    /// The text with escape codes for `mode`; with `.ascii` every non-ASCII character becomes `?`
    /// (one per column, keeping alignment). Trailing unstyled spaces are dropped.
    func rendered(_ mode: ColorMode, charset: Charset) -> String {
        var pieces: [(String, TextStyle)] = runs.map {
            (charset == .ascii ? Self.asciiOnly($0.text) : $0.text, $0.style)
        }
        while let last = pieces.last, last.1.background == nil {
            var text = last.0
            while text.last == " " { text.removeLast() }
            if text.isEmpty {
                pieces.removeLast()
            } else {
                pieces[pieces.count - 1].0 = text
                break
            }
        }
        // Runs whose colours differ but map to the same escape code (nearby RGB values in 256
        // colours) are merged, so the output holds one code per visible change.
        var output = ""
        var pendingCode = ""
        var pendingText = ""
        func flush() {
            guard !pendingText.isEmpty else { return }
            output += pendingCode.isEmpty ? pendingText : "\u{1B}[" + pendingCode + "m" + pendingText + "\u{1B}[0m"
            pendingText = ""
        }
        for (text, style) in pieces {
            var code = ""
            if mode != .none && !style.isPlain {
                var codes: [String] = []
                if style.bold { codes.append("1") }
                if let fg = style.foreground { codes.append(fg.sgr(background: false, mode: mode)) }
                if let bg = style.background { codes.append(bg.sgr(background: true, mode: mode)) }
                code = codes.joined(separator: ";")
            }
            if code != pendingCode { flush() }
            pendingCode = code
            pendingText += text
        }
        flush()
        return output
    }

    private static func asciiOnly(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        var result = ""
        for character in text {
            if character.isASCII {
                result.append(character)
            } else {
                result += String(repeating: "?", count: DisplayWidth.of(character))
            }
        }
        return result
    }
}

/// A rectangle of styled lines, the unit that plots are composed from.
struct TextBlock: Sendable {
    var lines: [StyledLine] = []

    var width: Int { lines.reduce(0) { Swift.max($0, $1.width) } }
    var height: Int { lines.count }

    /// `blocks` side by side, each padded to its own width, separated by `gap` spaces and
    /// aligned at the top.
    static func horizontal(_ blocks: [TextBlock], gap: Int, widths: [Int]? = nil) -> TextBlock {
        let height = blocks.reduce(0) { Swift.max($0, $1.height) }
        var result = TextBlock()
        for row in 0..<height {
            var line = StyledLine()
            for (index, block) in blocks.enumerated() {
                if index > 0 { line.appendSpaces(gap) }
                let target = widths.map { $0[index] } ?? block.width
                let piece = row < block.lines.count ? block.lines[row] : StyledLine()
                line.append(piece.padded(to: target))
            }
            result.lines.append(line)
        }
        return result
    }
}
