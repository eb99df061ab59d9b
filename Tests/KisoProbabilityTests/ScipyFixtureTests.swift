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
