import KisoBase
import KisoTensor

/// Every error a Kiso program can meet: a parse error, a runtime error, or an engine error
/// wrapped with the span of the call that failed. Errors are values; the session survives them.
public struct KisoError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The family of mistake.
    public enum Kind: String, Sendable {
        /// Source that does not follow the grammar.
        case syntax
        /// A name that is not defined.
        case name
        /// A value of the wrong kind for an operation or argument.
        case type
        /// Shapes that cannot be combined.
        case shape
        /// An axis outside a tensor's dimensions.
        case axis
        /// An index or key outside a container.
        case index
        /// A value outside an operation's domain.
        case value
        /// A call with missing, unknown or repeated arguments.
        case argument
        /// A linear-algebra failure.
        case linalg
        /// An allocation over the limit.
        case memory
        /// Too deep a recursion or nesting.
        case recursion
        /// The computation was interrupted (Ctrl-C).
        case interrupted
    }

    /// The family of mistake.
    public var kind: Kind
    /// What went wrong.
    public var message: String
    /// Where, when the error belongs to a piece of source.
    public var span: SourceSpan?
    /// How to fix it, when there is something useful to say.
    public var hint: String?
    /// The name of the source (a file, a notebook cell, `<input>`).
    public var origin: String
    /// The text `span` points into when it is not the source the run was given: the line of a
    /// function defined in an earlier entry or cell, which failed when called later.
    public var source: String?
    /// Where each function the error passed through was called from, innermost first:
    /// `<input>:5`, `cell 3 line 2`.
    public var callStack: [String] = []
    /// The call spans behind `callStack`, gathered as the error leaves each function; the
    /// session turns them into `callStack`.
    var callSites: [SourceSpan] = []

    /// An error from its parts.
    public init(
        _ kind: Kind, _ message: String, span: SourceSpan? = nil, hint: String? = nil, origin: String = "<input>"
    ) {
        self.kind = kind
        self.message = message
        self.span = span
        self.hint = hint
        self.origin = origin
    }

    /// An engine error, attributed to the span of the call that raised it.
    public init(_ error: TensorError, span: SourceSpan?) {
        let kind: Kind
        switch error.kind {
        case .shape, .ragged: kind = .shape
        case .axis: kind = .axis
        case .index: kind = .index
        case .value, .empty: kind = .value
        case .linalg: kind = .linalg
        case .memory: kind = .memory
        case .interrupted: kind = .interrupted
        }
        // The engine's "did you mean b.T?" names no operand of the program; `Interpreter.binary`
        // names it when the source shows it is a name.
        let hint = error.hint == "did you mean b.T?" ? KisoError.transposeRightOperand : error.hint
        self.init(kind, error.message, span: span, hint: hint)
    }

    /// The hint for a product whose inner sizes match only with the right operand transposed.
    static let transposeRightOperand = "the inner sizes would match with the right operand transposed (`.T`)"

    /// `origin:line:column: kind error: message`, without the source excerpt.
    public var description: String {
        var text = ""
        if let span { text += "\(origin):\(span.line):\(span.column): " }
        text += "\(kind.rawValue) error: \(message)"
        if let hint { text += " (hint: \(hint))" }
        return text
    }

    /// The error as plain text: the location and message, the source line with a caret
    /// underline beneath the span, and the hint.
    ///
    /// ```
    /// <input>:1:1: name error: `sofmax` is not defined
    ///   1 | sofmax(x)
    ///     | ^^^^^^
    /// hint: did you mean `softmax`?
    /// ```
    public func render(source: String) -> String {
        var lines: [String] = []
        let location = span.map { "\(origin):\($0.line):\($0.column): " } ?? ""
        lines.append("\(location)\(kind.rawValue) error: \(ControlEscapes.escaped(message))")
        if let span, let excerpt = SourceExcerpt(source: self.source ?? source, span: span) {
            let number = String(span.line)
            let gutter = String(repeating: " ", count: number.count)
            lines.append("  \(number) | \(excerpt.text)")
            let pad = String(repeating: " ", count: excerpt.caretColumn)
            let marks = String(repeating: "^", count: Swift.max(1, excerpt.caretWidth))
            lines.append("  \(gutter) | \(pad)\(marks)")
        }
        lines += CallStackText.lines(callStack)
        if let hint { lines.append("hint: \(ControlEscapes.escaped(hint))") }
        return lines.joined(separator: "\n")
    }
}

/// A call stack as a few lines: repeats of one call site (a recursion) fold into one line, and a
/// deep stack keeps its innermost and outermost calls.
enum CallStackText {
    static func lines(_ stack: [String]) -> [String] {
        var folded: [(label: String, count: Int)] = []
        for label in stack {
            if let last = folded.last, last.label == label {
                folded[folded.count - 1].count += 1
            } else {
                folded.append((label, 1))
            }
        }
        var lines = folded.map { "called from \($0.label)" + ($0.count > 1 ? " (\($0.count) times)" : "") }
        if lines.count > 6 {
            let hidden = lines.count - 5
            lines = Array(lines.prefix(3)) + ["… \(hidden) more calls"] + Array(lines.suffix(2))
        }
        return lines
    }
}

/// The line of source a span starts on, with the caret's position and width inside it.
struct SourceExcerpt {
    var text: String
    var caretColumn: Int
    var caretWidth: Int

    /// The widest excerpt shown; a longer line is cut to a window around the caret, so an
    /// error in a 10,000-character line prints a line, not a page.
    static let maxWidth = 100

    init?(source: String, span: SourceSpan) {
        let scalars = Array(source.unicodeScalars)
        guard span.start >= 0, span.start <= scalars.count else { return nil }
        var lineStart = Swift.min(span.start, scalars.count)
        while lineStart > 0 && scalars[lineStart - 1] != "\n" { lineStart -= 1 }
        var lineEnd = lineStart
        while lineEnd < scalars.count && scalars[lineEnd] != "\n" { lineEnd += 1 }
        var view = String.UnicodeScalarView()
        // Tabs become one space so the caret stays aligned.
        // A control character becomes U+FFFD: one column, like the character it stands for, so
        // the caret stays aligned and the excerpt cannot drive the terminal.
        for scalar in scalars[lineStart..<lineEnd] {
            view.append(scalar == "\t" ? " " : ControlEscapes.needsEscape(scalar) && scalar != "\r" ? "\u{FFFD}" : scalar)
        }
        var lineText = String(view)
        while lineText.hasSuffix(" ") || lineText.hasSuffix("\r") { lineText.removeLast() }
        text = lineText
        caretColumn = span.start - lineStart
        caretWidth = Swift.min(span.end, lineEnd) - span.start
        if caretWidth <= 0 { caretWidth = 1 }
        clip()
    }

    /// Cuts a long line to ``maxWidth`` scalars around the caret, marking each cut with `…`.
    private mutating func clip() {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > Self.maxWidth else { return }
        caretWidth = Swift.min(caretWidth, Self.maxWidth / 2)
        var start = Swift.max(0, caretColumn - Self.maxWidth / 4)
        let end = Swift.min(scalars.count, start + Self.maxWidth)
        start = Swift.max(0, end - Self.maxWidth)
        var view = String.UnicodeScalarView()
        if start > 0 { view.append("…") }
        view.append(contentsOf: scalars[start..<end])
        if end < scalars.count { view.append("…") }
        text = String(view)
        caretColumn = caretColumn - start + (start > 0 ? 1 : 0)
    }
}
