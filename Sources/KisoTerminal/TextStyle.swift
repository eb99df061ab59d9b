/// ANSI styling that turns itself off: with colour disabled every helper returns its text unchanged.
public struct TextStyle: Sendable {
    /// Whether escape sequences are emitted.
    public let enabled: Bool

    /// A style that emits escapes only when `enabled`.
    public init(enabled: Bool) {
        self.enabled = enabled
    }

    /// Colour when the process's standard output allows it (see ``Terminal/colorEnabled``).
    public static var automatic: TextStyle { TextStyle(enabled: Terminal.colorEnabled) }

    /// No escapes at all.
    public static let plain = TextStyle(enabled: false)

    /// Wraps `text` in the SGR code `code` and a reset.
    public func apply(_ code: String, _ text: String) -> String {
        guard enabled, !text.isEmpty else { return text }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }

    /// Bold text.
    public func bold(_ text: String) -> String { apply("1", text) }
    /// Dim (faint) text.
    public func dim(_ text: String) -> String { apply("2", text) }
    /// Italic text.
    public func italic(_ text: String) -> String { apply("3", text) }
    /// Underlined text.
    public func underline(_ text: String) -> String { apply("4", text) }
    /// Bold and underlined text.
    public func boldUnderline(_ text: String) -> String { apply("1;4", text) }
    /// Red text (errors).
    public func red(_ text: String) -> String { apply("31", text) }
    /// Green text.
    public func green(_ text: String) -> String { apply("32", text) }
    /// Yellow text (warnings, hints).
    public func yellow(_ text: String) -> String { apply("33", text) }
    /// Blue text.
    public func blue(_ text: String) -> String { apply("34", text) }
    /// Magenta text.
    public func magenta(_ text: String) -> String { apply("35", text) }
    /// Cyan text (code).
    public func cyan(_ text: String) -> String { apply("36", text) }
    /// Grey text.
    public func gray(_ text: String) -> String { apply("90", text) }

    /// `text` with every escape sequence this type can emit removed.
    public static func stripped(_ text: String) -> String {
        var result = ""
        var iterator = text.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            if scalar == "\u{1B}" {
                // CSI: ESC [ parameters final-byte.
                guard let next = iterator.next() else { break }
                if next != "[" { continue }
                while let byte = iterator.next(), !(0x40...0x7E).contains(byte.value) {}
                continue
            }
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}
