import KisoLang
import KisoTensor
import Testing

/// The distribution methods as a Kiso program calls them: arguments bound by position and name,
/// defaults, and the same values the engine's Generator (tested against NumPy) draws.
@Suite("Generator distribution methods in the language")
struct RandomDistributionMethodTests {
    /// The echo of `expression` evaluated after `rng = default_rng(seed)`.
    func draw(_ expression: String, seed: Int = 7) -> String {
        let harness = Harness()
        harness.run("rng = default_rng(\(seed))")
        return harness.run(expression)
    }

    /// An engine tensor as the session echoes it.
    func repr(_ t: Tensor) -> String { t.str() }

    @Test func methodsMatchTheEngine() throws {
        #expect(
            draw("rng.binomial(1000, 0.3, 4)")
                == repr(try Generator(seed: 7).binomial(n: Tensor(1000), p: Tensor(0.3), size: [4])))
        #expect(
            draw("rng.poisson(lam=12.5, size=[2, 2])")
                == repr(try Generator(seed: 7).poisson(lam: Tensor(12.5), size: [2, 2])))
        #expect(draw("rng.gamma(0.5, size=3)") == repr(try Generator(seed: 7).gamma(shape: Tensor(0.5), size: [3])))
        #expect(
            draw("rng.beta([0.5, 2], 3)") == repr(try Generator(seed: 7).beta(a: Tensor([0.5, 2]), b: Tensor(3.0))))
        #expect(draw("rng.exponential()") == repr(try Generator(seed: 7).exponential()))
        #expect(draw("rng.standard_exponential(2)") == repr(try Generator(seed: 7).standardExponential([2])))
        #expect(
            draw("rng.standard_gamma(2.5, 2)")
                == repr(try Generator(seed: 7).standardGamma(shape: Tensor(2.5), size: [2])))
        #expect(
            draw("rng.dirichlet([1, 2, 3], 2)")
                == repr(try Generator(seed: 7).dirichlet(alpha: Tensor([1, 2, 3]), size: [2])))
        let cov = try Tensor(shape: [2, 2], scalars: [1, 0.5, 0.5, 2])
        #expect(
            draw("rng.multivariate_normal([0, 1], [[1, 0.5], [0.5, 2]], 2, method=\"cholesky\")")
                == repr(
                    try Generator(seed: 7).multivariateNormal(
                        mean: Tensor([0, 1]), cov: cov, size: [2], method: .cholesky)))
    }

    @Test func badArgumentsAreExplained() {
        let harness = Harness()
        harness.run("rng = default_rng(0)")
        #expect(harness.error("rng.binomial(10, 1.5)").contains("binomial: p is 1.5, not a probability in [0, 1]"))
        #expect(harness.error("rng.poisson(-2)").contains("poisson: lam is -2.0; a rate must be 0 or more"))
        #expect(harness.error("rng.multivariate_normal([0], [[1]], method=\"qr\")").contains("has no method \"qr\""))
    }
}
