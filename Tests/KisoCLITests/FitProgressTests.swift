import Foundation
import Testing

/// What `fit` prints: one untimed line per epoch where output is not a terminal (so recordings
/// stay the same at every run), Keras's live screen on a terminal.
@Suite struct FitProgressTests {
    static let model = """
        x = randn(64, 2); y = (x[:, 0] * x[:, 1] > 0) * 1.0
        m = Sequential([Dense(4, activation="relu"), Dense(1, activation="sigmoid")], input_shape=[2], seed=1)
        m.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
        """

    @Test func pipedOutputHasOneUntimedLinePerEpoch() throws {
        for verbose in [1, 2] {
            let program =
                Self.model + "\nh = m.fit(x, y, epochs=3, batch_size=16, verbose=\(verbose), live_plot=true)\n"
            let result = try KisoBinary.run(["-e", program])
            #expect(result.status == 0, "\(result.stderr)")
            let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            #expect(lines.count == 3, "\(result.stdout)")
            for (i, line) in lines.enumerated() {
                #expect(line.hasPrefix("Epoch \(i + 1)/3 - 4/4 - accuracy: "), "\(line)")
                #expect(line.contains(" - loss: "), "\(line)")
                #expect(!line.contains("/step") && !line.contains("━") && !line.contains("s -"), "a time in \(line)")
            }
        }
    }

    @Test func verboseZeroPrintsNothing() throws {
        let result = try KisoBinary.run(["-e", Self.model + "\nh = m.fit(x, y, epochs=3, verbose=0)\n"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "")
    }
}

/// `fit` in the REPL on a real terminal (tmux).
@Suite(.enabled(if: TerminalSession.isAvailable, "tmux is not installed; the interactive tests need it"))
struct FitProgressTerminalTests {
    static func start() throws -> (TerminalSession, TemporaryDirectory) {
        let directory = try TemporaryDirectory()
        let environment = [
            "HOME": directory.path("home"), "XDG_STATE_HOME": directory.path("state"),
            "KISO_HOME": directory.path("kiso"),
        ]
        let kiso = try TerminalSession([], environment: environment, width: 160, height: 50)
        #expect(kiso.waitFor("kiso> ").ok)
        for line in FitProgressTests.model.split(separator: "\n") { try kiso.enter(String(line)) }
        #expect(kiso.waitFor("kiso> ", count: 4).ok)
        return (kiso, directory)
    }

    @Test func eachEpochLeavesKerassFinishedBar() throws {
        let (kiso, directory) = try Self.start()
        defer { directory.remove() }
        try kiso.enter("h = m.fit(x, y, epochs=3, batch_size=16, validation_split=0.25)")
        let done = kiso.waitFor("kiso> ", count: 5)
        #expect(done.ok, "\(done.screen)")
        let after = lines(of: done.screen, after: "validation_split=0.25)")
        #expect(after.count >= 6, "\(done.screen)")
        for epoch in 1...3 where after.count >= 6 {
            #expect(after[2 * epoch - 2] == "Epoch \(epoch)/3", "\(done.screen)")
            let bar = after[2 * epoch - 1]
            #expect(bar.hasPrefix("3/3 ━━━━━━━━━━━━━━━━━━━━ "), "\(bar)")
            #expect(bar.contains("s/step - accuracy: ") && bar.contains(" - val_loss: "), "\(bar)")
        }
        try kiso.enter("len(h.history[\"loss\"])")
        #expect(kiso.waitFor("\n3\n").ok)
        try kiso.press("C-d")
        #expect(kiso.waitForExit())
    }

    @Test func ctrlCDuringALongFitKeepsTheModelAndTheHistory() throws {
        let (kiso, directory) = try Self.start()
        defer { directory.remove() }
        try kiso.enter(
            "big = randn(200000, 2); h = m.fit(big, (big[:, 0] > 0) * 1.0, epochs=2, batch_size=1, live_plot=true)")
        let running = kiso.waitFor(timeout: 60) {
            $0.contains("/200000 ━") && $0.contains("- loss: ") && $0.contains("┤")
        }
        #expect(running.ok, "no bar or curve:\n\(running.screen)")
        #expect(running.screen.contains("Epoch 1/2"), "\(running.screen)")
        try kiso.press("C-c")
        let stopped = kiso.waitFor("kiso> ", count: 5)
        #expect(stopped.ok, "\(stopped.screen)")
        // The stopped epoch's bar stays, finished with its time; the live block (curve) is gone.
        let after = lines(of: stopped.screen, after: "live_plot=true)")
        #expect(after.first == "Epoch 1/2", "\(stopped.screen)")
        #expect(after.count >= 2 && after[1].contains("/200000 ━") && after[1].contains("s/step"), "\(stopped.screen)")
        #expect(!stopped.screen.contains("┤") && !stopped.screen.contains("interrupted"), "\(stopped.screen)")
        try kiso.enter("[len(h.history[\"loss\"]), m.predict(big[:3]).shape]")
        #expect(kiso.waitFor("[1, (3, 1)]").ok, "\(kiso.screen())")
        try kiso.press("C-d")
        #expect(kiso.waitForExit())
    }
}
