import KisoTensor

/// Loss functions with PyTorch's semantics and mean reduction.

/// PyTorch's `cross_entropy(logits, targets)`: the mean over the batch of −log softmax(logits)
/// at each target class. `logits` is (N, C) with `targets` N whole class indices, or (C,) with
/// one 0-d target.
public func crossEntropy(_ logits: Variable, _ targets: Tensor) throws -> Variable {
    let op = "cross_entropy"
    guard logits.rank == 1 || logits.rank == 2 else {
        throw TensorError(
            .shape, "\(op): logits of shape \(formatShape(logits.shape)) — expected (N, C) or (C,)",
            hint: "put the classes on the last axis and the batch on the first")
    }
    let batched = logits.rank == 2
    let classes = logits.shape[logits.rank - 1]
    let expected = batched ? [logits.shape[0]] : []
    guard targets.shape == expected else {
        throw TensorError(
            .shape,
            "\(op): targets of shape \(formatShape(targets.shape)) for logits of shape \(formatShape(logits.shape)); expected \(formatShape(expected))",
            hint: "give one class index per row of logits")
    }
    guard targets.dtype != .float64 || targets.scalars.allSatisfy({ $0 == $0.rounded() }) else {
        throw TensorError(
            .value, "\(op): targets must be whole class indices, got fractional values",
            hint: "pass integer class labels (for probabilities use a soft-label loss)")
    }
    if let bad = targets.scalars.first(where: { $0 < 0 || $0 >= Double(classes) }) {
        throw TensorError(
            .index, "\(op): target \(Int(exactly: bad).map(String.init) ?? "\(bad)") is out of range for \(classes) classes",
            hint: "class indices run from 0 to \(classes - 1)")
    }
    let logProbabilities = try logits.logSoftmax(axis: -1)
    let positions = targets.cast(to: .int64)
    if !batched { return try logProbabilities.subscripted([.tensor(positions)]).negated() }
    let rows = try Tensor(shape: [logits.shape[0]], scalars: (0..<logits.shape[0]).map(Double.init), dtype: .int64)
    return try logProbabilities.subscripted([.tensor(rows), .tensor(positions)]).mean().negated()
}

/// PyTorch's `binary_cross_entropy_with_logits`: the mean of softplus(x) − x·t, computed
/// stably; its gradient is σ(x) − t.
public func binaryCrossEntropyWithLogits(_ logits: Variable, _ targets: Variable) throws -> Variable {
    guard (try? Tensor.broadcastShapes(logits.shape, targets.shape)) == logits.shape else {
        throw TensorError(
            .shape,
            "binary_cross_entropy_with_logits: targets of shape \(formatShape(targets.shape)) for logits of shape \(formatShape(logits.shape))",
            hint: "targets must have the logits' shape (reshape a (N,) target to (N, 1) or the logits to (N,))")
    }
    return try (logits.softplus() - logits * targets).mean()
}

/// The mean squared error, mean((a − b)²).
public func mseLoss(_ prediction: Variable, _ target: Variable) throws -> Variable {
    let difference = try prediction - target
    return try (difference * difference).mean()
}
