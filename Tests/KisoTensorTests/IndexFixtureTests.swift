import Foundation
import Testing

import KisoTestSupport
@testable import KisoTensor

/// Indexing and assignment checked case by case against NumPy (scripts/gen_index_fixtures.py).
@Suite struct IndexFixtureTests {
    @Test(arguments: ["index_slices", "index_basic", "index_advanced", "index_assign", "index_take"])
    func matchesNumPy(fixture: String) throws {
        let cases = try Fixture.cases(fixture)
        #expect(!cases.isEmpty)
        for entry in cases {
            try check(entry)
        }
    }

    private func check(_ entry: [String: Any]) throws {
        let name = entry["name"] as? String ?? "?"
        let base = try Fixture.tensor(entry["x"])
        var target = base
        if let view = entry["view"] as? [String: Any] {
            target = try strided(base, view)
        }
        let original = base.scalars

        let result: Result<[Tensor], Error>
        switch entry["op"] as? String {
        case "set":
            let index = try parseIndex(entry["index"])
            let value = try Fixture.tensor(entry["value"])
            var written = target
            result = Result {
                try written.assign(value, at: index)
                return [written]
            }
            // Writes never reach tensors that shared the storage.
            #expect(base.scalars == original, "\(name): assignment leaked into the source tensor")
            if case .failure = result {
                #expect(
                    written.scalars == target.scalars, "\(name): a failed assignment changed the tensor")
            }
        case "get":
            let index = try parseIndex(entry["index"])
            result = Result { [try target.subscripted(index)] }
        case "take":
            let indices = try Fixture.tensor(entry["indices"])
            let axis = (entry["axis"] as? NSNumber)?.intValue
            result = Result { [try target.take(indices, axis: axis)] }
        case "nonzero":
            result = Result { try target.nonzero() }
        case "argwhere":
            result = .success([target.argwhere()])
        default:
            throw FixtureError.malformed("op of \(name)")
        }

        if let expectedError = entry["error"] as? String {
            #expect(entry["numpy_raised"] is String, "\(name): fixture should record NumPy's error")
            switch result {
            case .success(let tensors):
                Issue.record(
                    "\(name): expected error '\(expectedError)', got shapes \(tensors.map(\.shape))")
            case .failure(let error):
                guard let error = error as? TensorError else {
                    Issue.record("\(name): unexpected error \(error)")
                    return
                }
                #expect(error.message.contains(expectedError), "\(name): message was '\(error.message)'")
                #expect(error.kind.rawValue == entry["kind"] as? String, "\(name): kind \(error.kind)")
                #expect(error.hint != nil, "\(name): error without a hint")
            }
            return
        }

        let expected = try (entry["expected"] as? [Any] ?? [entry["expected"] as Any]).map(
            Fixture.tensor)
        switch result {
        case .failure(let error):
            Issue.record("\(name): unexpected error \(error)")
        case .success(let tensors):
            #expect(tensors.count == expected.count, "\(name): \(tensors.count) results")
            for (tensor, expected) in zip(tensors, expected) {
                #expect(
                    tensor.dtype == expected.dtype, "\(name): dtype \(tensor.dtype) != \(expected.dtype)")
                #expect(
                    tensor.shape == expected.shape, "\(name): shape \(tensor.shape) != \(expected.shape)")
                if tensor.shape == expected.shape {
                    #expect(
                        sameValues(tensor.scalars, expected.scalars),
                        "\(name): \(tensor.scalars) != \(expected.scalars)")
                }
            }
        }
    }

    /// Equal element by element, NaN matching NaN.
    private func sameValues(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
    }

    /// The strided view a fixture describes over `base`'s storage.
    private func strided(_ base: Tensor, _ view: [String: Any]) throws -> Tensor {
        guard let shape = view["shape"] as? [Int], let strides = view["strides"] as? [Int],
            let offset = view["offset"] as? Int
        else { throw FixtureError.malformed("view") }
        return Tensor(
            view: base.storage, shape: shape, strides: strides, offset: offset, dtype: base.dtype)
    }

    private func parseIndex(_ any: Any?) throws -> [TensorIndex] {
        guard let list = any as? [[String: Any]] else { throw FixtureError.malformed("index") }
        return try list.map { entry in
            if let i = entry["int"] as? NSNumber { return .int(i.intValue) }
            if let bounds = entry["slice"] as? [Any], bounds.count == 3 {
                let parts = bounds.map { ($0 as? NSNumber)?.intValue }
                return .slice(start: parts[0], stop: parts[1], step: parts[2])
            }
            if entry["newaxis"] != nil { return .newAxis }
            if entry["ellipsis"] != nil { return .ellipsis }
            if let t = entry["tensor"] { return .tensor(try Fixture.tensor(t)) }
            throw FixtureError.malformed("index entry \(entry)")
        }
    }
}
