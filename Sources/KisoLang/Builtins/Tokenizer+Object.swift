import KisoTensor
import KisoText

/// A trained byte-pair encoder as a Kiso object: `tok = bpe_train(text, vocab_size=500)`.
final class TokenizerObject: KisoObject {
    let tokenizer: BPETokenizer
    /// The tie rule it was trained with, for its text; nil when loaded from a file.
    let ties: BPETieRule?

    init(_ tokenizer: BPETokenizer, ties: BPETieRule?) {
        self.tokenizer = tokenizer
        self.ties = ties
    }

    static let objectType = ObjectType(
        "Tokenizer", of: TokenizerObject.self, receiver: "tok",
        doc: "A byte-pair encoder: a vocabulary and its merges, made by bpe_train or bpe_load.",
        example: "tok = bpe_train([\"low\", \"lower\", \"newest\", \"widest\"], merges=3, min_frequency=1)"
    ) { t in
        t.text { o in
            let tok = o.tokenizer
            var parts = ["\(tok.count) tokens", "\(tok.merges.count) merges"]
            if tok.byteLevel { parts.append("byte-level") }
            if let marker = tok.endOfWord { parts.append("end_of_word=\(quoteString(marker))") }
            if let ties = o.ties { parts.append("ties=\(quoteString(ties.rawValue))") }
            return "Tokenizer(" + parts.joined(separator: ", ") + ")"
        }
        t.attribute(
            "merges", doc: "The merges in the order they were learnt, as (left, right) pairs.",
            example: "tok = bpe_train(\"low lower newest widest\", merges=5, min_frequency=1); tok.merges[0]"
        ) { o in
            .list(o.tokenizer.mergePairs.map { .tuple([.string($0.0), .string($0.1)]) })
        }
        t.attribute(
            "vocab", doc: "The vocabulary: a dict from each token to its id.",
            example: "tok = bpe_train(\"low lower newest widest\", merges=5, min_frequency=1); tok.vocab[\"low\"]"
        ) {
            o in
            var vocab = KisoDict()
            for (id, token) in o.tokenizer.tokens.enumerated() { vocab.set(.string(token), .int(id)) }
            return .dict(vocab)
        }
        t.attribute(
            "trace",
            doc: "One (pair, count, token, vocabulary size) tuple per merge, as training made them.",
            example:
                "tok = bpe_train(\"low lower newest widest\", merges=5, min_frequency=1); for step in tok.trace print(step) end"
        ) { o in
            .list(
                o.tokenizer.trace.map {
                    .tuple([
                        .tuple([.string($0.left), .string($0.right)]), .int($0.count), .string($0.token),
                        .int($0.vocabularySize),
                    ])
                })
        }
        t.method(
            "encode", [param("text", .string)], doc: "The token ids of a text, as an int64 tensor.",
            example: "tok = bpe_train(\"low lower newest widest\", merges=5, min_frequency=1); tok.encode(\"lowest\")"
        ) { o, a in
            let text = try a.string("text")
            let ids = try textCall("encode") { () throws(TextError) in try o.tokenizer.encode(text) }
            return .tensor(Tensor(ids.map(Double.init), dtype: .int64))
        }
        t.method(
            "tokens", [param("text", .string)], doc: "The tokens of a text, as strings.",
            example: "tok = bpe_train(\"low lower newest widest\", merges=5, min_frequency=1); tok.tokens(\"lowest\")"
        ) { o, a in
            let text = try a.string("text")
            return .list(
                try textCall("tokens") { () throws(TextError) in try o.tokenizer.tokens(text) }.map { .string($0) })
        }
        t.method(
            "decode", [param("ids", .any)], doc: "The text of token ids (a list or an integer tensor).",
            example:
                "tok = bpe_train(\"low lower newest widest\", merges=5, min_frequency=1); tok.decode(tok.encode(\"lowest\"))"
        ) { o, a in
            let ids = try Convert.ints(try a["ids"], "ids")
            return .string(try textCall("decode") { () throws(TextError) in try o.tokenizer.decode(ids) })
        }
        t.method(
            "save", [param("path", .string)],
            doc:
                "Writes the tokeniser: a .json path gets HF's tokenizer.json, a merges.txt path gets merges.txt and vocab.json.",
            example:
                "tok = bpe_train(\"low lower newest widest\", merges=5, min_frequency=1); tok.save(\"/tmp/merges.txt\")"
        ) { o, a in
            let path = a.interpreter.writePath(try a.string("path"))
            try textCall("save") { () throws(TextError) in try o.tokenizer.save(toPath: path) }
            return .none
        }
    }
}
