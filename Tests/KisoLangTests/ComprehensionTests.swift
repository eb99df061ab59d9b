import Testing

@testable import KisoLang

/// Python's comprehensions, generator expressions, unpacking loops and argument spreading.
@Suite struct ComprehensionTests {
    @Test func listComprehensions() {
        #expect(eval("[x * x for x in range(5)]") == "[ 0  1  4  9 16]")
        #expect(eval("[w.upper() for w in [\"a\", \"\", \"b\"] if w != \"\"]") == "['A', 'B']")
        #expect(eval("[(i, j) for i in range(3) for j in range(i)]") == "[(1, 0), (2, 0), (2, 1)]")
        #expect(eval("[i for i in range(10) if i % 2 == 0 if i > 3]") == "[4 6 8]")
        #expect(eval("[[i * j for j in range(3)] for i in range(2)]") == "[[0 0 0]\n [0 1 2]]")
        #expect(eval("[x for x in []]") == "[]")
        #expect(eval("[len(w) for w in \"a bb ccc\".split()]") == "[1 2 3]")
        #expect(eval("[row.sum() for row in ones([2, 3])]") == "[3. 3.]")
    }

    @Test func generatorExpressionsInCalls() {
        #expect(eval("sum(x * x for x in [1.0, 2.0, 3.0])") == "14.0")
        #expect(eval("max(len(w) for w in [\"ab\", \"abc\"])") == "3")
        #expect(eval("any(x > 2 for x in range(4))") == "True")
        #expect(eval("all(x > 2 for x in range(4))") == "False")
        #expect(eval("\"-\".join(c for c in \"abc\")") == "'a-b-c'")
        #expect(eval("list((i, c) for i, c in enumerate(\"ab\"))") == "[(0, 'a'), (1, 'b')]")
    }

    @Test func dictComprehensions() {
        #expect(eval("{k: len(k) for k in [\"ab\", \"c\"]}") == "{'ab': 2, 'c': 1}")
        let h = Harness()
        h.run("params = {\"w\": 1.0, \"b\": 2.0}; grads = {\"w\": 0.5, \"b\": 1.0}")
        #expect(h.run("params = {k: params[k] - 0.1 * grads[k] for k in params}; params") == "{'w': 0.95, 'b': 1.9}")
    }

    /// As in Python 3, the loop names stay inside; the first sequence is read outside.
    @Test func loopNamesStayInside() {
        let h = Harness()
        h.run("x = [1, 2, 3]")
        #expect(h.run("[x * 10 for x in x]") == "[10 20 30]")
        #expect(h.run("x") == "[1 2 3]")
        #expect(h.run("[i for i in range(2)]; i").hasPrefix("ERROR"))
        h.run("def scaled(xs, k)\n return [k * v for v in xs if v > 1]\nend")
        #expect(h.run("scaled(x, 2)") == "[4 6]")
        h.run("def table(n)\n return [[r * c for c in range(n)] for r in range(n)]\nend")
        #expect(h.run("table(2)") == "[[0 0]\n [0 1]]")
        // Closures made inside see the loop name's last value, as Python's do.
        #expect(h.run("fs = [(y -> y + k) for k in range(3)]; fs[1](10)") == "12")
    }

    @Test func errorsInsideAreLocated() {
        let h = Harness()
        let missing = h.error("ys = [undefined_thing(w) for w in range(3)]")
        #expect(missing.contains("1:7: name error: `undefined_thing` is not defined"), "\(missing)")
        let filter = h.error("[w for w in range(3) if w.nope]")
        #expect(filter.contains("1:27"), "\(filter)")
        let set = h.error("{x for x in range(3)}")
        #expect(set.contains("Kiso has no sets"), "\(set)")
        let unclosed = h.error("[x for x in range(3)")
        #expect(unclosed.contains("syntax error"), "\(unclosed)")
    }

    @Test func loopsUnpackNestedNames() {
        let h = Harness()
        h.run(
            "out = []\nfor i, (a, b) in enumerate(zip([\"p\", \"q\"], [\"r\", \"s\"]))\n out.append(str(i) + a + b)\nend"
        )
        #expect(h.run("out") == "['0pr', '1qs']")
        #expect(eval("[a + b for (a, b) in [(1, 2), (3, 4)]]") == "[3 7]")
        #expect(eval("for a, (b, c) in [(1, 2)]\nend").hasPrefix("ERROR"))
    }

    @Test func argumentSpreading() {
        #expect(eval("randn(*zeros([2, 3]).shape).shape") == "(2, 3)")
        #expect(eval("d = {\"axis\": 0}; sum(ones([2, 3]), **d)") == "[2. 2. 2.]")
        #expect(eval("def f(a, b, c=0)\n return a + b + c\nend; args = [1, 2]; f(*args, **{\"c\": 10})") == "13")
        #expect(eval("f(a, b) = a * b; f(*(3, 4))") == "12")
        let notDict = Harness().error("sum(ones(2), **[1])")
        #expect(notDict.contains("`**` spreads a dict into keyword arguments, not a tensor"), "\(notDict)")
        let twice = Harness().error("sum(ones(2), axis=0, **{\"axis\": 0})")
        #expect(twice.contains("`axis` is given twice"), "\(twice)")
        let loose = Harness().error("y = *[1, 2]")
        #expect(loose.contains("1:5: syntax error: expected an expression, found `*`"), "\(loose)")
    }

    @Test func collectingParameters() {
        let h = Harness()
        h.run("def f(x, *args, **kwargs):\n    return (x, args, kwargs)\nend")
        #expect(h.run("f(1)") == "(1, (), {})")
        #expect(h.run("f(1, 2, 3, scale=0.5)") == "(1, (2, 3), {'scale': 0.5})")
        #expect(h.run("f(x=1, y=2)") == "(1, (), {'y': 2})")
        #expect(h.run("g(*xs) = sum(xs); g(1, 2, 3)") == "6")
        #expect(
            h.run("def wrap(*args, **kwargs)\n    return sum(*args, **kwargs)\nend; wrap(ones([2, 2]), axis=0)")
                == "[2. 2.]")
        #expect(h.error("f()").contains("`f` is missing its argument `x`"))
        #expect(h.error("def k(*a, b)\nend").contains("only `**kwargs` may follow `*a`"))
        #expect(h.error("def k(**a, b)\nend").contains("`**a` must be the last parameter"))
        #expect(h.error("def k(x)\nend; k(1, 2)").contains("`k` takes 1 argument, got 2"))
    }

    @Test func pythonColonsOpenBlocks() {
        let h = Harness()
        h.run(
            "def f(x):\n    if x > 0:\n        return 1\n    elif x < 0:\n        return -1\n    else:\n        return 0\n    end\nend"
        )
        #expect(h.run("[f(-2), f(0), f(5)]") == "[-1  0  1]")
        #expect(h.run("total = 0\nfor i in range(4):\n    total += i\nend\ntotal") == "6")
        #expect(h.run("n = 0\nwhile n < 3:\n    n += 1\nend\nn") == "3")
        let open = h.error("for i in range(3):\n    print(i)\nprint(\"done\")")
        #expect(open.contains("1:1: syntax error: `for` block is never closed with `end`"), "\(open)")
        #expect(open.contains("hint: in Kiso a block ends with `end`, not with a change of indentation"), "\(open)")
        let openIf = h.error("if true:\n    x = 1\nelse:\n    x = 2")
        #expect(openIf.contains("`if` block is never closed with `end`"), "\(openIf)")
        #expect(openIf.contains("not with a change of indentation"), "\(openIf)")
    }
}
