import Foundation
import KisoProbability
import KisoTensor
import KisoTestSupport
import Testing

/// Every distribution family against scipy.stats, and the closed-form KL divergences against
/// numerical integration (Tests/Fixtures/probability_scipy.json, from
/// scripts/gen_probability_fixtures.py), at ordinary and extreme parameters.
@Suite("Distributions against SciPy")
struct ScipyFixtureTests {
    static func root() throws -> [String: Any] { try Fixture.root("probability_scipy") }

    /// A parameter as a constant variable: a number or a nested list.
    static func variable(_ any: Any?) throws -> Variable {
        if let list = any as? [Any] {
            let rows = try list.map { try variable($0).value }
            return Variable(
                try Tensor(shape: [rows.count] + (rows.first?.shape ?? []), scalars: rows.flatMap(\.scalars)))
        }
        guard let value = Fixture.double(any) else { throw FixtureError.malformed("parameter") }
        return Variable(value)
    }

    static func make(_ family: String, _ p: [String: Any]) throws -> Distribution {
        func v(_ key: String) throws -> Variable { try variable(p[key]) }
        switch family {
        case "Normal": return try Normal(loc: v("loc"), scale: v("scale"))
        case "Bernoulli": return try Bernoulli(probs: v("probs"))
        case "Binomial": return try Binomial(totalCount: v("total_count"), probs: v("probs"))
        case "Poisson": return try Poisson(rate: v("rate"))
        case "Beta": return try Beta(a: v("a"), b: v("b"))
        case "Gamma": return try Gamma(concentration: v("concentration"), rate: v("rate"))
        case "Uniform": return try Uniform(low: v("low"), high: v("high"))
        case "StudentT": return try StudentT(df: v("df"), loc: v("loc"), scale: v("scale"))
        case "Laplace": return try Laplace(loc: v("loc"), scale: v("scale"))
        case "Categorical": return try Categorical(probs: v("probs"))
        case "MultivariateNormal": return try MultivariateNormal(mean: v("mean"), cov: v("cov"))
        default: throw FixtureError.malformed(family)
        }
    }

    /// Relative agreement 1e-9 (absolute 1e-12 near 0); NaN and infinities must match exactly.
    static func expectClose(_ actual: [Double], _ expected: [Double], _ label: String, rtol: Double = 1e-9) {
        #expect(actual.count == expected.count, "\(label): count")
        for (i, (a, e)) in zip(actual, expected).enumerated() where !close(a, e, rtol: rtol, atol: 1e-12) {
            Issue.record("\(label)[\(i)]: \(a), SciPy gives \(e)")
        }
    }

    @Test func everyFamilyMatchesSciPy() throws {
        let cases = try Fixture.cases("probability_scipy")
        let families = Set(cases.compactMap { $0["family"] as? String })
        #expect(families.count == 11)
        for c in cases {
            let family = c["family"] as? String ?? ""
            let params = c["params"] as? [String: Any] ?? [:]
            let label = "\(family) \(params)"
            let d = try Self.make(family, params)
            let x = try Self.variable(c["x"])
            Self.expectClose(try d.logProb(x).value.scalars, Fixture.doubles(c["log_prob"]), "\(label) log_prob")
            if c["cdf"] != nil {
                Self.expectClose(try d.cdf(x).value.scalars, Fixture.doubles(c["cdf"]), "\(label) cdf")
            }
            Self.expectClose(try d.mean().value.scalars, Fixture.doubles(c["mean"]), "\(label) mean")
            Self.expectClose(try d.variance().value.scalars, Fixture.doubles(c["variance"]), "\(label) variance")
            Self.expectClose(try d.entropy().value.scalars, Fixture.doubles(c["entropy"]), "\(label) entropy")
        }
    }

