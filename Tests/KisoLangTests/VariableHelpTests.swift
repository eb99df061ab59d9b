import Testing

@testable import KisoLang

/// `?name` on a variable shows what it is, as IPython's `name?` does.
@Suite struct VariableHelpTests {
    @Test func tensorShowsShapeDtypeAndStatistics() {
        let session = Session { _ in }
        _ = session.run("x = [[1.5, 2.5, 3.5], [4.5, nan, 6.5]]")
        #expect(
            session.help("x")
                == "x: tensor float64, shape (2,3), 6 elements\n  min 1.5  mean 3.7  max 6.5  1 nan, 0 inf")
    }

    @Test func listNamesItsLengthAndKinds() {
        let session = Session { _ in }
        _ = session.run(#"xs = ["a", "b", [2.5]]"#)
        let text = session.help("xs") ?? ""
        #expect(text.hasPrefix("xs: list, 3 items of string, tensor float64\n  "), "\(text)")
    }

    @Test func longValuesAreCut() {
        let session = Session { _ in }
        _ = session.run(#"s = "a long string that goes on and on, far beyond what one line of help should show""#)
        let lines = (session.help("s") ?? "").split(separator: "\n")
        #expect(lines.first == "s: string, 79 characters")
        #expect(lines.count == 2 && lines[1].count <= 74 && lines[1].hasSuffix("…"))
    }

    @Test func aVariableShadowingABuiltinIsDescribed() {
        let session = Session { _ in }
        _ = session.run("norm = [3.5, 4.5]")
        #expect(session.help("norm")?.hasPrefix("norm: tensor float64, shape (2,)") == true)
    }
}

/// `_` holds the last value shown, as at Python's prompt.
@Suite struct LastValueTests {
    @Test func underscoreIsTheLastEcho() {
        let session = Session { _ in }
        _ = session.run("2 + 3")
        #expect(session.run("_ * 10").echo == "50")
        #expect(session.run("_").echo == "50")
        _ = session.run("y = 7")
        #expect(session.run("_").echo == "50", "an assignment shows nothing and keeps `_`")
        #expect(!session.variables.map(\.name).contains("_"))
    }

    @Test func aSuppressedValueIsNotRemembered() {
        let session = Session { _ in }
        _ = session.run("4")
        _ = session.run("9;")
        #expect(session.run("_").echo == "4")
    }
}

/// `:shapes` accepts an assignment: it traces the right-hand side and assigns.
@Suite struct ShapesOfAssignmentTests {
    @Test func assignmentIsTracedThenAssigned() throws {
        let session = Session { _ in }
        _ = session.run("x = ones([2, 3]); w = ones([2, 3])")
        let steps = try session.shapes(of: "y = x @ w.T")
        #expect(steps.map(\.0) == ["x", "w", "w.T", "x @ w.T"])
        #expect(steps.map(\.1) == [[2, 3], [2, 3], [3, 2], [2, 2]])
        #expect(session.run("y.shape").echo == "(2, 2)")
    }

    @Test func twoStatementsAreRefused() {
        let session = Session { _ in }
        #expect(throws: KisoError.self) { try session.shapes(of: "a = 1; b = 2") }
        #expect(throws: KisoError.self) { try session.shapes(of: "for i in range(2) i end") }
    }
}

/// `??name` shows a function's definition as it was typed.
@Suite struct FunctionSourceTests {
    @Test func blockAndShortDefinitions() {
        let session = Session { _ in }
        _ = session.run("x = 1")
        _ = session.run("def sq(v)\n    # squares\n    v * v\nend\ny = 2")
        _ = session.run("cube(v) = v * sq(v)")
        #expect(session.functionSource("sq") == "def sq(v)\n    # squares\n    v * v\nend")
        #expect(session.functionSource("cube") == "cube(v) = v * sq(v)")
        #expect(session.functionSource("x") == nil)
        #expect(session.functionSource("norm") == nil)
    }

    @Test func aRedefinitionShowsTheNewText() {
        let session = Session { _ in }
        _ = session.run("f(x) = x + 1")
        _ = session.run("f(x) = x + 2")
        #expect(session.functionSource("f") == "f(x) = x + 2")
    }
}
