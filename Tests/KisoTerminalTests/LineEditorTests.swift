import CReadline
import Foundation
import KisoBase
import Testing

@testable import KisoTerminal

/// readline is one global state, so these run one at a time.
@Suite(.serialized) struct LineEditorTests {
    func stateDirectory() -> String {
        let path = NSTemporaryDirectory() + "kiso-history-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func historyPathFollowsXDG() {
        #expect(HistoryFile.defaultPath(environment: Environment(["XDG_STATE_HOME": "/st"])) == "/st/kiso/history")
        #expect(HistoryFile.defaultPath(environment: Environment(["HOME": "/h"])) == "/h/.local/state/kiso/history")
    }

    @Test func historyIsAppendedAsEnteredAndCapped() throws {
        let state = stateDirectory()
        let path = HistoryFile.defaultPath(environment: Environment(["XDG_STATE_HOME": state + "/nested"]))
        clear_history()
        let editor = LineEditor(historyPath: path, historyLimit: 3)
        #expect(FileManager.default.fileExists(atPath: path))
        editor.addToHistory("a = 1")
        // Each entry is written the moment it is entered, in the background.
        HistoryFile.waitForWrites()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "a = 1\n")
        editor.addToHistory("a = 1")  // a repeat is skipped
        editor.addToHistory("   ")  // blank lines are skipped
        editor.addToHistory("b = 2")
        editor.addToHistory("c = 3")
        editor.addToHistory("d = 4")
        HistoryFile.waitForWrites()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "b = 2\nc = 3\nd = 4\n")
        #expect(editor.historyEntries == ["b = 2", "c = 3", "d = 4"])

        // A new session reads the file back.
        clear_history()
        let next = LineEditor(historyPath: path, historyLimit: 3)
        #expect(next.historyEntries == ["b = 2", "c = 3", "d = 4"])
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect(attributes[.posixPermissions] as? Int == 0o600)
    }

    @Test func historySurvivesAVanishedFile() throws {
        let path = stateDirectory() + "/history"
        clear_history()
        let editor = LineEditor(historyPath: path)
        editor.addToHistory("first")
        HistoryFile.waitForWrites()
        try FileManager.default.removeItem(atPath: path)
        editor.addToHistory("second")
        HistoryFile.waitForWrites()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "first\nsecond\n")
    }

    @Test func completionOffersCandidatesAfterADot() {
        clear_history()
        var seen: [(String, String)] = []
        let editor = LineEditor(historyPath: nil) { prefix, line in
            seen.append((prefix, line))
            return ["shape", "size", "sum", "T", "shape"]
        }
        _ = editor
        LineEditor.prepareCandidates(prefix: "s", line: "x.s")
        #expect(LineEditor.candidates == ["shape", "size", "sum"])
        #expect(seen.first?.0 == "s" && seen.first?.1 == "x.s")
        // readline's own matcher, fed by the generator: the common prefix comes first.
        LineEditor.prepareCandidates(prefix: "sh", line: "x.sh")
        let matches = rl_completion_matches("sh", LineEditor.nextCandidate)
        var words: [String] = []
        if let matches {
            var index = 0
            while let word = matches[index] {
                words.append(String(cString: word))
                free(word)
                index += 1
            }
            free(matches)
        }
        #expect(words == ["shape"])
        #expect(LineEditor.wordBreakCharacters.contains("."))
    }

    @Test func interruptFlagIsSetBySignal() {
        #expect(InterruptSignal.install())
        _ = InterruptSignal.takePending()
        // To the process, not this thread: the test runner's threads may block signals.
        kill(getpid(), SIGINT)
        var waited = 0
        while !InterruptSignal.isPending && waited < 100 {
            usleep(10_000)
            waited += 1
        }
        #expect(InterruptSignal.isPending)
        #expect(InterruptSignal.takePending())
        #expect(!InterruptSignal.takePending())
    }
}
