import KisoTensor

/// RMSprop, following `torch.optim.RMSprop`: v ← αv + (1 − α)g²; the step divides g by
/// √v + ε (by √(v − ḡ²) + ε when centered, ḡ a running mean of g), through a momentum buffer
/// b ← μb + g/(…) when momentum is set.
public struct RMSprop: Optimizer {
    /// The learning rate.
    public var learningRate: Double
    /// The smoothing constant α.
    public var alpha: Double
    /// Added to the denominator for stability.
    public var epsilon: Double
    /// Keras's placement of ε: p ← p − lr·g / √(v + ε); PyTorch (the default) uses √v + ε.
    public var epsilonInsideRoot = false
    /// The momentum factor μ.
    public var momentum: Double
    /// Whether to normalise by the estimated variance instead of the second moment.
    public var centered: Bool
    /// L2 penalty added to the gradient as `weightDecay · p`.
    public var weightDecay: Double
    private var squareAverages: [[Double]] = []
    private var gradientAverages: [[Double]] = []
    private var buffers: [[Double]] = []

    /// An optimizer with PyTorch's defaults.
    public init(
        learningRate: Double = 1e-2, alpha: Double = 0.99, epsilon: Double = 1e-8, momentum: Double = 0,
        centered: Bool = false, weightDecay: Double = 0
    ) throws {
        guard learningRate >= 0, alpha >= 0, epsilon >= 0, momentum >= 0, weightDecay >= 0 else {
            throw TensorError(
                .value,
                "rmsprop: lr \(learningRate), alpha \(alpha), eps \(epsilon), momentum \(momentum) — all must be ≥ 0",
                hint: "use non-negative hyperparameters")
        }
        self.learningRate = learningRate
        self.alpha = alpha
        self.epsilon = epsilon
        self.momentum = momentum
        self.centered = centered
        self.weightDecay = weightDecay
    }

    /// The parameters after one step.
    public mutating func step(_ params: [Tensor], _ grads: [Tensor]) throws -> [Tensor] {
        let pairs = try ParameterPairs(params, grads, op: "rmsprop")
        squareAverages = zeroState(squareAverages, like: pairs.params)
        gradientAverages = zeroState(gradientAverages, like: pairs.params)
        buffers = zeroState(buffers, like: pairs.params)
        var updated = pairs.params
        for k in updated.indices {
            let p = pairs.params[k]
            let g = pairs.grads[k]
            for i in p.indices {
                let d = weightDecay != 0 ? g[i] + weightDecay * p[i] : g[i]
                let v = squareAverages[k][i] * alpha + (1 - alpha) * d * d
                squareAverages[k][i] = v
                var average: Double
                if centered {
                    let mean = gradientAverages[k][i] + (1 - alpha) * (d - gradientAverages[k][i])
                    gradientAverages[k][i] = mean
                    average =
                        epsilonInsideRoot ? (v - mean * mean + epsilon).squareRoot() : (v - mean * mean).squareRoot()
                } else {
                    average = epsilonInsideRoot ? (v + epsilon).squareRoot() : v.squareRoot()
                }
                if !epsilonInsideRoot { average += epsilon }
                if momentum > 0 {
                    let b = buffers[k][i] * momentum + d / average
                    buffers[k][i] = b
                    updated[k][i] = p[i] - learningRate * b
                } else {
                    updated[k][i] = p[i] - learningRate * (d / average)
                }
            }
        }
        return try pairs.tensors(updated)
    }
}
