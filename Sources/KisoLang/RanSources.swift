/// One piece of source a session ran, with the range of span offsets its spans use.
struct RanSource {
    /// The offset of its first scalar among all the session's sources.
    let start: Int
    /// Its length in Unicode scalars.
    let count: Int
    /// The text itself.
    let text: String
    /// Its name in error locations (`<input>`, `cell`, a file).
    let origin: String
    /// Its name in a call stack (`cell 3`), when it has one besides `origin`.
    let unit: String?

    /// `span` counted from this source's start.
    func local(_ span: SourceSpan) -> SourceSpan {
        SourceSpan(start: span.start - start, end: span.end - start, line: span.line, column: span.column)
    }
}

/// Every source a session has run, each given offsets no other uses, so any span, however old,
/// names its text. The REPL and the step screen keep them all: a function defined in the first
/// entry may fail in the hundredth.
struct RanSources {
    private var all: [RanSource] = []
    private var nextStart = 0

    /// Keeps `text` and returns it with its offsets.
    mutating func add(_ text: String, origin: String, unit: String?) -> RanSource {
        let count = text.unicodeScalars.count
        let source = RanSource(start: nextStart, count: count, text: text, origin: origin, unit: unit)
        all.append(source)
        // One offset of room after each source, so a span at its very end is still its own.
        nextStart += count + 1
        return source
    }

    /// The source a span lies in.
    func containing(_ span: SourceSpan) -> RanSource? {
        var low = 0
        var high = all.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let candidate = all[middle]
            if span.start < candidate.start {
                high = middle - 1
            } else if span.start > candidate.start + candidate.count {
                low = middle + 1
            } else {
                return candidate
            }
        }
        return nil
    }
}
