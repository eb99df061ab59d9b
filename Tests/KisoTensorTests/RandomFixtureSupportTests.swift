import Foundation
import KisoTestSupport
import Testing

@testable import KisoTensor

/// Reading the random fixtures (scripts/gen_random_fixtures.py) and replaying their calls.
enum RandomFixture {
    /// What a recorded call produced: floats, or integers kept exact as Int64.
    enum Expected {
        case floats(Tensor)
        case integers(shape: [Int], values: [Int64])
    }

    static func expected(_ any: Any?) throws -> Expected {
        guard let dict = any as? [String: Any], let shape = dict["shape"] as? [Int] else {
            throw FixtureError.malformed("result")
        }
        if let list = dict["ints"] as? [String] {
            return .integers(shape: shape, values: try list.map { try int64($0) })
        }
        return .floats(try Fixture.tensor(dict))
    }

    static func int64(_ text: String) throws -> Int64 {
        guard let value = Int64(text) else { throw FixtureError.malformed("integer \(text)") }
        return value
    }

    static func uint64(_ text: String) throws -> UInt64 {
        guard let value = UInt64(text) else { throw FixtureError.malformed("integer \(text)") }
        return value
    }

    static func int(_ any: Any?) throws -> Int {
        if let n = any as? NSNumber { return n.intValue }
        throw FixtureError.malformed("int \(String(describing: any))")
    }

    static func optionalInt(_ any: Any?) throws -> Int? {
        if any == nil || any is NSNull { return nil }
        return try int(any)
    }

    static func size(_ any: Any?) -> [Int]? {
        any as? [Int]
    }

    static func probabilities(_ any: Any?) -> [Double]? {
        if any == nil || any is NSNull { return nil }
        return Fixture.doubles(any)
    }

    /// Whether all the expected integers survive the trip through a tensor's doubles.
    static func fitsDouble(_ values: [Int64]) -> Bool {
        values.allSatisfy { abs($0) <= (1 << 53) }
    }

    /// Compares a tensor result with the recording: same shape, bit-identical values.
    static func check(_ actual: Tensor, _ expected: Expected, _ label: String) {
        switch expected {
        case .floats(let tensor):
            #expect(actual.shape == tensor.shape, "\(label): shape")
            #expect(actual.dtype == .float64 || actual.dtype == tensor.dtype, "\(label): dtype")
            let a = actual.scalars
            let e = tensor.scalars
            if let i = zip(a, e).indices(where: { $0.0.bitPattern != $0.1.bitPattern }).first {
                Issue.record("\(label): element \(i) is \(a[i]), NumPy gives \(e[i])")
            }
            #expect(a.count == e.count, "\(label): count")
        case .integers(let shape, let values):
            #expect(actual.shape == shape, "\(label): shape")
            #expect(actual.dtype == .int64, "\(label): dtype")
            #expect(actual.scalars == values.map { Double($0) }, "\(label): values")
        }
    }

    /// Compares a float result with the recording to 1e-12 (relative, 1e-12 absolute): for draws
    /// that pass through LAPACK and BLAS, whose last bits differ between OpenBLAS builds.
    static func checkClose(_ actual: Tensor, _ expected: Expected, _ label: String) {
        guard case .floats(let tensor) = expected else {
            Issue.record("\(label): expected floats")
            return
        }
        #expect(actual.shape == tensor.shape, "\(label): shape")
        let a = actual.scalars
        let e = tensor.scalars
        #expect(a.count == e.count, "\(label): count")
        if let i = a.indices.first(where: { i in i < e.count && !(abs(a[i] - e[i]) <= 1e-12 + 1e-12 * abs(e[i])) }) {
            Issue.record("\(label): element \(i) is \(a[i]), NumPy gives \(e[i])")
        }
    }

    /// Compares exact integers with the recording.
    static func check(_ actual: [Int64], _ expected: Expected, _ label: String) {
        guard case .integers(_, let values) = expected else {
            Issue.record("\(label): expected integers")
            return
        }
        #expect(actual == values, "\(label)")
    }
}

extension Zip2Sequence {
    fileprivate func indices(
        where predicate: ((Sequence1.Element, Sequence2.Element)) -> Bool
    )
        -> [Int]
    {
        enumerated().filter { predicate($0.element) }.map { $0.offset }
    }
}
