import Testing

@testable import KisoLang

/// The string builtins behave as Python's `str` methods do, as functions and as methods.
@Suite struct TextBuiltinTests {
    @Test func splitJoinReplaceStrip() {
        #expect(eval("\"  l o  w </w> \".split()") == "['l', 'o', 'w', '</w>']")
        #expect(eval("\"a,b,,c\".split(\",\")") == "['a', 'b', '', 'c']")
        #expect(eval("\"a b  c \".split(none, 1)") == "['a', 'b  c ']")
        #expect(eval("\" \".join([\"l\", \"o\", \"w\"])") == "'l o w'")
        #expect(eval("\"\".join(chars(\"low\"))") == "'low'")
        #expect(eval("\"l o w e r\".replace(\"l o\", \"lo\")") == "'lo w e r'")
        #expect(eval("\"aaaa\".replace(\"a\", \"b\", 2)") == "'bbaa'")
        #expect(eval("\"ab\".replace(\"\", \"-\")") == "'-a-b-'")
        #expect(eval("\"  low\\n\".strip()") == "'low'")
        #expect(eval("\"xxlowx\".strip(\"x\")") == "'low'")
        #expect(eval("\"  a \".lstrip()") == "'a '")
        #expect(eval("\"  a \".rstrip()") == "'  a'")
    }

    @Test func caseSearchAndCharacters() {
        #expect(eval("\"straße\".upper()") == "'STRASSE'")
        #expect(eval("\"LoW\".lower()") == "'low'")
        #expect(eval("\"lower\".startswith(\"lo\")") == "True")
        #expect(eval("\"newest\".endswith((\"er\", \"st\"))") == "True")
        #expect(eval("\"newest\".find(\"est\")") == "3")
        #expect(eval("\"newest\".find(\"x\")") == "-1")
        #expect(eval("\"banana\".count(\"an\")") == "2")
        #expect(eval("chars(\"日本\")") == "['日', '本']")
        #expect(eval("ord(\"a\"), chr(26085)") == "(97, '日')")
        #expect(eval("len(\"low\")") == "3")
        #expect(eval("\"low\".splitt()").contains("did you mean `split`?"))
        // NumPy's split of a tensor is a different builtin and stays one.
        #expect(eval("split(arange(4), 2)") == "[array([0, 1]), array([2, 3])]")
    }

    @Test func membership() {
        #expect(eval("\"ow\" in \"low\"") == "True")
        #expect(eval("\"x\" not in \"low\"") == "True")
        #expect(eval("2 in [1, 2, 3]") == "True")
        #expect(eval("(\"l\", \"o\") in {(\"l\", \"o\"): 2}") == "True")
        #expect(eval("\"b\" in {\"a\": 1}") == "False")
        #expect(eval("4 in range(0, 10, 2), 5 in range(0, 10, 2)") == "(True, False)")
        #expect(eval("not 3 in [1, 2]") == "True")
    }

    @Test func sortingCountingAndMaxByKey() {
        #expect(eval("sorted([3, 1, 2])") == "[1 2 3]")
        #expect(eval("sorted((3, \"a\"), key=str)") == "[3, 'a']")
        #expect(eval("sorted([\"b\", \"a\", \"c\"], reverse=true)") == "['c', 'b', 'a']")
        #expect(
            eval("sorted(items({\"a\": 2, \"b\": 3, \"c\": 2}), key=p -> p[1], reverse=true)")
                == "[('b', 3), ('a', 2), ('c', 2)]")
        #expect(eval("counter(\"low low lower\".split())") == "{'low': 2, 'lower': 1}")
        #expect(eval("pairs = {(\"e\", \"s\"): 2, (\"l\", \"o\"): 3, (\"s\", \"t\"): 3}; max(pairs, key=pairs.get)") == "('l', 'o')")
        #expect(eval("max([\"lo\", \"low\"], key=len)") == "'low'")
        #expect(eval("max([3, 1, 2])") == "3")
        #expect(eval("min(\"bca\")") == "'a'")
        #expect(eval("d = {\"a\": 1}; d.get(\"a\"), d.get(\"b\", 0), d.items()") == "(1, 0, [('a', 1)])")
    }

    @Test func clearErrors() {
        #expect(eval("\"a\".split(\"\")").contains("the separator is empty"))
        #expect(eval("\" \".join([\"a\", 1])").contains("join: item 1 is an int, not a string"))
        #expect(eval("ord(\"ab\")").contains("expected one character"))
        #expect(eval("chr(-1)").contains("is not a Unicode code point"))
        #expect(eval("sorted([1, \"a\"])").contains("cannot order a string and an int"))
        #expect(eval("max([])").contains("max() of an empty list"))
        #expect(eval("1 in 2").contains("`in` does not apply to an int"))
        #expect(eval("read_text(\"/nonexistent/corpus.txt\")").contains("read_text: no file"))
        #expect(eval("read_text(\"/tmp\")").contains("is a directory"))
    }

    /// The course's exercise 1, written line for line.
    @Test func theCourseExerciseRuns() {
        let h = Harness()
        h.run(
            """
            def get_vocab(corpus)
                vocab = {}
                for word in corpus
                    word_tokens = " ".join(list(word)) + " </w>"
                    vocab[word_tokens] = vocab.get(word_tokens, 0) + 1
                end
                vocab
            end
            def get_stats(vocab)
                pairs = {}
                for word, freq in vocab.items()
                    symbols = word.split()
                    for i in range(len(symbols) - 1)
                        pair = (symbols[i], symbols[i + 1])
                        pairs[pair] = pairs.get(pair, 0) + freq
                    end
                end
                pairs
            end
            def merge_vocab(pair, vocab)
                out = {}
                bigram = " ".join(pair)
                replacement = "".join(pair)
                for word in vocab
                    out[word.replace(bigram, replacement)] = vocab[word]
                end
                out
            end
            vocab = get_vocab(["low", "lower", "newest", "widest"])
            merged = []
            for i in range(3)
                pairs = get_stats(vocab)
                best = max(pairs, key=pairs.get)
                vocab = merge_vocab(best, vocab)
                merged = merged + ["".join(best)]
            end
            """)
        #expect(h.run("merged") == "['lo', 'low', 'es']")
    }
}
