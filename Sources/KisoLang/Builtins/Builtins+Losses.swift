import KisoNN
import KisoTensor

/// Loss functions with PyTorch's names, argument order and `reduction` ("mean", "sum", "none").
extension Registry {
    func registerLossFunctions() {
        section("Losses")
        add(
            "cross_entropy",
            [
                param("logits", .tensor), param("targets", .tensor), param("weight", .tensor, .none),
                param("ignore_index", .int, .int(-100)), param("reduction", .string, .string("mean")),
                param("label_smoothing", .number, .number(0)),
            ],
            doc:
                "−log softmax(logits) at each target class (class axis 1); targets are class indices or, with the logits' shape, probabilities.",
            example: "cross_entropy([[2.0, 0.5], [0.1, 1.0]], [0, 1])", grad: .tracedByBody
        ) { a in
            .traced(
                try crossEntropy(
                    try a.variable("logits"), try a.tensor("targets"), weight: try a.optionalTensor("weight"),
                    ignoreIndex: try a.int("ignore_index"),
                    reduction: try a.reduction("reduction"), labelSmoothing: try a.number("label_smoothing")))
        }
        add(
            "nll_loss",
            [
                param("log_probs", .tensor), param("targets", .tensor), param("weight", .tensor, .none),
                param("ignore_index", .int, .int(-100)), param("reduction", .string, .string("mean")),
            ],
            doc: "−log_probs at each target class index, weighted; the mean divides by the total weight.",
            example: "nll_loss(log_softmax([[2.0, 0.5], [0.1, 1.0]]), [0, 1])", grad: .tracedByBody
        ) { a in
            .traced(
                try nllLoss(
                    try a.variable("log_probs"), try a.tensor("targets"), weight: try a.optionalTensor("weight"),
                    ignoreIndex: try a.int("ignore_index"),
                    reduction: try a.reduction("reduction")))
        }
        add(
            "binary_cross_entropy",
            [
                param("probs", .tensor), param("targets", .tensor), param("weight", .tensor, .none),
                param("reduction", .string, .string("mean")),
            ],
            doc: "−(t·log p + (1−t)·log(1−p)) for probabilities p, each log clipped at −100 as PyTorch does.",
            example: "binary_cross_entropy([0.9, 0.2], [1.0, 0.0])", grad: .tracedByBody
        ) { a in
            .traced(
                try binaryCrossEntropy(
                    try a.variable("probs"), try a.variable("targets"), weight: try a.optionalVariable("weight"),
                    reduction: try a.reduction("reduction")))
        }
        let bce: (inout Arguments) throws -> Value = { a in
            .traced(
                try binaryCrossEntropyWithLogits(
                    try a.variable("logits"), try a.variable("targets"), weight: try a.optionalVariable("weight"),
                    reduction: try a.reduction("reduction")))
        }
        let bceParameters = [
            param("logits", .tensor), param("targets", .tensor), param("weight", .tensor, .none),
            param("reduction", .string, .string("mean")),
        ]
        add(
            "binary_cross_entropy_with_logits", bceParameters,
            doc: "The binary cross-entropy of sigmoid(logits) against targets in [0, 1], computed stably.",
            example: "binary_cross_entropy_with_logits([2.0, -1.0], [1, 0])", grad: .tracedByBody, bce)
        add(
            "bce_with_logits", bceParameters, doc: "Short for binary_cross_entropy_with_logits.",
            example: "bce_with_logits([2.0, -1.0], [1, 0])", grad: .tracedByBody, bce)
        add(
            "mse_loss",
            [param("prediction", .tensor), param("target", .tensor), param("reduction", .string, .string("mean"))],
            doc: "The squared errors (prediction − target)², averaged by default.",
            example: "mse_loss([1.0, 2.0], [1.5, 2.0])", grad: .tracedByBody
        ) { a in
            .traced(
                try mseLoss(
                    try a.variable("prediction"), try a.variable("target"), reduction: try a.reduction("reduction")))
        }
        add(
            "l1_loss",
            [param("prediction", .tensor), param("target", .tensor), param("reduction", .string, .string("mean"))],
            doc: "The absolute errors |prediction − target|, averaged by default.",
            example: "l1_loss([1.0, 2.0], [1.5, 2.0])", grad: .tracedByBody
        ) { a in
            .traced(
                try l1Loss(
                    try a.variable("prediction"), try a.variable("target"), reduction: try a.reduction("reduction")))
        }
        add(
            "smooth_l1_loss",
            [
                param("prediction", .tensor), param("target", .tensor), param("reduction", .string, .string("mean")),
                param("beta", .number, .number(1)),
            ],
            doc: "½d²/beta where |d| < beta, |d| − ½beta elsewhere (d = prediction − target).",
            example: "smooth_l1_loss([0.0, 3.0], [0.5, 0.0])", grad: .tracedByBody
        ) { a in
            .traced(
                try smoothL1Loss(
                    try a.variable("prediction"), try a.variable("target"), beta: try a.number("beta"),
                    reduction: try a.reduction("reduction")))
        }
        add(
            "huber_loss",
            [
                param("prediction", .tensor), param("target", .tensor), param("reduction", .string, .string("mean")),
                param("delta", .number, .number(1)),
            ],
            doc: "½d² where |d| ≤ delta, delta·(|d| − ½delta) elsewhere.",
            example: "huber_loss([0.0, 3.0], [0.5, 0.0])", grad: .tracedByBody
        ) { a in
            .traced(
                try huberLoss(
                    try a.variable("prediction"), try a.variable("target"), delta: try a.number("delta"),
                    reduction: try a.reduction("reduction")))
        }
        add(
            "kl_div",
            [
                param("input", .tensor), param("target", .tensor), param("reduction", .string, .string("mean")),
                param("log_target", .bool, .bool(false)),
            ],
            doc:
                "PyTorch's order: input holds the model's log-probabilities, target probabilities; t·(log t − input) = KL(target‖model). reduction also takes \"batchmean\".",
            example: "kl_div(log([0.5, 0.5]), [0.9, 0.1], reduction=\"sum\")", grad: .tracedByBody
        ) { a in
            let name = try a.string("reduction")
            return .traced(
                try klDiv(
                    try a.variable("input"), try a.variable("target"),
                    reduction: name == "batchmean" ? .sum : try a.reduction("reduction"),
                    batchMean: name == "batchmean", logTarget: try a.bool("log_target")))
        }
        add(
            "cosine_similarity",
            [
                param("x1", .tensor), param("x2", .tensor), param("dim", .int, .int(1)),
                param("eps", .number, .number(1e-8)),
            ],
            doc: "x1·x2 / (‖x1‖·‖x2‖) along dim (each norm at least eps).",
            example: "cosine_similarity([[1.0, 0.0]], [[1.0, 1.0]])", grad: .tracedByBody
        ) { a in
            .traced(
                try cosineSimilarity(
                    try a.variable("x1"), try a.variable("x2"), axis: try a.int("dim"), epsilon: try a.number("eps"))
            )
        }
    }
}

extension Arguments {
    /// A `reduction` argument.
    func reduction(_ name: String) throws -> Reduction {
        try Reduction(named: try string(name), op: builtin.name)
    }
}
