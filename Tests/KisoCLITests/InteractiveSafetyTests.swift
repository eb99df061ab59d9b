import Foundation
import Testing

/// Ctrl-C inside a long kernel, and `:save` refusing what it must not replace — under a real
/// pseudo-terminal.
@Suite(.enabled(if: TerminalSession.isAvailable, "tmux is not installed; the interactive tests need it"))
struct InteractiveSafetyTests {
    private func start(_ sandbox: InteractiveTests.Sandbox) throws -> TerminalSession {
        try TerminalSession([], environment: sandbox.environment)
    }

    @Test func ctrlCStopsALongMatrixProductAndKeepsTheSession() throws {
        let sandbox = try InteractiveTests.Sandbox()
        defer { sandbox.directory.remove() }
        let kiso = try start(sandbox)
        #expect(kiso.waitFor("kiso> ").ok)
        try kiso.enter("a = ones([5000, 5000])")
        #expect(kiso.waitFor("kiso> ", count: 2).ok)
        // Three products of 1.25·10¹¹ multiply-adds each: tens of seconds on two cores.
        try kiso.enter("b = a @ a @ a")
        Thread.sleep(forTimeInterval: 1)
        let pressed = Date()
        try kiso.press("C-c")
        let stopped = kiso.waitFor("interrupted", timeout: 20)
        #expect(stopped.ok, "\(stopped.screen)")
        // About a second on an idle machine; the bound leaves room for a loaded one.
        #expect(Date().timeIntervalSince(pressed) < 10)
        try kiso.enter("a.shape")
        #expect(kiso.waitFor("(5000, 5000)").ok)
        try kiso.enter(":quit")
        #expect(kiso.waitForExit())
    }

    @Test func saveRefusesToReplaceAFileThatIsNotANotebook() throws {
        let sandbox = try InteractiveTests.Sandbox()
        defer { sandbox.directory.remove() }
        try sandbox.directory.write("my own notes\n", to: "notes.txt")
        let path = sandbox.directory.path("notes.txt")
        let kiso = try start(sandbox)
        #expect(kiso.waitFor("kiso> ").ok)
        try kiso.enter("x = 41 + 1")
        try kiso.enter(":save \(path)")
        #expect(kiso.waitFor("is not a Kiso notebook").ok)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "my own notes\n")
        try kiso.enter(":save --force")
        #expect(kiso.waitFor("needs a file name").ok)
        try kiso.enter(":save --force \(path)")
        #expect(kiso.waitFor("saved 1 input to \(path)").ok)
        // A notebook written by :save is replaced without asking.
        try kiso.enter(":save \(path)")
        #expect(kiso.waitFor("saved 1 input to", count: 2).ok)
        try kiso.enter(":quit")
        #expect(kiso.waitForExit())
        let replay = try KisoBinary.run(["run", path])
        #expect(replay.status == 0, "\(replay.stdout) \(replay.stderr)")
    }
}
