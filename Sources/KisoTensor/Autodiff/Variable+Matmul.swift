/// The matrix product with NumPy's rules, and `dot`. Vectors are promoted to matrices and the
/// promotion undone by differentiable reshapes, so the core pullback only handles the batched
/// case: dA = g @ Bᵀ and dB = Aᵀ @ g, each summed back over broadcast batch dimensions.
extension Variable {
    /// NumPy's `matmul` (`a @ b`): a 1-d `a` is a row vector and a 1-d `b` a column vector (the
    /// added axis is removed from the result); dimensions before the last two broadcast.
    public static func matmul(_ a: Variable, _ b: Variable) throws -> Variable {
        guard a.rank > 0, b.rank > 0 else {
            let which = a.rank == 0 ? "first" : "second"
            throw TensorError.shape(
                "matmul: \(formatShape(a.shape)) @ \(formatShape(b.shape)) — the \(which) operand is 0-d",
                hint: "matmul needs vectors or matrices; multiply by a scalar with *")
        }
        let shapes = (a.shape, b.shape)
        let left = a.rank == 1 ? try a.reshaped([1, a.shape[0]]) : a
        let right = b.rank == 1 ? try b.reshaped([b.shape[0], 1]) : b
        var product = try matrixProduct(left, right, shapes: shapes)
        if a.rank == 1 || b.rank == 1 {
            var shape = Array(product.shape.dropLast(2))
            if a.rank > 1 { shape.append(left.shape[left.rank - 2]) }
            if b.rank > 1 { shape.append(right.shape[right.rank - 1]) }
            product = try product.reshaped(shape)
        }
        return product
    }

    /// `a @ b` for operands of rank 2 or more.
    private static func matrixProduct(_ a: Variable, _ b: Variable, shapes: ([Int], [Int])) throws -> Variable {
        let value = try Tensor.batchedMatrixProduct(a.value, b.value, shapes: shapes)
        // Constants skip making the pullback, so their product costs what the tensors' does.
        guard a.isTracked || b.isTracked else { return Variable(value) }
        return record(value, a, b) { g, _, needsA, needsB in
            (
                needsA ? try matrixProduct(g, b.swappingLastTwoAxes(), shapes: shapes).sum(toShape: a.shape) : nil,
                needsB ? try matrixProduct(a.swappingLastTwoAxes(), g, shapes: shapes).sum(toShape: b.shape) : nil
            )
        }
    }

    /// NumPy's `dot`: elementwise product when either operand is 0-d; the matrix product for
    /// vectors and matrices; for N-d `a` and M-d `b` (M ≥ 2) the sum product over the last axis of
    /// `a` and the second-to-last of `b`, shaped `a.shape[:-1] + b.shape[:-2] + b.shape[-1:]`.
    public static func dot(_ a: Variable, _ b: Variable) throws -> Variable {
        // As NumPy's dot with a scalar: the elementwise product, with its dtype.
        if a.rank == 0 || b.rank == 0 { return try multiply(a, b) }
        let k = a.shape[a.rank - 1]
        let axisB = b.rank == 1 ? 0 : b.rank - 2
        guard k == b.shape[axisB] else {
            throw TensorError.shape(
                "dot: shapes \(formatShape(a.shape)) and \(formatShape(b.shape)) not aligned: \(k) (dim \(a.rank - 1)) != \(b.shape[axisB]) (dim \(axisB))",
                hint: b.rank >= 2 && b.shape[b.rank - 1] == k
                    ? "did you mean b.T?"
                    : "the last dimension of a must equal the second-to-last dimension of b (its only one when b is 1-d)"
            )
        }
        // For these shapes dot and matmul agree.
        if a.rank <= 2 && b.rank <= 2 || a.rank == 1 || b.rank == 1 { return try matmul(a, b) }
        // a as (P, K); b with its contraction axis first, as (K, B·N); one product, reshaped.
        let n = b.shape[b.rank - 1]
        let leadA = Array(a.shape.dropLast())
        let batchB = Array(b.shape.dropLast(2))
        var order = [b.rank - 2]
        order += Array(0..<(b.rank - 2))
        order.append(b.rank - 1)
        // Sizes, not -1: an empty operand leaves -1 undetermined.
        let p = try Tensor.checkedCount(of: leadA, op: "dot")
        let q = try Tensor.checkedCount(of: batchB + [n], op: "dot")
        let left = try a.reshaped([p, k])
        let right = try b.transposed(order).reshaped([k, q])
        return try matmul(left, right).reshaped(leadA + batchB + [n])
    }
}