    /// Batches of multivariate normals: a batch of means with one covariance, one mean with a
    /// batch of covariances, batches that broadcast to a larger one (4, 3), and draws of a sample
    /// shape before the batch; log_prob, entropy and variance per member against SciPy, and the
    /// KL between two batches.
    @Test func batchedMultivariateNormalMatchesSciPy() throws {
        let batched = try Self.root()["batched_mvn"] as? [String: Any] ?? [:]
        let cases = batched["cases"] as? [[String: Any]] ?? []
        #expect(cases.count == 4)
        for (n, c) in cases.enumerated() {
            let d = try MultivariateNormal(mean: Self.variable(c["mean"]), cov: Self.variable(c["cov"]))
            let batchShape = (c["batch_shape"] as? [Any] ?? []).compactMap { Fixture.double($0).map(Int.init) }
            #expect(d.batchShape == batchShape, "case \(n): batch shape \(d.batchShape)")
            let x = try Self.variable(c["x"])
            Self.expectClose(try d.logProb(x).value.scalars, Fixture.doubles(c["log_prob"]), "case \(n) log_prob")
            Self.expectClose(try d.entropy().value.scalars, Fixture.doubles(c["entropy"]), "case \(n) entropy")
            Self.expectClose(try d.variance().value.scalars, Fixture.doubles(c["variance"]), "case \(n) variance")
            let draws = try d.sample(try Generator(seed: 0), [7])
            #expect(draws.shape == [7] + batchShape + [d.dimension], "case \(n): sample shape \(draws.shape)")
        }
        let kl = batched["kl"] as? [String: Any] ?? [:]
        let p = try MultivariateNormal(mean: Self.variable(kl["p_mean"]), cov: Self.variable(kl["p_cov"]))
        let q = try MultivariateNormal(mean: Self.variable(kl["q_mean"]), cov: Self.variable(kl["q_cov"]))
        Self.expectClose(try klDivergence(p, q).value.scalars, Fixture.doubles(kl["kl"]), "batched KL", rtol: 1e-8)
    }

    /// The families without a closed-form cdf say so, name themselves and suggest sampling.
    @Test func familiesWithoutClosedFormCdfSaySo() throws {
        let x = Variable(0.5)
        let families: [Distribution] = [
            try MultivariateNormal(mean: Variable(Tensor([0.0, 0.0])), cov: Variable(try Tensor(shape: [2, 2], scalars: [1, 0, 0, 1]))),
            try Categorical(probs: Variable(Tensor([0.2, 0.8]))),
            try Binomial(totalCount: Variable(10.0), probs: Variable(0.3)),
            try Poisson(rate: Variable(2.0)),
            try Beta(a: Variable(2.0), b: Variable(5.0)),
            try Gamma(concentration: Variable(2.0), rate: Variable(1.0)),
            try StudentT(df: Variable(3.0), loc: Variable(0.0), scale: Variable(1.0)),
        ]
        for d in families {
            do {
                _ = try d.cdf(x)
                Issue.record("\(d.name).cdf should fail")
            } catch let error as TensorError {
                #expect(error.message.contains("\(d.name).cdf: the \(d.name) distribution has no closed-form cdf"))
                #expect(error.hint?.contains("sample") == true)
            }
        }
    }

    /// Batches that do not broadcast are refused with the shapes named.
    @Test func batchedMultivariateNormalShapeErrors() throws {
        let identity = try Tensor(shape: [2, 2], scalars: [1, 0, 0, 1])
        let fourIdentities = try Tensor.stack([identity, identity, identity, identity])
        do {
            _ = try MultivariateNormal(mean: Variable(try Tensor.zeros([3, 2])), cov: Variable(fourIdentities))
            Issue.record("a (3, 2) mean and a (4, 2, 2) covariance should not broadcast")
        } catch let error as TensorError {
            #expect(error.message.contains("the mean's batch shape (3,) and the covariance's (4,) cannot be broadcast"))
        }
        let d = try MultivariateNormal(mean: Variable(try Tensor.zeros([3, 2])), cov: Variable(identity))
        do {
            _ = try d.logProb(Variable(try Tensor.zeros([4, 2])))
            Issue.record("x of shape (4, 2) should not broadcast against the batch (3,)")
        } catch let error as TensorError {
            #expect(error.message.contains("x has shape (4,2), whose vectors cannot be broadcast against the batch shape (3,)"))
        }
    }

