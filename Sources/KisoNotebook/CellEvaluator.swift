/// Runs cells for the notebook runner; the language provides the real one. One evaluator holds one
/// environment, so variables defined by a cell are seen by the cells after it.
public protocol CellEvaluator {
    /// Runs `source` and returns everything it printed. `origin` names the notebook and `line` is the
    /// 1-based line of the cell's first line of code, for error messages.
    mutating func evaluate(_ source: String, origin: String, line: Int) -> CellOutcome
}

/// What running a cell produced.
public struct CellOutcome: Equatable, Sendable {
    /// Everything the cell printed, in order: `print` output, echoed values, and on failure the error
    /// message as the REPL shows it.
    public var output: String
    /// Whether the cell stopped with an error.
    public var failed: Bool

    /// Creates an outcome.
    public init(output: String, failed: Bool = false) {
        self.output = output
        self.failed = failed
    }
}
