import Foundation
import Testing

/// `kiso FILE`, `kiso < FILE` and `kiso -e EXPR`: output, echo rules, errors and exit statuses.
@Suite struct ScriptModeTests {
    @Test func expressionPrintsItsValue() throws {
        let result = try KisoBinary.run(["-e", "1+1"])
        #expect(result.status == 0)
        #expect(result.stdout == "2\n")
        #expect(result.stderr == "")
    }

    @Test func semicolonSuppressesTheEcho() throws {
        let result = try KisoBinary.run(["-e", "x = 2; x * 3;"])
        #expect(result.status == 0)
        #expect(result.stdout == "")
    }

    @Test func standardInputRunsAsOneProgramEchoingOnlyTheLastExpression() throws {
        let program = """
            x = [1, 2, 3]
            print("total", sum(x))
            x * 2
            x + 1
            """
        let result = try KisoBinary.run([], input: program)
        #expect(result.status == 0)
        #expect(result.stdout == "total 6\n[2 3 4]\n")
        #expect(result.stderr == "")
    }

    @Test func scriptFileRuns() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("def sq(v)\n  v * v\nend\nfor i in range(3)\n  print(sq(i))\nend\n", to: "s.kiso")
        let result = try KisoBinary.run([directory.path("s.kiso")])
        #expect(result.status == 0)
        #expect(result.stdout == "0\n1\n4\n")
    }

    @Test func runtimeErrorPrintsTheLineAndCaretOnStandardErrorAndExitsOne() throws {
        let result = try KisoBinary.run([], input: "x = [1, 2]\nprint(\"before\")\ny = sofmax(x)\nprint(\"after\")\n")
        #expect(result.status == 1)
        #expect(result.stdout == "before\n")
        #expect(
            result.stderr == """
                <stdin>:3:5: name error: `sofmax` is not defined
                  3 | y = sofmax(x)
                    |     ^^^^^^
                hint: did you mean `softmax`?

                """)
    }

    @Test func anErrorInsideAFunctionShowsItsLineAndTheCallStack() throws {
        let program = """
            def inner(x, w)
                y = x @ w
                y
            end
            def outer(x)
                inner(x, ones([4, 2]))
            end
            outer(ones([2, 3]))
            """
        let result = try KisoBinary.run([], input: program)
        #expect(result.status == 1)
        #expect(
            result.stderr == """
                <stdin>:2:9: shape error: matmul: (2,3) @ (4,2) — inner sizes 3 and 4 differ
                  2 |     y = x @ w
                    |         ^^^^^
                called from <stdin>:6
                called from <stdin>:8
                hint: the last dimension of a must equal the second-to-last dimension of b (or b's length when b is 1-d)

                """)
    }

    @Test func errorsNameTheScriptFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("a = zeros((2, 3))\nb = zeros((2, 3))\na @ b\n", to: "shape.kiso")
        let path = directory.path("shape.kiso")
        let result = try KisoBinary.run([path])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("\(path):3:1: shape error: matmul"))
        #expect(result.stderr.contains("  3 | a @ b\n    | ^^^^^"))
    }

    @Test func everySyntaxErrorIsReportedAndNothingRuns() throws {
        let result = try KisoBinary.run([], input: "print(1)\nx = (1 +\ny = ]\n")
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr.contains("syntax error"))
    }

    @Test func expressionErrorExitsOne() throws {
        let result = try KisoBinary.run(["-e", "undefined_name + 1"])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("<command line>:1:1: name error: `undefined_name` is not defined\n"))
        #expect(result.stderr.contains("^^^^^^^^^^^^^^"))
    }

    @Test func noColourWhenNotATerminalOrWithNoColor() throws {
        for environment in [[:], ["NO_COLOR": "1"], ["TERM": "xterm-256color"]] {
            let result = try KisoBinary.run([], input: "print([1, 2])\n[1, 2] @ [1, 2, 3]\n", environment: environment)
            #expect(result.status == 1)
            #expect(!containsEscape(result.stdout))
            #expect(!containsEscape(result.stderr))
            #expect(result.stderr.contains("shape error"))
        }
    }

    @Test func unknownOptionIsAUsageError() throws {
        let result = try KisoBinary.run(["--frobnicate"])
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr.contains("Unknown option '--frobnicate'"))
        #expect(result.stderr.contains("Usage: kiso"))
    }

    @Test func missingFileIsAUsageError() throws {
        let result = try KisoBinary.run(["/nonexistent/program.kiso"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("kiso: no such file: /nonexistent/program.kiso\nUsage: kiso"))
    }

    @Test func aNotebookGivenAsAScriptPointsToRunAndStep() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(try Fixtures.text("good.md"), to: "good.md")
        let result = try KisoBinary.run([directory.path("good.md")])
        #expect(result.status == 2)
        #expect(result.stderr.contains("is a notebook: replay it with `kiso run"))
    }

    @Test func expressionAndFileTogetherIsAUsageError() throws {
        let result = try KisoBinary.run(["-e", "1", "x.kiso"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("either -e EXPR or a FILE"))
    }

    @Test func deeplyNestedInputIsAnErrorNotACrash() throws {
        let deep = String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000)
        let result = try KisoBinary.run(["-e", deep])
        #expect(result.status == 1)
        #expect(result.stderr.contains("recursion error"))
    }
}
