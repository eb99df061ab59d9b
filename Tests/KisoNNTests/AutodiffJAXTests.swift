import Testing

@testable import KisoNN
@testable import KisoTensor
import KisoTestSupport

/// Values and gradients of composite functions against JAX (float64), from
/// scripts/gen_autodiff_fixtures.py: the same formulas written with Variable operations.
@Suite struct AutodiffJAXTests {
    private static let rows = Tensor([0, 0, 2, 3, 0], dtype: .int64)
    private static let columns = Tensor([1, 1, 0, 2, 1], dtype: .int64)

    private func function(_ name: String) -> ([Variable]) throws -> Variable {
        switch name {
        case "mlp_bce":
            return { a in
                let h1 = try (Variable.matmul(a[6], a[0]) + a[1]).tanh()
                let h2 = try relu(Variable.matmul(h1, a[2]) + a[3])
                let z = try (Variable.matmul(h2, a[4]) + a[5])[.all, 0]
                return try binaryCrossEntropyWithLogits(z, a[7])
            }
        case "softmax_cross_entropy":
            return { a in try crossEntropy(Variable.matmul(a[2], a[0]) + a[1], a[3].value) }
        case "reductions":
            return { a in
                let x = a[0]
                let parts = [
                    try x.logsumexp(axes: [1]).sum(), try x.norm(), try x.norm(.p(1), axes: [0]).sum(),
                    try x.variance(axes: [0]).sum(), try x.std(axes: [1], ddof: 1).sum(), try x.max(axes: [1]).sum(),
                ]
                return try parts.dropFirst().reduce(parts[0]) { try $0 + $1 }
            }
        case "indexing":
            return { a in
                let x = a[0]
                let picked = try x.subscripted([.tensor(Self.rows)])
                let strided = try x.subscripted([
                    .slice(start: 1, stop: nil, step: nil), .slice(start: nil, stop: nil, step: 2),
                ])
                let pairs = try x.subscripted([.tensor(Self.rows), .tensor(Self.columns)])
                return try (picked * picked).sum() + strided.sin().sum() + (pairs * 3).sum()
            }
        case "batched_matmul":
            return { a in
                let first = try Variable.matmul(a[0], a[1]).tanh().mean()
                let second = try Variable.matmul(a[2], a[1]).cos().sum()
                return try first + second + Variable.matmul(a[0], a[2]).exp().sum() * 0.01
            }
        case "selections":
            return { a in
                let (x, y) = (a[0], a[1])
                let condition = try Tensor.greater(x.value, Tensor(0.2))
                let chosen = try Variable.where(condition, x * y, (y * y + 1).sqrt())
                let parts = [
                    try Variable.maximum(x, y).sum(), try chosen.sum(), try x.clip(-0.5, 0.5).sum(),
                    try Variable.minimum(x, Variable(0.1)).sum(),
                ]
                return try parts.dropFirst().reduce(parts[0]) { try $0 + $1 }
            }
        case "layer_norm_gelu":
            return { a in
                let y = try layerNorm(a[0], normalizedShape: [5], weight: a[1], bias: a[2])
                let approximate = try gelu(y, approximate: true)
                return try (approximate * approximate).sum() + gelu(y).sum()
            }
        case "softmax_softplus":
            return { a in
                let x = a[0]
                let s = try x.softmax(axis: 0)
                let parts = [
                    try (s * (x * x).log1p()).sum(), try x.sigmoid().mean(), try (x * 2).softplus().sum(),
                    try (x / (x.abs() + 1)).sum(),
                ]
                return try parts.dropFirst().reduce(parts[0]) { try $0 + $1 }
            }
        default:
            return { _ in throw TensorError(.value, "unknown case \(name)") }
        }
    }

    @Test func compositesMatchJAX() throws {
        let cases = try Fixture.cases("autodiff_jax")
        #expect(cases.count == 8)
        for c in cases {
            let name = c["name"] as? String ?? ""
            let argnums = c["argnums"] as? [Int] ?? []
            let inputs = try (c["inputs"] as? [Any] ?? []).map { try Fixture.tensor($0) }
            let expected = try (c["grads"] as? [Any] ?? []).map { try Fixture.tensor($0) }
            let (value, grads) = try valueAndGradient(of: function(name), at: inputs, argnums: argnums)
            let expectedValue = Fixture.double(c["value"]) ?? .nan
            #expect(abs((value.scalar ?? .nan) - expectedValue) <= 1e-12 * max(1, abs(expectedValue)), "\(name)")
            #expect(grads.count == expected.count, "\(name)")
            for (i, (g, e)) in zip(grads, expected).enumerated() {
                let score = closeness(g, e, rtol: 1e-10, atol: 1e-12)
                #expect(score <= 1, "\(name) gradient \(i): \(g.scalars.prefix(4)) vs \(e.scalars.prefix(4))")
            }
        }
    }

    @Test func hessianVectorProductMatchesJAX() throws {
        let root = try Fixture.root("autodiff_jax")
        guard let hvp = root["hvp"] as? [String: Any],
            let second = root["second_derivative_tanh_cube"] as? [String: Any]
        else {
            Issue.record("fixture lacks the second-order cases")
            return
        }
        let x = try Fixture.tensor(hvp["x"])
        let v = Variable(try Fixture.tensor(hvp["v"]))
        let f: (Variable) throws -> Variable = { x in
            try (x.sin() * x * x * x).sum() + Variable.dot(x, x) * Variable.dot(x, x)
        }
        let result = try gradient(
            of: { args in try (gradient(of: { try f($0[0]) }, at: [args[0]])[0] * v).sum() }, at: [x])[0]
        #expect(closeness(result, try Fixture.tensor(hvp["result"]), rtol: 1e-10, atol: 1e-12) <= 1)

        let s = Fixture.double(second["x"]) ?? .nan
        let d2 = try gradient(
            of: { outer in
                try gradient(of: { try $0[0].tanh() * $0[0] * $0[0] * $0[0] }, at: [outer[0]])[0]
            }, at: [Tensor(s)])[0]
        let expected = Fixture.double(second["result"]) ?? .nan
        #expect(abs((d2.scalar ?? .nan) - expected) <= 1e-12 * max(1, abs(expected)))
    }
}
