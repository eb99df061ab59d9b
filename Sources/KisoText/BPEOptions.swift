/// How training chooses between pairs that occur equally often. The choice changes the merges,
/// so it is named rather than left to a data structure's iteration order.
public enum BPETieRule: String, CaseIterable, Sendable {
    /// The pair seen first when counting (words in order of first appearance, left to right) —
    /// what Python's `max(pairs, key=pairs.get)` returns over an insertion-ordered dict.
    case first
    /// The pair that is largest as a tuple of strings (compared by code point), as
    /// subword-nmt's learn_bpe.py does with `max(stats, key=lambda x: (stats[x], x))`.
    case subwordNMT = "subword-nmt"
    /// The pair whose (left id, right id) is smallest, as HF tokenizers' BPE trainer does.
    case hf
}

/// What `train` learns from and when it stops.
public struct BPEOptions: Sendable {
    /// When training stops.
    public enum Stop: Sendable, Equatable {
        /// After this many merges.
        case merges(Int)
        /// When the vocabulary (characters or bytes, plus merged tokens) has this many entries.
        case vocabularySize(Int)
    }

    /// When training stops (also earlier, when no pair occurs `minFrequency` times).
    public var stop: Stop
    /// The fewest occurrences a pair needs to be merged.
    public var minFrequency: Int
    /// The marker that ends every word, or nil for none.
    public var endOfWord: String?
    /// Whether the marker is glued to the word's last character (`t</w>`, as subword-nmt 0.2 and
    /// HF's `end_of_word_suffix` do) rather than being a symbol of its own (`t`, `</w>`, as in
    /// Sennrich et al.'s paper and the course).
    public var attachesEndOfWord: Bool
    /// Whether words are UTF-8 bytes (GPT-2's byte-level BPE) rather than characters.
    public var byteLevel: Bool
    /// How ties between equally frequent pairs are broken.
    public var ties: BPETieRule

    /// Options with the course's defaults: `</w>` as its own symbol, characters, ties by first
    /// appearance, pairs seen at least twice.
    public init(
        stop: Stop, minFrequency: Int = 2, endOfWord: String? = "</w>", attachesEndOfWord: Bool = false,
        byteLevel: Bool = false, ties: BPETieRule = .first
    ) {
        self.stop = stop
        self.minFrequency = minFrequency
        self.endOfWord = endOfWord
        self.attachesEndOfWord = attachesEndOfWord
        self.byteLevel = byteLevel
        self.ties = ties
    }

    /// Throws if an option is out of range.
    func validate() throws(TextError) {
        switch stop {
        case .merges(let n) where n < 0:
            throw TextError("merges is \(n)", hint: "give the number of merges to learn: 0 or more")
        case .vocabularySize(let n) where n < 0:
            throw TextError("vocab_size is \(n)", hint: "give the vocabulary size to reach: 0 or more")
        default: break
        }
        guard minFrequency >= 0 else {
            throw TextError(
                "min_frequency is \(minFrequency)", hint: "give the fewest occurrences a merge needs: 1 or more")
        }
        if let marker = endOfWord {
            guard !marker.isEmpty else {
                throw TextError("end_of_word is empty", hint: "give a marker such as \"</w>\", or none for no marker")
            }
            guard !marker.unicodeScalars.contains(where: { $0.properties.isWhitespace }) else {
                throw TextError(
                    "end_of_word \(quoted(marker)) contains whitespace",
                    hint: "merges.txt separates tokens with spaces; use a marker such as \"</w>\"")
            }
        }
    }
}
