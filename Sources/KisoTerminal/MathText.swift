import KisoBase
/// Turns LaTeX math into readable Unicode text for the terminal: `\alpha` → α, `x_i` → xᵢ,
/// `x^2` → x², `\frac{a+b}{2}` → (a+b)/2, `\sqrt{x+1}` → √(x+1), `\mathbb{R}` → ℝ.
///
/// Scripts use Unicode sub- and superscript letters when every character has one, and fall back to
/// `_(…)` / `^(…)` otherwise (`e^{x_i}` → e^(xᵢ)). Matrices print as nested brackets, aligned
/// environments as rows. Unknown commands print as their names, so nothing is silently lost.
public enum MathText {
    /// Renders one formula (the text between the dollars). `display` formulas may span lines: rows
    /// of `align` or `cases` go on their own lines.
    public static func render(_ latex: String, display: Bool = false) -> String {
        var parser = MathParser(characters: Array(latex), display: display)
        return parser.renderAll()
    }

    /// Replaces every `$…$` and `$$…$$` in `text` with its rendering; `\$` stays a dollar sign. A `$`
    /// followed by a space, or a closing `$` followed by a digit, is money rather than math.
    public static func renderingMath(in text: String) -> String {
        var result = ""
        for span in spans(in: text) {
            switch span {
            case .text(let plain): result += plain
            case .math(let latex, let display): result += render(latex, display: display)
            }
        }
        return result
    }

    /// A piece of prose: plain text or a formula.
    public enum Span: Equatable, Sendable {
        /// Text outside math, with `\$` turned into `$`.
        case text(String)
        /// A formula's LaTeX, and whether it was `$$…$$`.
        case math(String, display: Bool)
    }

    /// Splits prose into plain text and formulas.
    public static func spans(in text: String) -> [Span] {
        let characters = Array(text)
        var spans: [Span] = []
        var plain = ""
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "\\" && index + 1 < characters.count && characters[index + 1] == "$" {
                plain.append("$")
                index += 2
                continue
            }
            guard character == "$" else {
                plain.append(character)
                index += 1
                continue
            }
            let display = index + 1 < characters.count && characters[index + 1] == "$"
            let start = index + (display ? 2 : 1)
            if let end = closingDollar(characters, from: start, display: display) {
                if !plain.isEmpty { spans.append(.text(plain)) }
                plain = ""
                spans.append(.math(String(characters[start..<end]), display: display))
                index = end + (display ? 2 : 1)
            } else {
                plain.append(character)
                index += 1
            }
        }
        if !plain.isEmpty { spans.append(.text(plain)) }
        return spans
    }

    private static func closingDollar(_ characters: [Character], from start: Int, display: Bool) -> Int? {
        guard start < characters.count else { return nil }
        if !display && characters[start].isWhitespace { return nil }
        var index = start
        while index < characters.count {
            let character = characters[index]
            if character == "\\" {
                index += 2
                continue
            }
            if character == "$" {
                if display {
                    if index + 1 < characters.count && characters[index + 1] == "$" { return index }
                } else {
                    let before = characters[index - 1]
                    let after: Character? = index + 1 < characters.count ? characters[index + 1] : nil
                    if index > start && !before.isWhitespace && !(after?.isNumber ?? false) { return index }
                    return nil
                }
            }
            index += 1
        }
        return nil
    }
}

/// A single pass over LaTeX that renders as it reads.
struct MathParser {
    let characters: [Character]
    let display: Bool
    var position = 0
    var depth = 0

    /// Nesting beyond this prints the rest as it is, so hostile input cannot exhaust the stack.
    static let maximumDepth = 64

    init(characters: [Character], display: Bool) {
        self.characters = characters
        self.display = display
    }

    enum Stop {
        case end, closeBrace, columnBreak, rowBreak, endEnvironment, closeBracket
    }

    mutating func renderAll() -> String {
        var text = ""
        while true {
            let (piece, stop) = sequence(inEnvironment: false)
            text += piece
            if stop == .end { break }
            // A stray `}` or `]` at the top level is kept as written.
            switch stop {
            case .closeBrace: text += "}"
            case .closeBracket: text += "]"
            case .rowBreak: text += display ? "\n" : "; "
            default: break
            }
        }
        return text.trimmingSpaces()
    }

