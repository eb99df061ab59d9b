/// A notebook or lesson that cannot be read, with the line where the problem is.
public struct NotebookError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file, as the caller named it (may be empty for text parsed from memory).
    public let path: String
    /// 1-based line of the problem.
    public let line: Int
    /// What is wrong.
    public let message: String
    /// How to fix it, when there is something useful to say.
    public let hint: String?

    /// Creates an error at `line` of `path`.
    public init(path: String, line: Int, message: String, hint: String? = nil) {
        self.path = path
        self.line = line
        self.message = message
        self.hint = hint
    }

    /// `path:line: message` followed by `hint: …` on its own line when there is a hint.
    public var description: String {
        let place = path.isEmpty ? "line \(line)" : "\(path):\(line)"
        guard let hint else { return "\(place): \(message)" }
        return "\(place): \(message)\nhint: \(hint)"
    }
}
