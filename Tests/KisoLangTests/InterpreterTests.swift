import Testing

@testable import KisoLang

@Suite struct InterpreterTests {
    @Test func numbersPrintLikeCounts() {
        #expect(eval("1 + 2") == "3")
        #expect(eval("1 / 4") == "0.25")
        #expect(eval("1e-5") == "1e-05")
        #expect(eval("7 % 3") == "1")
        #expect(eval("-7 % 3") == "2")
        #expect(eval("7 // 2") == "3")
        #expect(eval("2^10") == "1024")
        #expect(eval("1 / 0") == "inf")
    }

    @Test func tensorsPrintLikeNumPy() {
        #expect(eval("[1, 2, 3] * 2") == "[2 4 6]")
        #expect(eval("[[1, 2], [3, 4]]") == "[[1 2]\n [3 4]]")
        #expect(eval("sum([1.5, 2])") == "3.5")
        #expect(eval("argmax([1, 5, 2])") == "1")
        #expect(eval("[1, 2] > 1") == "[False  True]")
        #expect(eval("arange(3) + 1") == "[1 2 3]")
    }

    @Test func containersPrintPythonStyle() {
        #expect(eval("(1, \"a\", none, true)") == "(1, 'a', none, True)")
        #expect(eval("[\"a\", 1]") == "['a', 1]")
        #expect(eval("{\"k\": 1, \"j\": \"v\"}") == "{'k': 1, 'j': 'v'}")
        #expect(eval("(5,)") == "(5,)")
        #expect(eval("\"it's\"") == "\"it's\"")
    }

    @Test func echoRules() {
        #expect(eval("x = 5") == "")
        #expect(eval("x = 5; x") == "5")
        #expect(eval("x = 5; x;") == "")
        #expect(eval("print(1)") == "")
        let h = Harness()
        h.run("print(\"a\", 1, [1, 2]); print(\"b\")")
        #expect(h.printed == "a 1 [1 2]\nb\n")
    }

    @Test func echoEachExpression() {
        let h = Harness()
        h.session.echoEachExpression = true
        #expect(h.run("1\n2; 3\n4") == "4")
        #expect(h.printed == "1\n3\n")
    }

    @Test func closuresAndDefaults() {
        #expect(eval("make(n) = (x -> x + n)\nadd2 = make(2)\nadd2(10)") == "12")
        #expect(eval("f(x, y=10) = x * y\nf(2) + f(2, y=1) + f(y=3, x=1)") == "25")
        #expect(eval("def counter(start)\n c = start\n inc = () -> c + 1\n inc()\nend\ncounter(5)") == "6")
        #expect(eval("n = 1\nf(x) = x + n\nn = 5\nf(1)") == "6")
    }

    @Test func blockFunctionsReturnTheirLastValue() {
        let source = """
            def classify(x)
                if x > 0
                    "positive"
                elif x < 0
                    return "negative"
                else
                    "zero"
                end
            end
            (classify(2), classify(-1), classify(0))
            """
        #expect(eval(source) == "('positive', 'negative', 'zero')")
        #expect(eval("def fact(n)\n if n <= 1\n return 1\n end\n n * fact(n - 1)\nend\nfact(10)") == "3628800")
    }

    @Test func localsDoNotLeak() {
        let h = Harness()
        h.run("x = 1\ndef f()\n x = 2\n x\nend")
        #expect(h.run("f()") == "2")
        #expect(h.run("x") == "1")
    }

    @Test func unpacking() {
        #expect(eval("a, b = (1, 2); b") == "2")
        #expect(eval("a, b = 1, 2; a, b = b, a; (a, b)") == "(2, 1)")
        #expect(eval("q, r = [[1, 2], [3, 4]]; r") == "[3 4]")
        #expect(eval("s = 0\nfor k, v in items({\"a\": 1, \"b\": 2}) s = s + v end\ns") == "3")
    }

