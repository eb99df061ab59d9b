import KisoTestSupport
import Testing

@testable import KisoLang

/// Python's habits against CPython and NumPy (Tests/Fixtures/python_habits.json, written by
/// scripts/gen_python_habits_fixtures.py): each case is Kiso source, the Python it stands for,
/// and the text Python prints for the result.
@Suite struct PythonHabitsTests {
    @Test func everyCaseEchoesWhatPythonPrints() throws {
        let cases = try Fixture.cases("python_habits")
        #expect(cases.count > 60)
        for item in cases {
            let source = try #require(item["kiso"] as? String)
            let expected = try #require(item["text"] as? String)
            let python = item["python"] as? String ?? ""
            #expect(eval(source) == expected, "\(source)  (Python: \(python))")
        }
    }

    /// `losses = []`, `losses.append(l)` in a loop, then `plot(losses)`.
    @Test func accumulatingInAListThenPlotting() {
        let h = Harness()
        h.run("losses = []\nfor step in range(5)\n    losses.append(1.0 / (step + 1))\nend")
        #expect(h.run("losses") == "[1.0, 0.5, 0.3333333333333333, 0.25, 0.2]")
        #expect(h.run("mean(losses)") == "0.45666666666666667")
        #expect(h.run("losses.mean()") == "0.45666666666666667")
        #expect(!h.run("plot(losses)").hasPrefix("ERROR"))
        // Inside a function the list is a local like any other.
        h.run(
            "def squares(n):\n    out = []\n    for i in range(n):\n        out.append(i * i)\n    end\n    return out\nend"
        )
        #expect(h.run("squares(4)") == "[0, 1, 4, 9]")
        // Elements taken out of a tensor show as numbers in a list, as a learner expects.
        #expect(h.run("list([1, 2, 3])") == "[1, 2, 3]")
        #expect(h.run("seen = []\nfor v in [1.5, 2.0] seen.append(v) end\nseen") == "[1.5, 2.0]")
        #expect(h.run("(sum([1.0]), [1, 2], list([True, False]))") == "(1.0, array([1, 2]), [True, False])")
    }

    /// In a loop, `xs.append(v)` appends in place (compiled); every receiver still behaves as the
    /// general call does.
    @Test func appendInLoopsAndFunctions() {
        let h = Harness()
        h.run("xs = []\nfor i in range(3000)\n    xs.append(i % 7)\nend")
        #expect(h.run("len(xs), xs[-1], int(sum(xs))") == "(3000, 3, 8994)")
        h.run(
            "def collect(n)\n    out = []\n    for i in range(n)\n        out.append(str(i))\n    end\n    return out\nend"
        )
        #expect(h.run("collect(3)") == "['0', '1', '2']")
        h.run("log = []\ndef record(v)\n    log.append(v)\nend\nfor k in range(2) record(k * 1.5) end")
        #expect(h.run("log") == "[0.0, 1.5]")
        h.run("t = [1, 2]\nfor k in range(2) t.append(k + 10) end")
        #expect(h.run("t") == "[ 1  2 10 11]")
        h.run("q = [\"a\", \"b\", \"c\"]\nfor k in range(1) q.append(q.pop(0)) end")
        #expect(h.run("q") == "['b', 'c', 'a']")
        let notList = h.error("s = \"text\"\nfor k in range(1) s.append(1) end")
        #expect(notList.contains("a string has no attribute `append`"), "\(notList)")
    }

    /// Values stay values: only the variable the method is called on changes.
    @Test func mutationChangesOnlyTheVariable() {
        let h = Harness()
        h.run("a = [\"x\"]; b = a; a.append(\"y\")")
        #expect(h.run("(a, b)") == "(['x', 'y'], ['x'])")
        h.run("grid = [[\"a\"], [\"b\"]]; grid[1].append(\"c\"); grid[-1].append(\"d\")")
        #expect(h.run("grid") == "[['a'], ['b', 'c', 'd']]")
        h.run("x = zeros([2, 2]); y = x; x.fill(1)")
        #expect(h.run("x") == "[[1. 1.]\n [1. 1.]]")
        #expect(h.run("y") == "[[0. 0.]\n [0. 0.]]")
        h.run("rng = default_rng(0); data = arange(6); before = data; rng.shuffle(data)")
        #expect(h.run("before") == "[0 1 2 3 4 5]")
        #expect(h.run("sort(data)") == "[0 1 2 3 4 5]")
        #expect(h.run("data") != "[0 1 2 3 4 5]")
        // The returned value is Python's: none from append, the item from pop.
        #expect(h.run("xs = [\"p\"]; r = xs.append(\"q\"); r") == "")
        #expect(h.run("xs.pop()") == "'q'")
        #expect(h.run("xs") == "['p']")
    }

