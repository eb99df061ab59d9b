import KisoBase
import KisoTerminal

/// Columns aligned by display width, for `:vars` and `:shapes`.
enum TextTable {
    /// Each row's cells padded to the widest cell of their column and joined with two spaces;
    /// trailing spaces are dropped. Cells of the first row may be styled by `header`.
    static func lines(_ rows: [[String]], header: ((String) -> String)? = nil) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], DisplayWidth.of(cell)) }
        }
        return rows.enumerated().map { index, row in
            var line = ""
            for (column, cell) in row.enumerated() {
                let isLast = column == row.count - 1
                let padded = isLast ? cell : DisplayWidth.padded(cell, to: widths[column]) + "  "
                line += index == 0 && header != nil ? (header?(padded) ?? padded) : padded
            }
            var trimmed = Substring(line)
            while trimmed.hasSuffix(" ") { trimmed = trimmed.dropLast() }
            return String(trimmed)
        }
    }

    /// `words` joined with `separator` and wrapped to `width` columns, each line after `indent`.
    static func wrapped(_ words: [String], width: Int, indent: String, separator: String = ", ") -> [String] {
        var lines: [String] = []
        var line = indent
        for (index, word) in words.enumerated() {
            let piece = word + (index == words.count - 1 ? "" : separator.trimmingTrailingSpaces())
            if line != indent && DisplayWidth.of(line) + 1 + DisplayWidth.of(piece) > width {
                lines.append(line)
                line = indent
            }
            line += (line == indent ? "" : " ") + piece
        }
        if line != indent { lines.append(line) }
        return lines
    }
}

extension String {
    /// The string without spaces at its end.
    func trimmingTrailingSpaces() -> String {
        var text = Substring(self)
        while text.hasSuffix(" ") { text = text.dropLast() }
        return String(text)
    }

    /// The string without spaces, tabs and newlines at either end.
    func trimmed() -> String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" || first == "\n" || first == "\r" {
            text = text.dropFirst()
        }
        while let last = text.last, last == " " || last == "\t" || last == "\n" || last == "\r" {
            text = text.dropLast()
        }
        return String(text)
    }
}
