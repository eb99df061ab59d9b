import Foundation
import Testing

/// `:save` writes a notebook that `kiso run` replays, whatever the session looked like on the
/// terminal: plots recorded without colour at the recorded width, and an entry stopped by Ctrl-C
/// left out together with the later entries that used what it may have half changed.
@Suite(.enabled(if: TerminalSession.isAvailable, "tmux is not installed; the interactive tests need it"))
struct SaveRoundTripTests {
    @Test func aSessionWithAColouredPlotAndAnInterruptedLoopSavesANotebookThatReplays() throws {
        let sandbox = try InteractiveTests.Sandbox()
        defer { sandbox.directory.remove() }
        let path = sandbox.directory.path("session.md")
        // A wide terminal with colour: neither may reach the notebook.
        let kiso = try TerminalSession([], environment: sandbox.environment, width: 140)
        #expect(kiso.waitFor("kiso> ").ok)
        try kiso.enter("x = [1, 4, 9, 16]")
        #expect(kiso.waitFor("kiso> ", count: 2).ok)
        try kiso.enter("plot(x)")
        #expect(kiso.waitFor("kiso> ", count: 3).ok)
        #expect(kiso.styledScreen().contains("\u{1B}["), "the plot on the terminal has colour")
        try kiso.enter("total = 0")
        #expect(kiso.waitFor("kiso> ", count: 4).ok)
        try kiso.enter("for i in range(10^9) total = total + i end")
        var stopped = (screen: "", ok: false)
        for _ in 0..<10 where !stopped.ok {
            Thread.sleep(forTimeInterval: 0.5)
            try kiso.press("C-c")
            stopped = kiso.waitFor("interrupted", timeout: 2)
        }
        #expect(stopped.ok, "\(stopped.screen)")
        #expect(kiso.waitFor("kiso> ", count: 5).ok)
        // Ran on the loop's half-finished total: not replayable, so left out.
        try kiso.enter("total > 0")
        #expect(kiso.waitFor("kiso> total > 0\nTrue\n").ok)
        try kiso.enter("y = x * 2")
        // Assigned afresh from nothing unreliable: total is replayable again.
        try kiso.enter("total = 5")
        try kiso.enter("total + 1")
        #expect(kiso.waitFor("kiso> total + 1\n6\n").ok)
        try kiso.enter(":save \(path)")
        let saved = kiso.waitFor("left out 1 input")
        #expect(saved.ok, "\(saved.screen)")
        #expect(saved.screen.contains("saved 6 inputs to \(path)"))
        try kiso.enter(":quit")
        #expect(kiso.waitForExit())

        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!text.contains("\u{1B}"), "colour reached the notebook")
        #expect(!text.contains("total > 0"))
        #expect(!text.contains("range(10^9)"))
        #expect(text.contains("```kiso\ntotal + 1\n```\n\n```output\n6\n```\n"))
        // Every line of the recorded plot fits the recorded width (64), not the 140 columns here.
        let widest = text.split(separator: "\n").map(\.count).max() ?? 0
        #expect(widest <= 64, "a line of \(widest) columns")
        let replay = try KisoBinary.run(["run", path])
        #expect(replay.status == 0, "\(replay.stdout) \(replay.stderr)")
        #expect(replay.stdout == "\(path): 6 cells ok\n")
    }
}
