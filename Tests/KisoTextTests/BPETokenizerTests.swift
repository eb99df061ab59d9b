import KisoText
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

final class BPETokenizerTests: XCTestCase {
    private let course = ["low", "lower", "newest", "widest"]

    func testCourseCorpusFirstThreeMergesAreLoLowEs() throws {
        let words = try WordCounts(words: course)
        let tok = try BPETokenizer.train(words, options: BPEOptions(stop: .merges(3), minFrequency: 1))
        XCTAssertEqual(tok.trace.map(\.token), ["lo", "low", "es"])
        XCTAssertEqual(tok.trace.map(\.count), [2, 2, 2])
        // The alphabet is the 10 characters and </w>; each merge adds one token.
        XCTAssertEqual(tok.trace.map(\.vocabularySize), [12, 13, 14])
        XCTAssertEqual(try tok.tokens("lowest"), ["low", "es", "t", "</w>"])
    }

    func testTieRulesDifferOnSennrichsExample() throws {
        let words = try WordCounts([("low", 5), ("lower", 2), ("newest", 6), ("widest", 3)])
        func first(_ ties: BPETieRule) throws -> [String] {
            try BPETokenizer.train(words, options: BPEOptions(stop: .merges(4), ties: ties)).trace.map(\.token)
        }
        // (e, s), (s, t) and (t, </w>) all occur 9 times. First appearance picks (e, s), met first
        // in "newest"; subword-nmt the largest pair of strings, (t, </w>); HF the smallest ids,
        // (e, s) — "</w>" sorts before the letters, so it has id 0, and (t, </w>) wins the next tie.
        // At count 7, (l, o) and (o, w) tie: subword-nmt takes the larger, "ow".
        XCTAssertEqual(try first(.first), ["es", "est", "est</w>", "lo"])
        XCTAssertEqual(try first(.subwordNMT), ["t</w>", "st</w>", "est</w>", "ow"])
        XCTAssertEqual(try first(.hf), ["es", "t</w>", "est</w>", "lo"])
    }

    func testVocabularySizeStopsTraining() throws {
        let text = String(repeating: "the cat sat on the mat with the hat ", count: 20)
        let tok = try BPETokenizer.train(text: text, options: BPEOptions(stop: .vocabularySize(20), ties: .hf))
        XCTAssertEqual(tok.count, 20)
        let none = try BPETokenizer.train(text: text, options: BPEOptions(stop: .vocabularySize(3)))
        XCTAssertTrue(none.merges.isEmpty)
    }

    func testMinFrequencyStopsEarly() throws {
        let tok = try BPETokenizer.train(text: "ab ab cd", options: BPEOptions(stop: .merges(10), endOfWord: nil))
        XCTAssertEqual(tok.mergePairs.map { $0.0 + "+" + $0.1 }, ["a+b"])
    }

    func testEmptyCorpusGivesAnAlphabetOnly() throws {
        let chars = try BPETokenizer.train(text: " \n ", options: BPEOptions(stop: .merges(5)))
        XCTAssertEqual(chars.tokens, ["</w>"])
        XCTAssertEqual(try chars.encode(""), [])
        let bytes = try BPETokenizer.train(
            text: "", options: BPEOptions(stop: .merges(5), endOfWord: nil, byteLevel: true))
        XCTAssertEqual(bytes.count, 256)
        XCTAssertEqual(try bytes.decode(try bytes.encode("日本語 ok")), "日本語 ok")
    }

    func testDecodeJoinsWordsAtTheMarker() throws {
        let tok = try BPETokenizer.train(
            text: "low lower newest widest", options: BPEOptions(stop: .merges(6), minFrequency: 1))
        XCTAssertEqual(try tok.decode(try tok.encode("lower  newest\nlow")), "lower newest low")
    }

    func testUnknownCharacterIsAClearError() throws {
        let tok = try BPETokenizer.train(text: "abc abd", options: BPEOptions(stop: .merges(2)))
        XCTAssertThrowsError(try tok.encode("abz")) { error in
            XCTAssertEqual(
                (error as? TextError)?.message, "\"z\" (U+007A) in \"abz\" is not in the vocabulary")
        }
        XCTAssertThrowsError(try tok.decode([99])) { error in
            XCTAssertEqual((error as? TextError)?.message, "decode: 99 is not a token id")
        }
    }

    func testBadOptionsAreRefused() {
        let words = WordCounts(text: "a b", keepingSpaces: false)
        XCTAssertThrowsError(try BPETokenizer.train(words, options: BPEOptions(stop: .merges(-1))))
        XCTAssertThrowsError(try BPETokenizer.train(words, options: BPEOptions(stop: .merges(1), endOfWord: "")))
        XCTAssertThrowsError(try BPETokenizer.train(words, options: BPEOptions(stop: .merges(1), endOfWord: "a b")))
        XCTAssertThrowsError(try WordCounts([("a", -2)]))
    }

