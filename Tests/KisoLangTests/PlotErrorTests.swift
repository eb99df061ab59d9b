import KisoLang
import Testing

/// Bad arguments to the plot builtins are Kiso errors with a message, a span and a hint — never
/// a crash — and the session goes on.
@Suite struct PlotErrorTests {
    /// The rendered error of `source` in a fresh session.
    private func failure(_ source: String) -> String {
        Harness().error(source)
    }

    @Test func mismatchedLengths() {
        #expect(
            failure("plot([1, 2], [1, 2, 3])") == """
                <input>:1:1: shape error: `plot`: x has 2 values but y has 3
                  1 | plot([1, 2], [1, 2, 3])
                    | ^^^^^^^^^^^^^^^^^^^^^^^
                hint: x and every y must have the same length
                """)
        #expect(failure("a = [1, 2]; b = [1, 2, 3]; plot([1, 2], [a, b])").contains("x has 2 values but y[1] has 3"))
        #expect(failure("scatter([1, 2], [1])").contains("shape error: `scatter`: x has 2 values but y has 1"))
        #expect(failure("scatter([1, 2], [1, 2], labels=[0])").contains("1 labels for 2 points"))
        #expect(failure("bar([\"a\", \"b\"], [1])").contains("`bar`: 2 labels for 1 values"))
        #expect(failure("heatmap([[1, 2]], rows=[\"a\", \"b\"])").contains("2 row labels for 1 rows"))
        #expect(failure("heatmap([[1, 2]], cols=[\"a\"])").contains("1 column labels for 2 columns"))
        #expect(failure("plot([1, 2, 3], names=[\"a\", \"b\"])").contains("`plot`: 2 names for 1 line"))
        #expect(failure("decision_map(p -> p[:, 0] > 0, [[0, 0], [1, 1]], [0])").contains("1 labels for 2 points"))
    }

    @Test func nonNumericData() {
        #expect(
            failure("bar([\"a\"], [\"x\"])").contains(
                "type error: `bar`: `values` must hold numbers, got a list holding a string"))
        #expect(failure("hist(\"abc\")").contains("`hist`: `x` must be numbers, got a string"))
        #expect(failure("plot(tanh, \"a\", 3)").contains("the interval's ends must be numbers, got a string"))
        #expect(
            failure("heatmap([[1, 2]], rows=[\"a\", [1, 2]])").contains(
                "`rows` must hold strings or numbers, got a tensor"))
        #expect(failure("heatmap([[1, 2]], rows=[[1, 2]])").contains("`rows` must be 1-d, got shape (1,2)"))
    }

    @Test func wrongShapes() {
        #expect(
            failure("heatmap(zeros([2, 2, 2]))") == """
                <input>:1:1: shape error: `heatmap`: takes a matrix (2-d), got shape (2,2,2)
                  1 | heatmap(zeros([2, 2, 2]))
                    | ^^^^^^^^^^^^^^^^^^^^^^^^^
                hint: draw one slice, e.g. m[0]
                """)
        #expect(failure("plot(zeros([2, 2, 2]))").contains("y must be 1-d (one line) or 2-d (one line per row)"))
        #expect(failure("scatter([1, 2, 3])").contains("x must be an (n, 2) tensor of points, got shape (3,)"))
        #expect(failure("decision_map(p -> p, [1, 2], [0])").contains("X must be an (n, 2) tensor of points"))
    }

    @Test func functionsThatFailOrReturnNonNumbers() {
        #expect(
            failure("plot(x -> undefined_name, 0, 1)") == """
                <input>:1:11: name error: `plot` calling the function at x = 0.0: `undefined_name` is not defined
                  1 | plot(x -> undefined_name, 0, 1)
                    |           ^^^^^^^^^^^^^^
                hint: assign it first, for example `undefined_name = 1`
                """)
        #expect(
            failure("plot(x -> [x, x], 0, 1)") == """
                <input>:1:1: type error: `plot`: the function returned a tensor of shape (2,) at x = 0.0, not a number
                  1 | plot(x -> [x, x], 0, 1)
                    | ^^^^^^^^^^^^^^^^^^^^^^^
                hint: a function to plot takes one number and returns one number
                """)
        #expect(
            failure("f(x) = \"text\"\nplot(f, 0, 1)").contains("`plot`: f returned a string at x = 0.0, not a number"))
        #expect(failure("plot(tanh, 0, 0)").contains("cannot draw over [0.0, 0.0]"))
        #expect(failure("plot(tanh)").contains("a function needs an interval to be drawn over"))
        #expect(failure("plot([tanh, 3], 0, 1)").contains("item 1 of the functions is an int, not a function"))
        #expect(failure("plot([1, 2], [1, 2], 3)").contains("a third argument is only for plot(f, lo, hi)"))
        #expect(failure("decision_map(p -> \"no\", [[0, 0]], [0])").contains("f returned a string, not a tensor"))
        #expect(
            failure("decision_map(p -> p[0:10, 0], [[0, 0]], [0])").contains("f returned shape (10,) for 3600 points"))
        #expect(
            failure("decision_map(p -> p[:, 0] * 5 - 2.5, [[0, 0]], [0])").contains(
                "neither a class id (0, 1, 2, …) nor a probability in [0, 1]"))
        #expect(
            failure("decision_map(p -> p[:, 0] + undefined_name, [[0, 0]], [0])").contains(
                "`decision_map` calling f on the 3600 grid points: `undefined_name` is not defined"))
    }

    @Test func keywordErrors() {
        #expect(
            failure("plot(tanh, -3, 3, colour=1)").contains(
                "argument error: `plot` has no parameter `colour`"))
        #expect(failure("plot(tanh, -3, 3, titel=\"t\")").contains("did you mean `title`?"))
        #expect(
            failure("plot(tanh, -3, 3, canvas=\"brail\")") == """
                <input>:1:1: value error: `plot`: unknown canvas 'brail'
                  1 | plot(tanh, -3, 3, canvas="brail")
                    | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
                hint: use "braille", "block" or "ascii"
                """)
        #expect(failure("plot([1, 2], xlim=[1])").contains("`xlim` must be two finite numbers, like [-1, 1]"))
        #expect(failure("plot([1, 2], ylim=[2, 2])").contains("`ylim` is empty: both ends are 2"))
        #expect(failure("plot([1, 2], width=0)").contains("`width` must be at least 1, got 0"))
        #expect(failure("plot([1, 2], title=3)").contains("`plot` expected a string for `title`, got an int"))
        #expect(failure("hist([1, 2], bins=0)").contains("`bins` must be between 1 and 200, got 0"))
        #expect(failure("bar([\"a\"], [1], color=\"mauve\")").contains("unknown colour 'mauve'"))
        #expect(failure("grid([plot([1, 2]), 3])").contains("item 1 of `plots` is an int, not a plot"))
        #expect(failure("grid([plot([1, 2])], columns=0)").contains("`columns` must be at least 1, got 0"))
        #expect(failure("decision_map(p -> p[:, 0] > 0, [[0, 0]], [0], resolution=1)").contains("between 2 and 400"))
        #expect(failure("decision_map(p -> p[:, 0] > 0, [[0, 0]], [0.5])").contains("`y` must hold class ids"))
        #expect(
            failure("scatter([1], [2], labels=[\"a\"], names=[\"b\"])").contains(
                "`names` is for numeric labels; text labels already name the groups"))
    }

    @Test func theSessionSurvivesAndKeepsVariables() {
        let harness = Harness()
        _ = harness.run("p = plot([1, 2])")
        #expect(harness.run("p = heatmap(zeros([2, 2, 2]))").hasPrefix("ERROR"))
        #expect(harness.run("[p]") == "[<line plot>]")
    }
}

