/// Why a tensor operation refused its arguments. Every message names the operation, the shapes or
/// values involved, and — in `hint` — how to fix the call. Nothing in the engine traps on bad
/// input; it throws one of these instead.
public struct TensorError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The family of mistake, for callers that want to react differently to each.
    public enum Kind: String, Sendable {
        /// Shapes that cannot be combined, reshaped or broadcast.
        case shape
        /// An axis outside the tensor's dimensions, or repeated.
        case axis
        /// An index or slice outside a dimension.
        case index
        /// A value outside an operation's domain (a negative count, a bad `ord`, a bad step).
        case value
        /// A linear-algebra failure: a singular matrix, a complex spectrum, no convergence.
        case linalg
        /// A nested literal whose rows differ in length.
        case ragged
        /// A reduction with no identity over zero elements.
        case empty
        /// An allocation over the configured limit.
        case memory
        /// Stopped by Ctrl-C (see ``Interruption``).
        case interrupted
    }

    /// The family of mistake.
    public var kind: Kind
    /// What went wrong, starting with the operation's name: `matmul: (2,3) @ (2,3) — …`.
    public var message: String
    /// How to fix it, when there is something useful to say.
    public var hint: String?

    /// Creates an error of the given kind.
    public init(_ kind: Kind, _ message: String, hint: String? = nil) {
        self.kind = kind
        self.message = message
        self.hint = hint
    }

    /// The message followed by the hint, as one line.
    public var description: String {
        guard let hint else { return message }
        return "\(message); \(hint)"
    }

    @usableFromInline
    static func shape(_ message: String, hint: String? = nil) -> TensorError {
        TensorError(.shape, message, hint: hint)
    }
    static func axis(_ message: String, hint: String? = nil) -> TensorError {
        TensorError(.axis, message, hint: hint)
    }
    static func index(_ message: String, hint: String? = nil) -> TensorError {
        TensorError(.index, message, hint: hint)
    }
    @usableFromInline
    static func value(_ message: String, hint: String? = nil) -> TensorError {
        TensorError(.value, message, hint: hint)
    }
}
