import Foundation
import KisoTestSupport
import Testing

@testable import KisoTensor

@Suite("RandomState (legacy) against NumPy")
struct RandomLegacyTests {
    /// Replays one recorded call on `rs` and compares it with NumPy's result.
    static func replay(_ call: [String: Any], on rs: RandomState, label: String) throws {
        guard let method = call["method"] as? String, let args = call["args"] as? [String: Any] else {
            throw FixtureError.malformed("call")
        }
        let expected = try RandomFixture.expected(call["result"])
        let size = RandomFixture.size(args["size"])
        let label = "\(label) \(method) \(args)"
        switch method {
        case "random_sample":
            RandomFixture.check(try rs.randomSample(size), expected, label)
        case "rand":
            let shape = args["shape"] as? [Int] ?? []
            RandomFixture.check(try rs.randomSample(shape), expected, label)
        case "randn":
            let shape = args["shape"] as? [Int] ?? []
            RandomFixture.check(try rs.standardNormal(shape), expected, label)
        case "standard_normal":
            RandomFixture.check(try rs.standardNormal(size), expected, label)
        case "normal":
            let loc = Fixture.double(args["loc"]) ?? .nan
            let scale = Fixture.double(args["scale"]) ?? .nan
            RandomFixture.check(try rs.normal(loc: loc, scale: scale, size: size), expected, label)
        case "normal_tensor":
            let loc = try Fixture.tensor(args["loc"])
            let scale = try Fixture.tensor(args["scale"])
            RandomFixture.check(try rs.normal(loc: loc, scale: scale, size: size), expected, label)
        case "uniform":
            let low = Fixture.double(args["low"]) ?? .nan
            let high = Fixture.double(args["high"]) ?? .nan
            RandomFixture.check(try rs.uniform(low: low, high: high, size: size), expected, label)
        case "randint":
            let low = try RandomFixture.int(args["low"])
            let high = try RandomFixture.optionalInt(args["high"])
            if case .integers(let shape, let values) = expected, !RandomFixture.fitsDouble(values) {
                let actual = try rs.drawRandint(low, high, count: shape.reduce(1, *))
                RandomFixture.check(actual, expected, label)
            } else {
                RandomFixture.check(try rs.randint(low, high, size: size), expected, label)
            }
        case "choice":
            let result = try rs.choice(
                try RandomFixture.int(args["a"]), size: size, replace: args["replace"] as? Bool ?? true,
                p: RandomFixture.probabilities(args["p"]))
            RandomFixture.check(result, expected, label)
        case "choice_tensor":
            let result = try rs.choice(
                try Fixture.tensor(args["a"]), size: size, replace: args["replace"] as? Bool ?? true,
                p: RandomFixture.probabilities(args["p"]))
            RandomFixture.check(result, expected, label)
        case "permutation":
            RandomFixture.check(try rs.permutation(try RandomFixture.int(args["n"])), expected, label)
        case "permutation_tensor":
            RandomFixture.check(try rs.permutation(try Fixture.tensor(args["x"])), expected, label)
        case "shuffle":
            var x = try Fixture.tensor(args["x"])
            try rs.shuffle(&x)
            RandomFixture.check(x, expected, label)
        case "poisson":
            let lam = Tensor(Fixture.double(args["lam"]) ?? .nan)
            RandomFixture.check(try rs.poisson(lam: lam, size: size), expected, label)
        case "poisson_tensor":
            RandomFixture.check(try rs.poisson(lam: try Fixture.tensor(args["lam"]), size: size), expected, label)
        case "multivariate_normal":
            let result = try rs.multivariateNormal(
                mean: try Fixture.tensor(args["mean"]), cov: try Fixture.tensor(args["cov"]), size: size)
            RandomFixture.checkClose(result, expected, label)
        default:
            Issue.record("unknown method \(method)")
        }
    }

