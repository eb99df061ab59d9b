import Foundation
import Testing

/// The REPL and the step-through screen under a real pseudo-terminal (tmux): keys in, screen out.
@Suite(.enabled(if: TerminalSession.isAvailable, "tmux is not installed; the interactive tests need it"))
struct InteractiveTests {
    /// A home, a state directory and a notebooks directory for one test.
    struct Sandbox {
        let directory: TemporaryDirectory
        var environment: [String: String] {
            [
                "HOME": directory.path("home"), "XDG_STATE_HOME": directory.path("state"),
                "KISO_HOME": directory.path("kiso"),
            ]
        }
        var historyPath: String { directory.path("state/kiso/history") }
        var progressPath: String { directory.path("state/kiso/progress") }

        init() throws {
            directory = try TemporaryDirectory()
            try directory.write(try Fixtures.text("good.md"), to: "kiso/notebooks/01-small.md")
            try FileManager.default.createDirectory(
                atPath: directory.path("home"), withIntermediateDirectories: true)
        }
    }

    private func start(
        _ sandbox: Sandbox, _ arguments: [String] = [], extra: [String: String] = [:]
    ) throws
        -> TerminalSession
    {
        let session = try TerminalSession(arguments, environment: sandbox.environment.merging(extra) { $1 })
        return session
    }

    @Test func bannerEchoAndAnErrorThatKeepsVariables() throws {
        let sandbox = try Sandbox()
        defer { sandbox.directory.remove() }
        let kiso = try start(sandbox)
        let banner = kiso.waitFor("kiso> ")
        #expect(banner.ok, "no prompt:\n\(banner.screen)")
        #expect(banner.screen.contains(":help"))
        #expect(banner.screen.contains("01  small  A small notebook"))

        try kiso.enter("x = [1, 2, 3]")
        try kiso.enter("x * 2")
        #expect(kiso.waitFor("[2 4 6]").ok)
        try kiso.enter("y = sofmax(x) + 1")
        let error = kiso.waitFor("did you mean `softmax`?")
        #expect(error.ok, "no error:\n\(error.screen)")
        #expect(error.screen.contains("  1 | y = sofmax(x) + 1\n    |     ^^^^^^"))
        try kiso.enter("x + 0.5")
        let after = kiso.waitFor("[1.5 2.5 3.5]")
        #expect(after.ok, "x was lost:\n\(after.screen)")
        try kiso.press("C-d")
        #expect(kiso.waitForExit())
    }

    @Test func continuationLinesAndTabCompletion() throws {
        let sandbox = try Sandbox()
        defer { sandbox.directory.remove() }
        let kiso = try start(sandbox)
        #expect(kiso.waitFor("kiso> ").ok)
        try kiso.enter("def twice(v)")
        #expect(kiso.waitFor("\n...  ").ok)
        // Each line waits for its prompt, as a learner's eyes do; typeahead is a separate matter.
        try kiso.enter("2 * v")
        #expect(kiso.waitFor("...  2 * v\n...  ").ok)
        try kiso.enter("end")
        #expect(kiso.waitFor("...  end\nkiso> ").ok)
        try kiso.enter("twice(21)")
        let defined = kiso.waitFor("\n42\n")
        #expect(defined.ok, "\(defined.screen)")
        #expect(defined.screen.contains("kiso> def twice(v)\n...  2 * v\n...  end\nkiso> twice(21)"))

        try kiso.type("softma")
        try kiso.press("Tab")
        let completed = kiso.waitFor("kiso> softmax")
        #expect(completed.ok, "no completion:\n\(completed.screen)")
        try kiso.type("([1, 1])")
        try kiso.press("Enter")
        #expect(kiso.waitFor("[0.5 0.5]").ok)

        try kiso.enter("w = [3, 4]")
        try kiso.type("w.nd")
        try kiso.press("Tab")
        #expect(kiso.waitFor("kiso> w.ndim").ok)
        try kiso.press("Enter")
        // Completion leaves a space after the word.
        #expect(kiso.waitFor("kiso> w.ndim \n1\n").ok)
    }

