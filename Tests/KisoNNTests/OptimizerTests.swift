import Testing

@testable import KisoNN
@testable import KisoTensor
import KisoTestSupport

/// Optimizers, gradient clipping and schedules against PyTorch's formulas (written out in NumPy
/// by scripts/gen_autodiff_fixtures.py).
@Suite struct OptimizerTests {
    private func optimizer(_ kind: String, _ o: [String: Any]) throws -> any Optimizer {
        func value(_ key: String, _ fallback: Double) -> Double { Fixture.double(o[key]) ?? fallback }
        switch kind {
        case "sgd":
            return try SGD(
                learningRate: value("lr", 1e-3), momentum: value("momentum", 0), dampening: value("dampening", 0),
                nesterov: o["nesterov"] as? Bool ?? false, weightDecay: value("weight_decay", 0))
        case "adam":
            return try Adam(
                learningRate: value("lr", 1e-3), beta1: value("beta1", 0.9), beta2: value("beta2", 0.999),
                epsilon: value("eps", 1e-8), weightDecay: value("weight_decay", 0))
        default:
            return try RMSprop(
                learningRate: value("lr", 1e-2), alpha: value("alpha", 0.99), epsilon: value("eps", 1e-8),
                momentum: value("momentum", 0), centered: o["centered"] as? Bool ?? false,
                weightDecay: value("weight_decay", 0))
        }
    }

    @Test func trajectoriesMatchPyTorchFormulas() throws {
        let root = try Fixture.root("autodiff_optimizers")
        let start = try (root["params"] as? [Any] ?? []).map { try Fixture.tensor($0) }
        let gradSteps = try (root["grads"] as? [[Any]] ?? []).map { try $0.map { try Fixture.tensor($0) } }
        let cases = try Fixture.cases("autodiff_optimizers")
        #expect(cases.count == 9)
        for c in cases {
            let kind = c["kind"] as? String ?? ""
            let options = c["options"] as? [String: Any] ?? [:]
            var opt = try optimizer(kind, options)
            let trajectory = try (c["trajectory"] as? [[Any]] ?? []).map { try $0.map { try Fixture.tensor($0) } }
            var params = start
            for (step, (grads, expected)) in zip(gradSteps, trajectory).enumerated() {
                params = try opt.step(params, grads)
                for (p, e) in zip(params, expected) {
                    #expect(closeness(p, e, rtol: 1e-13, atol: 1e-15) <= 1, "\(kind) \(options) step \(step)")
                }
            }
        }
    }

    @Test func stepsOverTrees() throws {
        var sgd = try SGD(learningRate: 0.5)
        let params: Tree<Tensor> = .dict([
            (key: "w", value: .leaf(Tensor([1, 2]))), (key: "b", value: .leaf(Tensor(3))),
        ])
        let grads: Tree<Tensor> = .dict([
            (key: "w", value: .leaf(Tensor([2, 2]))), (key: "b", value: .leaf(Tensor(-2))),
        ])
        let next = try sgd.step(params, grads)
        #expect(next["w"]?.leafValue?.scalars == [0, 1])
        #expect(next["b"]?.leafValue?.scalars == [4])
        #expect(throws: TensorError.self) { try sgd.step(params, Tree.list([.leaf(Tensor(1))])) }
        #expect(throws: TensorError.self) { try sgd.step([Tensor([1, 2])], [Tensor([1, 2, 3])]) }
        #expect(throws: TensorError.self) { try SGD(learningRate: 0.1, nesterov: true) }
        #expect(throws: TensorError.self) { try Adam(beta1: 1.0) }
    }

    @Test func clipGradNormMatchesPyTorch() throws {
        let root = try Fixture.root("autodiff_optimizers")
        let grads = try ((root["grads"] as? [[Any]])?.first ?? []).map { try Fixture.tensor($0) }
        for c in root["clip"] as? [[String: Any]] ?? [] {
            let maxNorm = Fixture.double(c["max_norm"]) ?? 0
            let (clipped, total) = try clipGradNorm(grads, maxNorm: maxNorm)
            let expectedTotal = Fixture.double(c["total_norm"]) ?? .nan
            #expect(abs(total - expectedTotal) <= 1e-14 * expectedTotal)
            let expected = try (c["grads"] as? [Any] ?? []).map { try Fixture.tensor($0) }
            for (g, e) in zip(clipped, expected) { #expect(closeness(g, e, rtol: 1e-14, atol: 0) <= 1) }
        }
    }

    @Test func schedulesMatchPyTorchClosedForms() throws {
        let root = try Fixture.root("autodiff_optimizers")
        let schedules = root["schedules"] as? [String: Any] ?? [:]
        let step = Fixture.doubles(schedules["step"])
        let exponential = Fixture.doubles(schedules["exponential"])
        let cosine = Fixture.doubles(schedules["cosine"])
        #expect(step.count == 25 && exponential.count == 25 && cosine.count == 25)
        for s in 0..<25 {
            let a = LearningRateSchedule.stepDecay(baseRate: 0.1, stepSize: 7, gamma: 0.5, step: s)
            let b = LearningRateSchedule.exponential(baseRate: 0.1, gamma: 0.9, step: s)
            let c = LearningRateSchedule.cosineAnnealing(baseRate: 0.1, maxSteps: 20, minRate: 0.001, step: s)
            #expect(abs(a - step[s]) <= 1e-15)
            #expect(abs(b - exponential[s]) <= 1e-15)
            #expect(abs(c - cosine[s]) <= 1e-15)
        }
    }
}
