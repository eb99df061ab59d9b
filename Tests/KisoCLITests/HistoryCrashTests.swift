import Foundation
import Testing

/// The history file under `kill -9`: it is rewritten through the atomic writer after every entry,
/// so a kill at any moment — here, while a burst of typed entries is being written one after
/// another — leaves whole entries in order, never a torn line.
@Suite(.enabled(if: TerminalSession.isAvailable, "tmux is not installed; the interactive tests need it"))
struct HistoryCrashTests {
    @Test func theHistorySurvivesKillDashNineMidWrite() throws {
        let sandbox = try InteractiveTests.Sandbox()
        defer { sandbox.directory.remove() }
        let entry = { (i: Int) in "v = \(i)  # entry \(i)" }
        var written: [String] = []
        for round in 0..<3 {
            let kiso = try TerminalSession([], environment: sandbox.environment.merging(["NO_COLOR": "1"]) { $1 })
            #expect(kiso.waitFor("kiso> ").ok)
            let burst = (0..<300).map { entry(round * 1000 + $0) }
            for part in stride(from: 0, to: burst.count, by: 20) {
                try kiso.type(burst[part..<(part + 20)].map { $0 + "\r" }.joined())
            }
            // Some entries in, while later ones are still being read and written.
            #expect(kiso.waitFor("v = \(round * 1000 + 20)  #").ok)
            let pid = try #require(kiso.processID())
            kill(pid, SIGKILL)
            #expect(kiso.waitForExit())
            let text = try String(contentsOfFile: sandbox.historyPath, encoding: .utf8)
            #expect(text.isEmpty || text.hasSuffix("\n"), "a torn last line:\n\(text.suffix(200))")
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
            // What was there before, then a prefix of this round's burst, in order.
            #expect(Array(lines.prefix(written.count)) == written)
            let added = Array(lines.dropFirst(written.count))
            #expect(added == Array(burst.prefix(added.count)), "\(added.suffix(3))")
            written = lines
        }
        #expect(written.count > 0)

        // A session after the kills writes on and leaves no temporary file behind.
        let kiso = try TerminalSession([], environment: sandbox.environment)
        #expect(kiso.waitFor("kiso> ").ok)
        try kiso.enter("after = 1")
        #expect(kiso.waitFor("kiso> after = 1\nkiso> ").ok)
        try kiso.press("C-d")
        #expect(kiso.waitForExit())
        let text = try String(contentsOfFile: sandbox.historyPath, encoding: .utf8)
        #expect(text == (written + ["after = 1"]).map { $0 + "\n" }.joined())
        let folder = (sandbox.historyPath as NSString).deletingLastPathComponent
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains("kiso-tmp") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }
}