    @Test func valueSemantics() {
        #expect(eval("a = [1, 2, 3]; b = a; b[0] = 9; a") == "[1 2 3]")
        #expect(eval("a = [1, 2, 3]; b = a; b[0] = 9; b") == "[9 2 3]")
        #expect(eval("d = {\"k\": 1}; e = d; e[\"k\"] = 2; d[\"k\"]") == "1")
        #expect(eval("xs = [\"a\", \"b\"]; ys = xs; ys[0] = \"z\"; xs") == "['a', 'b']")
        #expect(eval("f(x) = (x[0] = 100; x)") != "")
        #expect(eval("def f(x)\n x[0] = 100\n x\nend\na = [1, 2]; f(a); a") == "[1 2]")
    }

    @Test func indexingAndSlicing() {
        let h = Harness()
        h.run("x = arange(12).reshape(3, 4)")
        #expect(h.run("x[1]") == "[4 5 6 7]")
        #expect(h.run("x[1, 2]") == "6")
        #expect(h.run("x[:, 1:3]") == "[[ 1  2]\n [ 5  6]\n [ 9 10]]")
        #expect(h.run("x[0, ::-1]") == "[3 2 1 0]")
        #expect(h.run("x[-1, -1]") == "11")
        #expect(h.run("x[none, 0].shape") == "(1, 4)")
        #expect(h.run("x[..., 0]") == "[0 4 8]")
        #expect(h.run("x[x > 8]") == "[ 9 10 11]")
        #expect(h.run("x[[0, 2], 0]") == "[0 8]")
        #expect(h.run("[10, 20, 30][1]") == "20")
        #expect(h.run("(\"a\", \"b\", \"c\")[1:]") == "('b', 'c')")
        #expect(h.run("\"hello\"[1:3]") == "'el'")
    }

    @Test func assignmentThroughIndices() {
        let h = Harness()
        h.run("x = zeros([2, 3]); x[0, :] = 5; x[1, 2] = -1")
        #expect(h.run("x") == "[[ 5.  5.  5.]\n [ 0.  0. -1.]]")
        h.run("x[x < 0] = 7")
        #expect(h.run("x[1, 2]") == "7.0")
        h.run("d = {}; d[\"k\"] = [1, 2]; d[\"k\"][0] = 3")
        #expect(h.run("d") == "{'k': array([3, 2])}")
        h.run("x += 1")
        #expect(h.run("x[0, 0]") == "6.0")
    }

