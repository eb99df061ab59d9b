import KisoText

extension Registry {
    func registerTokenizers() {
        section("Tokenisers")
        register(TokenizerObject.self)
        add(
            "bpe_train",
            [
                param("corpus", .any), param("merges", .int, .none), param("vocab_size", .int, .none),
                param("min_frequency", .int, .int(2)), param("end_of_word", .any, .string("</w>")),
                param("byte_level", .bool, .bool(false)), param("ties", .string, .string("first")),
                param("attach_end_of_word", .bool, .bool(false)),
            ],
            doc:
                "Learns byte-pair merges from a text (split at whitespace), a list of words or a dict word → count; give merges= or vocab_size=.",
            example: "tok = bpe_train([\"low\", \"lower\", \"newest\", \"widest\"], merges=3, min_frequency=1)"
        ) { a in
            let stop: BPEOptions.Stop
            switch (try a.optionalInt("merges"), try a.optionalInt("vocab_size")) {
            case (let n?, nil): stop = .merges(n)
            case (nil, let n?): stop = .vocabularySize(n)
            case (nil, nil):
                throw KisoError(
                    .argument, "bpe_train needs merges= or vocab_size=", hint: "bpe_train(text, vocab_size=500)")
            default:
                throw KisoError(
                    .argument, "bpe_train takes merges= or vocab_size=, not both",
                    hint: "keep the one that should stop training")
            }
            let tiesName = try a.string("ties")
            guard let ties = BPETieRule(rawValue: tiesName) else {
                throw KisoError(
                    .value, "bpe_train: no tie rule \(quoteString(tiesName))",
                    hint: "ties is one of "
                        + BPETieRule.allCases.map { quoteString($0.rawValue) }.joined(separator: ", "))
            }
            let marker: String?
            switch try a["end_of_word"] {
            case .none: marker = nil
            case .string(let s): marker = s
            default: throw Convert.mismatch("a string or none", "end_of_word", try a["end_of_word"])
            }
            let options = BPEOptions(
                stop: stop, minFrequency: try a.int("min_frequency"), endOfWord: marker,
                attachesEndOfWord: try a.bool("attach_end_of_word"),
                byteLevel: try a.bool("byte_level"), ties: ties)
            let words = try corpusWords(try a["corpus"], byteLevel: options.byteLevel)
            var interrupted = false
            let tokenizer: BPETokenizer
            do throws(TextError) {
                tokenizer = try BPETokenizer.train(words, options: options) {
                    interrupted = Session.interrupt.load(ordering: .relaxed)
                    return interrupted
                }
            } catch {
                if interrupted { try a.interpreter.checkInterrupt(a.span) }
                throw KisoError(.value, "bpe_train: \(error.message)", hint: error.hint)
            }
            return .object(TokenizerObject(tokenizer, ties: ties))
        }
        add(
            "bpe_load",
            [
                param("path", .string), param("byte_level", .bool, .bool(false)), param("end_of_word", .any, .none),
                param("attach_end_of_word", .bool, .bool(true)),
            ],
            doc:
                "Reads a tokeniser: HF's tokenizer.json, or merges.txt with vocab.json beside it (give its settings).",
            example:
                "bpe_train(\"low lower\", merges=2, end_of_word=none).save(\"/tmp/tok.json\"); tok = bpe_load(\"/tmp/tok.json\")"
        ) { a in
            let path = a.interpreter.resolvePath(try a.string("path"))
            let marker: String?
            switch try a["end_of_word"] {
            case .none: marker = nil
            case .string(let s): marker = s
            default: throw Convert.mismatch("a string or none", "end_of_word", try a["end_of_word"])
            }
            let (byteLevel, attached) = (try a.bool("byte_level"), try a.bool("attach_end_of_word"))
            let tokenizer = try textCall("bpe_load") { () throws(TextError) in
                try BPETokenizer.load(
                    path: path, byteLevel: byteLevel, endOfWord: marker, attachesEndOfWord: attached)
            }
            return .object(TokenizerObject(tokenizer, ties: nil))
        }
    }
}

/// The words of a corpus: a text split at whitespace, a list of words, or a dict word → count.
private func corpusWords(_ corpus: Value, byteLevel: Bool) throws -> WordCounts {
    switch corpus {
    case .string(let text):
        return WordCounts(text: text, keepingSpaces: byteLevel)
    case .list(let items), .tuple(let items):
        var words: [String] = []
        words.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            guard case .string(let w) = item else {
                throw KisoError(
                    .type, "bpe_train: word \(i) of the corpus is \(item.kindName), not a string",
                    hint: "give a text, a list of words, or a dict word → count")
            }
            words.append(w)
        }
        return try textCall("bpe_train") { () throws(TextError) in try WordCounts(words: words) }
    case .dict(let d):
        var pairs: [(word: String, count: Int)] = []
        for (key, value) in zip(d.keys, d.values) {
            guard case .string(let w) = key.value else {
                throw KisoError(.type, "bpe_train: the corpus dict's keys must be words (strings)")
            }
            pairs.append((w, try Convert.int(value, "count of \(quoteString(w))")))
        }
        return try textCall("bpe_train") { () throws(TextError) in try WordCounts(pairs) }
    default:
        throw KisoError(
            .type, "bpe_train: the corpus is \(corpus.kindName)",
            hint: "give a text, a list of words, or a dict word → count")
    }
}
