import Foundation
import KisoLang
import KisoTensor
import KisoTestSupport
import Testing

/// The neural-network builtins against PyTorch (Tests/Fixtures/nn_torch.json, written by
/// scripts/gen_nn_fixtures.py): each case's call is evaluated in Kiso, its value compared with
/// PyTorch's, and `grad` of sum(value · cotangent) compared with PyTorch's autograd, through the
/// language, so argument parsing, the KisoNN functions and the engine's derivatives are all tested.
@Suite struct NNTorchFixtureTests {
    /// A fixture tensor as a Kiso expression that rebuilds it exactly.
    static func literal(_ any: Any?) throws -> String {
        let t = try Fixture.tensor(any)
        let dtype: String
        switch t.dtype {
        case .bool: dtype = "bool"
        case .int64: dtype = "int64"
        case .float64: dtype = "float64"
        }
        let numbers = t.scalars.map { x -> String in
            if t.dtype != .float64 { return String(Int(x)) }
            return x.isFinite ? "\(x)" : (x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf"))
        }
        if t.rank == 0 { return "array(\(numbers[0]), dtype=\"\(dtype)\")" }
        return "array([\(numbers.joined(separator: ", "))], dtype=\"\(dtype)\").reshape(\(t.shape))"
    }

    /// Runs `source` and returns its echo, recording an issue when it fails.
    static func run(_ session: Session, _ source: String, _ name: String) -> String? {
        let result = session.run(source)
        if let error = result.error {
            Issue.record("\(name): \(error.render(source: source))")
            return nil
        }
        return result.echo ?? ""
    }

    /// Whether `actual` (a Kiso expression) agrees with the fixture tensor `expected` in shape and
    /// to rtol 1e-8 (PyTorch's results are stored to ten significant digits).
    static func check(_ session: Session, _ actual: String, _ expected: Any?, _ what: String) throws {
        _ = run(session, "expected = \(try literal(expected))", what)
        guard let same = run(session, "shape(\(actual)) == shape(expected)", what) else { return }
        guard same == "True" else {
            let shapes = run(session, "[shape(\(actual)), shape(expected)]", what) ?? ""
            Issue.record("\(what): shapes differ \(shapes)")
            return
        }
        if (try Fixture.tensor(expected)).count == 0 { return }
        let score = run(
            session, "float(max(abs(\(actual) - expected) / (1e-9 + 1e-8 * abs(expected))))", what)
        guard let score, let value = Double(score), value <= 1 else {
            let shown = run(session, "\(actual)", what) ?? ""
            Issue.record("\(what): worst error \(score ?? "?") times the tolerance; got\n\(shown)")
            return
        }
    }

    @Test func layersAgreeWithPyTorch() throws {
        let cases = try Fixture.cases("nn_torch")
        #expect(cases.count > 80)
        for entry in cases {
            let name = entry["name"] as? String ?? "?"
            let call = entry["call"] as? String ?? ""
            let inputs = entry["inputs"] as? [Any] ?? []
            let wrt = entry["wrt"] as? [Int] ?? []
            let session = Session { _ in }
            let names = inputs.indices.map { "a\($0)" }
            for (i, input) in inputs.enumerated() {
                _ = Self.run(session, "\(names[i]) = \(try Self.literal(input))", name)
            }
            _ = Self.run(session, "out = \(call)", name)
            try Self.check(session, "out", entry["output"], "\(name): value")
            guard !wrt.isEmpty, let grads = entry["grads"] as? [Any] else { continue }
            _ = Self.run(session, "ct = \(try Self.literal(entry["cotangent"]))", name)
            let lambda = "(\(names.joined(separator: ", "))) -> sum((\(call)) * ct)"
            let argnums = "[" + wrt.map(String.init).joined(separator: ", ") + "]"
            _ = Self.run(
                session, "gs = grad(\(lambda), argnums=\(argnums))(\(names.joined(separator: ", ")))", name)
            for (k, argument) in wrt.enumerated() {
                try Self.check(session, "gs[\(k)]", grads[k], "\(name): gradient in a\(argument)")
            }
        }
    }
}
