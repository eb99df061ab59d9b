import KisoBase

/// Renders notebook prose (Markdown) as terminal text: paragraphs wrapped to a width, headings,
/// lists with hanging indents, block quotes, code blocks, aligned tables, and LaTeX math as
/// readable Unicode. With colour off the result is plain text: headings are underlined with rules,
/// emphasis markers disappear and inline code keeps its backticks.
public struct MarkdownRenderer: Sendable {
    /// The width to wrap to, in columns.
    public var width: Int
    /// The styling; ``TextStyle/plain`` for no escapes.
    public var style: TextStyle

    /// Deeper nesting of quotes and lists renders flat, so hostile input cannot exhaust the stack.
    static let maximumDepth = 16

    /// A renderer for `width` columns (at least 20).
    public init(width: Int, style: TextStyle) {
        self.width = max(20, width)
        self.style = style
    }

    /// The rendered lines joined with `\n`, without a trailing newline.
    public func render(_ markdown: String) -> String {
        renderLines(markdown).joined(separator: "\n")
    }

    /// The rendered lines.
    public func renderLines(_ markdown: String) -> [String] {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map {
            // Prose comes from a file: its control characters are shown, not obeyed.
            ControlEscapes.escaped(String(Substring($0).droppingCarriageReturn()).replacingTabs())
        }
        return render(lines, width: width, depth: 0)
    }

    private var wrapper: TextWrapper { TextWrapper(style: style) }

