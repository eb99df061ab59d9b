/// Saving and loading in the two formats other tools read: HF tokenizers' `tokenizer.json`, and
/// the `merges.txt` + `vocab.json` pair of subword-nmt and GPT-2.
extension BPETokenizer {
    /// The tokeniser as an HF tokenizers `tokenizer.json`: its pre-tokeniser, decoder and BPE model.
    /// HF has no end-of-word symbol of its own, only a suffix glued to the last character, so a
    /// tokeniser with a separate marker cannot be written in this format.
    public func huggingFaceJSON() throws(TextError) -> String {
        if let marker = endOfWord, !attachesEndOfWord {
            throw TextError(
                "HF tokenizers cannot hold the end-of-word symbol \(quoted(marker)) as a token of its own",
                hint:
                    "save as merges.txt (with vocab.json beside it), or train with the marker glued to the last character"
            )
        }
        let byteLevelStep: JSON = .object([
            "type": .string("ByteLevel"), "add_prefix_space": .bool(false), "trim_offsets": .bool(true),
            "use_regex": .bool(false),
        ])
        let preTokenizer: JSON
        let decoder: JSON
        if byteLevel {
            let split: JSON = .object([
                "type": .string("Split"), "pattern": .object(["Regex": .string("\\S+|\\s+")]),
                "behavior": .string("Isolated"), "invert": .bool(false),
            ])
            preTokenizer = .object(["type": .string("Sequence"), "pretokenizers": .array([split, byteLevelStep])])
            decoder = byteLevelStep
        } else {
            preTokenizer = .object(["type": .string("WhitespaceSplit")])
            decoder = endOfWord.map { .object(["type": .string("BPEDecoder"), "suffix": .string($0)]) } ?? .null
        }
        let vocab: JSON = .object(tokens, tokens.indices.map { JSON.number(Double($0)) })
        let mergeList: JSON = .array(merges.map { .array([.string(tokens[$0.left]), .string(tokens[$0.right])]) })
        let suffix: JSON = endOfWord.map { .string($0) } ?? .null
        let model: JSON = .object([
            "type": .string("BPE"), "dropout": .null, "unk_token": .null, "continuing_subword_prefix": .null,
            "end_of_word_suffix": suffix, "fuse_unk": .bool(false), "byte_fallback": .bool(false),
            "ignore_merges": .bool(false), "vocab": vocab, "merges": mergeList,
        ])
        let root: JSON = .object([
            "version": .string("1.0"), "truncation": .null, "padding": .null, "added_tokens": .array([]),
            "normalizer": .null, "pre_tokenizer": preTokenizer, "post_processor": .null, "decoder": decoder,
            "model": model,
        ])
        return root.text + "\n"
    }

    /// A tokeniser from an HF `tokenizer.json` (or its model section alone): the vocabulary and
    /// merges, the end-of-word suffix, and whether its pre-tokeniser is byte-level. Kiso cuts text
    /// into words its own way (whitespace; byte-level, whitespace runs too).
    public init(huggingFaceJSON bytes: [UInt8], what: String = "tokenizer.json") throws(TextError) {
        let root: JSON = try JSON.parse(bytes, what: what)
        var model: JSON = root
        if let section = root["model"] { model = section }
        let type: String = model["type"]?.string ?? "BPE"
        guard type == "BPE", let (vocabKeys, vocabValues) = model["vocab"]?.members else {
            throw TextError(
                "\(what) holds no BPE model with a vocab",
                hint: "give a tokenizer.json written by HF tokenizers or by Kiso")
        }
        var names: [String] = Array(repeating: "", count: vocabKeys.count)
        var seen: [Bool] = Array(repeating: false, count: vocabKeys.count)
        for (token, id) in zip(vocabKeys, vocabValues) {
            guard case .number(let x) = id, x >= 0, x < Double(vocabKeys.count), x == x.rounded(),
                !seen[Int(x)]
            else {
                throw TextError(
                    "\(what): the vocab's ids must be 0, 1, 2, … once each; \(quoted(token)) breaks that")
            }
            names[Int(x)] = token
            seen[Int(x)] = true
        }
        var pairs: [(String, String)] = []
        if let items = model["merges"]?.items {
            for item in items {
                pairs.append(try JSON.mergePair(item, what: what))
            }
        }
        let suffix = model["end_of_word_suffix"]?.string
        var byteLevel = false
        if let pre = root["pre_tokenizer"] { byteLevel = pre.mentions(type: "ByteLevel") }
        try self.init(
            tokens: names, mergePairs: pairs, byteLevel: byteLevel,
            endOfWord: suffix, attachesEndOfWord: suffix != nil)
    }