    @Test func scriptedStreamsMatchNumPy() throws {
        let cases = try Fixture.cases("random_legacy").filter {
            $0["calls"] != nil && $0["module"] == nil
        }
        #expect(cases.count == 7)
        for entry in cases {
            let rs: RandomState
            if let seeds = entry["seeds"] as? [Int] {
                rs = try RandomState(seeds: seeds)
            } else {
                rs = try RandomState(seed: try RandomFixture.int(entry["seed"]))
            }
            let label = "seed \(entry["seed"] ?? "list")"
            guard let calls = entry["calls"] as? [[String: Any]] else {
                throw FixtureError.malformed("calls")
            }
            for call in calls { try Self.replay(call, on: rs, label: label) }
        }
    }

    @Test func reseedingRestartsTheStreamAndDropsTheCachedNormal() throws {
        let rs = try RandomState(seed: 5)
        let first = try rs.randn(3)
        try rs.seed(5)
        // randn(3) left a cached value; after reseeding it must not leak into the new stream.
        #expect(try rs.randn(3).scalars == first.scalars)
        try rs.seed([5])
        let fromList = try rs.rand()
        #expect(try RandomState(seeds: [5]).rand().scalars == fromList.scalars)
    }

    @Test func varargsShapes() throws {
        let rs = try RandomState(seed: 0)
        #expect(try rs.rand().shape == [])
        #expect(try rs.rand(2, 3).shape == [2, 3])
        #expect(try rs.randn(4).shape == [4])
        #expect(try rs.randint(3).dtype == .int64)
    }

    /// make_blobs draws uniform centres, one normal block per centre (loc a row of centres,
    /// broadcast over `size`), then shuffles an index range.
    @Test func makeBlobsRecipe() throws {
        let cases = try Fixture.cases("random_legacy").filter { $0["recipe"] as? String == "blobs" }
        #expect(cases.count == 2)
        for entry in cases {
            let rs = try RandomState(seed: try RandomFixture.int(entry["seed"]))
            let counts = entry["per_center"] as? [Int] ?? []
            let centers = try rs.uniform(low: -10, high: 10, size: [counts.count, 2])
            RandomFixture.check(centers, try RandomFixture.expected(entry["centers"]), "blobs centres")
            var rows: [Double] = []
            var labels: [Double] = []
            for (i, n) in counts.enumerated() {
                let centre = try Tensor(shape: [2], scalars: Array(centers.scalars[(2 * i)..<(2 * i + 2)]))
                rows += try rs.normal(loc: centre, scale: Tensor(1.0), size: [n, 2]).scalars
                labels += [Double](repeating: Double(i), count: n)
            }
            var order = try Tensor(
                shape: [rows.count / 2], scalars: (0..<(rows.count / 2)).map(Double.init), dtype: .int64)
            try rs.shuffle(&order)
            RandomFixture.check(order, try RandomFixture.expected(entry["indices"]), "blobs indices")
            let picked = order.scalars.map { Int($0) }
            let x = try Tensor(
                shape: [picked.count, 2], scalars: picked.flatMap { [rows[2 * $0], rows[2 * $0 + 1]] })
            RandomFixture.check(x, try RandomFixture.expected(entry["X"]), "blobs X")
            let y = try Tensor(shape: [picked.count], scalars: picked.map { labels[$0] }, dtype: .int64)
            RandomFixture.check(y, try RandomFixture.expected(entry["y"]), "blobs y")
        }
    }

    /// make_moons / make_circles shuffle an index range, then add normal noise of the data's
    /// shape.
    @Test func makeMoonsRecipe() throws {
        let cases = try Fixture.cases("random_legacy").filter { $0["recipe"] as? String == "moons" }
        #expect(cases.count == 2)
        for entry in cases {
            let rs = try RandomState(seed: try RandomFixture.int(entry["seed"]))
            var order = try Tensor(shape: [20], scalars: (0..<20).map(Double.init), dtype: .int64)
            try rs.shuffle(&order)
            RandomFixture.check(order, try RandomFixture.expected(entry["indices"]), "moons indices")
            let noise = try rs.normal(scale: 0.1, size: [20, 2])
            RandomFixture.check(noise, try RandomFixture.expected(entry["noise"]), "moons noise")
        }
    }