    private func render(_ lines: [String], width: Int, depth: Int) -> [String] {
        var output: [String] = []
        var index = 0
        var previousWasParagraph = false
        func separate() {
            if let last = output.last, !last.isEmpty { output.append("") }
        }
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingCharacters()
            if trimmed.isEmpty {
                index += 1
                continue
            }
            let paragraphBefore = previousWasParagraph
            previousWasParagraph = false
            // Fenced code: shown as written, indented.
            if let fence = codeFence(line) {
                separate()
                var end = index + 1
                while end < lines.count && !closesFence(lines[end], fence) { end += 1 }
                for code in lines[(index + 1)..<min(end, lines.count)] {
                    output.append("    " + (style.enabled ? style.cyan(code) : code))
                }
                index = end + 1
                output.append("")
                continue
            }
            // Display math on its own lines.
            if trimmed.hasPrefix("$$") {
                var latex = String(trimmed.dropFirst(2))
                var end = index
                if let close = latex.firstRange(of: "$$") {
                    latex = String(latex[..<close.lowerBound])
                } else {
                    end += 1
                    while end < lines.count {
                        let next = lines[end].trimmingCharacters()
                        if let close = next.firstRange(of: "$$") {
                            latex += "\n" + next[..<close.lowerBound]
                            break
                        }
                        latex += "\n" + next
                        end += 1
                    }
                }
                separate()
                let mathLines = MathText.render(latex, display: true).split(separator: "\n").map(String.init)
                // A one-line formula wider than the window breaks before its operators; stacked
                // (multi-line) renderings stay as they are, since breaking one row would misalign them.
                let shown = mathLines.count == 1 ? MarkdownRenderer.wrapMath(mathLines[0], width: width - 4) : mathLines
                for mathLine in shown {
                    output.append("    " + mathLine)
                }
                output.append("")
                index = end + 1
                continue
            }
            if let heading = heading(trimmed) {
                separate()
                output += renderHeading(level: heading.level, text: heading.text, width: width)
                output.append("")
                index += 1
                continue
            }
            if isRule(trimmed) {
                separate()
                output.append(style.dim(String(repeating: "─", count: width)))
                output.append("")
                index += 1
                continue
            }
            if trimmed.hasPrefix(">") {
                var quoted: [String] = []
                while index < lines.count, lines[index].trimmingCharacters().hasPrefix(">") {
                    var inner = Substring(lines[index].trimmingCharacters().dropFirst())
                    if inner.first == " " { inner = inner.dropFirst() }
                    quoted.append(String(inner))
                    index += 1
                }
                separate()
                let bar = style.dim("│") + " "
                let body =
                    depth < MarkdownRenderer.maximumDepth
                    ? render(quoted, width: width - 2, depth: depth + 1)
                    : quoted
                for rendered in body where !(rendered.isEmpty && body.last == rendered) {
                    output.append(rendered.isEmpty ? style.dim("│") : bar + rendered)
                }
                output.append("")
                continue
            }
            if isTableStart(lines, at: index) {
                var rows: [String] = []
                while index < lines.count, lines[index].trimmingCharacters().hasPrefix("|") {
                    rows.append(lines[index].trimmingCharacters())
                    index += 1
                }
                separate()
                output += renderTable(rows)
                output.append("")
                continue
            }
            if listItem(line) != nil {
                // A list right under a paragraph line (a tight sub-list) stays attached to it.
                if index == 0 || lines[index - 1].trimmingCharacters().isEmpty || !paragraphBefore {
                    separate()
                } else if output.last == "" {
                    output.removeLast()
                }
                let (rendered, next) = renderList(lines, from: index, width: width, depth: depth)
                output += rendered
                output.append("")
                index = next
                continue
            }
            // A paragraph: lines up to a blank line or the start of another block.
            var paragraph: [String] = [trimmed]
            index += 1
            while index < lines.count, !startsBlock(lines[index]) {
                paragraph.append(lines[index].trimmingCharacters())
                index += 1
            }
            separate()
            output += wrapper.wrap(InlineMarkdown.parse(paragraph.joined(separator: " ")), width: width)
            output.append("")
            previousWasParagraph = true
        }
        while let last = output.last, last.isEmpty { output.removeLast() }
        return output
    }

    /// The operators a long formula may break before: relations first in preference, then sums.
    static let mathBreaks = [" = ", " ≈ ", " ≤ ", " ≥ ", " < ", " > ", " → ", " + ", " − ", " - ", " · "]

    /// `formula` in lines of at most `width` columns, broken before operators (continuation
    /// lines indented by two); a formula with no operator to break at is left whole.
    static func wrapMath(_ formula: String, width: Int) -> [String] {
        guard DisplayWidth.of(formula) > width else { return [formula] }
        // Pieces that each start at an operator (the first at the start of the formula).
        var pieces: [String] = []
        var current = ""
        var index = formula.startIndex
        var depth = 0
        while index < formula.endIndex {
            let c = formula[index]
            if "([{⟨".contains(c) { depth += 1 }
            if ")]}⟩".contains(c) { depth -= 1 }
            if depth == 0, !current.isEmpty,
                let op = mathBreaks.first(where: { formula[index...].hasPrefix($0) })
            {
                pieces.append(current)
                current = String(op.dropFirst())
                index = formula.index(index, offsetBy: op.count)
                continue
            }
            current.append(c)
            index = formula.index(after: index)
        }
        pieces.append(current)
        guard pieces.count > 1 else { return [formula] }
        var lines: [String] = []
        var line = ""
        for piece in pieces {
            let joined = line.isEmpty ? piece : line + " " + piece
            if !line.isEmpty, DisplayWidth.of(joined) > (lines.isEmpty ? width : width - 2) {
                lines.append(line)
                line = piece
            } else {
                line = joined
            }
        }
        lines.append(line)
        return lines.enumerated().map { $0.offset == 0 ? $0.element : "  " + $0.element }
    }

    private func startsBlock(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters()
        return trimmed.isEmpty || codeFence(line) != nil || heading(trimmed) != nil || trimmed.hasPrefix(">")
            || trimmed.hasPrefix("$$") || listItem(line) != nil || isRule(trimmed) || trimmed.hasPrefix("|")
    }

    private func renderHeading(level: Int, text: String, width: Int) -> [String] {
        let runs = InlineMarkdown.parse(text)
        if style.enabled {
            let plainText = runs.map(\.text).joined()
            let code = level <= 2 ? "1;4" : "1"
            return TextWrapper(style: .plain).wrap([InlineRun(text: plainText, kind: .plain)], width: width).map {
                style.apply(code, $0)
            }
        }
        let lines = TextWrapper(style: .plain).wrap(runs, width: width)
        guard level <= 2 else { return lines }
        let ruleWidth = lines.map { DisplayWidth.of($0) }.max() ?? 0
        return lines + [String(repeating: level == 1 ? "═" : "─", count: ruleWidth)]
    }

    // MARK: lists

    private struct ListMarker {
        let indent: Int
        let marker: String
        let ordered: Bool
        let contentColumn: Int
        let content: String
    }

    private func listItem(_ line: String) -> ListMarker? {
        let indent = line.prefix(while: { $0 == " " }).count
        let rest = line.dropFirst(indent)
        guard let first = rest.first else { return nil }
        if first == "-" || first == "*" || first == "+" {
            let after = rest.dropFirst()
            guard after.first == " " else { return nil }
            // `---` and `* * *` are rules, not items.
            if isRule(String(rest)) { return nil }
            let content = after.drop(while: { $0 == " " })
            return ListMarker(
                indent: indent, marker: String(first), ordered: false,
                contentColumn: indent + 1 + (after.count - content.count), content: String(content))
        }
        let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        let after = rest.dropFirst(digits.count)
        guard let delimiter = after.first, delimiter == "." || delimiter == ")", after.dropFirst().first == " " else {
            return nil
        }
        let content = after.dropFirst().drop(while: { $0 == " " })
        return ListMarker(
            indent: indent, marker: String(digits) + String(delimiter), ordered: true,
            contentColumn: indent + digits.count + 1 + (after.count - 1 - content.count), content: String(content))
    }

    private func renderList(_ lines: [String], from start: Int, width: Int, depth: Int) -> ([String], Int) {
        var output: [String] = []
        var index = start
        guard let first = listItem(lines[start]) else { return ([], start + 1) }
        let baseIndent = first.indent
        while index < lines.count, let item = listItem(lines[index]), item.indent <= baseIndent + 1 {
            // A different kind of marker starts a new list.
            if item.indent < baseIndent || item.ordered != first.ordered { break }
            // The item's own text, its continuation lines, and anything indented under it.
            var body: [String] = [item.content]
            index += 1
            var sawBlank = false
            while index < lines.count {
                let line = lines[index]
                let indent = line.prefix(while: { $0 == " " }).count
                let trimmed = line.trimmingCharacters()
                if trimmed.isEmpty {
                    sawBlank = true
                    body.append("")
                    index += 1
                    continue
                }
                if indent > baseIndent + 1 {
                    body.append(String(line.dropFirst(min(indent, item.contentColumn))))
                } else if !sawBlank && listItem(line) == nil && !startsBlock(line) {
                    body.append(trimmed)  // a lazy continuation line
                } else {
                    break
                }
                sawBlank = false
                index += 1
            }
            while let last = body.last, last.isEmpty { body.removeLast() }
            let bullets = ["•", "◦", "▪"]
            let marker = item.ordered ? item.marker : bullets[min(depth, bullets.count - 1) % bullets.count]
            let hanging = String(repeating: " ", count: DisplayWidth.of(marker) + 1)
            let innerWidth = width - hanging.count
            let rendered =
                depth < MarkdownRenderer.maximumDepth
                ? render(body, width: innerWidth, depth: depth + 1)
                : body
            for (offset, line) in rendered.enumerated() {
                if offset == 0 {
                    output.append((style.enabled && !item.ordered ? style.dim(marker) : marker) + " " + line)
                } else {
                    output.append(line.isEmpty ? "" : hanging + line)
                }
            }
            if rendered.isEmpty { output.append(marker) }
        }
        return (output, index)
    }

    // MARK: tables

    private func isTableStart(_ lines: [String], at index: Int) -> Bool {
        guard index + 1 < lines.count, lines[index].trimmingCharacters().hasPrefix("|") else { return false }
        let separator = lines[index + 1].trimmingCharacters()
        return separator.hasPrefix("|") && separator.contains("-")
            && separator.allSatisfy { "|-: ".contains($0) }
    }

    private func cells(_ row: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var inCode = false
        var previous: Character = " "
        for character in row {
            if character == "`" { inCode.toggle() }
            if character == "|" && !inCode && previous != "\\" {
                cells.append(current)
                current = ""
            } else {
                current.append(character)
            }
            previous = character
        }
        cells.append(current)
        // The leading and trailing pipes leave empty cells at the ends.
        if cells.first?.trimmingCharacters().isEmpty == true { cells.removeFirst() }
        if cells.last?.trimmingCharacters().isEmpty == true { cells.removeLast() }
        return cells.map { $0.trimmingCharacters() }
    }

    private func renderTable(_ rows: [String]) -> [String] {
        guard rows.count >= 2 else { return rows }
        let alignments: [Character] = cells(rows[1]).map { spec in
            if spec.hasPrefix(":") && spec.hasSuffix(":") { return "c" }
            return spec.hasSuffix(":") ? "r" : "l"
        }
        let body = [rows[0]] + rows.dropFirst(2)
        let plainWrapper = TextWrapper(style: style)
        let rendered: [[String]] = body.map { row in
            cells(row).map { cell in
                let runs = InlineMarkdown.parse(cell)
                return plainWrapper.wrap(runs, width: 10_000).joined(separator: " ")
            }
        }
        let columns = rendered.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rendered {
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], DisplayWidth.of(cell)) }
        }
        func format(_ row: [String], bold: Bool) -> String {
            var parts: [String] = []
            for column in 0..<columns {
                let cell = column < row.count ? row[column] : ""
                let pad = widths[column] - DisplayWidth.of(cell)
                let alignment = column < alignments.count ? alignments[column] : "l"
                let text = bold ? style.bold(cell) : cell
                switch alignment {
                case "r": parts.append(String(repeating: " ", count: pad) + text)
                case "c":
                    parts.append(
                        String(repeating: " ", count: pad / 2) + text + String(repeating: " ", count: pad - pad / 2))
                default: parts.append(text + String(repeating: " ", count: pad))
                }
            }
            return String(Substring(parts.joined(separator: "  ")).droppingTrailingSpaces())
        }
        var output = [format(rendered[0], bold: true)]
        output.append(style.dim(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")))
        for row in rendered.dropFirst() { output.append(format(row, bold: false)) }
        return output
    }

    // MARK: small recognisers

    private func codeFence(_ line: String) -> (marker: Character, length: Int)? {
        let trimmed = line.drop(while: { $0 == " " })
        guard line.count - trimmed.count <= 3, let marker = trimmed.first, marker == "`" || marker == "~" else {
            return nil
        }
        let length = trimmed.prefix(while: { $0 == marker }).count
        return length >= 3 ? (marker, length) : nil
    }

    private func closesFence(_ line: String, _ fence: (marker: Character, length: Int)) -> Bool {
        let trimmed = line.trimmingCharacters()
        return trimmed.count >= fence.length && trimmed.allSatisfy { $0 == fence.marker }
    }

    private func heading(_ trimmed: String) -> (level: Int, text: String)? {
        let level = trimmed.prefix(while: { $0 == "#" }).count
        guard (1...6).contains(level) else { return nil }
        let rest = trimmed.dropFirst(level)
        guard rest.isEmpty || rest.first == " " else { return nil }
        var text = String(rest).trimmingCharacters()
        while text.hasSuffix("#") && text.count > 0 { text.removeLast() }
        return (level, text.trimmingCharacters())
    }

    private func isRule(_ trimmed: String) -> Bool {
        let compact = trimmed.filter { $0 != " " }
        guard compact.count >= 3, let first = compact.first, first == "-" || first == "*" || first == "_" else {
            return false
        }
        return compact.allSatisfy { $0 == first }
    }
}

extension Substring {
    func droppingCarriageReturn() -> Substring {
        last == "\r" ? dropLast() : self
    }
}

extension String {
    func replacingTabs() -> String {
        contains("\t") ? replacing("\t", with: "    ") : self
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text.removeLast() }
        return text
    }
}
