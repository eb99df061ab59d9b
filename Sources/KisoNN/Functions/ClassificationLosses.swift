import KisoTensor

/// Losses over class scores: `nll_loss` and `cross_entropy`, with PyTorch's class axis (axis 1
/// of a batch, the only axis of one example), class weights, `ignore_index`, label smoothing and
/// probability targets.

/// Scores laid out as rows of classes: (C,) is one row, (N, C) N rows, and (N, C, d₁, …) moves
/// the class axis last so every position is a row. Returns the (M, C) rows and the shape the
/// per-row losses take without reduction.
private func classRows(_ scores: Variable, op: String) throws -> (rows: Variable, lossShape: [Int]) {
    switch scores.rank {
    case 0:
        throw TensorError(
            .shape, "\(op): 0-d input — expected (C,), (N, C) or (N, C, d1, …)",
            hint: "put the batch on axis 0 and the classes on axis 1")
    case 1: return (try scores.reshaped([1, scores.shape[0]]), [])
    case 2: return (scores, [scores.shape[0]])
    default:
        let order = [0] + Array(2..<scores.rank) + [1]
        let lossShape = [scores.shape[0]] + Array(scores.shape.dropFirst(2))
        return (try scores.transposed(order).reshaped([-1, scores.shape[1]]), lossShape)
    }
}

/// Checks optional class weights: one per class.
private func checkWeight(_ weight: Tensor?, classes: Int, op: String) throws {
    if let weight, weight.shape != [classes] {
        throw TensorError(
            .shape,
            "\(op): weight of shape \(formatShape(weight.shape)) for \(classes) classes — expected (\(classes),)")
    }
}

/// The per-row negative log-likelihoods of index targets and their weights (0 for ignored
/// rows), from (M, C) log-probabilities.
private func indexTargetLosses(
    _ logProbabilities: Variable, _ targets: Tensor, weight: Tensor?, ignoreIndex: Int, lossShape: [Int], op: String
) throws -> (losses: Variable, weights: Tensor) {
    let classes = logProbabilities.shape[1]
    guard targets.shape == lossShape else {
        throw TensorError(
            .shape,
            "\(op): target of shape \(formatShape(targets.shape)) — expected \(formatShape(lossShape)), one class index per row",
            hint: "class probabilities go in a target of the input's shape")
    }
    guard targets.dtype != .float64 || targets.scalars.allSatisfy({ $0 == $0.rounded() }) else {
        throw TensorError(
            .value, "\(op): targets must be whole class indices, got fractional values",
            hint: "pass integer class labels, or class probabilities in a target of the input's shape")
    }
    let ignored = Double(ignoreIndex)
    if let bad = targets.scalars.first(where: { $0 != ignored && ($0 < 0 || $0 >= Double(classes)) }) {
        throw TensorError(
            .index, "\(op): target \(describeIndex(bad)) is out of range for \(classes) classes",
            hint: "class indices run from 0 to \(classes - 1)")
    }
    let flat = targets.scalars
    let safe = flat.map { $0 == ignored ? 0 : $0 }
    let weights = flat.map { t -> Double in
        if t == ignored { return 0 }
        return weight.map { $0.scalars[Int(t)] } ?? 1
    }
    let rows = try positions(flat.count, shape: [flat.count])
    let columns = try Tensor(shape: [flat.count], scalars: safe, dtype: .int64)
    let picked = try logProbabilities.subscripted([.tensor(rows), .tensor(columns)])
    let w = try Tensor(shape: [flat.count], scalars: weights)
    return (try (picked * Variable(w)).negated(), w)
}

/// The reduction of per-row losses of index targets: the mean is weighted, dividing by the
/// total weight of the rows not ignored (PyTorch's rule).
private func reduceWeighted(
    _ losses: Variable, weights: Tensor, lossShape: [Int], _ reduction: Reduction
) throws
    -> Variable
{
    switch reduction {
    case .mean: return try losses.sum() / Variable(try weights.sum())
    case .sum: return try losses.sum()
    case .none: return try losses.reshaped(lossShape)
    }
}