    /// Each member of a batch draws exactly what that member alone would draw from the same noise.
    @Test func batchedMultivariateNormalSamplesMember() throws {
        let means = try Tensor(shape: [2, 2], scalars: [1.0, -1.0, 0.0, 3.0])
        let covs = try Tensor(shape: [2, 2, 2], scalars: [2.0, 0.3, 0.3, 1.0, 1.0, -0.4, -0.4, 0.5])
        let batch = try MultivariateNormal(mean: Variable(means), cov: Variable(covs))
        let draws = try batch.sample(try Generator(seed: 5), [3])
        let noise = try Generator(seed: 5).standardNormal([3, 2, 2]).scalars
        for member in 0..<2 {
            let one = try MultivariateNormal(
                mean: Variable(try Tensor(shape: [2], scalars: Array(means.scalars[(2 * member)..<(2 * member + 2)]))),
                cov: Variable(try Tensor(shape: [2, 2], scalars: Array(covs.scalars[(4 * member)..<(4 * member + 4)]))))
            let l = one.scaleTril.value.scalars
            let mu = one.loc.value.scalars
            for row in 0..<3 {
                let z = Array(noise[(row * 4 + member * 2)..<(row * 4 + member * 2 + 2)])
                let expected = [mu[0] + l[0] * z[0], mu[1] + l[2] * z[0] + l[3] * z[1]]
                let actual = Array(draws.scalars[(row * 4 + member * 2)..<(row * 4 + member * 2 + 2)])
                Self.expectClose(actual, expected, "member \(member), draw \(row)", rtol: 1e-14)
            }
        }
    }

    @Test func klDivergencesMatchIntegration() throws {
        let cases = try Self.root()["kl"] as? [[String: Any]] ?? []
        #expect(cases.count >= 15)
        for c in cases {
            let p = c["p"] as? [Any] ?? []
            let q = c["q"] as? [Any] ?? []
            let kl = try klDivergence(try Self.fromList(p), try Self.fromList(q)).value.scalars
            Self.expectClose(kl, Fixture.doubles(c["kl"]), "KL(\(p) ‖ \(q))", rtol: 1e-8)
        }
    }

    static func fromList(_ spec: [Any]) throws -> Distribution {
        let family = spec.first as? String ?? ""
        let args = try spec.dropFirst().map { try variable($0) }
        switch family {
        case "Normal": return try Normal(loc: args[0], scale: args[1])
        case "Beta": return try Beta(a: args[0], b: args[1])
        case "Gamma": return try Gamma(concentration: args[0], rate: args[1])
        case "Bernoulli": return try Bernoulli(probs: args[0])
        case "Categorical": return try Categorical(probs: args[0])
        case "MultivariateNormal": return try MultivariateNormal(mean: args[0], cov: args[1])
        default: throw FixtureError.malformed(family)
        }
    }

    @Test func specialFunctionsMatchSciPy() throws {
        let special = try Self.root()["special"] as? [String: [String: Any]] ?? [:]
        func unary(_ name: String, _ f: (Variable) throws -> Variable) throws {
            let entry = special[name] ?? [:]
            let x = Variable(Tensor(Fixture.doubles(entry["x"])))
            Self.expectClose(try f(x).value.scalars, Fixture.doubles(entry["y"]), name, rtol: 1e-12)
        }
        try unary("lgamma") { try $0.lgamma() }
        try unary("digamma") { try $0.digamma() }
        try unary("trigamma") { try $0.polygamma(1) }
        try unary("tetragamma") { try $0.polygamma(2) }
        try unary("log_ndtr") { try $0.logNdtr() }
        try unary("log1mexp") { try $0.log1mexp() }
        func binary(_ name: String, _ f: (Variable, Variable) throws -> Variable) throws {
            let entry = special[name] ?? [:]
            let a = Variable(Tensor(Fixture.doubles(entry["a"])))
            let b = Variable(Tensor(Fixture.doubles(entry["b"])))
            Self.expectClose(try f(a, b).value.scalars, Fixture.doubles(entry["y"]), name, rtol: 1e-12)
        }
        try binary("betaln", betaln)
        try binary("logaddexp", logaddexp)
    }
}
