import KisoTestSupport
import KisoText
import XCTest

/// Kiso's merges and encodings against subword-nmt, HF tokenizers and the course's textbook
/// algorithm (fixtures from scripts/gen_bpe_fixtures.py), each with its own tie rule.
final class BPEFixtureTests: XCTestCase {
    private func words(_ c: [String: Any]) throws -> WordCounts {
        let list = try XCTUnwrap(c["words"] as? [[Any]])
        return try WordCounts(list.map { ($0[0] as? String ?? "", ($0[1] as? Int) ?? -1) })
    }

    private func pairs(_ any: Any?) -> [[String]] {
        (any as? [[Any]] ?? []).map { [$0[0] as? String ?? "", $0[1] as? String ?? ""] }
    }

    func testSubwordNMTMergesAndSegmentations() throws {
        for c in try Fixture.cases("bpe_subword_nmt") {
            let name = c["name"] as? String ?? "?"
            let options = BPEOptions(
                stop: .merges(c["merges_requested"] as? Int ?? 0), minFrequency: 2, endOfWord: "</w>",
                attachesEndOfWord: true, ties: .subwordNMT)
            let tokenizer = try BPETokenizer.train(words(c), options: options)
            XCTAssertEqual(tokenizer.mergePairs.map { [$0.0, $0.1] }, pairs(c["merges"]), name)
            for encoding in c["encodings"] as? [[String: Any]] ?? [] {
                let word = encoding["word"] as? String ?? ""
                XCTAssertEqual(try tokenizer.tokens(word), encoding["tokens"] as? [String], "\(name): \(word)")
            }
        }
    }

    func testHFMergesVocabularyAndIds() throws {
        for c in try Fixture.cases("bpe_hf") {
            let name = c["name"] as? String ?? "?"
            let byteLevel = c["byte_level"] as? Bool ?? false
            let options = BPEOptions(
                stop: .vocabularySize(c["vocab_size"] as? Int ?? 0), minFrequency: 2, endOfWord: nil,
                byteLevel: byteLevel, ties: .hf)
            let tokenizer = try BPETokenizer.train(text: c["text"] as? String ?? "", options: options)
            XCTAssertEqual(tokenizer.mergePairs.map { [$0.0, $0.1] }, pairs(c["merges"]), name)
            XCTAssertEqual(tokenizer.tokens, c["vocab"] as? [String], name)
            let test = c["test_text"] as? String ?? ""
            XCTAssertEqual(try tokenizer.encode(test), c["ids"] as? [Int], name)
            XCTAssertEqual(try tokenizer.tokens(test), c["tokens"] as? [String], name)
            if byteLevel { XCTAssertEqual(try tokenizer.decode(try tokenizer.encode(test)), test, name) }
        }
    }

    func testFirstSeenTiesMatchTheTextbookAlgorithm() throws {
        for c in try Fixture.cases("bpe_first") {
            let name = c["name"] as? String ?? "?"
            let options = BPEOptions(
                stop: .merges(c["merges_requested"] as? Int ?? 0), minFrequency: c["min_frequency"] as? Int ?? 2,
                endOfWord: c["end_of_word"] as? String, ties: .first)
            let tokenizer = try BPETokenizer.train(words(c), options: options)
            let expected = (c["merges"] as? [[Any]] ?? []).map {
                "\($0[0] as? String ?? "") \($0[1] as? String ?? "") \($0[2] as? Int ?? -1)"
            }
            XCTAssertEqual(tokenizer.trace.map { "\($0.left) \($0.right) \($0.count)" }, expected, name)
        }
    }
}

extension BPEFixtureTests {
    /// HF's own tokenizer.json, read by Kiso, encodes as HF does.
    func testHFTokenizerJSONLoadsAndEncodesAlike() throws {
        var checked = 0
        for c in try Fixture.cases("bpe_hf") {
            guard let json = c["tokenizer_json"] as? String else { continue }
            let name = c["name"] as? String ?? "?"
            let tokenizer = try BPETokenizer(huggingFaceJSON: Array(json.utf8))
            XCTAssertEqual(tokenizer.byteLevel, c["byte_level"] as? Bool, name)
            XCTAssertEqual(tokenizer.tokens, c["vocab"] as? [String], name)
            XCTAssertEqual(try tokenizer.encode(c["test_text"] as? String ?? ""), c["ids"] as? [Int], name)
            checked += 1
        }
        XCTAssertGreaterThanOrEqual(checked, 3)
    }
}
