/// Keras 3's `model.summary()` as text: a table of layers (name and class, output shape,
/// parameter count) in Keras's box characters and column widths, then the totals with their
/// size in bytes at 4 bytes a parameter (Keras's float32).
public enum ModelSummary {
    /// The inner widths of Keras's three columns (one space of padding either side).
    static let widths = [31, 22, 13]

    /// The summary of `model`.
    public static func text(_ model: Sequential) -> String {
        let shapes = (try? model.layerOutputShapes()) ?? nil
        var rows: [[String]] = []
        for (i, layer) in model.layers.enumerated() {
            let shape = shapes.map { describeBatchShape($0[i]) } ?? "?"
            let params = layer.isBuilt ? grouped(layer.parameterCount) : "0 (unbuilt)"
            rows.append(["\(layer.name) (\(layer.kind))", shape, params])
        }
        var lines = ["Model: \"\(model.name)\""]
        lines.append(rule("┏", "━", "┳", "┓"))
        lines.append(row(["Layer (type)", "Output Shape", "Param #"], bar: "┃"))
        lines.append(rule("┡", "━", "╇", "┩"))
        for (k, cells) in rows.enumerated() {
            lines += wrappedRow(cells)
            if k + 1 < rows.count { lines.append(rule("├", "─", "┼", "┤")) }
        }
        lines.append(rule("└", "─", "┴", "┘"))
        let (total, trainable) = model.parameterCounts
        lines.append(" Total params: \(grouped(total)) (\(memorySize(total * 4)))")
        lines.append(" Trainable params: \(grouped(trainable)) (\(memorySize(trainable * 4)))")
        lines.append(" Non-trainable params: \(grouped(total - trainable)) (\(memorySize((total - trainable) * 4)))")
        return lines.joined(separator: "\n")
    }

    private static func rule(_ left: String, _ fill: String, _ cross: String, _ right: String) -> String {
        left + widths.map { String(repeating: fill, count: $0 + 2) }.joined(separator: cross) + right
    }

    private static func row(_ cells: [String], bar: String) -> String {
        var parts: [String] = []
        for (k, cell) in cells.enumerated() {
            let pad = String(repeating: " ", count: Swift.max(widths[k] - cell.count, 0))
            parts.append(" " + (k == 2 ? pad + cell : cell + pad) + " ")
        }
        return bar + parts.joined(separator: bar) + bar
    }

    /// A row whose cells are wrapped at word boundaries to their column's width, as rich does.
    private static func wrappedRow(_ cells: [String]) -> [String] {
        let wrapped = cells.enumerated().map { wrap($0.element, width: widths[$0.offset]) }
        let height = wrapped.map(\.count).max() ?? 1
        return (0..<height).map { line in
            row(wrapped.map { line < $0.count ? $0[line] : "" }, bar: "│")
        }
    }

    /// `text` in lines of at most `width` characters, broken at spaces (a longer word is cut).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ").map(String.init) {
            var word = word
            if current.isEmpty {
                while word.count > width {
                    lines.append(String(word.prefix(width)))
                    word = String(word.dropFirst(width))
                }
                current = word
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = ""
                while word.count > width {
                    lines.append(String(word.prefix(width)))
                    word = String(word.dropFirst(width))
                }
                current = word
            }
        }
        lines.append(current)
        return lines
    }

    /// 1234567 → "1,234,567", as Python's `f"{n:,}"`.
    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var result = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { result += "," }
            result.append(c)
        }
        return result
    }

    /// Keras's `readable_memory_size`: bytes in B, KB, MB, … (powers of 1024), two decimals.
    static func memorySize(_ bytes: Int) -> String {
        var size = Double(bytes)
        for unit in ["B", "KB", "MB", "GB", "TB"] {
            if size / 1024 < 1 { return twoDecimals(size) + " " + unit }
            size /= 1024
        }
        return twoDecimals(size) + " PB"
    }

    private static func twoDecimals(_ x: Double) -> String {
        let hundredths = Int((x * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }
}
