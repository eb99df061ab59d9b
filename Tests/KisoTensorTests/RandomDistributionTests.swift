import Foundation
import KisoTestSupport
import Testing

@testable import KisoTensor

/// The Generator's distribution methods against NumPy 2's `Generator`, whole streams at a time
/// (Tests/Fixtures/random_distributions.json, from scripts/gen_probability_fixtures.py): every
/// value's bits through a checksum, values at a stride so a failure says where the streams
/// part, and the `random()` that follows so the number of words consumed is checked too.
@Suite("Generator distributions against NumPy")
struct RandomDistributionTests {
    static func cases() throws -> [[String: Any]] { try Fixture.cases("random_distributions") }

    /// A fixture argument as a tensor: a number or a nested list of numbers.
    static func tensor(_ any: Any?) throws -> Tensor {
        if let list = any as? [Any] {
            let rows = try list.map { try tensor($0) }
            if rows.isEmpty { return try Tensor(shape: [0], scalars: []) }
            return try Tensor(shape: [rows.count] + rows[0].shape, scalars: rows.flatMap(\.scalars))
        }
        guard let value = Fixture.double(any) else { throw FixtureError.malformed("argument") }
        return Tensor(value)
    }

    static func size(_ any: Any?) -> [Int]? { any as? [Int] }

    /// Calls the method a case names on `rng`.
    static func draw(_ rng: Generator, _ method: String, _ args: [String: Any]) throws -> Tensor {
        let size = Self.size(args["size"])
        switch method {
        case "standard_exponential": return try rng.standardExponential(size)
        case "exponential": return try rng.exponential(scale: try tensor(args["scale"]), size: size)
        case "standard_gamma": return try rng.standardGamma(shape: try tensor(args["shape"]), size: size)
        case "gamma":
            return try rng.gamma(shape: try tensor(args["shape"]), scale: try tensor(args["scale"]), size: size)
        case "beta": return try rng.beta(a: try tensor(args["a"]), b: try tensor(args["b"]), size: size)
        case "poisson": return try rng.poisson(lam: try tensor(args["lam"]), size: size)
        case "binomial": return try rng.binomial(n: try tensor(args["n"]), p: try tensor(args["p"]), size: size)
        case "standard_t": return try rng.standardT(df: try tensor(args["df"]), size: size)
        case "laplace":
            return try rng.laplace(loc: try tensor(args["loc"]), scale: try tensor(args["scale"]), size: size)
        case "dirichlet": return try rng.dirichlet(alpha: try tensor(args["alpha"]), size: size)
        case "multivariate_normal":
            guard let name = args["method"] as? String, let method = Generator.CovarianceFactor(rawValue: name) else {
                throw FixtureError.malformed("method")
            }
            return try rng.multivariateNormal(
                mean: try tensor(args["mean"]), cov: try tensor(args["cov"]), size: size, method: method)
        default: throw FixtureError.malformed("method \(method)")
        }
    }

    static func words(_ values: [Double], dtype: String) -> [UInt64] {
        dtype == "int64" ? values.map { UInt64(bitPattern: Int64($0)) } : values.map(\.bitPattern)
    }

    static func expectedValues(_ any: Any?, dtype: String) throws -> [Double] {
        guard let list = any as? [Any] else { throw FixtureError.malformed("values") }
        if dtype == "int64" {
            return try list.map {
                guard let text = $0 as? String, let value = Int64(text) else { throw FixtureError.malformed("int") }
                return Double(value)
            }
        }
        return Fixture.doubles(list)
    }

    @Test func fixtureCoversEveryMethod() throws {
        let methods = Set(try Self.cases().compactMap { $0["method"] as? String })
        #expect(
            methods == [
                "standard_exponential", "exponential", "standard_gamma", "gamma", "beta", "poisson", "binomial",
                "dirichlet", "multivariate_normal", "standard_t", "laplace",
            ])
    }

    @Test(arguments: 0..<47)
    func stream(_ index: Int) throws {
        let cases = try Self.cases()
        try #require(index < cases.count)
        let entry = cases[index]
        let method = entry["method"] as? String ?? ""
        let args = entry["args"] as? [String: Any] ?? [:]
        let seed = try RandomFixture.int(entry["seed"])
        let dtype = entry["dtype"] as? String ?? "float64"
        let label = "\(method) \(args) (seed \(seed))"
        let rng = try Generator(seed: seed)
        let result = try Self.draw(rng, method, args)
        #expect(result.shape == (entry["shape"] as? [Int] ?? []), "\(label): shape")
        #expect(result.dtype == (dtype == "int64" ? .int64 : .float64), "\(label): dtype")
        let values = result.scalars
        #expect(values.count == (try RandomFixture.int(entry["count"])), "\(label): count")
        let next = try rng.random().scalars[0]
        #expect(next == Fixture.double(entry["next_random"]), "\(label): the stream position after the call")
        let stride = try RandomFixture.int(entry["stride"])
        let sampled = try Self.expectedValues(entry["sampled"], dtype: dtype)
        let actual = Swift.stride(from: 0, to: values.count, by: stride).map { values[$0] }
        #expect(actual.count == sampled.count, "\(label): sampled count")
        if entry["exact"] as? Bool ?? true {
            if let i = (0..<min(sampled.count, actual.count)).first(where: {
                sampled[$0].bitPattern != actual[$0].bitPattern && !(sampled[$0].isNaN && actual[$0].isNaN)
            }) {
                Issue.record("\(label): value \(i * stride) is \(actual[i]), NumPy gives \(sampled[i])")
            }
            let expected = try RandomFixture.uint64(entry["checksum"] as? String ?? "")
            #expect(
                RandomStreamTests.checksum(Self.words(values, dtype: dtype)) == expected, "\(label): checksum")
        } else {
            let expected = try Self.expectedValues(entry["values"], dtype: dtype)
            let reference = try Tensor(shape: [expected.count], scalars: expected)
            let got = try Tensor(shape: [values.count], scalars: values)
            if let problem = mismatch(got, reference, rtol: 1e-12, atol: 1e-12) {
                Issue.record("\(label): \(problem)")
            }
        }
    }
}

