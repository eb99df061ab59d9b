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
        let tensor = h.error("x = [1, 2]; x.append(3)")
        #expect(tensor.contains("a tensor has no `.append`: its size is fixed, like a NumPy array's"), "\(tensor)")
        #expect(tensor.contains("to grow a list start from `xs = []`"), "\(tensor)")
        #expect(h.error("xs = []; xs.pop()").contains("pop from an empty list"))
        #expect(h.error("xs = [\"a\"]; xs.remove(\"b\")").contains("'b' is not in the list"))
        // A failing mutation leaves the variable as it was.
        #expect(h.run("ys = [\"a\"]; ys.insert(\"one\", \"b\")").hasPrefix("ERROR"))
        #expect(h.run("ys") == "['a']")
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
}