    /// The merges as subword-nmt and GPT-2 write them: a version line, then one `left right` per line.
    public var mergesText: String {
        var out = "#version: 0.2\n"
        for merge in merges { out += tokens[merge.left] + " " + tokens[merge.right] + "\n" }
        return out
    }

    /// The vocabulary as GPT-2's `vocab.json`: token → id, in id order.
    public var vocabularyJSON: String {
        JSON.object(tokens, tokens.indices.map { JSON.number(Double($0)) }).text + "\n"
    }

    /// A tokeniser from `merges.txt` and `vocab.json`; these files do not record the settings, so
    /// they are given.
    public init(
        mergesText: String, vocabularyJSON: [UInt8], byteLevel: Bool, endOfWord: String?, attachesEndOfWord: Bool
    ) throws(TextError) {
        let entries = try JSON.parse(vocabularyJSON, what: "vocab.json")
        guard entries.members != nil else { throw TextError("vocab.json is not an object of token → id") }
        let vocabulary = JSON.object(["vocab": entries])
        let partial = try BPETokenizer(huggingFaceJSON: Array(vocabulary.text.utf8), what: "vocab.json")
        var pairs: [(String, String)] = []
        for (number, line) in mergesText.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = line.hasSuffix("\r") ? line.dropLast() : line
            if line.isEmpty || (number == 0 && line.hasPrefix("#version")) { continue }
            let parts = line.split(separator: " ", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw TextError(
                    "merges.txt line \(number + 1) is not two tokens separated by one space: \(quoted(String(line)))")
            }
            pairs.append((String(parts[0]), String(parts[1])))
        }
        try self.init(
            tokens: partial.tokens, mergePairs: pairs, byteLevel: byteLevel, endOfWord: endOfWord,
            attachesEndOfWord: attachesEndOfWord)
    }

    /// Writes the tokeniser: a path ending in `.json` gets HF's `tokenizer.json`; a path ending in
    /// `merges.txt` gets the merges there and `vocab.json` beside it. Files are replaced atomically.
    public func save(toPath path: String) throws(TextError) {
        if path.hasSuffix(".json") {
            try TextFile.write(try huggingFaceJSON(), toPath: path)
        } else if path.hasSuffix("merges.txt") {
            try TextFile.write(vocabularyJSON, toPath: BPETokenizer.vocabularyPath(besideMerges: path))
            try TextFile.write(mergesText, toPath: path)
        } else {
            throw TextError(
                "save: \(quoted(path)) ends neither in .json nor in merges.txt",
                hint: "\"tok.json\" writes HF's tokenizer.json; \"merges.txt\" writes merges.txt and vocab.json")
        }
    }

    /// Reads a tokeniser saved by `save` (or by HF tokenizers, subword-nmt or GPT-2). For
    /// `merges.txt`, `vocab.json` is read from beside it and the settings are given.
    public static func load(
        path: String, byteLevel: Bool = false, endOfWord: String? = nil, attachesEndOfWord: Bool = true
    ) throws(TextError) -> BPETokenizer {
        if path.hasSuffix("merges.txt") {
            let merges = try TextFile.text(atPath: path)
            let vocabulary = try TextFile.bytes(atPath: vocabularyPath(besideMerges: path))
            return try BPETokenizer(
                mergesText: merges, vocabularyJSON: vocabulary, byteLevel: byteLevel, endOfWord: endOfWord,
                attachesEndOfWord: endOfWord != nil && attachesEndOfWord)
        }
        return try BPETokenizer(huggingFaceJSON: try TextFile.bytes(atPath: path), what: path)
    }

    static func vocabularyPath(besideMerges path: String) -> String {
        String(path.dropLast("merges.txt".count)) + "vocab.json"
    }
}
