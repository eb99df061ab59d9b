import Testing

@testable import KisoLang

/// A rough timing of the interpreter's overhead on the course's attention step; the number is
/// printed for docs/performance.md, and only a generous bound is checked so debug builds pass.
@Suite struct PerformanceTests {
    @Test func attentionLoop() throws {
        let session = Session { _ in }
        let setup = session.run(
            "rng = default_rng(1); Q = rng.normal(0, 1, [4, 8]); K = rng.normal(0, 1, [4, 8]); V = rng.normal(0, 1, [4, 8])"
        )
        #expect(setup.error == nil)
        let clock = ContinuousClock()
        let n = 100_000
        let elapsed = clock.measure {
            let result = session.run("for i in range(\(n))\n out = softmax(Q @ K.T / sqrt(8)) @ V\nend")
            #expect(result.error == nil)
        }
        print("attention loop: \(n) iterations in \(elapsed)")
        #expect(elapsed < .seconds(120))
    }
}
