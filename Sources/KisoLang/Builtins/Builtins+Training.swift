import KisoNN
import KisoTensor

/// Optimizers, gradient clipping, learning-rate schedules and the losses a training loop uses.
extension Registry {
    func registerTraining() {
        section("Optimizers and training")
        register(OptimizerObject.self)
        add(
            "sgd",
            [
                param("lr", .number, .number(0.1)), param("momentum", .number, .int(0)),
                param("nesterov", .bool, .bool(false)), param("weight_decay", .number, .int(0)),
            ],
            doc: "Stochastic gradient descent (PyTorch's update, with momentum and Nesterov); use opt.step.",
            example: "opt = sgd(lr=0.1, momentum=0.9)"
        ) { a in
            let optimizer = try SGD(
                learningRate: try a.number("lr"), momentum: try a.number("momentum"), nesterov: try a.bool("nesterov"),
                weightDecay: try a.number("weight_decay"))
            return .object(OptimizerObject(optimizer))
        }
        add(
            "adam",
            [
                param("lr", .number, .number(0.001)), param("beta1", .number, .number(0.9)),
                param("beta2", .number, .number(0.999)), param("eps", .number, .number(1e-8)),
                param("weight_decay", .number, .int(0)),
            ],
            doc: "Adam with bias correction (PyTorch's update); use opt.step.", example: "opt = adam(lr=0.01)"
        ) { a in
            let optimizer = try Adam(
                learningRate: try a.number("lr"), beta1: try a.number("beta1"), beta2: try a.number("beta2"),
                epsilon: try a.number("eps"), weightDecay: try a.number("weight_decay"))
            return .object(OptimizerObject(optimizer))
        }
        add(
            "rmsprop",
            [
                param("lr", .number, .number(0.01)), param("alpha", .number, .number(0.99)),
                param("eps", .number, .number(1e-8)), param("momentum", .number, .int(0)),
                param("weight_decay", .number, .int(0)),
            ],
            doc: "RMSprop (PyTorch's update); use opt.step.", example: "opt = rmsprop(lr=0.01)"
        ) { a in
            let optimizer = try RMSprop(
                learningRate: try a.number("lr"), alpha: try a.number("alpha"), epsilon: try a.number("eps"),
                momentum: try a.number("momentum"), weightDecay: try a.number("weight_decay"))
            return .object(OptimizerObject(optimizer))
        }
        add(
            "clip_grad_norm", [param("grads", .any), param("max_norm", .number)],
            doc:
                "The gradients scaled so their global 2-norm is at most max_norm, and that norm: (clipped, total_norm).",
            example: "g, total = clip_grad_norm([3.0, 4.0], 1.0)"
        ) { a in
            let grads = try Pytree.tensorLeaves(try a["grads"], "grads")
            let (clipped, total) = try clipGradNorm(grads, maxNorm: try a.number("max_norm"))
            let rebuilt = try Pytree.rebuild(try a["grads"], leaves: clipped) { original, t in
                if original.isScalarNumber, let x = t.scalar { return .number(x) }
                return .tensor(t)
            }
            return .tuple([rebuilt, .number(total)])
        }
        registerSchedules()
        registerLosses()
    }

    private func registerSchedules() {
        add(
            "lr_step",
            [
                param("step", .int), param("lr", .number), param("step_size", .int),
                param("gamma", .number, .number(0.1)),
            ],
            doc: "Step decay: lr · gamma^⌊step / step_size⌋ (PyTorch's StepLR).", example: "lr_step(25, 0.1, 10)"
        ) { a in
            .number(
                LearningRateSchedule.stepDecay(
                    baseRate: try a.number("lr"), stepSize: try positive(a, "step_size"), gamma: try a.number("gamma"),
                    step: try a.int("step"))
            )
        }
        add(
            "lr_exponential", [param("step", .int), param("lr", .number), param("gamma", .number)],
            doc: "Exponential decay: lr · gamma^step (PyTorch's ExponentialLR).", example: "lr_exponential(3, 0.1, 0.5)"
        ) { a in
            .number(
                LearningRateSchedule.exponential(
                    baseRate: try a.number("lr"), gamma: try a.number("gamma"), step: try a.int("step")))
        }
        add(
            "lr_cosine",
            [param("step", .int), param("lr", .number), param("t_max", .int), param("eta_min", .number, .int(0))],
            doc: "Cosine annealing from lr down to eta_min over t_max steps (PyTorch's CosineAnnealingLR).",
            example: "lr_cosine(50, 0.1, 100)"
        ) { a in
            .number(
                LearningRateSchedule.cosineAnnealing(
                    baseRate: try a.number("lr"), maxSteps: try positive(a, "t_max"), minRate: try a.number("eta_min"),
                    step: try a.int("step")))
        }
    }

    private func registerLosses() {
        section("Neural-network functions")
        add(
            "gelu", [param("x", .tensor), param("approximate", .any, .string("none"))],
            doc:
                "x·Φ(x), the Gaussian error linear unit; approximate=\"tanh\" (PyTorch's spelling, or true) uses the tanh approximation.",
            example: "gelu([-1, 0, 1], approximate=\"tanh\")", grad: .tracedByBody
        ) { a in .traced(try KisoNN.gelu(try a.variable("x"), approximate: try geluApproximation(try a["approximate"])))
        }
        add(
            "layer_norm",
            [
                param("x", .tensor), param("normalized_shape", .shape, .none), param("weight", .tensor, .none),
                param("bias", .tensor, .none), param("eps", .number, .number(1e-5)),
            ],
            doc: "Each sample normalised over its last dimensions (the last one by default), then scaled and shifted.",
            example: "layer_norm([[1.0, 2.0, 3.0]])", grad: .tracedByBody
        ) { a in
            let x = try a.variable("x")
            let shape = try a.optionalShape("normalized_shape") ?? (x.rank > 0 ? [x.shape[x.rank - 1]] : [])
            return .traced(
                try layerNorm(
                    x, normalizedShape: shape, weight: try a.optionalVariable("weight"),
                    bias: try a.optionalVariable("bias"),
                    epsilon: try a.number("eps")))
        }
    }
}

/// An argument that counts steps, checked to be at least 1.
private func positive(_ a: Arguments, _ parameter: String) throws -> Int {
    let n = try a.int(parameter)
    guard n >= 1 else {
        throw KisoError(
            .value, "`\(a.builtin.name)`: \(parameter) must be at least 1, got \(n)",
            hint: "give a positive number of steps")
    }
    return n
}

/// gelu's approximate argument: PyTorch's "none" / "tanh", or a bool.
private func geluApproximation(_ value: Value) throws -> Bool {
    switch value {
    case .string("none"): return false
    case .string("tanh"): return true
    case .bool(let b): return b
    default:
        throw KisoError(
            .value, "gelu: approximate must be \"none\" or \"tanh\", got \(value.repr)",
            hint: "write gelu(x, approximate=\"tanh\") for the tanh approximation")
    }
}
