/// A trained byte-pair encoder: a vocabulary, the merges in the order they were learnt, and how
/// text is cut into words. Encoding applies the merges to each word lowest rank first, as HF
/// tokenizers and subword-nmt's apply_bpe.py do.
public struct BPETokenizer: Sendable {
    /// Each token's text, by id.
    public let tokens: [String]
    /// Each token's id, by text.
    public let vocabulary: [String: Int]
    /// The merges, in the order they were learnt: the ids of the left and right token and of the
    /// token they make.
    public let merges: [(left: Int, right: Int, result: Int)]
    /// Whether words are UTF-8 bytes (written with GPT-2's byte characters) rather than characters.
    public let byteLevel: Bool
    /// The marker that ends every word, or nil.
    public let endOfWord: String?
    /// Whether the marker is glued to a word's last character rather than a symbol of its own.
    public let attachesEndOfWord: Bool
    /// The merges as training made them (empty for a loaded tokeniser).
    public let trace: [BPEMergeStep]

    let alphabet: Alphabet
    /// (left << 32 | right) → rank.
    let ranks: [UInt64: Int32]
    /// The bytes each token stands for, and whether it ends a word.
    let surfaces: [[UInt8]]
    let endsWord: [Bool]

    /// Learns a tokeniser from word counts.
    public static func train(_ words: WordCounts, options: BPEOptions) throws(TextError) -> BPETokenizer {
        let trainer = try BPETrainer(words: words, options: options)
        trainer.run()
        return try BPETokenizer(
            tokens: trainer.tokens,
            merges: trainer.merges.map { (Int($0.left), Int($0.right), Int($0.result)) },
            byteLevel: options.byteLevel, endOfWord: options.endOfWord,
            attachesEndOfWord: options.endOfWord != nil && options.attachesEndOfWord, trace: trainer.trace)
    }

    /// Learns a tokeniser from a text split at whitespace (byte-level: whitespace runs are words too).
    public static func train(text: String, options: BPEOptions) throws(TextError) -> BPETokenizer {
        try train(WordCounts(text: text, keepingSpaces: options.byteLevel), options: options)
    }

    /// A tokeniser from its parts; throws if a merge names a token that is not in the vocabulary.
    public init(
        tokens: [String], merges: [(left: Int, right: Int, result: Int)], byteLevel: Bool, endOfWord: String?,
        attachesEndOfWord: Bool, trace: [BPEMergeStep] = []
    ) throws(TextError) {
        var vocabulary: [String: Int] = [:]
        vocabulary.reserveCapacity(tokens.count)
        for (id, token) in tokens.enumerated() {
            guard vocabulary[token] == nil else {
                throw TextError(
                    "the token \(quoted(token)) appears twice in the vocabulary", hint: "each token needs one id")
            }
            vocabulary[token] = id
        }
        var ranks: [UInt64: Int32] = [:]
        for (rank, merge) in merges.enumerated() {
            guard tokens.indices.contains(merge.left), tokens.indices.contains(merge.right),
                tokens.indices.contains(merge.result)
            else {
                throw TextError("merge \(rank + 1) refers to a token id outside the vocabulary")
            }
            let key = UInt64(merge.left) << 32 | UInt64(merge.right)
            if ranks[key] == nil { ranks[key] = Int32(rank) }
        }
        self.tokens = tokens
        self.vocabulary = vocabulary
        self.merges = merges
        self.byteLevel = byteLevel
        self.endOfWord = endOfWord
        self.attachesEndOfWord = attachesEndOfWord
        self.trace = trace
        self.ranks = ranks
        let alphabet = Alphabet(
            vocabulary: vocabulary, byteLevel: byteLevel, marker: endOfWord, attachesMarker: attachesEndOfWord)
        self.alphabet = alphabet
        (surfaces, endsWord) = BPETokenizer.surfaces(
            tokens: tokens, merges: merges, alphabet: alphabet, byteLevel: byteLevel, marker: endOfWord)
    }

    /// A tokeniser from token texts and merges given as pairs of token texts.
    public init(
        tokens: [String], mergePairs: [(String, String)], byteLevel: Bool, endOfWord: String?, attachesEndOfWord: Bool
    ) throws(TextError) {
        var ids: [String: Int] = [:]
        for (id, token) in tokens.enumerated() where ids[token] == nil { ids[token] = id }
        var merges: [(left: Int, right: Int, result: Int)] = []
        for (rank, (left, right)) in mergePairs.enumerated() {
            guard let l = ids[left], let r = ids[right] else {
                let missing = ids[left] == nil ? left : right
                throw TextError(
                    "merge \(rank + 1) (\(quoted(left)) \(quoted(right))) uses \(quoted(missing)), which is not in the vocabulary",
                    hint: "the merges and the vocabulary must come from the same training")
            }
            guard let result = ids[left + right] else {
                throw TextError(
                    "merge \(rank + 1) makes \(quoted(left + right)), which is not in the vocabulary",
                    hint: "the merges and the vocabulary must come from the same training")
            }
            merges.append((l, r, result))
        }
        try self.init(
            tokens: tokens, merges: merges, byteLevel: byteLevel, endOfWord: endOfWord,
            attachesEndOfWord: attachesEndOfWord)
    }

    /// The number of tokens in the vocabulary.
    public var count: Int { tokens.count }

    /// The merges as pairs of token texts.
    public var mergePairs: [(String, String)] { merges.map { (tokens[$0.left], tokens[$0.right]) } }

    private static func surfaces(
        tokens: [String], merges: [(left: Int, right: Int, result: Int)], alphabet: Alphabet, byteLevel: Bool,
        marker: String?
    ) -> ([[UInt8]], [Bool]) {
        var surfaces = [[UInt8]](repeating: [], count: tokens.count)
        var endsWord = [Bool](repeating: false, count: tokens.count)
        var known = [Bool](repeating: false, count: tokens.count)
        // Base tokens and anything else (special tokens) are read from their text.
        for (id, token) in tokens.enumerated() {
            var body = Substring(token)
            if let marker, token.unicodeScalars.count >= marker.unicodeScalars.count,
                token.unicodeScalars.suffix(marker.unicodeScalars.count).elementsEqual(marker.unicodeScalars)
            {
                body = Substring(
                    String(String.UnicodeScalarView(token.unicodeScalars.dropLast(marker.unicodeScalars.count))))
                endsWord[id] = true
            }
            surfaces[id] = byteLevel ? ByteLevel.bytes(of: body) ?? Array(body.utf8) : Array(body.utf8)
        }
        // Merged tokens are exactly their parts, whatever their text looks like.
        for merge in merges where !known[merge.result] {
            surfaces[merge.result] = surfaces[merge.left] + surfaces[merge.right]
            endsWord[merge.result] = endsWord[merge.right]
            known[merge.result] = true
        }
        return (surfaces, endsWord)
    }
}
