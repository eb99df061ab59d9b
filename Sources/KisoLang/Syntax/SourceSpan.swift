/// Where a piece of source text lies: offsets count Unicode scalars from the start of the
/// source a session ran, so a span can always be mapped back to its line for rendering.
public struct SourceSpan: Sendable, Equatable, CustomStringConvertible {
    /// The offset of the first scalar.
    public var start: Int
    /// The offset just past the last scalar.
    public var end: Int
    /// The 1-based line of `start`, counted from the line the source was said to begin on.
    public var line: Int
    /// The 1-based column of `start`, in Unicode scalars.
    public var column: Int

    /// A span from its parts.
    public init(start: Int, end: Int, line: Int, column: Int) {
        self.start = start
        self.end = Swift.max(end, start)
        self.line = line
        self.column = column
    }

    /// The smallest span covering both.
    public func merged(with other: SourceSpan) -> SourceSpan {
        if other.start < start {
            return SourceSpan(
                start: other.start, end: Swift.max(end, other.end), line: other.line, column: other.column)
        }
        return SourceSpan(start: start, end: Swift.max(end, other.end), line: line, column: column)
    }

    /// `line:column`.
    public var description: String { "\(line):\(column)" }
}