    @Test func mutatingSomethingThatIsNotAVariableSaysSo() {
        let h = Harness()
        let literal = h.error("[].append(1)")
        #expect(
            literal.contains(
                "1:1: type error: `.append(…)` changes the variable it is called on, and this is not a variable"),
            "\(literal)")
        let call = h.error("rng = default_rng(0); rng.shuffle(arange(3))")
        #expect(
            call.contains("1:35: type error: `shuffle` changes its argument `x` in place, so `x` must be a variable"),
            "\(call)")
        #expect(call.contains("hint: assign it to a variable first: `x = …` then `rng.shuffle(x)`"), "\(call)")
        let detached = h.error("xs = []; add = xs.append; add(1)")
        #expect(
            detached.contains("`append` changes a variable in place, so it must be called on the variable itself"),
            "\(detached)")
        let scalar = h.error("x = zeros([]); x.append(3)")
        #expect(scalar.contains("a tensor of rank 0 or under differentiation has no `.append`"), "\(scalar)")
        #expect(h.error("xs = []; xs.pop()").contains("pop from an empty list"))
        #expect(h.error("xs = [\"a\"]; xs.remove(\"b\")").contains("'b' is not in the list"))
        // A failing mutation leaves the variable as it was.
        #expect(h.run("ys = [\"a\"]; ys.insert(\"one\", \"b\")").hasPrefix("ERROR"))
        #expect(h.run("ys") == "['a']")
    }

    /// Numbers in brackets are a tensor; growing it grows the list it was written as.
    @Test func aTensorGrowsAsTheListItWasWrittenAs() {
        let h = Harness()
        h.run("probs = [0.25, 0.15]; probs.append(0.6)")
        #expect(h.run("probs") == "[0.25 0.15 0.6 ]")
        h.run("ids = [1, 2]; ids.append(3); ids.extend([4, 5]); last = ids.pop()")
        #expect(h.run("(ids, last)") == "(array([1, 2, 3, 4]), 5)")
        #expect(h.run("ids.append(2.5); ids") == "[1.  2.  3.  4.  2.5]")
        #expect(h.run("rows = [[1, 2]]; rows.append([3, 4]); rows") == "[[1 2]\n [3 4]]")
        #expect(h.run("mixed = [1, 2]; mixed.append(\"a\"); mixed") == "[1, 2, 'a']")
        #expect(h.run("one = [7]; one.pop(); one") == "[]")
    }

    /// `[] + [0.5]` would broadcast to an empty tensor; the learner meant joining lists.
    @Test func listPlusTensorIsExplained() {
        let h = Harness()
        let empty = h.error("xs = []\nxs = xs + [0.5]")
        #expect(
            empty.contains(
                "2:6: type error: `+` of an empty list and a tensor would broadcast to an empty tensor, not join them"),
            "\(empty)")
        #expect(empty.contains("to add an item to a list write `xs.append(v)`"), "\(empty)")
        #expect(h.error("xs = []; xs += [0.5]").contains("would broadcast to an empty tensor"))
        #expect(h.error("xs = [\"a\", 1]; xs + [2]").contains("Python would join them, NumPy would add elementwise"))
        #expect(eval("[\"a\"] + [\"b\"]") == "['a', 'b']")
        #expect(eval("[1] + [2]") == "[3]")
    }

    @Test func conditionalExpressionsAndChainedComparisons() {
        #expect(eval("y = 1 if 2 > 1 else 0; y") == "1")
        #expect(eval("[x if x > 1 else -x for x in range(4)]") == "[ 0 -1  2  3]")
        #expect(eval("s = \"neg\" if -1 > 0 else \"zero\" if -1 == 0 else \"pos\"; s") == "'pos'")
        #expect(eval("0 < 0.5 < 1") == "True")
        #expect(eval("2 < 3 < 1") == "False")
        #expect(eval("1 == 1.0 == true") == "True")
        // A one-line if block still reads as a block.
        #expect(eval("if true x = 1 else x = 2 end; x") == "1")
        let session = Session { _ in }
        #expect(session.isComplete("y = 1 if x > 0 else 0"))
        #expect(!session.isComplete("if x > 0"))
        #expect(!session.isComplete("if x > 0:"))
    }

    @Test func pythonSyntaxKisoLacksSaysWhatToWrite() {
        let h = Harness()
        let lambda = h.error("f = lambda x: x + 1")
        #expect(lambda.contains("1:5: syntax error: Kiso writes a lambda with `->`, not `lambda`"), "\(lambda)")
        #expect(lambda.contains("`lambda x: x + 1` is `x -> x + 1`"), "\(lambda)")
        #expect(h.error("class Net:\n    pass").contains("1:1: syntax error: Kiso has no classes"))
        #expect(h.error("x = 3; x is None").contains("1:10: syntax error: Kiso has no `is`: compare values with `==`"))
        #expect(h.error("try:\n    x = 1").contains("Kiso has no try/except"))
        #expect(h.error("del x").contains("Kiso has no `del`"))
        #expect(h.error("pass").contains("hint: Kiso needs no `pass`"))
        let inCall = h.error("xs = [\"b\", \"a\"]; xs.sort(key=lambda w: w)")
        #expect(inCall.contains("1:30: syntax error: Kiso writes a lambda with `->`"), "\(inCall)")
        #expect(eval("lambda = 0.1; lambda * 2") == "0.2")
        #expect(h.error("\"%d apples\" % 3").contains("hint: Kiso formats text with f-strings"))
        #expect(h.error("w = zeros(2); w.backward()").contains("Kiso differentiates functions, as JAX does"))
    }

    @Test func pythonsPrintCopyAndArraysOfTuples() {
        let h = Harness()
        h.run("print(\"a\", end=\"\"); print(\"b\", \"c\", sep=\"-\")")
        #expect(h.printed == "ab-c\n")
        #expect(eval("x = arange(3); y = x.copy(); y[0] = 9; (x, y)") == "(array([0, 1, 2]), array([9, 1, 2]))")
        #expect(eval("t = [(1.0, 2)]; t.append(array([3.0, 4])); array(t)") == "[[1. 2.]\n [3. 4.]]")
        #expect(Harness().error("array([(1, 2), (3,)])").contains("ragged list"))
    }
}
