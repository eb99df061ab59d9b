import Foundation
import Testing

/// Ctrl-C inside each family of long kernels — a decomposition (one LAPACK call, run in a child
/// process), a random draw, a reduction, a plot of millions of points, BPE training — returns
/// to the prompt with the variables made before it intact. Each kernel takes many seconds on
/// the debug build even on an idle machine, so the Ctrl-C a second in lands inside it.
@Suite(.enabled(if: TerminalSession.isAvailable, "tmux is not installed; the interactive tests need it"))
struct LongKernelInterruptTests {
    /// Runs `setup`, then `long`; presses Ctrl-C a second into `long` and expects `stopped` on
    /// the screen soon after, then `check` to print `expected` (the session is intact).
    private func interrupt(
        setup: String, long: String, stopped: String = "interrupted", check: String, expected: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let sandbox = try InteractiveTests.Sandbox()
        defer { sandbox.directory.remove() }
        let kiso = try TerminalSession([], environment: sandbox.environment.merging(["NO_COLOR": "1"]) { $1 })
        #expect(kiso.waitFor("kiso> ").ok, sourceLocation: sourceLocation)
        try kiso.enter(setup)
        let ready = kiso.waitFor("kiso> ", count: 2, timeout: 120)
        #expect(ready.ok, "\(ready.screen)", sourceLocation: sourceLocation)
        try kiso.enter(long)
        Thread.sleep(forTimeInterval: 1)
        let pressed = Date()
        try kiso.press("C-c")
        let result = kiso.waitFor(stopped, timeout: 30)
        #expect(result.ok, "\(result.screen)", sourceLocation: sourceLocation)
        // About a second on an idle machine; the bound leaves room for a loaded one.
        #expect(Date().timeIntervalSince(pressed) < 10, sourceLocation: sourceLocation)
        #expect(kiso.waitFor("kiso> ", count: 3).ok, sourceLocation: sourceLocation)
        try kiso.enter(check)
        let intact = kiso.waitFor("kiso> \(check)\n\(expected)\n")
        #expect(intact.ok, "\(intact.screen)", sourceLocation: sourceLocation)
        try kiso.enter(":quit")
        #expect(kiso.waitForExit(), sourceLocation: sourceLocation)
    }

    @Test func ctrlCStopsASingularValueDecomposition() throws {
        // One dgesdd call of about a minute; LAPACK cannot stop, so the call runs in a child
        // process that Ctrl-C kills.
        try interrupt(
            setup: "a = ones([3000, 3000]) + eye(3000)", long: "s = svd(a)", check: "a.shape", expected: "(3000, 3000)")
    }

    @Test func ctrlCStopsADeterminantOfALargeMatrix() throws {
        try interrupt(
            setup: "a = default_rng(1).normal(0, 1, [4000, 4000])", long: "d = [det(a), det(a), det(a), det(a)]",
            check: "a.shape", expected: "(4000, 4000)")
    }

    @Test func ctrlCStopsALargeRandomDraw() throws {
        // The hang the 100,000-program campaign found: sixty million normals in one call.
        try interrupt(
            setup: "g = default_rng(0)", long: "r = g.normal(0, 1, [4, 5 * 10^6, 3])", check: "g.integers(5, 6)",
            expected: "5")
    }

    @Test func ctrlCStopsAReductionOverManyRows() throws {
        try interrupt(
            setup: "x = ones([10^8, 2])", long: "m = argmax(x, axis=1)", check: "x.shape", expected: "(100000000, 2)")
    }

    @Test func ctrlCStopsAPlotOfMillionsOfPoints() throws {
        // Drawing stops where it is; the plot says that points are missing.
        try interrupt(
            setup: "x = arange(2 * 10^7)", long: "plot(x, x)", stopped: "drawing stopped by Ctrl-C",
            check: "x.shape", expected: "(20000000,)")
    }

    @Test func ctrlCStopsBPETraining() throws {
        // 300,000 pseudo-random words: training to a large vocabulary takes about ten seconds.
        var state: UInt64 = 1
        var words: [String] = []
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        for _ in 0..<300_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = 3 + Int((state >> 33) % 10)
            var word = ""
            for _ in 0..<length {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                word.append(letters[Int((state >> 33) % 26)])
            }
            words.append(word)
        }
        let corpus = FileManager.default.temporaryDirectory.appendingPathComponent("kiso-corpus-\(getpid()).txt")
        try words.joined(separator: " ").write(to: corpus, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: corpus) }
        try interrupt(
            setup: "text = read_text(\"\(corpus.path)\")",
            long: "t = bpe_train(text, vocab_size=100000, min_frequency=1)", check: "len(text) > 0", expected: "True")
    }
}
