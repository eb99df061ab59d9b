import Testing

@testable import KisoLang

/// `bpe_train` and the Tokenizer object.
@Suite struct TokenizerObjectTests {
    @Test func trainingOnTheCourseCorpus() {
        let h = Harness()
        h.run("tok = bpe_train([\"low\", \"lower\", \"newest\", \"widest\"], merges=3, min_frequency=1)")
        #expect(h.run("tok") == "Tokenizer(14 tokens, 3 merges, end_of_word='</w>', ties='first')")
        #expect(h.run("tok.merges") == "[('l', 'o'), ('lo', 'w'), ('e', 's')]")
        #expect(h.run("tok.trace[0]") == "(('l', 'o'), 2, 'lo', 12)")
        #expect(h.run("len(tok), tok.vocab[\"low\"]") == "(14, 12)")
        #expect(h.run("tok.tokens(\"lowest\")") == "['low', 'es', 't', '</w>']")
        #expect(h.run("tok.encode(\"lowest\")") == "[12 13  9  0]")
        #expect(h.run("tok.decode(tok.encode(\"lowest low\"))") == "'lowest low'")
    }

    @Test func corpusFormsAndTieRules() {
        let h = Harness()
        h.run("counts = {\"low\": 5, \"lower\": 2, \"newest\": 6, \"widest\": 3}")
        #expect(h.run("bpe_train(counts, merges=1, ties=\"subword-nmt\").merges") == "[('t', '</w>')]")
        #expect(h.run("bpe_train(counts, merges=1, ties=\"hf\").merges") == "[('e', 's')]")
        #expect(h.run("len(bpe_train(\"a b a b\", vocab_size=4))") == "4")
        #expect(h.run("bpe_train(\"x\", merges=1, ties=\"lexical\")").contains("no tie rule 'lexical'"))
        #expect(h.run("bpe_train(\"x\")").contains("needs merges= or vocab_size="))
        #expect(h.run("bpe_train([\"a\", 2], merges=1)").contains("word 1 of the corpus is an int"))
    }

    @Test func byteLevelRoundTripAndFiles() {
        let h = Harness()
        h.run("tok = bpe_train(\"日本語の 文章 日本語\", merges=10, byte_level=true, end_of_word=none)")
        #expect(h.run("tok.decode(tok.encode(\"未知の  文字\\n\"))") == "'未知の  文字\\n'")
        #expect(h.run("len(tok.encode(\"日本語\"))") == "1")
        h.run("tok.save(\"/tmp/kiso-tokenizer-object-test.json\")")
        #expect(
            h.run("all(bpe_load(\"/tmp/kiso-tokenizer-object-test.json\").encode(\"日本語の\") == tok.encode(\"日本語の\"))")
                == "True")
        #expect(h.run("bpe_train(\"ab\", merges=1).encode(\"z\")").contains("\"z\" (U+007A) in \"z\" is not in the vocabulary"))
    }
}
