import KisoNN
import KisoTensor

/// Keras's optimizers with Keras's names, defaults and updates (the lower-case sgd, adam and
/// rmsprop are PyTorch's).
extension Registry {
    func registerKerasOptimizers() {
        add(
            "Adam",
            [
                param("learning_rate", .number, .number(0.001)), param("beta_1", .number, .number(0.9)),
                param("beta_2", .number, .number(0.999)), param("epsilon", .number, .number(1e-7)),
            ],
            doc:
                "Keras's Adam: epsilon 1e-7 added before the bias correction, lr·√(1−β₂ᵗ)/(1−β₁ᵗ)·m/(√v+ε) (PyTorch's adam: 1e-8, after).",
            example: "opt = Adam(learning_rate=0.01)"
        ) { a in
            .object(
                OptimizerObject(
                    try kerasAdam(
                        learningRate: try a.number("learning_rate"), beta1: try a.number("beta_1"),
                        beta2: try a.number("beta_2"), epsilon: try a.number("epsilon"))))
        }
        add(
            "SGD",
            [
                param("learning_rate", .number, .number(0.01)), param("momentum", .number, .int(0)),
                param("nesterov", .bool, .bool(false)),
            ],
            doc: "Keras's SGD (learning rate 0.01 by default), with momentum and Nesterov.",
            example: "opt = SGD(learning_rate=0.1, momentum=0.9)"
        ) { a in
            .object(
                OptimizerObject(
                    try SGD(
                        learningRate: try a.number("learning_rate"), momentum: try a.number("momentum"),
                        nesterov: try a.bool("nesterov"))))
        }
        add(
            "RMSprop",
            [
                param("learning_rate", .number, .number(0.001)), param("rho", .number, .number(0.9)),
                param("momentum", .number, .int(0)), param("epsilon", .number, .number(1e-7)),
            ],
            doc:
                "Keras's RMSprop: rho 0.9, lr·g/√(v+ε) with ε 1e-7 inside the root (PyTorch's rmsprop: alpha 0.99, √v+1e-8).",
            example: "opt = RMSprop(learning_rate=0.01)"
        ) { a in
            .object(
                OptimizerObject(
                    try kerasRMSprop(
                        learningRate: try a.number("learning_rate"), rho: try a.number("rho"),
                        momentum: try a.number("momentum"), epsilon: try a.number("epsilon"))))
        }
    }
}
