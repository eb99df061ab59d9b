import Foundation
import Testing

import KisoTestSupport
@testable import KisoTensor

@Suite("Generator (default_rng) against NumPy")
struct RandomGeneratorTests {
    static func makeGenerator(_ entry: [String: Any]) throws -> Generator {
        if let words = entry["entropy"] as? [Int] {
            return Generator(entropy: words.map { UInt32($0) })
        }
        guard let seedText = entry["seed"] as? String else { throw FixtureError.malformed("seed") }
        return Generator(seed: try RandomFixture.uint64(seedText))
    }

    /// Replays one recorded call on `rng` and compares it with NumPy's result.
    static func replay(_ call: [String: Any], on rng: Generator, label: String) throws {
        guard let method = call["method"] as? String, let args = call["args"] as? [String: Any] else {
            throw FixtureError.malformed("call")
        }
        let expected = try RandomFixture.expected(call["result"])
        let size = RandomFixture.size(args["size"])
        let label = "\(label) \(method) \(args)"
        switch method {
        case "random":
            RandomFixture.check(try rng.random(size), expected, label)
        case "integers":
            let low = try RandomFixture.int(args["low"])
            let high = try RandomFixture.optionalInt(args["high"])
            let endpoint = args["endpoint"] as? Bool ?? false
            if case .integers(let shape, let values) = expected, !RandomFixture.fitsDouble(values) {
                // Beyond 2⁵³ a tensor cannot hold the values exactly; compare the raw draws.
                let count = shape.reduce(1, *)
                let actual = try rng.drawIntegers(low, high, count: count, endpoint: endpoint)
                RandomFixture.check(actual, expected, label)
            } else {
                RandomFixture.check(
                    try rng.integers(low, high, size: size, endpoint: endpoint), expected, label)
            }
        case "standard_normal":
            RandomFixture.check(try rng.standardNormal(size), expected, label)
        case "normal":
            let loc = Fixture.double(args["loc"]) ?? .nan
            let scale = Fixture.double(args["scale"]) ?? .nan
            RandomFixture.check(try rng.normal(loc: loc, scale: scale, size: size), expected, label)
        case "normal_tensor":
            let loc = try Fixture.tensor(args["loc"])
            let scale = try Fixture.tensor(args["scale"])
            RandomFixture.check(try rng.normal(loc: loc, scale: scale, size: size), expected, label)
        case "uniform":
            let low = Fixture.double(args["low"]) ?? .nan
            let high = Fixture.double(args["high"]) ?? .nan
            RandomFixture.check(try rng.uniform(low: low, high: high, size: size), expected, label)
        case "uniform_tensor":
            let low = try Fixture.tensor(args["low"])
            let high = try Fixture.tensor(args["high"])
            RandomFixture.check(try rng.uniform(low: low, high: high, size: size), expected, label)
        case "choice":
            let a = try RandomFixture.int(args["a"])
            let result = try rng.choice(
                a, size: size, replace: args["replace"] as? Bool ?? true,
                p: RandomFixture.probabilities(args["p"]), shuffle: args["shuffle"] as? Bool ?? true)
            RandomFixture.check(result, expected, label)
        case "choice_tensor":
            let a = try Fixture.tensor(args["a"])
            let result = try rng.choice(
                a, size: size, replace: args["replace"] as? Bool ?? true,
                p: RandomFixture.probabilities(args["p"]), shuffle: args["shuffle"] as? Bool ?? true)
            RandomFixture.check(result, expected, label)
        case "permutation":
            RandomFixture.check(try rng.permutation(try RandomFixture.int(args["n"])), expected, label)
        case "permutation_tensor":
            RandomFixture.check(try rng.permutation(try Fixture.tensor(args["x"])), expected, label)
        case "shuffle":
            var x = try Fixture.tensor(args["x"])
            try rng.shuffle(&x)
            RandomFixture.check(x, expected, label)
        default:
            Issue.record("unknown method \(method)")
        }
    }

    @Test func scriptedStreamsMatchNumPy() throws {
        let cases = try Fixture.cases("random_generator").filter { $0["calls"] != nil }
        #expect(cases.count == 9)
        for entry in cases {
            let rng = try Self.makeGenerator(entry)
            let label = "seed \(entry["seed"] ?? entry["entropy"] ?? "?")"
            guard let calls = entry["calls"] as? [[String: Any]] else {
                throw FixtureError.malformed("calls")
            }
            for call in calls { try Self.replay(call, on: rng, label: label) }
        }
    }

    @Test func seedSequenceStateMatchesNumPy() throws {
        let cases = try Fixture.cases("random_generator").filter { $0["seed_sequence_state"] != nil }
        #expect(cases.count == 3)
        for entry in cases {
            guard let seedText = entry["seed"] as? String,
                let state = entry["seed_sequence_state"] as? [String]
            else {
                throw FixtureError.malformed("seed_sequence_state")
            }
            let words = SeedSequence.words(of: try RandomFixture.uint64(seedText))
            let actual = SeedSequence(entropy: words).generateState64(count: 4)
            #expect(actual == (try state.map { try RandomFixture.uint64($0) }), "seed \(seedText)")
        }
    }

    @Test func intAndUInt64SeedsAgree() throws {
        let a = try Generator(seed: 12345).random([4])
        let b = Generator(seed: UInt64(12345)).random
        #expect(try a.scalars == b([4]).scalars)
        let c = try Generator(seed: 0).standardNormal([3])
        let d = Generator(entropy: [0])
        #expect(try c.scalars == d.standardNormal([3]).scalars)
    }

    @Test func scalarDrawsAreZeroDimensional() throws {
        let rng = try Generator(seed: 3)
        #expect(try rng.random().shape == [])
        #expect(try rng.integers(5).shape == [])
        #expect(try rng.integers(5).dtype == .int64)
        #expect(try rng.normal().shape == [])
        #expect(try rng.choice(4).shape == [])
        #expect(try rng.random([0]).shape == [0])
        #expect(try rng.integers(0, 3, size: [2, 0]).shape == [2, 0])
    }

    @Test func sharedStreamAcrossCopiesOfTheReference() throws {
        let rng = try Generator(seed: 9)
        let alias = rng
        let first = try rng.random()
        let second = try alias.random()
        #expect(first.scalars != second.scalars)
        let fresh = try Generator(seed: 9)
        #expect(try fresh.random([2]).scalars == first.scalars + second.scalars)
    }
}
