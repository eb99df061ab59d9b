import Glibc
import KisoTensor

/// Adam, following `torch.optim.Adam` (without amsgrad): moments m ← m + (1 − β₁)(g − m) and
/// v ← β₂v + (1 − β₂)g², then p ← p − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε).
public struct Adam: Optimizer {
    /// The learning rate.
    public var learningRate: Double
    /// The decay of the first moment, β₁.
    public var beta1: Double
    /// The decay of the second moment, β₂.
    public var beta2: Double
    /// Added to the denominator for stability.
    public var epsilon: Double
    /// L2 penalty added to the gradient as `weightDecay · p` (Adam's, not AdamW's).
    public var weightDecay: Double
    /// Keras's placement of ε: p ← p − lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ) · m / (√v + ε), i.e. ε added
    /// before the second moment's bias correction; PyTorch (the default) adds it after.
    public var epsilonBeforeCorrection = false
    /// The number of steps taken.
    public private(set) var stepCount = 0
    private var firstMoments: [[Double]] = []
    private var secondMoments: [[Double]] = []

    /// An optimizer with PyTorch's defaults.
    public init(
        learningRate: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8,
        weightDecay: Double = 0
    ) throws {
        guard learningRate >= 0, epsilon >= 0, (0..<1).contains(beta1), (0..<1).contains(beta2), weightDecay >= 0
        else {
            throw TensorError(
                .value, "adam: lr \(learningRate), betas (\(beta1), \(beta2)), eps \(epsilon) out of range",
                hint: "lr and eps must be ≥ 0 and each beta in [0, 1)")
        }
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
    }

    /// The parameters after one step.
    public mutating func step(_ params: [Tensor], _ grads: [Tensor]) throws -> [Tensor] {
        let pairs = try ParameterPairs(params, grads, op: "adam")
        firstMoments = zeroState(firstMoments, like: pairs.params)
        secondMoments = zeroState(secondMoments, like: pairs.params)
        stepCount += 1
        let t = Double(stepCount)
        let stepSize = learningRate / (1 - Glibc.pow(beta1, t))
        let correction2 = (1 - Glibc.pow(beta2, t)).squareRoot()
        var updated = pairs.params
        for k in updated.indices {
            let p = pairs.params[k]
            let g = pairs.grads[k]
            for i in p.indices {
                let d = weightDecay != 0 ? g[i] + weightDecay * p[i] : g[i]
                let m = firstMoments[k][i] + (1 - beta1) * (d - firstMoments[k][i])
                let v = secondMoments[k][i] * beta2 + (1 - beta2) * d * d
                firstMoments[k][i] = m
                secondMoments[k][i] = v
                let denominator =
                    epsilonBeforeCorrection
                    ? (v.squareRoot() + epsilon) / correction2 : v.squareRoot() / correction2 + epsilon
                updated[k][i] = p[i] - stepSize * (m / denominator)
            }
        }
        return try pairs.tensors(updated)
    }
}