    /// Reads until the end, a `}`, or (inside environments) `&`, `\\` or `\end`.
    mutating func sequence(inEnvironment: Bool, stopAtBracket: Bool = false) -> (String, MathParser.Stop) {
        var text = ""
        while position < characters.count {
            let character = characters[position]
            switch character {
            case "{":
                position += 1
                text += group()
            case "}":
                position += 1
                return (text, .closeBrace)
            case "]" where stopAtBracket:
                position += 1
                return (text, .closeBracket)
            case "&" where inEnvironment:
                position += 1
                return (text, .columnBreak)
            case "&":
                position += 1
            case "^", "_":
                position += 1
                let argument = self.argument()
                text += character == "^" ? MathParser.raised(argument) : MathParser.lowered(argument)
            case "~":
                position += 1
                text += " "
            case "\\":
                if position + 1 < characters.count && characters[position + 1] == "\\" {
                    position += 2
                    if inEnvironment { return (text, .rowBreak) }
                    text += display ? "\n" : "; "
                    continue
                }
                if peekCommand() == "end" {
                    _ = readCommand()
                    _ = rawGroup()
                    if inEnvironment { return (text, .endEnvironment) }
                    continue
                }
                let rendered = command()
                // A thin space (`\,`) beside a typed space is one space on a terminal, not two.
                if rendered == " " && (text.isEmpty || text.last == " ") { continue }
                text += rendered
            case " ", "\t", "\n", "\r":
                position += 1
                if !text.isEmpty && text.last != " " && text.last != "\n" { text += " " }
            default:
                position += 1
                text.append(character)
            }
        }
        return (text, .end)
    }

    /// The rendered contents of `{…}`, the `{` already read.
    mutating func group() -> String {
        guard depth < MathParser.maximumDepth else { return rest() }
        depth += 1
        defer { depth -= 1 }
        return sequence(inEnvironment: false).0.trimmingSpaces()
    }

    /// One argument of a command or script: a group, a command, or one character.
    mutating func argument() -> String {
        while position < characters.count && characters[position] == " " { position += 1 }
        guard position < characters.count else { return "" }
        let character = characters[position]
        if character == "{" {
            position += 1
            return group()
        }
        if character == "\\" { return command() }
        position += 1
        return String(character)
    }

    /// The raw text of `{…}` without rendering (for `\text`, environment names); empty when absent.
    mutating func rawGroup() -> String {
        while position < characters.count && characters[position] == " " { position += 1 }
        guard position < characters.count, characters[position] == "{" else { return "" }
        position += 1
        var level = 1
        var text = ""
        while position < characters.count {
            let character = characters[position]
            position += 1
            if character == "\\" && position < characters.count {
                text.append(characters[position])
                position += 1
                continue
            }
            if character == "{" { level += 1 }
            if character == "}" {
                level -= 1
                if level == 0 { break }
            }
            text.append(character)
        }
        return text
    }

    mutating func rest() -> String {
        let text = String(characters[position...])
        position = characters.count
        return text
    }

    func peekCommand() -> String {
        var index = position + 1
        var name = ""
        while index < characters.count && characters[index].isLetter && characters[index].isASCII {
            name.append(characters[index])
            index += 1
        }
        return name
    }

    /// Reads `\name` (letters) or `\c` (one other character) and returns the name.
    mutating func readCommand() -> String {
        position += 1
        guard position < characters.count else { return "" }
        var name = ""
        while position < characters.count && characters[position].isLetter && characters[position].isASCII {
            name.append(characters[position])
            position += 1
        }
        if name.isEmpty {
            name = String(characters[position])
            position += 1
        } else if position < characters.count && characters[position] == "*" {
            position += 1  // starred forms (\operatorname*) print the same
        }
        return name
    }

    mutating func command() -> String {
        // Commands nest through their arguments (`\sqrt[\sqrt[…`), so they count toward the depth.
        guard depth < MathParser.maximumDepth else { return rest() }
        depth += 1
        defer { depth -= 1 }
        let name = readCommand()
        if let symbol = MathSymbols.commands[name] { return symbol }
        if MathSymbols.ignored.contains(name) {
            if name == "label" { _ = rawGroup() }
            // `\left.` and `\right.` are invisible delimiters.
            if (name == "left" || name == "right" || name == "middle") && position < characters.count
                && characters[position] == "."
            {
                position += 1
            }
            return ""
        }
        switch name {
        case ",", ":", ";", " ", ">": return " "
        case "{", "}", "%", "$", "#", "&", "_": return name
        case "|": return "‖"
        case "": return ""
        case "frac", "dfrac", "tfrac", "cfrac":
            let numerator = argument()
            let denominator = argument()
            return MathParser.parenthesized(numerator) + "/" + MathParser.parenthesized(denominator)
        case "binom":
            let top = argument()
            let bottom = argument()
            return "C(\(top), \(bottom))"
        case "sqrt":
            var index = ""
            if position < characters.count && characters[position] == "[" {
                position += 1
                index = sequence(inEnvironment: false, stopAtBracket: true).0.trimmingSpaces()
            }
            let radicand = argument()
            let root = radicand.count == 1 || MathParser.isAtomic(radicand) ? radicand : "(\(radicand))"
            if index.isEmpty { return "√" + root }
            let superscript = MathParser.raised(index)
            return (superscript.hasPrefix("^") ? "(\(index))" : superscript) + "√" + root
        case "mathbb":
            return String(argument().flatMap { MathSymbols.doubleStruck[$0] ?? String($0) })
        case "mathcal", "mathscr":
            return String(argument().flatMap { MathSymbols.calligraphic[$0] ?? String($0) })
        case "begin":
            return environment(rawGroup().trimmingSpaces())
        default:
            break
        }
        if MathSymbols.fontCommands.contains(name) { return argument() }
        if MathSymbols.textCommands.contains(name) { return rawGroup() }
        if let mark = MathSymbols.accents[name] {
            let base = argument()
            if base.count == 1 { return base + String(mark) }
            if name == "bar" || name == "overline" { return String(base.flatMap { [$0, mark] }) }
            return base
        }
        return name
    }