/// Invalid parameters of the distribution methods: each refused before anything is drawn, with
/// a message naming the method and the offending value.
@Suite("Generator distribution errors")
struct RandomDistributionErrorTests {
    func expectError(_ op: String, kind: TensorError.Kind = .value, _ body: () throws -> Any) {
        do {
            _ = try body()
            Issue.record("\(op): expected an error")
        } catch let error as TensorError {
            #expect(error.kind == kind, "\(op): \(error)")
            #expect(error.message.hasPrefix(op), "\(op): \(error.message)")
            #expect(error.hint != nil, "\(op): no hint")
        } catch {
            Issue.record("\(op): unexpected \(error)")
        }
    }

    @Test func invalidParameters() throws {
        let rng = try Generator(seed: 0)
        expectError("exponential") { try rng.exponential(scale: Tensor([1.0, -1.0])) }
        expectError("standard_gamma") { try rng.standardGamma(shape: Tensor(-0.5)) }
        expectError("gamma") { try rng.gamma(shape: Tensor(2.0), scale: Tensor(-1.0)) }
        expectError("beta") { try rng.beta(a: Tensor(0.0), b: Tensor(1.0)) }
        expectError("beta") { try rng.beta(a: Tensor(1.0), b: Tensor(-2.0)) }
        expectError("poisson") { try rng.poisson(lam: Tensor(-1.0)) }
        expectError("poisson") { try rng.poisson(lam: Tensor(.nan)) }
        expectError("poisson") { try rng.poisson(lam: Tensor(1e19)) }
        expectError("binomial") { try rng.binomial(n: Tensor(-3.0), p: Tensor(0.5)) }
        expectError("binomial") { try rng.binomial(n: Tensor(2.5), p: Tensor(0.5)) }
        expectError("binomial") { try rng.binomial(n: Tensor(.infinity), p: Tensor(0.5)) }
        expectError("binomial") { try rng.binomial(n: Tensor(10.0), p: Tensor(1.5)) }
        expectError("binomial") { try rng.binomial(n: Tensor(10.0), p: Tensor(.nan)) }
        expectError("binomial", kind: .shape) {
            try rng.binomial(n: Tensor([1.0, 2.0]), p: Tensor([0.5, 0.5, 0.5]))
        }
        expectError("dirichlet") { try rng.dirichlet(alpha: Tensor([1.0, -1.0])) }
        expectError("dirichlet", kind: .shape) { try rng.dirichlet(alpha: Tensor(1.0)) }
        let mean = Tensor([0.0, 0.0])
        expectError("multivariate_normal", kind: .shape) {
            try rng.multivariateNormal(mean: mean, cov: Tensor([1.0, 1.0]))
        }
        let indefinite = try Tensor(shape: [2, 2], scalars: [1, 2, 2, 1])
        expectError("multivariate_normal") { try rng.multivariateNormal(mean: mean, cov: indefinite) }
        expectError("multivariate_normal") {
            try rng.multivariateNormal(mean: mean, cov: indefinite, method: .eigh)
        }
        expectError("cholesky", kind: .linalg) {
            try rng.multivariateNormal(mean: mean, cov: indefinite, method: .cholesky)
        }
        // Nothing was drawn by the refused calls: the stream is where a fresh one starts.
        #expect(try rng.random().scalars == (try Generator(seed: 0).random().scalars))
    }

    @Test func choleskyFactorsBatches() throws {
        let a = try Tensor(shape: [2, 2, 2], scalars: [4, 2, 2, 3, 9, 0, 0, 16])
        let l = try Linalg.cholesky(a)
        #expect(l.scalars == [2, 0, 1, 2.0.squareRoot(), 3, 0, 0, 4])
        let rebuilt = try l.matmul(try l.transposed([0, 2, 1]))
        #expect(mismatch(rebuilt, a) == nil)
    }
}
