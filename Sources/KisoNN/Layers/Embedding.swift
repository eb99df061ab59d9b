import KisoTensor

/// Whole-number class indices checked for `op`: every element whole and in 0 ..< `classes`.
func classIndices(_ indices: Tensor, classes: Int, op: String, what: String = "index") throws -> Tensor {
    guard indices.dtype != .float64 || indices.scalars.allSatisfy({ $0 == $0.rounded() }) else {
        throw TensorError(.value, "\(op): \(what)s must be whole numbers, got fractional values")
    }
    if let bad = indices.scalars.first(where: { $0 < 0 || $0 >= Double(classes) || $0.isNaN }) {
        throw TensorError(
            .index,
            "\(op): \(what) \(describeIndex(bad)) is out of range for \(classes) rows",
            hint: "\(what)s run from 0 to \(classes - 1)")
    }
    return indices.cast(to: .int64)
}

/// The most classes `one_hot` infers from its indices; larger encodings need num_classes given
/// (and then meet the allocation limit).
private let largestClassCount = 1 << 40

/// PyTorch's `one_hot`: an int64 tensor with a new last axis of `classes` (one more than the
/// largest index when nil) holding 1 at each index and 0 elsewhere.
public func oneHot(_ indices: Tensor, classes: Int? = nil) throws -> Tensor {
    let op = "one_hot"
    if let bad = indices.scalars.first(where: { $0 < 0 }) {
        throw TensorError(.index, "\(op): index \(bad) is negative", hint: "class indices start at 0")
    }
    let largest = indices.scalars.max() ?? -1
    guard classes != nil || largest < Double(largestClassCount) else {
        throw TensorError(.value, "\(op): index \(describeIndex(largest)) is too large for a one-hot encoding")
    }
    let count = classes ?? Int(largest) + 1
    guard count >= 1 else {
        throw TensorError(.value, "\(op): num_classes must be at least 1, got \(count)")
    }
    let checked = try classIndices(indices, classes: count, op: op)
    let classes = try positions(count, shape: [count])
    return try Tensor.equal(checked.expandingDims(-1), classes).cast(to: .int64)
}

/// PyTorch's `embedding`: the rows of `weight` (num_embeddings, dim) at `indices`, shaped
/// indices.shape + (dim,). Repeated indices add their gradients into the same row. The row at
/// `paddingIndex` (negative counts from the end) is looked up like any other but receives no
/// gradient, so a padding token's vector stays where it was initialised.
public func embedding(_ indices: Tensor, _ weight: Variable, paddingIndex: Int? = nil) throws -> Variable {
    let op = "embedding"
    guard weight.rank == 2 else {
        throw TensorError(
            .shape, "\(op): weight of shape \(formatShape(weight.shape)) — expected (num_embeddings, embedding_dim)")
    }
    let rows = try classIndices(indices, classes: weight.shape[0], op: op)
    let looked = try weight.subscripted([.tensor(rows)])
    guard let paddingIndex else { return looked }
    let count = weight.shape[0]
    guard paddingIndex >= -count, paddingIndex < count else {
        throw TensorError(
            .index, "\(op): padding_idx \(paddingIndex) is out of range for \(count) rows",
            hint: "padding_idx runs from \(-count) to \(count - 1)")
    }
    let padding = paddingIndex < 0 ? paddingIndex + count : paddingIndex
    let learned = try Tensor.notEqual(rows, Tensor(Double(padding))).expandingDims(-1)
    // The padding positions take the same values as constants, which cuts their gradient.
    return try Variable.where(learned, looked, Variable(looked.value))
}
