import KisoNN
import KisoTensor

/// Activation functions beyond relu, sigmoid, tanh and gelu, with PyTorch's names and defaults.
extension Registry {
    func registerActivations() {
        section("Activations")
        add(
            "leaky_relu", [param("x", .tensor), param("negative_slope", .number, .number(0.01))],
            doc: "x where x > 0, negative_slope·x elsewhere.", example: "leaky_relu([-2.0, 0.0, 3.0], 0.1)",
            grad: .tracedByBody
        ) { a in .traced(try leakyRelu(try a.variable("x"), negativeSlope: try a.number("negative_slope"))) }
        add(
            "elu", [param("x", .tensor), param("alpha", .number, .number(1))],
            doc: "x where x > 0, alpha·(exp(x) − 1) elsewhere.", example: "elu([-2.0, 0.0, 3.0])", grad: .tracedByBody
        ) { a in .traced(try elu(try a.variable("x"), alpha: try a.number("alpha"))) }
        add(
            "selu", [param("x", .tensor)],
            doc: "The self-normalising ELU: 1.0507·elu(x, 1.6733).", example: "selu([-2.0, 0.0, 3.0])",
            grad: .tracedByBody
        ) { a in .traced(try selu(try a.variable("x"))) }
        let silu: (inout Arguments) throws -> Value = { a in .traced(try KisoNN.silu(try a.variable("x"))) }
        add(
            "silu", [param("x", .tensor)], doc: "x·sigmoid(x), the sigmoid-weighted linear unit.",
            example: "silu([-2.0, 0.0, 3.0])", grad: .tracedByBody, silu)
        add(
            "swish", [param("x", .tensor)], doc: "Another name for silu.", example: "swish([-2.0, 0.0, 3.0])",
            grad: .tracedByBody, silu)
        add(
            "softplus",
            [param("x", .tensor), param("beta", .number, .number(1)), param("threshold", .number, .number(20))],
            doc: "log(1 + exp(beta·x))/beta, a smooth relu (x itself where beta·x > threshold).",
            example: "softplus([-2.0, 0.0, 3.0])", grad: .tracedByBody
        ) { a in
            .traced(try softplus(try a.variable("x"), beta: try a.number("beta"), threshold: try a.number("threshold")))
        }
        add(
            "mish", [param("x", .tensor)], doc: "x·tanh(softplus(x)).", example: "mish([-2.0, 0.0, 3.0])",
            grad: .tracedByBody
        ) { a in .traced(try mish(try a.variable("x"))) }
        add(
            "hardtanh",
            [param("x", .tensor), param("min_val", .number, .number(-1)), param("max_val", .number, .number(1))],
            doc: "x clipped to [min_val, max_val]; the gradient is 0 outside.", example: "hardtanh([-2.0, 0.5, 3.0])",
            grad: .tracedByBody
        ) { a in
            .traced(
                try hardtanh(try a.variable("x"), minValue: try a.number("min_val"), maxValue: try a.number("max_val")))
        }
        add(
            "softmin", [param("x", .tensor), param("axis", .int, .int(-1))],
            doc: "softmax(−x) along axis: the smallest values get the most weight.",
            example: "softmin([1.0, 2.0, 3.0])", grad: .tracedByBody
        ) { a in .traced(try softmin(try a.variable("x"), axis: try a.int("axis"))) }
    }
}
