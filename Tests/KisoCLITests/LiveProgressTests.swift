import Foundation
import Testing

/// `progress(…)` loops: a live bar on a terminal, nothing at all in piped or recorded output.
@Suite struct LiveProgressTests {
    @Test func pipedOutputHasNoBar() throws {
        let result = try KisoBinary.run(["-e", "for t in progress(range(3), desc=\"x\") print(t) end"])
        #expect(result.status == 0)
        #expect(result.stdout == "0\n1\n2\n")
    }

    @Test func aRecordedNotebookHasNoBar() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let notebook = """
            # Progress

            ```kiso
            p = progress(range(2000), desc="train")
            s = 0
            for t in p
              s = s + t
              p.log(total=s)
            end
            s
            ```

            """
        try directory.write(notebook, to: "progress.md")
        let update = try KisoBinary.run(["run", "--update", "progress.md"], directory: directory.url)
        #expect(update.status == 0, "\(update.stdout)\(update.stderr)")
        let recorded = try directory.read("progress.md")
        #expect(recorded.hasSuffix("s\n```\n\n```output\n1999000\n```\n"), "\(recorded)")
        let replay = try KisoBinary.run(["run", "progress.md"], directory: directory.url)
        #expect(replay.status == 0, "\(replay.stdout)\(replay.stderr)")
    }
}

/// The bar on a real terminal (tmux): drawn while the loop runs, erased when it stops.
@Suite(.enabled(if: TerminalSession.isAvailable, "tmux is not installed; the interactive tests need it"))
struct LiveProgressTerminalTests {
    @Test func theBarIsDrawnWhileRunningAndErasedByCtrlC() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let environment = [
            "HOME": directory.path("home"), "XDG_STATE_HOME": directory.path("state"),
            "KISO_HOME": directory.path("kiso"),
        ]
        let kiso = try TerminalSession([], environment: environment, width: 80)
        #expect(kiso.waitFor("kiso> ").ok)
        try kiso.enter(
            "p = progress(range(1000000000), desc=\"long\"); for t in p if t % 1000 == 0 p.log(loss=1.0 / (t + 1)) end end"
        )
        let running = kiso.waitFor { $0.contains("long ") && $0.contains("/1000000000 ") && $0.contains("- loss: ") }
        #expect(running.ok, "no bar:\n\(running.screen)")
        #expect(running.screen.contains("ms/step") || running.screen.contains("us/step"), "\(running.screen)")
        try kiso.press("C-c")
        let stopped = kiso.waitFor("interrupted")
        #expect(stopped.ok, "\(stopped.screen)")
        #expect(!stopped.screen.contains("/1000000000 "), "the bar was left behind:\n\(stopped.screen)")
        try kiso.enter("p.steps > 0")
        #expect(kiso.waitFor("True").ok)
        try kiso.press("C-d")
        #expect(kiso.waitForExit())
    }
}
