import KisoTensor

/// Keras's `BatchNormalization` over the last axis: in training each feature is normalised
/// with the batch's mean and biased variance and the moving statistics move as
/// moving ← momentum·moving + (1 − momentum)·batch (Keras's momentum 0.99 is PyTorch's 0.01,
/// and Keras keeps the biased variance where PyTorch keeps the unbiased); outside training the
/// moving statistics are used. Epsilon 1e-3 (PyTorch: 1e-5).
public final class BatchNormalization: Layer {
    public let kind = "BatchNormalization"
    public var name = "batch_normalization"
    public var weights: [LayerWeight] = []
    public var inputShape: [Int]?
    /// The weight of the old moving statistics.
    public let momentum: Double
    /// Added to the variance.
    public let epsilon: Double

    /// A batch normalisation layer with Keras's defaults.
    public init(momentum: Double = 0.99, epsilon: Double = 1e-3) throws {
        guard (0...1).contains(momentum), epsilon > 0 else {
            throw TensorError(.value, "BatchNormalization: momentum must be in [0, 1] and epsilon > 0")
        }
        self.momentum = momentum
        self.epsilon = epsilon
    }

    public func makeWeights(inputShape: [Int], generator: Generator) throws -> [LayerWeight] {
        let n = try lastAxis(inputShape, kind, expected: "(batch, …, features)")
        return [
            LayerWeight("gamma", try Tensor.ones([n])), LayerWeight("beta", try Tensor.zeros([n])),
            LayerWeight("moving_mean", try Tensor.zeros([n]), trainable: false),
            LayerWeight("moving_variance", try Tensor.ones([n]), trainable: false),
        ]
    }

    public func outputShape(_ inputShape: [Int]) throws -> [Int] { inputShape }

    public func forward(_ x: Variable, _ weights: [Variable], _ context: ForwardContext) throws -> Variable {
        let input = try x.channelsFirst()
        let result = try batchNorm(
            input, runningMean: weights[2].value, runningVar: weights[3].value, weight: weights[0], bias: weights[1],
            training: context.training, epsilon: epsilon)
        if context.training {
            let axes = Array(0..<(x.rank - 1))
            let batch = x.detached
            let mean = try batch.mean(axes: axes).value
            let variance = try batch.variance(axes: axes).value
            func moved(_ old: Tensor, _ new: Tensor) throws -> Tensor {
                try Tensor.add(Tensor.multiply(old, Tensor(momentum)), Tensor.multiply(new, Tensor(1 - momentum)))
            }
            update(2, try moved(weights[2].value, mean), in: context)
            update(3, try moved(weights[3].value, variance), in: context)
        }
        return try result.output.channelsLast()
    }

    public var settings: String {
        let changed =
            (momentum == 0.99 ? [] : ["momentum=\(momentum)"]) + (epsilon == 1e-3 ? [] : ["epsilon=\(epsilon)"])
        return changed.joined(separator: ", ")
    }
}

/// Keras's `LayerNormalization` over the last axis: each sample's features normalised with
/// their mean and biased variance, then scaled by gamma and shifted by beta. Epsilon 1e-3
/// (PyTorch: 1e-5).
public final class LayerNormalization: Layer {
    public let kind = "LayerNormalization"
    public var name = "layer_normalization"
    public var weights: [LayerWeight] = []
    public var inputShape: [Int]?
    /// Added to the variance.
    public let epsilon: Double

    /// A layer normalisation layer.
    public init(epsilon: Double = 1e-3) throws {
        guard epsilon > 0 else { throw TensorError(.value, "LayerNormalization: epsilon must be > 0") }
        self.epsilon = epsilon
    }

    public func makeWeights(inputShape: [Int], generator: Generator) throws -> [LayerWeight] {
        let n = try lastAxis(inputShape, kind, expected: "(batch, …, features)")
        return [LayerWeight("gamma", try Tensor.ones([n])), LayerWeight("beta", try Tensor.zeros([n]))]
    }

    public func outputShape(_ inputShape: [Int]) throws -> [Int] { inputShape }

    public func forward(_ x: Variable, _ weights: [Variable], _ context: ForwardContext) throws -> Variable {
        try layerNorm(
            x, normalizedShape: [x.shape[x.rank - 1]], weight: weights[0], bias: weights[1], epsilon: epsilon)
    }

    public var settings: String { epsilon == 1e-3 ? "" : "epsilon=\(epsilon)" }
}
