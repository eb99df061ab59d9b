/// NumPy's `inner` and `outer`, written once: both are sums of products over the last axes of a
/// (P, K) and a (Q, K) matrix — `outer` the case K = 1 of its flattened operands — computed by
/// one matrix product. The pullbacks are matrix products too: dA = G @ B and dB = Gᵀ @ A.
extension Variable {
    /// NumPy's `inner`: the sum product over the last axes of both operands, shaped
    /// `a.shape[:-1] + b.shape[:-1]`; with a 0-d operand, elementwise multiplication. The dtype
    /// is a product's (`productDType`: int64 for integers, as NumPy).
    public static func inner(_ a: Variable, _ b: Variable) throws -> Variable {
        if a.rank == 0 || b.rank == 0 { return try multiply(a, b) }
        let k = a.shape[a.rank - 1]
        guard k == b.shape[b.rank - 1] else {
            throw TensorError.shape(
                "inner: shapes \(formatShape(a.shape)) and \(formatShape(b.shape)) — last dimensions \(k) and \(b.shape[b.rank - 1]) differ",
                hint: "inner sums over the last axis of both tensors, so those sizes must match")
        }
        return try lastAxisProduct(a, b, op: "inner")
    }

    /// NumPy's `outer`: both operands flattened, `result[i, j] = a[i] * b[j]`, with a product's
    /// dtype.
    public static func outer(_ a: Variable, _ b: Variable) throws -> Variable {
        try lastAxisProduct(a.reshaped([a.count, 1]), b.reshaped([b.count, 1]), op: "outer")
    }

    /// Σₖ a[i…, k] · b[j…, k] for every pair of leading positions, shaped
    /// `a.shape[:-1] + b.shape[:-1]`; the last sizes must agree.
    private static func lastAxisProduct(_ a: Variable, _ b: Variable, op: String) throws -> Variable {
        let k = a.shape[a.rank - 1]
        let leadA = Array(a.shape.dropLast())
        let leadB = Array(b.shape.dropLast())
        let shape = leadA + leadB
        let count = try Tensor.checkedCount(of: shape, op: op)
        let p = leadA.reduce(1, *)
        let q = leadB.reduce(1, *)
        let dtype = productDType(a.value.dtype, b.value.dtype)
        let value: Tensor
        if count == 0 {
            value = Tensor(uncheckedShape: shape, storage: [], dtype: dtype)
        } else {
            let left = Tensor(uncheckedShape: [p, k], storage: a.value.contiguous().scalars)
            // b as a (Q, K) matrix read transposed: a column-major (K, Q) view, no copy.
            let rowsB = b.value.contiguous().scalars
            let right = Tensor(view: rowsB, shape: [k, q], strides: [1, Swift.max(k, 1)], offset: 0, dtype: .float64)
            let product = try GemmOperand.multiply(
                GemmOperand(left, op: op), GemmOperand(right, op: op), batchShape: [], count: count, op: op)
            value = Tensor(
                uncheckedShape: shape, storage: dtype == .bool ? product.map { $0 != 0 ? 1 : 0 } : product,
                dtype: dtype)
        }
        return record(value, a, b) { g, _, needsA, needsB in
            let products = try g.reshaped([p, q])
            return (
                needsA ? try matmul(products, b.reshaped([q, k])).reshaped(a.shape) : nil,
                needsB ? try matmul(products.T, a.reshaped([p, k])).reshaped(b.shape) : nil
            )
        }
    }
}