    @Test func fStrings() {
        #expect(eval("x = 0.123456; f\"loss {x:.4f}\"") == "'loss 0.1235'")
        #expect(
            eval("f\"[{3:>5}] [{42:d}] [{0.000123:e}] [{0.25:%}] [{'ab':<4}] [{7:03}]\"")
                == "'[    3] [42] [1.230000e-04] [25.000000%] [ab  ] [007]'")
        #expect(eval("n = 3; f\"{n} items, {n * 2} halves, {{literal}}\"") == "'3 items, 6 halves, {literal}'")
        #expect(eval("f\"{sum([1, 2]):.1f}\"") == "'3.0'")
        #expect(eval("f\"{[1, 2]}\"") == "'[1 2]'")
    }

    @Test func attributesAndMethodSugar() {
        let h = Harness()
        h.run("x = arange(6).reshape(2, 3)")
        #expect(h.run("x.shape") == "(2, 3)")
        #expect(h.run("x.ndim + x.size") == "8")
        #expect(h.run("x.T.shape") == "(3, 2)")
        #expect(h.run("x.dtype") == "'int64'")
        #expect(h.run("x.sum(axis=0)") == "[3 5 7]")
        #expect(h.run("x.mean()") == "2.5")
        #expect(h.run("[1, 2, 3].sum()") == "6")
        #expect(h.run("s = x.sum; s()") == "15")
    }

    @Test func truthiness() {
        #expect(eval("if [5] > 1 \"yes\" else \"no\" end") == "")
        #expect(eval("r = \"no\"; if sum([1, 2]) > 2 r = \"yes\" end; r") == "'yes'")
        #expect(eval("x = none; x != none") == "False")
        #expect(eval("x = [1, 2]; x != none") == "True")
        #expect(eval("0 or \"default\"") == "'default'")
        #expect(eval("not []") == "True")
        #expect(Harness().error("if zeros(3) print(1) end").contains("use any(…) or all(…)"))
    }

    @Test func loops() {
        #expect(
            eval("s = 0\nfor i in range(10)\n if i == 5 break end\n if i % 2 == 0 continue end\n s += i\nend\ns") == "4"
        )
        #expect(eval("n = 0\nwhile n < 100 n = n * 2 + 1 end\nn") == "127")
        #expect(eval("s = 0\nfor row in [[1, 2], [3, 4]] s = s + row[1] end\ns") == "6")
        #expect(eval("ks = \"\"\nfor k in {\"a\": 1, \"b\": 2} ks = ks + k end\nks") == "'ab'")
        #expect(eval("s = 0\nfor i in range(10^12)\n s += 1\n if s == 3 break end\nend\ns") == "3")
        #expect(eval("list(range(5, 0, -2))") == "[5, 3, 1]")
    }

    @Test func listLiterals() {
        #expect(eval("[]") == "[]")
        #expect(eval("[true, false]") == "[ True False]")
        #expect(eval("a = [1, 2]; [a, a * 2]") == "[[1 2]\n [2 4]]")
        #expect(eval("[\"a\", [1, 2]]") == "['a', array([1, 2])]")
    }

    @Test func randomGenerator() {
        let h = Harness()
        h.run("rng = default_rng(1); a = rng.normal(0, 1, [3, 6])")
        #expect(h.run("a.shape") == "(3, 6)")
        h.run("rng2 = default_rng(1); b = rng2.normal(0, 1, [3, 6])")
        #expect(h.run("all(a == b)") == "True")
        #expect(h.run("rng.integers(0, 10, [4]).dtype") == "'int64'")
        #expect(h.run("sort_of = rng.permutation(5); sum(sort_of)") == "10")
        #expect(h.run("rng.choice(10, 3, replace=false).shape") == "(3,)")
    }

    @Test func theBriefsTaste() {
        let h = Harness()
        h.run(
            """
            emb = {"king": [1.0, 0.5, 0.2, 0.8], "man": [0.8, 0.3, 0.1, 0.9],
                   "woman": [0.7, 0.4, 0.7, 0.8], "queen": [0.9, 0.6, 0.8, 0.7]}
            cosine(a, b) = dot(a, b) / (norm(a) * norm(b))
            """)
        let similarity = h.run("cosine(emb[\"king\"] - emb[\"man\"] + emb[\"woman\"], emb[\"queen\"])")
        #expect(similarity == "1.0")
        h.run(
            "rng = default_rng(1)\nQ = rng.normal(0, 1, [5, 3]); K = rng.normal(0, 1, [4, 3]); V = rng.normal(0, 1, [4, 3])"
        )
        #expect(h.run("(softmax(Q @ K.T / sqrt(3), axis=-1) @ V).shape") == "(5, 3)")
        #expect(h.run("sum(softmax(Q @ K.T / sqrt(3), axis=-1), axis=-1)") == "[1. 1. 1. 1. 1.]")
    }

    @Test func variablesSurviveErrors() {
        let h = Harness()
        h.run("x = 42; y = [1, 2]")
        #expect(h.run("z = undefined_name + 1").hasPrefix("ERROR"))
        #expect(h.run("y[5] = 1").hasPrefix("ERROR"))
        #expect(h.run("x = x +").hasPrefix("ERROR"))
        #expect(h.run("(x, y)") == "(42, array([1, 2]))")
        #expect(h.session.variables.map(\.name) == ["x", "y"])
    }

    @Test func variablesResetAndKinds() {
        let h = Harness()
        h.run("a = zeros([2, 3]); n = 1; f(x) = x; s = \"t\"")
        let vars = h.session.variables
        #expect(vars.map(\.name) == ["a", "n", "f", "s"])
        #expect(vars[0].kind == "tensor float64")
        #expect(vars[0].shape == "(2,3)")
        #expect(vars[2].kind == "function")
        h.session.reset()
        #expect(h.session.variables.isEmpty)
        #expect(h.run("a").hasPrefix("ERROR"))
        #expect(h.run("sum([1, 2])") == "3")
    }
}
