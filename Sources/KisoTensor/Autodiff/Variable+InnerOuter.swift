/// NumPy's `inner` and `outer` on variables: the engine's kernels (`Linalg/Dot.swift`) with their
/// derivatives. Both are sums of products of `a` read as P rows of K numbers with `b` read as Q
/// rows of K — `outer` the case K = 1 of its flattened operands — so one pullback serves both:
/// dA = G @ B and dB = Gᵀ @ A.
extension Variable {
    /// NumPy's `inner`: the sum product over the last axes of both operands, shaped
    /// `a.shape[:-1] + b.shape[:-1]`; with a 0-d operand, elementwise multiplication. The dtype
    /// is a product's (`productDType`: int64 for integers, as NumPy).
    public static func inner(_ a: Variable, _ b: Variable) throws -> Variable {
        if a.rank == 0 || b.rank == 0 { return try multiply(a, b) }
        let value = try KisoTensor.inner(a.value, b.value)
        let (p, q) = (a.shape.dropLast().reduce(1, *), b.shape.dropLast().reduce(1, *))
        return productOfRows(value, a, b, p: p, q: q, k: a.shape[a.rank - 1])
    }

    /// NumPy's `outer`: both operands flattened, `result[i, j] = a[i] * b[j]`, with a product's
    /// dtype.
    public static func outer(_ a: Variable, _ b: Variable) throws -> Variable {
        productOfRows(try KisoTensor.outer(a.value, b.value), a, b, p: a.count, q: b.count, k: 1)
    }

    /// `value`, the products of `a` as P rows of K with `b` as Q rows of K, recorded with its
    /// pullback.
    private static func productOfRows(
        _ value: Tensor, _ a: Variable, _ b: Variable, p: Int, q: Int, k: Int
    )
        -> Variable
    {
        record(value, a, b) { g, _, needsA, needsB in
            let products = try g.reshaped([p, q])
            return (
                needsA ? try matmul(products, b.reshaped([q, k])).reshaped(a.shape) : nil,
                needsB ? try matmul(products.T, a.reshaped([p, k])).reshaped(b.shape) : nil
            )
        }
    }
}
