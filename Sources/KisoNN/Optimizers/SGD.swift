import KisoTensor

/// Stochastic gradient descent with optional momentum, Nesterov momentum and weight decay,
/// following `torch.optim.SGD`: the momentum buffer starts as the first gradient, then
/// b ← μb + (1 − dampening)g; the step is g + μb with Nesterov, b without.
public struct SGD: Optimizer {
    /// The learning rate.
    public var learningRate: Double
    /// The momentum factor μ (0 for plain gradient descent).
    public var momentum: Double
    /// Dampening of the momentum buffer's new term.
    public var dampening: Double
    /// Whether to use Nesterov momentum.
    public var nesterov: Bool
    /// L2 penalty added to the gradient as `weightDecay · p`.
    public var weightDecay: Double
    private var buffers: [[Double]] = []

    /// An optimizer with PyTorch's defaults.
    public init(
        learningRate: Double = 1e-3, momentum: Double = 0, dampening: Double = 0, nesterov: Bool = false,
        weightDecay: Double = 0
    ) throws {
        guard learningRate >= 0, momentum >= 0, weightDecay >= 0 else {
            throw TensorError(
                .value, "sgd: lr \(learningRate), momentum \(momentum), weight_decay \(weightDecay) — all must be ≥ 0",
                hint: "use non-negative hyperparameters")
        }
        guard !nesterov || (momentum > 0 && dampening == 0) else {
            throw TensorError(
                .value, "sgd: nesterov momentum needs momentum > 0 and dampening 0",
                hint: "set momentum (e.g. 0.9) or turn nesterov off")
        }
        self.learningRate = learningRate
        self.momentum = momentum
        self.dampening = dampening
        self.nesterov = nesterov
        self.weightDecay = weightDecay
    }

    /// The parameters after one step.
    public mutating func step(_ params: [Tensor], _ grads: [Tensor]) throws -> [Tensor] {
        let pairs = try ParameterPairs(params, grads, op: "sgd")
        let firstStep = buffers.count != params.count
        if firstStep { buffers = zeroState([], like: pairs.params) }
        var updated: [[Double]] = []
        updated.reserveCapacity(params.count)
        for k in pairs.params.indices {
            let p = pairs.params[k]
            let g = pairs.grads[k]
            // Element by element through buffers: indexing the nested arrays would check that
            // each is uniquely held once per element.
            let next = [Double](unsafeUninitializedCapacity: p.count) { out, initialized in
                buffers[k].withUnsafeMutableBufferPointer { buffer in
                    for i in p.indices {
                        var d = g[i]
                        if weightDecay != 0 { d += weightDecay * p[i] }
                        if momentum != 0 {
                            let b = firstStep ? d : momentum * buffer[i] + (1 - dampening) * d
                            buffer[i] = b
                            d = nesterov ? d + momentum * b : b
                        }
                        out[i] = p[i] - learningRate * d
                    }
                }
                initialized = p.count
            }
            updated.append(next)
        }
        return try pairs.tensors(updated)
    }
}
