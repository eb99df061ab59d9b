/// What went wrong in tokenisation: a message saying what, and a hint saying how to fix it.
public struct TextError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong, naming the operation and the value involved.
    public let message: String
    /// How to fix it, when there is something useful to say.
    public let hint: String?

    /// An error from its message and hint.
    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    /// The message, then the hint.
    public var description: String { hint.map { "\(message) (\($0))" } ?? message }
}