    @Test func ctrlCStopsARunawayLoopAndKeepsVariables() throws {
        let sandbox = try Sandbox()
        defer { sandbox.directory.remove() }
        let kiso = try start(sandbox)
        #expect(kiso.waitFor("kiso> ").ok)
        try kiso.enter("n = 0")
        try kiso.enter("while true")
        try kiso.enter("n = n + 1")
        try kiso.enter("end")
        #expect(kiso.waitFor("...  end").ok)
        // A Ctrl-C that lands before the run starts is cleared by it, as a stale one should be, so
        // press again until the loop reports the interrupt (a learner would too).
        var stopped = (screen: "", ok: false)
        for _ in 0..<10 where !stopped.ok {
            Thread.sleep(forTimeInterval: 0.3)
            try kiso.press("C-c")
            stopped = kiso.waitFor("interrupted", timeout: 2)
        }
        #expect(stopped.ok, "not interrupted:\n\(stopped.screen)")
        try kiso.enter("n > 0")
        // Wait for the next prompt too: a Ctrl-C that arrives before it is not meant for that line.
        let intact = kiso.waitFor("kiso> n > 0\nTrue\nkiso> ")
        #expect(intact.ok, "n lost:\n\(intact.screen)")

        // Ctrl-C at the prompt abandons the line. Each step waits for the screen, so that a
        // stale Ctrl-C from the loop above cannot be mistaken for this one.
        try kiso.type("this is abandoned")
        #expect(kiso.waitFor("kiso> this is abandoned").ok)
        try kiso.press("C-c")
        #expect(kiso.waitFor("this is abandoned^C\nkiso> ").ok)
        try kiso.enter("1 + 2")
        let cleared = kiso.waitFor("kiso> 1 + 2\n3")
        #expect(cleared.ok, "\(cleared.screen)")
        #expect(!kiso.hasExited())
    }

    @Test func varsShapesHelpAndUnknownCommands() throws {
        let sandbox = try Sandbox()
        defer { sandbox.directory.remove() }
        let kiso = try start(sandbox)
        #expect(kiso.waitFor("kiso> ").ok)
        try kiso.enter("Q = ones((5, 3))")
        try kiso.enter("K = ones((4, 3))")
        try kiso.enter("name = \"kiso\"")
        try kiso.enter(":vars")
        let vars = kiso.waitFor("name  string")
        #expect(vars.ok, "\(vars.screen)")
        #expect(
            vars.screen.contains(
                "name  kind            shape\nQ     tensor float64  (5,3)\nK     tensor float64  (4,3)\n"))

