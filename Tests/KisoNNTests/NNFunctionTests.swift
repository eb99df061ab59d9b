import Glibc
import Testing

@testable import KisoNN
@testable import KisoTensor

/// Losses and activations: values from their definitions, gradients against central
/// differences, and the errors for misuse.
@Suite struct NNFunctionTests {
    @Test func crossEntropyValueAndErrors() throws {
        let logits = try Tensor(shape: [2, 3], scalars: [1, 2, 3, 0, 0, 0])
        let loss = try crossEntropy(Variable(logits), Tensor([2, 0], dtype: .int64))
        let first = -(3 - Glibc.log(Glibc.exp(1.0) + Glibc.exp(2.0) + Glibc.exp(3.0)))
        let second = Glibc.log(3.0)
        #expect(abs((loss.value.scalar ?? .nan) - (first + second) / 2) < 1e-14)
        let single = try crossEntropy(Variable(Tensor([0, 0])), Tensor(1, dtype: .int64))
        #expect(abs((single.value.scalar ?? .nan) - Glibc.log(2.0)) < 1e-15)
        do {
            _ = try crossEntropy(Variable(logits), Tensor([3, 0], dtype: .int64))
            Issue.record("expected an error")
        } catch let error as TensorError {
            #expect(error.message == "cross_entropy: target 3 is out of range for 3 classes")
        }
        #expect(throws: TensorError.self) { try crossEntropy(Variable(logits), Tensor([0.5, 0])) }
        #expect(throws: TensorError.self) { try crossEntropy(Variable(logits), Tensor([0, 1, 2], dtype: .int64)) }
    }

    @Test func gradientsAgreeWithFiniteDifferences() throws {
        let random = try RandomState(seed: 11)
        let x = try random.standardNormal([4, 3])
        let targets = Tensor([2, 0, 0, 1], dtype: .int64)
        let labels = try Tensor.greater(try random.standardNormal([4, 3]), Tensor(0)).cast(to: .float64)
        let checks: [([Variable]) throws -> Variable] = [
            { try crossEntropy($0[0], targets) },
            { try binaryCrossEntropyWithLogits($0[0], Variable(labels)) },
            { try mseLoss($0[0].tanh(), Variable(labels)) },
            { try (gelu($0[0]) * gelu($0[0], approximate: true)).sum() },
            { try (layerNorm($0[0], normalizedShape: [3]) * Variable(labels)).sum() },
            { try (softmax($0[0], axis: 0) * Variable(labels)).sum() + logSoftmax($0[0])[1, 2] },
            { try (relu($0[0]) + sigmoid($0[0])).sum() },
        ]
        for (i, f) in checks.enumerated() {
            let result = try gradientCheck(of: f, at: [x])
            #expect(result.passed, "check \(i): \(result)")
        }
    }

    @Test func binaryCrossEntropyIsStableAndExact() throws {
        let (value, grads) = try valueAndGradient(
            of: { try binaryCrossEntropyWithLogits($0[0], Variable(Tensor([1, 0, 1]))) },
            at: [Tensor([800, -800, 0])])
        #expect(abs((value.scalar ?? .nan) - Glibc.log(2.0) / 3) < 1e-15)
        // σ(x) − t, divided by the batch size, even at 0 and for huge logits.
        let expected: [Double] = [0, 0, -0.5 / 3]
        #expect(grads[0].scalars == expected)
        #expect(throws: TensorError.self) {
            try binaryCrossEntropyWithLogits(Variable(Tensor([1, 2])), Variable(Tensor([1, 0, 1])))
        }
        #expect(throws: TensorError.self) { try layerNorm(Variable(Tensor([1, 2])), normalizedShape: [3]) }
    }

    @Test func trainsTheCirclesMLP() throws {
        // The course's 2 → 16 → 16 → 1 network on make_circles learns the two rings.
        let (x, y) = try makeCircles(nSamples: 200, noise: 0.05, randomState: 1, factor: 0.5)
        let labels = Variable(y.cast(to: .float64))
        let init_ = try RandomState(seed: 0)
        var params = [
            try Tensor.multiply(try init_.standardNormal([2, 16]), Tensor(0.5)), try Tensor.zeros([16]),
            try Tensor.multiply(try init_.standardNormal([16, 16]), Tensor(0.25)), try Tensor.zeros([16]),
            try Tensor.multiply(try init_.standardNormal([16, 1]), Tensor(0.25)), try Tensor.zeros([1]),
        ]
        let data = Variable(x)
        func logits(_ p: [Variable]) throws -> Variable {
            let h1 = try (Variable.matmul(data, p[0]) + p[1]).tanh()
            let h2 = try (Variable.matmul(h1, p[2]) + p[3]).tanh()
            return try (Variable.matmul(h2, p[4]) + p[5]).reshaped([-1])
        }
        var adam = try Adam(learningRate: 0.03)
        var firstLoss = Double.nan
        var lastLoss = Double.nan
        for step in 0..<300 {
            let (loss, grads) = try valueAndGradient(
                of: { try binaryCrossEntropyWithLogits(logits($0), labels) }, at: params,
                argnums: Array(0..<6))
            if step == 0 { firstLoss = loss.scalar ?? .nan }
            lastLoss = loss.scalar ?? .nan
            params = try adam.step(params, grads)
        }
        let predictions = try Tensor.greater(try logits(params.map { Variable($0) }).value, Tensor(0))
        let accuracy = try Tensor.equal(predictions.cast(to: .int64), y).cast(to: .float64).mean().scalar ?? 0
        #expect(lastLoss < firstLoss / 5)
        #expect(accuracy > 0.95)
    }
}
