import Foundation
import Testing

/// Keys typed before Kiso is ready for them — right after a continuation line, or while an entry
/// is still running — all arrive, in order, under a real pseudo-terminal.
///
/// Every key here is sent literally (`type`, tmux's `send-keys -l`), carriage returns included, in
/// one write, so they reach the terminal as one burst. Without `-l` tmux reads a word such as
/// `end` as the name of a key (End, case-insensitively) and sends `ESC [ 4 ~`: the cursor moves
/// to the end of an empty line and Enter then submits it empty. That, not the REPL, is why
/// `send-keys 'a + 1' Enter 'end' Enter` once seemed to lose the `end`.
@Suite(.enabled(if: TerminalSession.isAvailable, "tmux is not installed; the interactive tests need it"))
struct TypeaheadTests {
    @Test func aBlockTypedInOneBurstAfterAContinuationLineIsKept() throws {
        let sandbox = try InteractiveTests.Sandbox()
        defer { sandbox.directory.remove() }
        let kiso = try TerminalSession([], environment: sandbox.environment.merging(["NO_COLOR": "1"]) { $1 })
        #expect(kiso.waitFor("kiso> ").ok)
        try kiso.enter("def f(a)")
        #expect(kiso.waitFor("\n...  ").ok)
        try kiso.type("a + 1\rend\rf(41)\r")
        let done = kiso.waitFor("...  a + 1\n...  end\nkiso> f(41)\n42\nkiso> ")
        #expect(done.ok, "\(done.screen)")
    }

    @Test func keysTypedWhileAnEntryRunsAreAllKept() throws {
        let sandbox = try InteractiveTests.Sandbox()
        defer { sandbox.directory.remove() }
        // The entry runs until this file has text in it, so the keys below are certainly typed
        // while it runs, however loaded the machine is.
        let gate = sandbox.directory.path("gate")
        try sandbox.directory.write("", to: "gate")
        let kiso = try TerminalSession([], environment: sandbox.environment.merging(["NO_COLOR": "1"]) { $1 })
        #expect(kiso.waitFor("kiso> ").ok)
        try kiso.enter("print(\"waiting\"); while len(read_text(\"\(gate)\")) == 0 end; print(\"went\")")
        #expect(kiso.waitFor("\nwaiting\n").ok)
        try kiso.type("def g()\r2\rend\rg() + 40\r")
        try kiso.type("[1, 2, 3] * ")
        try kiso.type("2\r")
        Thread.sleep(forTimeInterval: 0.3)
        #expect(!kiso.screen().contains("\nwent\n"), "the entry ended before the keys were typed")
        try "go".write(toFile: gate, atomically: true, encoding: .utf8)
        let done = kiso.waitFor(
            "went\nkiso> def g()\n...  2\n...  end\nkiso> g() + 40\n42\nkiso> [1, 2, 3] * 2\n[2 4 6]\nkiso> ")
        #expect(done.ok, "\(done.screen)")
    }
}
