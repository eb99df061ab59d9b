import Foundation
import Testing

import KisoTestSupport
@testable import KisoTensor

/// Every case NumPy recorded in Tests/Fixtures/core_*.json, replayed through Kiso: results must
/// match in shape, kind and value, and where NumPy refused the call Kiso must throw.
@Suite struct CoreFixtureTests {
    @Test(arguments: ["core_elementwise", "core_reductions", "core_norms", "core_shapes", "core_creation"])
    func replay(_ fixture: String) throws {
        let cases = try Fixture.cases(fixture)
        #expect(cases.count > 20)
        var failures: [String] = []
        for (index, c) in cases.enumerated() {
            let op = c["op"] as? String ?? "?"
            let args = try (c["args"] as? [Any] ?? []).map { try CoreOps.argument($0) }
            let kw = c["kwargs"] as? [String: Any] ?? [:]
            let label = "\(fixture)#\(index) \(op) \(kw)"
            let expected = c["expected"] as? [String: Any] ?? [:]
            do {
                let results = try CoreOps.run(op, args, kw)
                if expected["error"] != nil {
                    failures.append(
                        "\(label): NumPy raised \(expected["error"] ?? ""), Kiso returned \(results.map(\.shape))")
                    continue
                }
                let wanted =
                    try (expected["list"] as? [Any])?.map { try Fixture.tensor($0) } ?? [Fixture.tensor(expected)]
                guard wanted.count == results.count else {
                    failures.append("\(label): \(results.count) results, expected \(wanted.count)")
                    continue
                }
                for (r, w) in zip(results, wanted) {
                    if r.dtype != w.dtype { failures.append("\(label): dtype \(r.dtype) != \(w.dtype)") }
                    if let m = mismatch(r, w, rtol: 1e-13, atol: 1e-300) { failures.append("\(label): \(m)") }
                }
            } catch let error as TensorError {
                if expected["error"] == nil { failures.append("\(label): unexpected error \(error)") }
            }
        }
        #expect(
            failures.isEmpty,
            Comment(rawValue: "\(failures.count) mismatches:\n" + failures.prefix(40).joined(separator: "\n")))
    }
}
