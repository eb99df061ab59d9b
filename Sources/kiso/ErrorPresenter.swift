import KisoBase
import KisoLang
import KisoTerminal

/// Turns Kiso errors into the text a learner reads: the location and message, the source line
/// with a caret under the span, and the hint. With colour, the message and carets are red and the
/// hint cyan; without (not a terminal, or `NO_COLOR`), the text is exactly ``KisoError/render(source:)``.
struct ErrorPresenter {
    /// The styling; plain when colour is off.
    var style: TextStyle
    /// The terminal's width: a longer hint is wrapped at word boundaries under its label. Nil
    /// (not a terminal) leaves lines as they are.
    var width: Int? = nil

    /// The error as text, without a trailing newline. An interrupt reads as one short line.
    func text(for error: KisoError, source: String) -> String {
        if error.kind == .interrupted {
            return style.yellow("interrupted") + style.dim(" (Ctrl-C) — every variable keeps its last value")
        }
        var lines = error.render(source: source).split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { line -> [String] in
                guard let width, line.hasPrefix("hint: "), DisplayWidth.of(String(line)) > width else {
                    return [String(line)]
                }
                return WordWrap.lines(
                    String(line.dropFirst(6)), width: width, firstPrefix: "hint: ", restPrefix: "      ")
            }
        guard style.enabled else { return lines.joined(separator: "\n") }
        for index in lines.indices {
            let line = lines[index]
            if index == 0 {
                lines[index] = style.red(line)
            } else if line.hasPrefix("called from ") || line.hasPrefix("… ") {
                lines[index] = style.dim(line)
            } else if line.hasPrefix("hint: ") {
                lines[index] = style.cyan("hint: ") + style.dim(String(line.dropFirst(6)))
            } else if line.hasPrefix("      "), index > 0, lines[index - 1].contains("hint: ") {
                lines[index] = style.dim(line)
            } else if let bar = line.firstIndex(of: "|"), line[line.index(after: bar)...].contains("^"),
                line[line.index(after: bar)...].allSatisfy({ $0 == " " || $0 == "^" })
            {
                let gutter = line[...bar]
                lines[index] = style.dim(String(gutter)) + style.red(String(line[line.index(after: bar)...]))
            } else if let bar = line.firstIndex(of: "|") {
                lines[index] = style.dim(String(line[...bar])) + String(line[line.index(after: bar)...])
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Every error of a run, separated by blank lines (a parse may report several).
    func text(for errors: [KisoError], source: String) -> String {
        errors.map { text(for: $0, source: source) }.joined(separator: "\n\n")
    }
}
