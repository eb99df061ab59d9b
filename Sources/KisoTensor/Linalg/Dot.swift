/// NumPy's `dot`: the sum product over the last axis of `a` and the second-to-last of `b`.
///
/// With a 0-d operand it is elementwise multiplication; for two vectors the inner product (a
/// 0-d result); for matrices the matrix product; for an N-d `a` and M-d `b` (M ≥ 2) the result
/// has shape `a.shape[:-1] + b.shape[:-2] + b.shape[-1:]` — unlike `matmul`, the leading
/// dimensions do not broadcast but combine. The dtype is a product's (`productDType`). Computed
/// by `Variable.dot`, the one implementation.
public func dot(_ a: Tensor, _ b: Tensor) throws -> Tensor {
    try Variable.dot(Variable(a), Variable(b)).value
}

/// NumPy's `vdot` for real tensors: both flattened, then their inner product (0-d).
/// The sizes must agree; the shapes need not.
public func vdot(_ a: Tensor, _ b: Tensor) throws -> Tensor {
    guard a.count == b.count else {
        throw TensorError.shape(
            "vdot: \(formatShape(a.shape)) and \(formatShape(b.shape)) hold \(a.count) and \(b.count) elements",
            hint: "vdot flattens both tensors, so they need the same number of elements")
    }
    return try matmul(flattened(a), flattened(b))
}

/// NumPy's `inner`: the sum product over the last axes of both operands, shaped
/// `a.shape[:-1] + b.shape[:-1]`; with a 0-d operand, elementwise multiplication, with a
/// product's dtype. The kernel `Variable.inner` records with its derivative.
public func inner(_ a: Tensor, _ b: Tensor) throws -> Tensor {
    let op = "inner"
    if a.rank == 0 || b.rank == 0 { return try Tensor.multiply(a, b) }
    let k = a.shape[a.rank - 1]
    guard k == b.shape[b.rank - 1] else {
        throw TensorError.shape(
            "\(op): shapes \(formatShape(a.shape)) and \(formatShape(b.shape)) — last dimensions \(k) and \(b.shape[b.rank - 1]) differ",
            hint: "inner sums over the last axis of both tensors, so those sizes must match")
    }
    let leadA = Array(a.shape.dropLast())
    let leadB = Array(b.shape.dropLast())
    let shape = leadA + leadB
    let count = try Tensor.checkedCount(of: shape, op: op)
    let dtype = productDType(a.dtype, b.dtype)
    if count == 0 { return Tensor(uncheckedShape: shape, storage: [], dtype: dtype) }
    let p = leadA.reduce(1, *)
    let q = leadB.reduce(1, *)
    let left = Tensor(uncheckedShape: [p, k], storage: a.contiguous().scalars)
    // b as a (Q, K) matrix read transposed: a column-major (K, Q) view, no copy.
    let rowsB = b.contiguous().scalars
    let right = Tensor(
        view: rowsB, shape: [k, q], strides: [1, Swift.max(k, 1)], offset: 0, dtype: .float64)
    let product = try GemmOperand.multiply(
        GemmOperand(left, op: op), GemmOperand(right, op: op), batchShape: [], count: count, op: op)
    return Tensor(
        uncheckedShape: shape, storage: dtype == .bool ? product.map { $0 != 0 ? 1 : 0 } : product, dtype: dtype)
}

/// NumPy's `outer`: both operands flattened, `result[i, j] = a[i] * b[j]`, with a product's dtype.
/// The kernel `Variable.outer` records with its derivative.
public func outer(_ a: Tensor, _ b: Tensor) throws -> Tensor {
    let op = "outer"
    let shape = [a.count, b.count]
    let count = try Tensor.checkedCount(of: shape, op: op)
    let dtype = productDType(a.dtype, b.dtype)
    if count == 0 { return Tensor(uncheckedShape: shape, storage: [], dtype: dtype) }
    let product = try GemmOperand.multiply(
        GemmOperand(asColumnVector(flattened(a)), op: op),
        GemmOperand(asRowVector(flattened(b)), op: op),
        batchShape: [], count: count, op: op)
    return Tensor(
        uncheckedShape: shape, storage: dtype == .bool ? product.map { $0 != 0 ? 1 : 0 } : product, dtype: dtype)
}

/// The elements of `t` as a contiguous 1-d tensor.
func flattened(_ t: Tensor) -> Tensor {
    Tensor(uncheckedShape: [t.count], storage: t.scalars, dtype: t.dtype)
}