/// PyTorch's `nll_loss`: −w[t]·input[t] for log-probabilities `input` and class indices `t`;
/// rows whose target is `ignoreIndex` count nothing.
public func nllLoss(
    _ logProbabilities: Variable, _ targets: Tensor, weight: Tensor? = nil, ignoreIndex: Int = -100,
    reduction: Reduction = .mean
) throws -> Variable {
    let op = "nll_loss"
    let (rows, lossShape) = try classRows(logProbabilities, op: op)
    try checkWeight(weight, classes: rows.shape[1], op: op)
    let (losses, weights) = try indexTargetLosses(
        rows, targets, weight: weight, ignoreIndex: ignoreIndex, lossShape: lossShape, op: op)
    return try reduceWeighted(losses, weights: weights, lossShape: lossShape, reduction)
}

/// PyTorch's `cross_entropy`: log_softmax over the classes, then the negative log-likelihood of
/// the targets — class indices (with `weight`, `ignoreIndex`) or, in a target of the input's
/// shape, class probabilities. `labelSmoothing` ε mixes each target with the uniform
/// distribution: (1 − ε)·target + ε/C.
public func crossEntropy(
    _ logits: Variable, _ targets: Tensor, weight: Tensor? = nil, ignoreIndex: Int = -100,
    reduction: Reduction = .mean, labelSmoothing: Double = 0
) throws -> Variable {
    let op = "cross_entropy"
    guard labelSmoothing >= 0, labelSmoothing <= 1 else {
        throw TensorError(.value, "\(op): label_smoothing must be between 0 and 1, got \(labelSmoothing)")
    }
    let (rows, lossShape) = try classRows(logits, op: op)
    let classes = rows.shape[1]
    try checkWeight(weight, classes: classes, op: op)
    let logProbabilities = try rows.logSoftmax(axis: 1)
    let classWeights = weight.map { Variable($0) } ?? Variable(1)
    if targets.shape == logits.shape && logits.rank >= 1 && targets.dtype == .float64 {
        // Class probabilities: −Σ_c w_c·t_c·log p_c per row; the mean is over rows, unweighted.
        let (probabilities, _) = try classRows(Variable(targets), op: op)
        var mixed = probabilities
        if labelSmoothing > 0 { mixed = try probabilities * (1 - labelSmoothing) + labelSmoothing / Double(classes) }
        let losses = try (logProbabilities * mixed * classWeights).sum(axes: [1]).negated()
        return reduction == .none ? try losses.reshaped(lossShape) : try reduction.apply(losses)
    }
    let (nll, weights) = try indexTargetLosses(
        logProbabilities, targets, weight: weight, ignoreIndex: ignoreIndex, lossShape: lossShape, op: op)
    let loss = try reduceWeighted(nll, weights: weights, lossShape: lossShape, reduction)
    guard labelSmoothing > 0 else { return loss }
    // The uniform part: −Σ_c w_c·log p_c per row, zero on ignored rows, normalised like the nll.
    let kept = try Tensor.greater(weights, Tensor(0)).cast(to: .float64)
    let ignoredRows = try targets.reshaped([-1]).scalars.map { $0 == Double(ignoreIndex) ? 0.0 : 1.0 }
    let uniform = try (logProbabilities * classWeights).sum(axes: [1]).negated() * Variable(Tensor(ignoredRows))
    let smooth: Variable
    switch reduction {
    case .mean: smooth = try uniform.sum() / Variable(weight == nil ? try kept.sum() : try weights.sum())
    case .sum: smooth = try uniform.sum()
    case .none: smooth = try uniform.reshaped(lossShape)
    }
    return try loss * (1 - labelSmoothing) + smooth * (labelSmoothing / Double(classes))
}
