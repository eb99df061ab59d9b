import KisoTensor

/// Losses between predictions and targets of the same shape, with PyTorch's semantics.

/// PyTorch's `binary_cross_entropy_with_logits`: softplus(x) − x·t, computed stably (its
/// gradient is σ(x) − t), times `weight` when given, reduced.
public func binaryCrossEntropyWithLogits(
    _ logits: Variable, _ targets: Variable, weight: Variable? = nil, reduction: Reduction = .mean
) throws -> Variable {
    guard (try? Tensor.broadcastShapes(logits.shape, targets.shape)) == logits.shape else {
        throw TensorError(
            .shape,
            "binary_cross_entropy_with_logits: targets of shape \(formatShape(targets.shape)) for logits of shape \(formatShape(logits.shape))",
            hint: "targets must have the logits' shape (reshape a (N,) target to (N, 1) or the logits to (N,))")
    }
    var losses = try logits.softplus() - logits * targets
    if let weight { losses = try losses * weight }
    return try reduction.apply(losses)
}

/// PyTorch's `mse_loss`: the squared errors (a − b)², reduced (the mean by default).
public func mseLoss(_ prediction: Variable, _ target: Variable, reduction: Reduction = .mean) throws -> Variable {
    let difference = try elementwiseDifference(prediction, target, op: "mse_loss")
    return try reduction.apply(difference * difference)
}

/// prediction − target, broadcasting as PyTorch's losses do, with the loss's name in the error.
private func elementwiseDifference(_ prediction: Variable, _ target: Variable, op: String) throws -> Variable {
    guard (try? Tensor.broadcastShapes(prediction.shape, target.shape)) != nil else {
        throw TensorError(
            .shape,
            "\(op): target of shape \(formatShape(target.shape)) for input of shape \(formatShape(prediction.shape))",
            hint: "give the target the input's shape")
    }
    return try prediction - target
}

/// PyTorch's `l1_loss`: the absolute errors |a − b|, reduced.
public func l1Loss(_ prediction: Variable, _ target: Variable, reduction: Reduction = .mean) throws -> Variable {
    try reduction.apply(elementwiseDifference(prediction, target, op: "l1_loss").abs())
}

/// PyTorch's `smooth_l1_loss`: ½d²/β where |d| < β, |d| − ½β elsewhere (d = a − b); β = 0 is the
/// L1 loss.
public func smoothL1Loss(
    _ prediction: Variable, _ target: Variable, beta: Double = 1, reduction: Reduction = .mean
) throws -> Variable {
    guard beta >= 0 else { throw TensorError(.value, "smooth_l1_loss: beta must be 0 or more, got \(beta)") }
    let d = try elementwiseDifference(prediction, target, op: "smooth_l1_loss")
    if beta == 0 { return try reduction.apply(d.abs()) }
    let small = try Tensor.less(d.value.abs(), Tensor(beta))
    return try reduction.apply(Variable.where(small, d * d * (0.5 / beta), d.abs() - 0.5 * beta))
}

/// PyTorch's `huber_loss`: ½d² where |d| ≤ δ, δ(|d| − ½δ) elsewhere; δ times smooth_l1 with β = δ.
public func huberLoss(
    _ prediction: Variable, _ target: Variable, delta: Double = 1, reduction: Reduction = .mean
) throws -> Variable {
    guard delta > 0 else { throw TensorError(.value, "huber_loss: delta must be positive, got \(delta)") }
    let d = try elementwiseDifference(prediction, target, op: "huber_loss")
    let small = try Tensor.lessEqual(d.value.abs(), Tensor(delta))
    return try reduction.apply(Variable.where(small, d * d * 0.5, (d.abs() - 0.5 * delta) * delta))
}

/// PyTorch's `binary_cross_entropy` on probabilities: −w(t·log p + (1 − t)·log(1 − p)), each
/// logarithm clipped below at −100 as PyTorch does, so p = 0 or 1 gives a finite loss. The
/// gradient is PyTorch's, w(p − t)/max(p(1 − p), 10⁻¹²).
public func binaryCrossEntropy(
    _ probabilities: Variable, _ targets: Variable, weight: Variable? = nil, reduction: Reduction = .mean
) throws -> Variable {
    let op = "binary_cross_entropy"
    guard targets.shape == probabilities.shape else {
        throw TensorError(
            .shape,
            "\(op): targets of shape \(formatShape(targets.shape)) for input of shape \(formatShape(probabilities.shape))",
            hint: "give the targets the input's shape")
    }
    let p = probabilities.value
    if let bad = p.scalars.first(where: { !($0 >= 0 && $0 <= 1) }) {
        throw TensorError(
            .value, "\(op): the input must hold probabilities in [0, 1], got \(bad)",
            hint: "apply sigmoid first, or use binary_cross_entropy_with_logits on the logits")
    }
    var losses = try Variable.binaryCrossEntropy(probabilities, targets)
    if let weight { losses = try losses * weight }
    return try reduction.apply(losses)
}

/// PyTorch's `kl_div(input, target)`: the pointwise t·(log t − input), where `input` holds
/// log-probabilities and `target` probabilities (log-probabilities with `logTarget`) — note the
/// order: the model's log-probabilities come first, and the result is KL(target ‖ model).
/// Terms with t = 0 count 0. `batchMean` divides the sum by the batch size, the true KL divergence;
/// `.mean` averages over every element, as PyTorch's default does.
public func klDiv(
    _ input: Variable, _ target: Variable, reduction: Reduction = .mean, batchMean: Bool = false,
    logTarget: Bool = false
) throws -> Variable {
    let op = "kl_div"
    _ = try elementwiseDifference(input, target, op: op)
    let losses: Variable
    if logTarget {
        losses = try target.exp() * (target - input)
    } else {
        // t·log t is 0 at t = 0; the logarithm of the zeros is replaced so no nan reaches the gradient.
        let positive = try Tensor.greater(target.value, Tensor(0))
        let safe = try Variable.where(positive, target, Variable(1))
        losses = try Variable.where(positive, target * (safe.log() - input), Variable(0) * input)
    }
    if batchMean {
        let batch = input.rank == 0 ? 1 : input.shape[0]
        return try losses.sum() / Double(Swift.max(batch, 1))
    }
    return try reduction.apply(losses)
}
