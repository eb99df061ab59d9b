/// What running a piece of source produced.
public struct RunResult: Sendable {
    /// The text to show for the value of the last statement, already formatted; nil when the
    /// last statement was an assignment, ended in `;`, or gave none.
    public var echo: String?
    /// The first error, if any (parse errors come in source order).
    public var error: KisoError?
    /// Every error: a parse may report several; a run stops at its first runtime error.
    public var errors: [KisoError]

    /// A result from its parts.
    public init(echo: String? = nil, errors: [KisoError] = []) {
        self.echo = echo
        self.errors = errors
        self.error = errors.first
    }
}
