/// A training corpus as distinct words with their counts, in order of first appearance (the order
/// the course's `max(pairs, key=pairs.get)` tie rule depends on).
public struct WordCounts: Sendable {
    /// The words' bytes, one after another.
    var bytes: [UInt8] = []
    /// Where each word starts in `bytes`; word `i` ends where word `i + 1` starts.
    var offsets: [Int] = [0]
    /// How often each word occurs.
    public private(set) var counts: [Int] = []

    /// No words.
    public init() {}

    /// The words of a text. Without `keepingSpaces` the text is split at whitespace, as Python's
    /// `str.split()` does; with it, runs of whitespace are words too, so the words cover every byte
    /// (what byte-level tokenisation needs to give the text back exactly).
    public init(text: String, keepingSpaces: Bool) {
        var text = text
        text.withUTF8 { buffer in
            var table = SliceTable(capacity: 1 << 12)
            var counts: [Int] = []
            Whitespace.forEachRun(buffer) { start, end, isSpace in
                if isSpace && !keepingSpaces { return }
                let (index, isNew) = table.insert(buffer, start, end)
                if isNew { counts.append(1) } else { counts[index] += 1 }
            }
            for i in 0..<table.count {
                bytes.append(contentsOf: buffer[table.starts[i]..<table.ends[i]])
                offsets.append(bytes.count)
            }
            self.counts = counts
        }
    }

    /// Words with their counts; a word given twice has its counts added. Empty words are skipped.
    public init(_ pairs: [(word: String, count: Int)]) throws(TextError) {
        var index: [String: Int] = [:]
        for (word, count) in pairs {
            guard count >= 0 else {
                throw TextError(
                    "the count of \(quoted(word)) is \(count)", hint: "counts are how often a word occurs: 0 or more")
            }
            if word.isEmpty { continue }
            if let i = index[word] {
                let (sum, overflow) = counts[i].addingReportingOverflow(count)
                guard !overflow else { throw TextError.tooLarge }
                counts[i] = sum
            } else {
                index[word] = counts.count
                bytes.append(contentsOf: word.utf8)
                offsets.append(bytes.count)
                counts.append(count)
            }
        }
    }

    /// Each word counted once per appearance.
    public init(words: [String]) throws(TextError) {
        try self.init(words.map { ($0, 1) })
    }

    /// The number of distinct words.
    public var count: Int { counts.count }

    /// Word `i`.
    public func word(_ i: Int) -> String {
        String(decoding: bytes[offsets[i]..<offsets[i + 1]], as: UTF8.self)
    }

    /// The words and counts, in order.
    public var pairs: [(word: String, count: Int)] {
        (0..<count).map { (word($0), counts[$0]) }
    }
}

extension TextError {
    static let tooLarge = TextError(
        "the corpus's counts add up to more than 2⁶³", hint: "divide the counts, or train on a smaller corpus")
}

/// `"text"`, quoted for a message, shortened when long.
func quoted(_ text: String) -> String {
    let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
    return "\"" + shown + "\""
}
