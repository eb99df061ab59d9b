import Glibc
import KisoProbability
import KisoTensor
import Testing

/// Sampling through the Generator, the variational estimators, and the errors for invalid
/// parameters.
@Suite("Sampling, estimators and errors")
struct SamplingAndEstimatorTests {
    @Test func samplesAreTheGeneratorsDraws() throws {
        let normal = try Normal(loc: Variable(Tensor([0.0, 5.0])), scale: Variable(2.0))
        let drawn = try normal.sample(try Generator(seed: 4), [3])
        #expect(drawn.shape == [3, 2])
        #expect(
            drawn.scalars
                == (try Generator(seed: 4).normal(loc: Tensor([0.0, 5.0]), scale: Tensor(2.0), size: [3, 2])).scalars)
        let gamma = try Gamma(concentration: Variable(2.0), rate: Variable(4.0))
        #expect(
            try gamma.sample(try Generator(seed: 5), [6]).scalars
                == (try Generator(seed: 5).gamma(shape: Tensor(2.0), scale: Tensor(0.25), size: [6])).scalars)
        let binomial = try Binomial(totalCount: Variable(20.0), probs: Variable(Tensor([0.1, 0.9])))
        let counts = try binomial.sample(try Generator(seed: 6), [5])
        #expect(counts.dtype == .int64 && counts.shape == [5, 2])
        // rsample of a normal is loc + scale·ε for the generator's standard normals.
        let r = try normal.rsample(try Generator(seed: 4), [3]).value
        let eps = try Generator(seed: 4).standardNormal([3, 2]).scalars
        #expect(r.scalars == (0..<6).map { [0.0, 5.0][$0 % 2] + 2.0 * eps[$0] })
    }

    @Test func sampleFrequenciesFollowTheProbabilities() throws {
        let probs = [0.1, 0.6, 0.3]
        let categorical = try Categorical(probs: Variable(Tensor(probs)))
        let n = 40_000
        let draws = try categorical.sample(try Generator(seed: 9), [n]).scalars
        for (k, p) in probs.enumerated() {
            let frequency = Double(draws.filter { $0 == Double(k) }.count) / Double(n)
            // Five standard errors of a binomial proportion.
            #expect(abs(frequency - p) < 5 * (p * (1 - p) / Double(n)).squareRoot(), "category \(k): \(frequency)")
        }
        let bernoulli = try Bernoulli(logits: Variable(0.0))
        let ones = try bernoulli.sample(try Generator(seed: 2), [n]).scalars.reduce(0, +)
        #expect(abs(ones / Double(n) - 0.5) < 5 * (0.25 / Double(n)).squareRoot())
    }

    @Test func estimators() throws {
        // The IWAE bound of log weights near −1000 is finite and equals log mean exp.
        let logW = try Tensor(shape: [3, 2], scalars: [-1000, -1001, -1002, -1000, -999, -1003])
        let bound = try iwaeBound(Variable(logW)).value.scalars
        let expected: [Double] = [
            -1000 + Glibc.log((1 + Glibc.exp(-2.0) + Glibc.exp(1.0)) / 3),
            -1000 + Glibc.log((Glibc.exp(-1.0) + 1 + Glibc.exp(-3.0)) / 3),
        ]
        for (a, e) in zip(bound, expected) { #expect(abs(a - e) < 1e-12) }
        #expect(try iwaeBound(Variable(logW), axis: 1).value.shape == [3])
        #expect(throws: TensorError.self) { try iwaeBound(Variable(logW), axis: 2) }

        // kl_normal is the Normal–Normal KL summed over the last axis.
        let mu = Tensor([0.3, -1.0])
        let logvar = Tensor([0.2, -0.4])
        let summed = try klNormal(Variable(mu), Variable(logvar)).value.scalars[0]
        let pairwise = try klDivergence(
            try Normal(loc: Variable(mu), scale: Variable(try Tensor.multiply(logvar, Tensor(0.5)).exp())),
            try Normal(loc: Variable(0.0), scale: Variable(1.0))
        ).value.scalars.reduce(0, +)
        #expect(abs(summed - pairwise) < 1e-14)

        let (mean, standardError) = try mcMean(Tensor([1.0, 2.0, 3.0, 4.0]))
        #expect(mean.scalars == [2.5])
        #expect(abs(standardError.scalars[0] - (5.0 / 3.0).squareRoot() / 2) < 1e-15)
        #expect(throws: TensorError.self) { try mcMean(Tensor([1.0])) }
    }

    func expectError(_ prefix: String, _ body: () throws -> Any) {
        do {
            _ = try body()
            Issue.record("\(prefix): expected an error")
        } catch let error as TensorError {
            #expect(error.message.hasPrefix(prefix), "\(error.message)")
            #expect(error.hint != nil)
        } catch {
            Issue.record("\(prefix): unexpected \(error)")
        }
    }

    @Test func invalidParametersAreRefused() throws {
        expectError("Normal: scale must be positive") { try Normal(loc: Variable(0.0), scale: Variable(0.0)) }
        expectError("Normal") {
            try Normal(loc: Variable(Tensor([1.0, 2.0])), scale: Variable(Tensor([1.0, 2.0, 3.0])))
        }
        expectError("Bernoulli: p must be in [0, 1]") { try Bernoulli(probs: Variable(1.5)) }
        expectError("Binomial: n must be a whole number") {
            try Binomial(totalCount: Variable(2.5), probs: Variable(0.5))
        }
        expectError("Poisson: rate must be 0 or more") { try Poisson(rate: Variable(-1.0)) }
        expectError("Beta: a must be positive") { try Beta(a: Variable(0.0), b: Variable(1.0)) }
        expectError("Gamma: rate must be positive") { try Gamma(concentration: Variable(1.0), rate: Variable(-2.0)) }
        expectError("Uniform: high - low must be positive") { try Uniform(low: Variable(1.0), high: Variable(1.0)) }
        expectError("StudentT: df must be positive") {
            try StudentT(df: Variable(0.0), loc: Variable(0.0), scale: Variable(1.0))
        }
        expectError("Categorical: the sum of each row") { try Categorical(probs: Variable(Tensor([0.0, 0.0]))) }
        let indefinite = try Tensor(shape: [2, 2], scalars: [1, 2, 2, 1])
        expectError("MultivariateNormal: cov is not positive definite") {
            try MultivariateNormal(mean: Variable(Tensor([0.0, 0.0])), cov: Variable(indefinite))
        }
        let beta = try Beta(a: Variable(2.0), b: Variable(2.0))
        expectError("Beta.rsample") { try beta.rsample(try Generator(seed: 0), [2]) }
        expectError("Beta.cdf") { try beta.cdf(Variable(0.5)) }
        expectError("kl_divergence: no closed form for KL(Beta ‖ Normal)") {
            try klDivergence(beta, try Normal(loc: Variable(0.0), scale: Variable(1.0)))
        }
    }
}