    /// np.random.seed / rand / randn / … share one locked stream. This is the only test that
    /// touches the global stream, so parallel tests cannot interleave with it.
    @Test func moduleFunctionsMatchNumPy() throws {
        guard let entry = try Fixture.cases("random_legacy").first(where: { $0["module"] != nil }),
            let calls = entry["calls"] as? [[String: Any]]
        else { throw FixtureError.malformed("module") }
        try Random.seed(try RandomFixture.int(entry["seed"]))
        for call in calls {
            guard let method = call["method"] as? String, let args = call["args"] as? [String: Any] else {
                throw FixtureError.malformed("call")
            }
            let expected = try RandomFixture.expected(call["result"])
            let size = RandomFixture.size(args["size"])
            let actual: Tensor
            switch method {
            case "rand":
                let shape = args["shape"] as? [Int] ?? []
                actual = try Random.rand(shape[0], shape[1])
            case "randn":
                let shape = args["shape"] as? [Int] ?? []
                actual = try Random.randn(shape[0])
            case "normal":
                actual = try Random.normal(
                    loc: Fixture.double(args["loc"]) ?? .nan,
                    scale: Fixture.double(args["scale"]) ?? .nan,
                    size: size)
            case "randint":
                actual = try Random.randint(
                    try RandomFixture.int(args["low"]), try RandomFixture.optionalInt(args["high"]),
                    size: size)
            case "permutation":
                actual = try Random.permutation(try RandomFixture.int(args["n"]))
            case "uniform":
                actual = try Random.uniform(
                    low: Fixture.double(args["low"]) ?? .nan,
                    high: Fixture.double(args["high"]) ?? .nan,
                    size: size)
            case "choice":
                actual = try Random.choice(
                    try RandomFixture.int(args["a"]), size: size, replace: args["replace"] as? Bool ?? true,
                    p: RandomFixture.probabilities(args["p"]))
            case "poisson":
                actual = try Random.poisson(lam: Tensor(Fixture.double(args["lam"]) ?? .nan), size: size)
            case "multivariate_normal":
                let result = try Random.multivariateNormal(
                    mean: try Fixture.tensor(args["mean"]), cov: try Fixture.tensor(args["cov"]), size: size)
                RandomFixture.checkClose(result, expected, "np.random.multivariate_normal")
                continue
            case "shuffle":
                var x = try Fixture.tensor(args["x"])
                try Random.shuffle(&x)
                actual = x
            default:
                Issue.record("unknown method \(method)")
                continue
            }
            RandomFixture.check(actual, expected, "np.random.\(method)")
        }
        // The same seed restarts the same stream, including through shuffle.
        try Random.seed(11)
        var a = try Tensor(shape: [6], scalars: (0..<6).map(Double.init), dtype: .int64)
        try Random.shuffle(&a)
        let b = try RandomState(seed: 11).permutation(6)
        #expect(a.scalars == b.scalars)
        #expect(try Random.withState { try $0.randomSample([2]) }.shape == [2])

        // Concurrent callers share the one stream: together they draw exactly the serial values.
        try Random.seed(3)
        let collected = Collected()
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            for _ in 0..<250 {
                if let value = try? Random.rand().scalar { collected.append(value) }
            }
        }
        let serial = try RandomState(seed: 3).rand(1000).scalars
        #expect(collected.values.sorted() == serial.sorted())
    }
}

/// A lock-protected list for values gathered from several threads.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Double] = []
    func append(_ value: Double) { lock.withLock { storage.append(value) } }
    var values: [Double] { lock.withLock { storage } }
}
