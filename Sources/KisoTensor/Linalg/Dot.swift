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
/// product's dtype. Computed by `Variable.inner`, the one implementation.
public func inner(_ a: Tensor, _ b: Tensor) throws -> Tensor {
    try Variable.inner(Variable(a), Variable(b)).value
}

/// NumPy's `outer`: both operands flattened, `result[i, j] = a[i] * b[j]`, with a product's dtype.
/// Computed by `Variable.outer`, the one implementation.
public func outer(_ a: Tensor, _ b: Tensor) throws -> Tensor {
    try Variable.outer(Variable(a), Variable(b)).value
}

/// The elements of `t` as a contiguous 1-d tensor.
func flattened(_ t: Tensor) -> Tensor {
    Tensor(uncheckedShape: [t.count], storage: t.scalars, dtype: t.dtype)
}
