import Foundation
import Testing

@testable import KisoNN
@testable import KisoTensor

/// The benchmark setup, timed: a 2 → 16 → 16 → 1 MLP on 500 make_circles points,
/// 2000 full-batch Adam steps. Run with KISO_AUTODIFF_BENCH=1 on a release build
/// (`swift test -c release --filter TrainingSpeedTests`); it prints the wall time.
@Suite struct TrainingSpeedTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["KISO_AUTODIFF_BENCH"] != nil))
    func circlesMLPTwoThousandSteps() throws {
        let (x, y) = try makeCircles(nSamples: 500, noise: 0.05, randomState: 0, factor: 0.5)
        let labels = Variable(y.cast(to: .float64))
        let data = Variable(x)
        let rs = try RandomState(seed: 0)
        var params = [
            try rs.standardNormal([2, 16]), try Tensor.zeros([16]),
            try Tensor.multiply(try rs.standardNormal([16, 16]), Tensor(0.25)), try Tensor.zeros([16]),
            try Tensor.multiply(try rs.standardNormal([16, 1]), Tensor(0.25)), try Tensor.zeros([1]),
        ]
        let loss: ([Variable]) throws -> Variable = { p in
            let h1 = try (Variable.matmul(data, p[0]) + p[1]).tanh()
            let h2 = try (Variable.matmul(h1, p[2]) + p[3]).tanh()
            let z = try (Variable.matmul(h2, p[4]) + p[5]).reshaped([-1])
            return try binaryCrossEntropyWithLogits(z, labels)
        }
        var adam = try Adam(learningRate: 0.01)
        let start = Date()
        var last = 0.0
        for _ in 0..<2000 {
            let (value, grads) = try valueAndGradient(of: loss, at: params, argnums: Array(0..<6))
            last = value.scalar ?? .nan
            params = try adam.step(params, grads)
        }
        let seconds = Date().timeIntervalSince(start)
        print("circles MLP, 500 points, 2000 steps: \(seconds) s, final loss \(last)")
        #expect(last < 0.1)
    }
}
