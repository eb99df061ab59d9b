import KisoNN
import KisoTensor

/// An optimizer as a Kiso object: `opt.step(params, grads)` returns new parameters and keeps the
/// optimizer's state (momentum, Adam's moments) in the object between steps.
final class OptimizerObject: KisoObject {
    /// The update rule and its state.
    var optimizer: any Optimizer

    init(_ optimizer: any Optimizer) {
        self.optimizer = optimizer
    }

    static let objectType = ObjectType(
        "optimizer", of: OptimizerObject.self, receiver: "opt",
        doc: "An update rule with its state (PyTorch's sgd, adam, rmsprop); made by sgd(…), adam(…), rmsprop(…).",
        example: "opt = sgd(lr=0.1); opt.step([1.0, 2.0], [0.5, 0.5])"
    ) { t in
        t.text { $0.description }
        t.attribute("lr", doc: "The learning rate the next step uses.", example: "opt = adam(lr=0.01); opt.lr") { o in
            .number(o.optimizer.learningRate)
        }
        t.method(
            "step", [param("params", .any), param("grads", .any), param("lr", .number, .none)],
            doc:
                "The parameters after one update (same structure: a tensor, list, tuple or dict); the optimizer keeps its state. lr, when given, is the learning rate from now on.",
            example: "opt = sgd(lr=0.1); opt.step([1.0, 2.0], [0.5, 0.5])"
        ) { o, a in
            let params = try a["params"]
            let grads = try a["grads"]
            guard Pytree.sameStructure(params, grads) else {
                throw KisoError(
                    .value, "step: the gradients' structure differs from the parameters'",
                    hint: "pass the gradients grad returned for these parameters")
            }
            let paramLeaves = try Pytree.tensorLeaves(params, "params")
            let gradLeaves = try Pytree.tensorLeaves(grads, "grads")
            if let lr = try a.optionalNumber("lr") { o.optimizer.learningRate = lr }
            let updated = try o.optimizer.step(paramLeaves, gradLeaves)
            return try Pytree.rebuild(params, leaves: updated) { original, t in
                if original.isScalarNumber, let x = t.scalar { return .number(x) }
                return .tensor(t)
            }
        }
    }

    /// The optimizer as the call that makes it would be written: `sgd(lr=0.1, momentum=0.9, …)`.
    var description: String {
        func n(_ x: Double) -> String { formatNumber(x) }
        switch optimizer {
        case let o as SGD:
            return "sgd(lr=\(n(o.learningRate)), momentum=\(n(o.momentum)), nesterov=\(o.nesterov))"
        case let o as Adam where o.epsilonBeforeCorrection:
            return
                "Adam(learning_rate=\(n(o.learningRate)), beta_1=\(n(o.beta1)), beta_2=\(n(o.beta2)), epsilon=\(n(o.epsilon))) after \(o.stepCount) step\(o.stepCount == 1 ? "" : "s")"
        case let o as RMSprop where o.epsilonInsideRoot:
            return
                "RMSprop(learning_rate=\(n(o.learningRate)), rho=\(n(o.alpha)), momentum=\(n(o.momentum)), epsilon=\(n(o.epsilon)))"
        case let o as Adam:
            return
                "adam(lr=\(n(o.learningRate)), beta1=\(n(o.beta1)), beta2=\(n(o.beta2)), eps=\(n(o.epsilon))) after \(o.stepCount) step\(o.stepCount == 1 ? "" : "s")"
        case let o as RMSprop:
            return
                "rmsprop(lr=\(n(o.learningRate)), alpha=\(n(o.alpha)), eps=\(n(o.epsilon)), momentum=\(n(o.momentum)))"
        default: return "optimizer(lr=\(n(optimizer.learningRate)))"
        }
    }
}