    /// `\begin{name} … \end{name}`: matrices as nested brackets, other environments as rows.
    mutating func environment(_ name: String) -> String {
        guard depth < MathParser.maximumDepth else { return rest() }
        depth += 1
        defer { depth -= 1 }
        if name == "array" { _ = rawGroup() }  // the column specification
        var rows: [[String]] = [[]]
        loop: while true {
            let (cell, stop) = sequence(inEnvironment: true)
            rows[rows.count - 1].append(cell.trimmingSpaces())
            switch stop {
            case .columnBreak: continue
            case .rowBreak: rows.append([])
            case .end, .endEnvironment, .closeBrace, .closeBracket: break loop
            }
        }
        // A trailing `\\` leaves an empty last row.
        if let last = rows.last, rows.count > 1, last.allSatisfy(\.isEmpty) { rows.removeLast() }
        let bare = name.hasSuffix("*") ? String(name.dropLast()) : name
        switch bare {
        case "bmatrix", "matrix", "smallmatrix", "array":
            return "[" + rows.map { "[" + $0.joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
        case "pmatrix":
            return "(" + rows.map { "(" + $0.joined(separator: ", ") + ")" }.joined(separator: ", ") + ")"
        case "vmatrix":
            return "det[" + rows.map { "[" + $0.joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
        case "Vmatrix":
            return "‖[" + rows.map { "[" + $0.joined(separator: ", ") + "]" }.joined(separator: ", ") + "]‖"
        case "cases":
            let lines = rows.map { $0.filter { !$0.isEmpty }.joined(separator: ",  ") }
            return display ? alignedRows(rows, separator: ",  ", prefix: "{ ") : "{ " + lines.joined(separator: "; ")
        default:
            // align, aligned, gather, equation, split: `&` marks an alignment point only.
            if display && rows.count > 1 { return alignedRows(rows, separator: " ", prefix: "") }
            return rows.map { $0.filter { !$0.isEmpty }.joined(separator: " ") }.joined(
                separator: display ? "\n" : "; ")
        }
    }

    /// Rows with their columns padded to a common width, one row per line.
    private func alignedRows(_ rows: [[String]], separator: String, prefix: String) -> String {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) }
        }
        let lines = rows.enumerated().map { number, row -> String in
            var line = number == 0 ? prefix : String(repeating: " ", count: prefix.count)
            for (column, cell) in row.enumerated() {
                let isLast = column == row.count - 1
                line += isLast ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
                if !isLast && !row[column + 1].isEmpty { line += separator }
            }
            return line
        }
        return lines.map { String(Substring($0).trimmingTrailingWhitespace()) }.joined(separator: "\n")
    }

    /// A part of a fraction: kept bare when it is one term, parenthesised otherwise.
    static func parenthesized(_ part: String) -> String {
        isAtomic(part) ? part : "(\(part))"
    }

    /// One term: no spaces or operators outside brackets.
    static func isAtomic(_ text: String) -> Bool {
        if text.isEmpty { return true }
        var level = 0
        for (offset, character) in text.enumerated() {
            switch character {
            case "(", "[", "{": level += 1
            case ")", "]", "}": level -= 1
            case " ", "+", "−", "·", "×", "/", "=", "<", ">", ",", "≤", "≥", "±", "≠", "≈":
                if level == 0 { return false }
            case "-":
                if level == 0 && offset > 0 { return false }
            default: break
            }
        }
        return true
    }

    static func lowered(_ text: String) -> String {
        script(text, table: MathSymbols.subscripts, marker: "_")
    }

    static func raised(_ text: String) -> String {
        script(text, table: MathSymbols.superscripts, marker: "^")
    }

    private static func script(_ text: String, table: [Character: Character], marker: String) -> String {
        let compact = text.filter { $0 != " " }
        if compact.isEmpty { return "" }
        let mapped = compact.compactMap { table[$0] }
        if mapped.count == compact.count { return String(mapped) }
        return compact.count == 1 ? marker + compact : marker + "(" + compact + ")"
    }
}
