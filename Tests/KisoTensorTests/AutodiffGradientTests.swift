import Glibc
import Testing

@testable import KisoTensor

/// The gradient entry points: grad of grad, nesting without confusion, pytrees, argnums, the
/// errors for misuse, and gradientCheck's report.
@Suite struct AutodiffGradientTests {
    /// d/dx of `f` at a scalar, as a function that can itself be differentiated.
    private func derivative(_ f: @escaping (Variable) throws -> Variable) -> (Variable) throws -> Variable {
        { x in try gradient(of: { try f($0[0]) }, at: [x])[0] }
    }

    @Test func secondDerivativeOfCube() throws {
        let second = derivative(derivative { x in try x * x * x })
        for x in [-2.0, 0.5, 3.0] {
            #expect(try second(Variable(x)).value.scalar == 6 * x)
        }
        let third = derivative(derivative(derivative { x in try x.pow(3) }))
        #expect(try third(Variable(1.7)).value.scalar == 6)
    }

    @Test func higherDerivativesOfSine() throws {
        var f: (Variable) throws -> Variable = { try $0.sin() }
        let x = 0.7
        let expected = [Glibc.cos(x), -Glibc.sin(x), -Glibc.cos(x), Glibc.sin(x)]
        for value in expected {
            f = derivative(f)
            let got = try f(Variable(x)).value.scalar ?? .nan
            #expect(Swift.abs(got - value) < 1e-14)
        }
    }

    @Test func nestedGradientsDoNotConfuseTapes() throws {
        // grad(x -> x * grad(y -> x * y)(1)) = grad(x -> x * x) = 2x (JAX gives 2x too).
        let outer = try gradient(
            of: { args in
                let x = args[0]
                let inner = try gradient(of: { try x * $0[0] }, at: [Variable(1)])[0]
                return try x * inner
            }, at: [Tensor(3)])
        #expect(outer[0].scalar == 6)
        // The inner argument is the outer one: grad(x -> grad(y -> x*y*y)(x)) = d/dx (2x²) = 4x.
        let shared = try gradient(
            of: { args in
                let x = args[0]
                return try gradient(of: { try x * $0[0] * $0[0] }, at: [x])[0]
            }, at: [Tensor(2.5)])
        #expect(shared[0].scalar == 10)
    }

    @Test func hessianVectorProduct() throws {
        // f(x) = Σ x_i³ + x0·x1: H = diag(6x) + [[0,1],[1,0]] (padded).
        let x = Tensor([1, 2, 3])
        let v = Variable(Tensor([1, -1, 2]))
        let f: (Variable) throws -> Variable = { x in try (x * x * x).sum() + x[0] * x[1] }
        let hv = try gradient(
            of: { args in
                let g = try gradient(of: { try f($0[0]) }, at: [args[0]])[0]
                return try (g * v).sum()
            }, at: [x])[0]
        let expected: [Double] = [6 - 1, -12 + 1, 36]
        #expect(hv.scalars == expected)
    }

    @Test func secondDerivativesOfCompositesMatchFiniteDifferences() throws {
        // The gradient of a scalar function of the gradient, checked numerically: exercises the
        // pullbacks of the pullbacks (softmax, logsumexp, matmul, tanh, indexing, division).
        let random = try RandomState(seed: 3)
        let w = try random.standardNormal([3, 4])
        let x = try random.standardNormal([2, 3])
        let inner: ([Variable]) throws -> Variable = { args in
            let h = try Variable.matmul(args[1], args[0]).tanh()
            let picked = try h.subscripted([.all, .tensor(Tensor([0, 0, 3], dtype: .int64))])
            return try picked.logsumexp(axes: [1]).sum() + (h.softmax(axis: 0) / (h * h + 1)).sum()
        }
        let gradNorm: ([Variable]) throws -> Variable = { args in
            let g = try gradient(of: inner, at: args, argnums: [0])[0]
            return try (g * g).sum()
        }
        let result = try gradientCheck(of: gradNorm, at: [w, x], argnums: [0, 1], rtol: 1e-5)
        #expect(result.passed, "\(result)")
    }

    @Test func argnumsSelectArguments() throws {
        let f: ([Variable]) throws -> Variable = { try ($0[0] * $0[1] + $0[2]).sum() }
        let inputs = [Tensor([1, 2]), Tensor([3, 4]), Tensor([5, 6])]
        let (value, grads) = try valueAndGradient(of: f, at: inputs, argnums: [2, 0])
        #expect(value.scalar == 22.0)
        #expect(grads.count == 2)
        #expect(grads[0].scalars == [1, 1])
        #expect(grads[1].scalars == [3, 4])
        // An argument the output ignores has a zero gradient of its shape.
        let unused = try gradient(of: { try $0[0].sum() }, at: [Tensor([1, 2]), Tensor([3.0])], argnums: [1])
        #expect(unused[0].shape == [1])
        #expect(unused[0].scalars == [0])
    }