/// Degenerate but valid input draws a sensible frame instead of failing.
@Suite struct PlotEdgeCaseTests {
    @Test func emptyAndNonFiniteDataDraw() {
        for source in [
            "plot([])", "scatter([], [])", "bar([], [])", "hist([])", "heatmap(zeros([0, 0]))", "grid([])",
            "decision_map(p -> p[:, 0] > 0, zeros([0, 2]), [])", "plot([1, 2], width=100000, height=100000)",
        ] {
            let text = eval(source)
            #expect(!text.hasPrefix("ERROR") && !text.isEmpty, "\(source): \(text)")
        }
        #expect(eval("plot([1, nan, inf, 2], width=10, height=3)").hasSuffix("2 points not shown (nan/inf)"))
        #expect(eval("plot(log, -1, 1, width=10, height=3)").hasSuffix("10 points not shown (nan/inf)"))
    }

    @Test func decisionMapAcceptsScoresAndProbabilities() {
        // An (n, 2) score matrix: the class is the argmax of each row (here: y > x is class 1).
        let scores = eval("decision_map(P -> P, [[0, 1], [1, 0]], [1, 0], width=10, height=3)")
        let probabilities = eval(
            "w = [-1, 1]; decision_map(P -> sigmoid(100 * (P @ w)), [[0, 1], [1, 0]], [1, 0], width=10, height=3)")
        #expect(scores == probabilities)
        #expect(scores.split(separator: "\n")[1].hasPrefix("1.0 ┤·▲······  │"))
    }
}