        try kiso.enter(":shapes softmax(Q @ K.T)")
        let shapes = kiso.waitFor("softmax(Q @ K.T)  (5,4)")
        #expect(shapes.ok, "\(shapes.screen)")
        #expect(
            shapes.screen.contains(
                "Q                 (5,3)\nK                 (4,3)\nK.T               (3,4)\nQ @ K.T           (5,4)\nsoftmax(Q @ K.T)  (5,4)"
            ))

        try kiso.enter("?norm")
        #expect(kiso.waitFor("example:").ok)
        try kiso.enter(":frobnicate")
        let unknown = kiso.waitFor("unknown command `:frobnicate`")
        #expect(unknown.ok)
        #expect(unknown.screen.contains(":help :vars"))
        try kiso.enter(":time sum(Q)")
        let timed = kiso.waitFor("loops each)")
        #expect(timed.ok, "\(timed.screen)")
        #expect(timed.screen.contains("15.0\ntime: "))
        // How many runs fit in the time budget depends on the machine's speed.
        #expect(timed.screen.contains("per loop (mean ± std. dev. of "))
        try kiso.enter(":help")
        #expect(kiso.waitFor("Ctrl-R").ok)
        try kiso.enter(":quit")
        #expect(kiso.waitForExit())
    }

    @Test func saveWritesANotebookThatReplays() throws {
        let sandbox = try Sandbox()
        defer { sandbox.directory.remove() }
        let kiso = try start(sandbox)
        let path = sandbox.directory.path("session.md")
        #expect(kiso.waitFor("kiso> ").ok)
        try kiso.enter("v = [3, 4]")
        try kiso.enter("norm(v)")
        try kiso.enter("bogus(v)")
        try kiso.enter("print(\"done\")")
        try kiso.enter(":save \(path)")
        #expect(kiso.waitFor("saved 3 inputs").ok)
        try kiso.enter(":reset")
        try kiso.enter(":load \(path)")
        let loaded = kiso.waitFor("loaded 3 cells")
        #expect(loaded.ok, "\(loaded.screen)")
        try kiso.enter(":quit")
        #expect(kiso.waitForExit())

        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("```kiso\nnorm(v)\n```\n\n```output\n5.0\n```\n"))
        #expect(!text.contains("bogus"))
        let replay = try KisoBinary.run(["run", path])
        #expect(replay.status == 0)
        #expect(replay.stdout == "\(path): 3 cells ok\n")
    }

    @Test func historyIsKeptAndRecalled() throws {
        let sandbox = try Sandbox()
        defer { sandbox.directory.remove() }
        do {
            let kiso = try start(sandbox)
            #expect(kiso.waitFor("kiso> ").ok)
            try kiso.enter("first = 1")
            try kiso.enter("second = first + 41")
            #expect(kiso.waitFor("kiso> second = first + 41\nkiso> ").ok)
            try kiso.press("C-d")
            #expect(kiso.waitForExit())
        }
        let history = try String(contentsOfFile: sandbox.historyPath, encoding: .utf8)
        #expect(history == "first = 1\nsecond = first + 41\n")

        let kiso = try start(sandbox)
        #expect(kiso.waitFor("kiso> ").ok)
        try kiso.press("Up")
        let recalled = kiso.waitFor("kiso> second = first + 41")
        #expect(recalled.ok, "\(recalled.screen)")
        try kiso.press("Up")
        #expect(kiso.waitFor("kiso> first = 1").ok)
        try kiso.press("Enter")
        try kiso.enter("first")
        #expect(kiso.waitFor("kiso> first\n1\n").ok)
    }

    @Test func aBlockComesBackFromHistoryWhole() throws {
        let sandbox = try Sandbox()
        defer { sandbox.directory.remove() }
        do {
            let kiso = try start(sandbox)
            #expect(kiso.waitFor("kiso> ").ok)
            try kiso.enter("def sq(x)")
            try kiso.enter("  x * x")
            try kiso.enter("end")
            #expect(kiso.waitFor("...  end\nkiso> ").ok)
            try kiso.enter("sq(3)")
            #expect(kiso.waitFor("kiso> sq(3)\n9\n").ok)
            try kiso.press("Up")
            try kiso.press("Up")
            let recalled = kiso.waitFor("kiso> def sq(x)\n  x * x\nend")
            #expect(recalled.ok, "\(recalled.screen)")
            try kiso.press("C-d")
            try kiso.press("C-c")
            let cleared = kiso.waitFor("end^C\nkiso> ")
            #expect(cleared.ok, "\(cleared.screen)")
            try kiso.press("C-d")
            #expect(kiso.waitForExit())
        }
        let history = try String(contentsOfFile: sandbox.historyPath, encoding: .utf8)
        #expect(history == "def sq(x)\u{2424}  x * x\u{2424}end\nsq(3)\n")

        let kiso = try start(sandbox)
        #expect(kiso.waitFor("kiso> ").ok)
        try kiso.press("Up")
        try kiso.press("Up")
        #expect(kiso.waitFor("kiso> def sq(x)\n  x * x\nend").ok)
        try kiso.press("Enter")
        try kiso.enter("sq(5)")
        #expect(kiso.waitFor("kiso> sq(5)\n25\n").ok)
    }

    @Test func doubleQuestionMarkShowsAFunctionsSourceAndOneDescribesAVariable() throws {
        let sandbox = try Sandbox()
        defer { sandbox.directory.remove() }
        let kiso = try start(sandbox)
        #expect(kiso.waitFor("kiso> ").ok)
        try kiso.enter("def sq(x)")
        try kiso.enter("  x * x")
        try kiso.enter("end")
        #expect(kiso.waitFor("...  end\nkiso> ").ok)
        try kiso.enter("??sq")
        let source = kiso.waitFor("kiso> ??sq\ndef sq(x)\n  x * x\nend\nkiso> ")
        #expect(source.ok, "\(source.screen)")
        try kiso.enter("w = [1.5, 2.5]")
        try kiso.enter("?w")
        let described = kiso.waitFor("w: tensor float64, shape (2,), 2 elements\n  min 1.5  mean 2.0  max 2.5")
        #expect(described.ok, "\(described.screen)")
        try kiso.enter("??w")
        #expect(kiso.waitFor("`w` is not a function defined in this session").ok)
    }

    @Test func colourOnATerminalButNeverWithNoColor() throws {
        for noColor in [false, true] {
            let sandbox = try Sandbox()
            defer { sandbox.directory.remove() }
            let kiso = try start(sandbox, extra: noColor ? ["NO_COLOR": "1"] : [:])
            #expect(kiso.waitFor("kiso> ").ok)
            try kiso.enter("undefined_thing")
            #expect(kiso.waitFor("is not defined").ok)
            let styled = kiso.styledScreen()
            let red = "\u{1B}[31m"
            #expect(styled.contains(red) == !noColor, "NO_COLOR=\(noColor):\n\(styled)")
        }
    }

    @Test func anErrorInAFunctionFromAnEarlierEntryShowsThatFunctionsLine() throws {
        let sandbox = try Sandbox()
        defer { sandbox.directory.remove() }
        let kiso = try start(sandbox, extra: ["NO_COLOR": "1"])
        #expect(kiso.waitFor("kiso> ").ok)
        try kiso.enter("def scale(v)")
        try kiso.enter("    v @ ones([4, 2])")
        try kiso.enter("end")
        #expect(kiso.waitFor("...  end\nkiso> ").ok)
        try kiso.enter("a = 1")
        try kiso.enter("scale(ones([2, 3]))")
        let error = kiso.waitFor("hint: ")
        #expect(error.ok, "\(error.screen)")
        #expect(
            error.screen.contains(
                """
                kiso> scale(ones([2, 3]))
                <input>:2:5: shape error: matmul: (2,3) @ (4,2) — inner sizes 3 and 4 differ
                  2 |     v @ ones([4, 2])
                    |     ^^^^^^^^^^^^^^^^
                called from <input>:1
                hint: the last dimension of a must equal
                """), "\(error.screen)")
        try kiso.enter("np.zeros(3)")
        let prefix = kiso.waitFor("Kiso needs no `np.` prefix")
        #expect(prefix.ok, "\(prefix.screen)")
        #expect(prefix.screen.contains("hint: write `zeros(…)`"))
        try kiso.press("C-d")
        #expect(kiso.waitForExit())
    }

    @Test func stepShowsTheLineOfAFunctionFromAnEarlierCell() throws {
        let sandbox = try Sandbox()
        defer { sandbox.directory.remove() }
        try sandbox.directory.write(
            """
            ---
            title: Calls
            ---
            # Calls

            ## Defining and calling

            ```kiso
            def scale(v)
                v @ ones([4, 2])
            end
            ```

            ```kiso error
            y = 1
            scale(ones([2, 3]))
            ```

            """, to: "kiso/notebooks/02-calls.md")
        let kiso = try start(sandbox, ["step", "02"], extra: ["NO_COLOR": "1"])
        #expect(kiso.waitFor("step> ").ok)
        try kiso.press("Enter")
        #expect(kiso.waitFor("│ end").ok)
        try kiso.press("Enter")
        #expect(kiso.waitFor("│ scale(ones([2, 3]))").ok)
        try kiso.press("Enter")
        let error = kiso.waitFor("hint: ")
        #expect(error.ok, "\(error.screen)")
        #expect(
            error.screen.contains(
                """
                cell 1:2:5: shape error: matmul: (2,3) @ (4,2) — inner sizes 3 and 4 differ
                  2 |     v @ ones([4, 2])
                    |     ^^^^^^^^^^^^^^^^
                called from cell 2 line 2
                """), "\(error.screen)")
        try kiso.enter("scale(zeros([2, 5]))")
        let typed = kiso.waitFor("called from <input>:1")
        #expect(typed.ok, "\(typed.screen)")
        #expect(typed.screen.contains("cell 1:2:5: shape error: matmul: (2,5) @ (4,2)"))
        try kiso.enter("q")
        #expect(kiso.waitForExit())
    }

    @Test func stepRunsCellsOnEnterAndRemembersThePlace() throws {
        let sandbox = try Sandbox()
        defer { sandbox.directory.remove() }
        do {
            let kiso = try start(sandbox, ["step", "01"])
            let first = kiso.waitFor("step> ")
            #expect(first.ok, "\(first.screen)")
            #expect(first.screen.contains("section 1 of 3"))
            #expect(first.screen.contains("Vectors add elementwise"))
            // The setup cell is not shown.
            #expect(!first.screen.contains("default_rng"))

            try kiso.press("Enter")
            let cell = kiso.waitFor("│ x + y")
            #expect(cell.ok, "\(cell.screen)")
            #expect(!cell.screen.contains("[11 22 33]"))
            try kiso.press("Enter")
            let output = kiso.waitFor("[11 22 33]")
            #expect(output.ok, "\(output.screen)")

            // Any other line runs in the notebook's session.
            try kiso.enter("x * 100")
            #expect(kiso.waitFor("[100 200 300]").ok)
            try kiso.enter("q")
            #expect(kiso.waitForExit())
        }
        let progress = try String(contentsOfFile: sandbox.progressPath, encoding: .utf8)
        // Keyed by the notebook's whole path, so same-named notebooks in two folders keep apart.
        #expect(progress.contains("1\t" + sandbox.directory.path("kiso/notebooks/01-small.md")), "\(progress)")

        let kiso = try start(sandbox, ["step", "small"])
        let resumed = kiso.waitFor("step> ")
        #expect(resumed.ok)
        #expect(resumed.screen.contains("Resuming at section 2 of 3"))
        // The earlier cells were replayed: the setup cell's generator exists.
        try kiso.enter("rng")
        #expect(kiso.waitFor("step> rng\nGenerator(PCG64)").ok)
        try kiso.press("Enter")
        #expect(kiso.waitFor("[11 22 33]").ok)
        try kiso.press("Enter")
        #expect(kiso.waitFor("sum 66\n\nstep> ").ok)
        try kiso.type("e")
        try kiso.press("Enter")
        #expect(kiso.waitFor("edit> print(\"sum\", sum(x + y))").ok)
        try kiso.press("End")
        try kiso.press("BSpace")
        try kiso.type(" * 2)")
        try kiso.press("Enter")
        #expect(kiso.waitFor("sum 132").ok)
        try kiso.press("Enter")
        #expect(kiso.waitFor("section 3 of 3").ok)
        // Back: section 2 again, from a fresh session with the cells before it replayed.
        try kiso.enter("b")
        #expect(kiso.waitFor("section 2 of 3", count: 2).ok)
        try kiso.enter("y")
        let fresh = kiso.waitFor("not defined")
        #expect(fresh.ok, "y survived going back:\n\(fresh.screen)")
        try kiso.press("Enter")
        #expect(kiso.waitFor("[11 22 33]", count: 2).ok)
        try kiso.type("q")
        try kiso.press("Enter")
        #expect(kiso.waitForExit())
    }
}