    @Test func pytreeGradientsKeepTheStructure() throws {
        let params: Tree<Variable> = .dict([
            (key: "w", value: .leaf(Variable(Tensor([1, 2])))),
            (key: "layers", value: .list([.leaf(Variable(Tensor(3))), .tuple([.leaf(Variable(Tensor([4, 5])))])])),
        ])
        let data = Tree<Variable>.leaf(Variable(Tensor([10, 20])))
        let (value, grads) = try valueAndGradient(
            of: { trees in
                guard let w = trees[0]["w"]?.leafValue, let b = trees[0]["layers"]?[0]?.leafValue,
                    let c = trees[0]["layers"]?[1]?[0]?.leafValue, let d = trees[1].leafValue
                else { throw TensorError(.value, "bad tree") }
                return try (w * d).sum() * b + (c * c).sum()
            }, at: [params, data])
        #expect(value.value.scalar == 191.0)
        #expect(grads.count == 1)
        #expect(grads[0].hasSameStructure(as: params))
        let leaves = grads[0].leaves.map { $0.value.scalars }
        #expect(leaves == [[30, 60], [50], [8, 10]])
        guard case .dict(let entries) = grads[0] else {
            Issue.record("not a dict")
            return
        }
        #expect(entries.map(\.key) == ["w", "layers"])
    }

    @Test func treeFlattenAndUnflatten() throws {
        let tree: Tree<Int> = .tuple([
            .leaf(1), .dict([(key: "b", value: .leaf(2)), (key: "a", value: .list([.leaf(3)]))]),
        ])
        #expect(tree.leaves == [1, 2, 3])
        let rebuilt = try tree.replacingLeaves(with: ["x", "y", "z"])
        #expect(rebuilt.leaves == ["x", "y", "z"])
        #expect(rebuilt.hasSameStructure(as: tree))
        #expect(!rebuilt.hasSameStructure(as: Tree<Int>.list([.leaf(1)])))
        #expect(throws: TensorError.self) { try tree.replacingLeaves(with: [1]) }
    }

    @Test func nonScalarOutputIsAnError() throws {
        do {
            _ = try gradient(
                of: { try $0[0] * 2 }, at: [Tensor(shape: [3, 4], scalars: Array(repeating: 1, count: 12))])
            Issue.record("expected an error")
        } catch let error as TensorError {
            #expect(error.message == "grad needs a scalar output; f returned shape (3,4)")
            #expect(error.hint?.contains("sum it or pick an element") == true)
        }
        // A one-element output of any rank is accepted.
        let g = try gradient(of: { try ($0[0] * 2).reshaped([1, 1]) }, at: [Tensor(3)])
        #expect(g[0].scalar == 2)
    }

    @Test func misuseErrors() throws {
        do {
            _ = try gradient(of: { try $0[0].sum() }, at: [Tensor([1, 2])], argnums: [1])
            Issue.record("expected an error")
        } catch let error as TensorError {
            #expect(error.kind == .index)
            #expect(error.message.contains("argnums 1 is out of range for a function called with 1 argument"))
        }
        do {
            _ = try gradient(of: { try $0[0].sum() }, at: [Tensor([1, 2], dtype: .int64)])
            Issue.record("expected an error")
        } catch let error as TensorError {
            #expect(error.message.contains("the gradient of an int64 input is not defined"))
            #expect(error.hint?.contains("pass floats") == true)
        }
        #expect(throws: TensorError.self) { try gradient(of: { try $0[0].sum() }, at: [Tensor([1])], argnums: []) }
        #expect(throws: TensorError.self) { try gradient(of: { try $0[0].sum() }, at: [Tensor([1])], argnums: [0, 0]) }
        #expect(throws: TensorError.self) {
            try gradient(of: { _ in Variable(Tensor(1, dtype: .int64)) }, at: [Tensor([1])])
        }
    }

    @Test func gradientCheckReportsTheWorstElement() throws {
        // relu at exactly 0: the analytic derivative is 0, the central difference 0.5.
        let result = try gradientCheck(of: { try $0[0].relu().sum() }, at: [Tensor([1, 0, -2])])
        #expect(!result.passed)
        #expect(result.index == [1])
        #expect(result.analytic == 0)
        #expect(Swift.abs(result.numeric - 0.5) < 1e-9)
        #expect(result.description.contains("FAILED"))
        let smooth = try gradientCheck(of: { try $0[0].tanh().sum() }, at: [Tensor([1, 0, -2])])
        #expect(smooth.passed)
        #expect(smooth.elementCount == 3)
    }

    @Test func tapesAreReleased() throws {
        weak var released: Tape?
        do {
            let tape = Tape()
            released = tape
            let x = tape.watch(Variable(Tensor([1, 2])))
            _ = try (x * x).sum()
            tape.finish()
        }
        #expect(released == nil)
        // Constants record nothing and stay constants.
        let c = try Variable(Tensor([1, 2])) * 3
        #expect(!c.isTracked)
    }
}