    /// decode(encode(x)) == x for byte-level tokenisers on random UTF-8, whitespace included.
    func testByteLevelRoundTripsRandomUTF8() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        let pools: [ClosedRange<UInt32>] = [
            0x20...0x7E, 0x09...0x0D, 0xA0...0x2FF, 0x3040...0x30FF, 0x4E00...0x4FFF, 0x1F300...0x1F64F,
        ]
        func randomText(_ n: Int) -> String {
            var s = String.UnicodeScalarView()
            for _ in 0..<n {
                let pool = pools[Int(next() % UInt64(pools.count))]
                let v = pool.lowerBound + UInt32(next() % UInt64(pool.count))
                if let scalar = Unicode.Scalar(v) { s.append(scalar) }
            }
            return String(s)
        }
        let corpus = (0..<40).map { _ in randomText(60) }.joined(separator: " ")
        for ties in BPETieRule.allCases {
            let tok = try BPETokenizer.train(
                text: corpus, options: BPEOptions(stop: .merges(150), endOfWord: nil, byteLevel: true, ties: ties))
            for n in [0, 1, 2, 7, 50, 300] {
                let text = randomText(n)
                XCTAssertEqual(try tok.decode(try tok.encode(text)), text, "\(ties) \(n)")
            }
            XCTAssertEqual(try tok.decode(try tok.encode(corpus)), corpus)
        }
    }

    func testSaveAndLoadKeepEncodings() throws {
        let directory = "/tmp/kiso-bpe-test-\(getpid())"
        mkdir(directory, 0o755)
        defer {
            for name in ["tok.json", "merges.txt", "vocab.json"] { unlink(directory + "/" + name) }
            rmdir(directory)
        }
        let text = "Grüße aus München, 日本語の テキスト, and plain English words words words"
        let sample = "München words 日本"
        let bytes = try BPETokenizer.train(
            text: text,
            options: BPEOptions(stop: .merges(30), minFrequency: 1, endOfWord: nil, byteLevel: true, ties: .hf))
        try bytes.save(toPath: directory + "/tok.json")
        let fromJSON = try BPETokenizer.load(path: directory + "/tok.json")
        XCTAssertTrue(fromJSON.byteLevel)
        XCTAssertEqual(fromJSON.tokens, bytes.tokens)
        XCTAssertEqual(try fromJSON.encode(sample), try bytes.encode(sample))
        try bytes.save(toPath: directory + "/merges.txt")
        let fromMerges = try BPETokenizer.load(path: directory + "/merges.txt", byteLevel: true)
        XCTAssertEqual(try fromMerges.encode(sample), try bytes.encode(sample))

        let chars = try BPETokenizer.train(text: text, options: BPEOptions(stop: .merges(20), minFrequency: 1))
        XCTAssertThrowsError(try chars.save(toPath: directory + "/tok.json"))
        try chars.save(toPath: directory + "/merges.txt")
        let back = try BPETokenizer.load(path: directory + "/merges.txt", endOfWord: "</w>", attachesEndOfWord: false)
        XCTAssertEqual(try back.tokens("words München"), try chars.tokens("words München"))
        XCTAssertThrowsError(try BPETokenizer.load(path: directory + "/missing.json")) { error in
            XCTAssertTrue((error as? TextError)?.message.hasPrefix("no file") == true)
        }
        XCTAssertThrowsError(try BPETokenizer.load(path: directory))
    }

    func testMalformedFilesAreClearErrors() {
        XCTAssertThrowsError(try BPETokenizer(huggingFaceJSON: Array("{\"model\": {\"vocab\": {\"a\": 3}}}".utf8))) {
            XCTAssertTrue(($0 as? TextError)?.message.contains("ids must be 0, 1, 2") == true)
        }
        XCTAssertThrowsError(try BPETokenizer(huggingFaceJSON: Array("{\"model\": [".utf8)))
        let deep = String(repeating: "[", count: 10_000)
        XCTAssertThrowsError(try BPETokenizer(huggingFaceJSON: Array(deep.utf8)))
        XCTAssertThrowsError(
            try BPETokenizer(huggingFaceJSON: Array("{\"vocab\": {\"a\": 0}, \"merges\": [\"a b\"]}".utf8))
        ) {
            XCTAssertTrue(($0 as? TextError)?.message.contains("not in the vocabulary") == true)
        }
    }
}
