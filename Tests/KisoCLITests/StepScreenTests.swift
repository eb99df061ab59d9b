import Foundation
import Testing

/// The step screen never fights the learner: keys that never hide a chapter's variables, code
/// typed before its cell ran, the end of a chapter, and text fitted to an 80-column window.
@Suite(.enabled(if: TerminalSession.isAvailable, "tmux is not installed; the interactive tests need it"))
struct StepScreenTests {
    /// Two chapters (the small fixture, then one with long lines and a variable `b`) and the
    /// small one's lesson.
    struct Sandbox {
        let directory: TemporaryDirectory
        var environment: [String: String] {
            [
                "HOME": directory.path("home"), "XDG_STATE_HOME": directory.path("state"),
                "KISO_HOME": directory.path("kiso"), "NO_COLOR": "1",
            ]
        }

        init() throws {
            directory = try TemporaryDirectory()
            try directory.write(try Fixtures.text("good.md"), to: "kiso/notebooks/01-small.md")
            try directory.write(try Fixtures.text("small-lesson.md"), to: "kiso/lessons/01-small.md")
            let second = """
                # Long lines

                A formula that is wider than the window:

                $$\\operatorname{ELBO}(q) = \\mathbb{E}_q[\\log p(x, z)] - \\mathbb{E}_q[\\log q(z)] = \\log p(x) - \\operatorname{KL}(q(z) \\,\\|\\, p(z \\mid x)) \\le \\log p(x)$$

                ```kiso
                very_long_name_for_a_value = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0]
                b = 2
                ```

                ## Then

                ```kiso
                b + 1
                ```

                ```output
                3
                ```

                """
            try directory.write(second, to: "kiso/notebooks/02-long.md")
            try FileManager.default.createDirectory(atPath: directory.path("home"), withIntermediateDirectories: true)
        }
    }

    /// The screen's last non-empty line.
    private func lastLine(_ screen: String) -> String {
        String(screen.split(separator: "\n").last { !$0.allSatisfy { $0 == " " } } ?? "")
    }

    /// Waits for the `step>` prompt to be the last line, after `text` appeared.
    private func waitForPrompt(_ kiso: TerminalSession, after text: String) -> (screen: String, ok: Bool) {
        kiso.waitFor { $0.contains(text) && lastLine($0).hasPrefix("step>") }
    }

    @Test func codeBeforeItsCellSaysWhereTheNameComesFrom() throws {
        let sandbox = try Sandbox()
        defer { sandbox.directory.remove() }
        let kiso = try TerminalSession(["step", "01"], environment: sandbox.environment, width: 80)
        #expect(kiso.waitFor("step> ").ok)
        try kiso.enter("sum(x + y)")
        let note = waitForPrompt(kiso, after: "is defined by a cell not run yet (section 2 of 3)")
        #expect(note.ok, "\(note.screen)")
        // Wrapped at a word, not cut mid-word by the terminal.
        #expect(
            note.screen.contains(
                "hint: assign it first, for example `x = 1`\n`x` is defined by a cell not run yet (section 2 of 3); press Enter to run the\ncells up to it\n"
            ),
            "\(note.screen)")
        // The key line was shown once, when the chapter opened.
        for _ in 0..<3 { try kiso.press("Enter") }
        let ran = waitForPrompt(kiso, after: "[11 22 33]")
        #expect(ran.ok, "\(ran.screen)")
        #expect(ran.screen.components(separatedBy: "b back").count == 2, "\(ran.screen)")
        try kiso.enter("q")
        #expect(kiso.waitForExit())
    }

    @Test func aVariableNamedLikeAKeyIsShownAndTheColonKeyStillWorks() throws {
        let sandbox = try Sandbox()
        defer { sandbox.directory.remove() }
        let kiso = try TerminalSession(["step", "02"], environment: sandbox.environment, width: 80)
        #expect(kiso.waitFor("step> ").ok)
        try kiso.press("Enter")
        #expect(waitForPrompt(kiso, after: "b = 2").ok)
        try kiso.press("Enter")
        #expect(kiso.waitFor("section 2 of 2").ok)
        // `b` is the chapter's variable: it is shown, and the session is kept.
        try kiso.enter("b")
        let shown = waitForPrompt(kiso, after: "(`b` is a variable here, so it is shown; the key is :b)\n2")
        #expect(shown.ok, "\(shown.screen)")
        #expect(!shown.screen.contains("section 1 of 2\n"), "b went back:\n\(shown.screen)")
        // The colon form is always the key.
        try kiso.enter(":b")
        let back = kiso.waitFor("section 1 of 2", count: 2)
        #expect(back.ok, "\(back.screen)")
        try kiso.enter(":q")
        #expect(kiso.waitForExit())
    }

    @Test func longCodeAndMathWrapAtEightyColumns() throws {
        let sandbox = try Sandbox()
        defer { sandbox.directory.remove() }
        let kiso = try TerminalSession(["step", "02"], environment: sandbox.environment, width: 80)
        let screen = waitForPrompt(kiso, after: "b = 2")
        #expect(screen.ok, "\(screen.screen)")
        #expect(
            screen.screen.contains(
                "  │ very_long_name_for_a_value = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0,\n  ┆   10.0, 11.0, 12.0, 13.0, 14.0]"
            ), "\(screen.screen)")
        #expect(screen.screen.contains("= log p(x) - KL(q(z) ‖ p(z | x))\n      ≤ log p(x)"), "\(screen.screen)")
        for line in screen.screen.split(separator: "\n") { #expect(line.count <= 80) }
        try kiso.enter("q")
        #expect(kiso.waitForExit())
    }

    @Test func theEndOfAChapterKeepsTheSessionAndOffersWhatComesNext() throws {
        let sandbox = try Sandbox()
        defer { sandbox.directory.remove() }
        let kiso = try TerminalSession(["step", "01"], environment: sandbox.environment, width: 80)
        #expect(kiso.waitFor("step> ").ok)
        for count in 2...8 {
            try kiso.press("Enter")
            #expect(kiso.waitFor("step> ", count: count).ok)
        }
        let end = kiso.waitFor("n   the next chapter: 02-long — Long lines")
        #expect(end.ok, "\(end.screen)")
        #expect(end.screen.contains(":x  the exercises: 1 exercise (kiso lesson 01-small)"))
        // The chapter's session is still there.
        try kiso.enter("x * 100")
        #expect(kiso.waitFor("[100 200 300]").ok)
        try kiso.enter("n")
        let next = kiso.waitFor("section 1 of 2")
        #expect(next.ok, "\(next.screen)")
        #expect(next.screen.contains("Long lines"))
        try kiso.enter("q")
        #expect(kiso.waitForExit())
    }
}
