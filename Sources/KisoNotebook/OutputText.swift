import KisoBase
/// How outputs are compared and recorded.
///
/// Line endings become `\n`, trailing spaces on each line and trailing blank lines are dropped:
/// editors strip them, and they are invisible in a terminal anyway. What remains must match exactly.
public enum OutputText {
    /// The comparable lines of `text`; no lines for empty output.
    public static func lines(_ text: String) -> [String] {
        var result = splitLines(text).map { String($0.content.trimmingTrailingWhitespace()) }
        while let last = result.last, last.isEmpty { result.removeLast() }
        return result
    }

    /// The comparable form of `text`: ``lines(_:)`` joined with `\n`.
    public static func normalized(_ text: String) -> String {
        lines(text).joined(separator: "\n")
    }
}
