import KisoTensor

/// PyTorch's `clip_grad_norm_`, as a function: the global 2-norm of all the gradients together,
/// and the gradients scaled by min(1, maxNorm / (norm + 1e-6)).
public func clipGradNorm(_ grads: [Tensor], maxNorm: Double) throws -> (grads: [Tensor], totalNorm: Double) {
    guard maxNorm >= 0 else {
        throw TensorError(.value, "clip_grad_norm: max_norm \(maxNorm) is negative", hint: "use a norm ≥ 0")
    }
    var sumOfSquares = 0.0
    for g in grads {
        let n = try g.norm().scalar ?? 0
        sumOfSquares += n * n
    }
    let total = sumOfSquares.squareRoot()
    let coefficient = Swift.min(maxNorm / (total + 1e-6), 1)
    let scaled = try grads.map { try Tensor.multiply($0, Tensor(coefficient)) }
    return (scaled, total)
}

/// `clipGradNorm` over a tree of gradients.
public func clipGradNorm(_ grads: Tree<Tensor>, maxNorm: Double) throws -> (grads: Tree<Tensor>, totalNorm: Double) {
    let (leaves, total) = try clipGradNorm(grads.leaves, maxNorm: maxNorm)
    return (try grads.replacingLeaves(with: leaves), total)
}
