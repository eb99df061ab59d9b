import Foundation
import Testing

import KisoTestSupport
@testable import KisoTensor

/// 100,000-long streams against NumPy: a checksum over every value's bits, plus first, last and
/// strided values so a failure says where the streams part.
@Suite("Random long streams against NumPy")
struct RandomStreamTests {
    /// The order-sensitive hash scripts/gen_random_fixtures.py computes.
    static func checksum<S: Sequence>(_ words: S) -> UInt64 where S.Element == UInt64 {
        var h: UInt64 = 0
        for w in words { h = h &* 6_364_136_223_846_793_005 &+ w &+ 1_442_695_040_888_963_407 }
        return h
    }

    static func entry(_ generator: String, _ method: String) throws -> [String: Any] {
        guard
            let entry = try Fixture.cases("random_streams").first(where: {
                $0["generator"] as? String == generator && $0["method"] as? String == method
            })
        else { throw FixtureError.malformed("\(generator) \(method)") }
        return entry
    }

    static func checkFloats(_ values: [Double], _ entry: [String: Any], _ label: String) throws {
        let stride = try RandomFixture.int(entry["stride"])
        #expect(values.count == (try RandomFixture.int(entry["count"])), "\(label) count")
        #expect(values.first == Fixture.double(entry["first"]), "\(label) first")
        #expect(values.last == Fixture.double(entry["last"]), "\(label) last")
        let sampled = Fixture.doubles(entry["sampled"])
        let actual = Swift.stride(from: 0, to: values.count, by: stride).map { values[$0] }
        if let i = (0..<min(sampled.count, actual.count)).first(where: { sampled[$0] != actual[$0] }) {
            Issue.record("\(label): value \(i * stride) is \(actual[i]), NumPy gives \(sampled[i])")
        }
        #expect(actual.count == sampled.count, "\(label) sampled count")
        let expected = try RandomFixture.uint64(entry["checksum"] as? String ?? "")
        #expect(checksum(values.map(\.bitPattern)) == expected, "\(label) checksum")
    }

    static func checkIntegers(_ values: [Int64], _ entry: [String: Any], _ label: String) throws {
        let stride = try RandomFixture.int(entry["stride"])
        #expect(values.count == (try RandomFixture.int(entry["count"])), "\(label) count")
        #expect(
            values.first == (try RandomFixture.int64(entry["first"] as? String ?? "")), "\(label) first")
        #expect(
            values.last == (try RandomFixture.int64(entry["last"] as? String ?? "")), "\(label) last")
        let sampled = try (entry["sampled"] as? [String] ?? []).map { try RandomFixture.int64($0) }
        let actual = Swift.stride(from: 0, to: values.count, by: stride).map { values[$0] }
        #expect(actual == sampled, "\(label) sampled")
        let expected = try RandomFixture.uint64(entry["checksum"] as? String ?? "")
        #expect(checksum(values.map { UInt64(bitPattern: $0) }) == expected, "\(label) checksum")
    }

    @Test func pcg64RawWords() throws {
        let entry = try Self.entry("pcg64", "raw64")
        let rng = try Generator(seed: 42)
        let words = (0..<100_000).map { _ in rng.bits.nextUInt64() }
        let expected = try RandomFixture.uint64(entry["checksum"] as? String ?? "")
        #expect(words.first == (try RandomFixture.uint64(entry["first"] as? String ?? "")))
        #expect(words.last == (try RandomFixture.uint64(entry["last"] as? String ?? "")))
        #expect(Self.checksum(words) == expected)
    }

    @Test func generatorStandardNormal() throws {
        let values = try Generator(seed: 42).standardNormal([100_000]).scalars
        try Self.checkFloats(values, try Self.entry("pcg64", "standard_normal"), "standard_normal")
    }

    @Test func generatorIntegers() throws {
        let values = try Generator(seed: UInt64(1) << 63).drawIntegers(
            0, 1000, count: 100_000, endpoint: false)
        try Self.checkIntegers(values, try Self.entry("pcg64", "integers_0_1000"), "integers")
    }

    @Test func legacyRandomSample() throws {
        let values = try RandomState(seed: 12345).randomSample([100_000]).scalars
        try Self.checkFloats(values, try Self.entry("mt19937", "random_sample"), "random_sample")
    }

    @Test func legacyRandn() throws {
        let values = try RandomState(seed: 0).randn(100_000).scalars
        try Self.checkFloats(values, try Self.entry("mt19937", "randn"), "randn")
    }

    @Test func legacyRandint() throws {
        let values = try RandomState(seed: 1).drawRandint(-50, 50, count: 100_000)
        try Self.checkIntegers(values, try Self.entry("mt19937", "randint_-50_50"), "randint")
    }
}
