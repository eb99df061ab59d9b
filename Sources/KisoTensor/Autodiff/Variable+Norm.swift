/// Norms, built from differentiable pieces so their gradients (and second derivatives) follow;
/// `Tensor.norm` calls these for plain tensors. As in JAX, the 2-norm's gradient at the zero
/// vector is nan (0/0).
extension Variable {
    /// NumPy's `linalg.norm`: with neither `order` nor `axes` the 2-norm of all the elements;
    /// with one axis (or a 1-d value) a vector norm; with two axes (or a 2-d value and an
    /// order) a matrix norm. The 2, −2 and nuclear matrix norms come from singular values and
    /// are not differentiable here; the 0 "norm" counts non-zero elements, a constant.
    public func norm(_ order: NormOrder? = nil, axes: [Int]? = nil, keepdims: Bool = false) throws -> Variable {
        let x = asFloat
        if order == nil && axes == nil {
            let result = try (x * x).sum().sqrt()
            return keepdims ? try result.reshaped(Array(repeating: 1, count: rank)) : result
        }
        let chosen = try axes.map { try Tensor.normalizeAxes($0, rank: rank, op: "norm") } ?? Array(0..<rank)
        switch chosen.count {
        case 1: return try x.vectorNorm(order ?? .p(2), axis: chosen[0], keepdims: keepdims)
        case 2: return try x.matrixNorm(order ?? .frobenius, axes: axes ?? chosen, keepdims: keepdims)
        default:
            throw TensorError.axis(
                "norm: an order needs a 1-d or 2-d input or one or two axes; got \(chosen.count) axes of shape \(formatShape(shape))",
                hint: "pass axis=… to choose the vector or matrix the norm is over, or omit the order")
        }
    }

    private func vectorNorm(_ order: NormOrder, axis: Int, keepdims: Bool) throws -> Variable {
        let a = try abs()
        switch order {
        case .infinity: return try a.max(axes: [axis], keepdims: keepdims)
        case .negativeInfinity: return try a.min(axes: [axis], keepdims: keepdims)
        case .p(0):
            return Variable(try a.value.map(Kernel.NonZero.self, dtype: .float64).sum(axes: [axis], keepdims: keepdims))
        case .p(1): return try a.sum(axes: [axis], keepdims: keepdims)
        case .p(2): return try (self * self).sum(axes: [axis], keepdims: keepdims).sqrt()
        case .p(let p): return try a.pow(p).sum(axes: [axis], keepdims: keepdims).pow(1 / p)
        case .frobenius, .nuclear:
            throw TensorError.value(
                "norm: '\(order == .frobenius ? "fro" : "nuc")' is a matrix norm, but the norm is over one axis",
                hint: "use a p-norm (1, 2, inf) for vectors, or give two axes")
        }
    }

    private func matrixNorm(_ order: NormOrder, axes: [Int], keepdims: Bool) throws -> Variable {
        let rowAxis = try Tensor.normalizeAxis(axes[0], rank: rank, op: "norm")
        let colAxis = try Tensor.normalizeAxis(axes[1], rank: rank, op: "norm")
        let a = try abs()
        let result: Variable
        switch order {
        case .frobenius:
            result = try (self * self).sum(axes: [rowAxis, colAxis], keepdims: true).sqrt()
        case .p(1), .p(-1):
            let sums = try a.sum(axes: [rowAxis], keepdims: true)
            result =
                order == .p(1)
                ? try sums.max(axes: [colAxis], keepdims: true) : try sums.min(axes: [colAxis], keepdims: true)
        case .infinity, .negativeInfinity:
            let sums = try a.sum(axes: [colAxis], keepdims: true)
            result =
                order == .infinity
                ? try sums.max(axes: [rowAxis], keepdims: true) : try sums.min(axes: [rowAxis], keepdims: true)
        case .p(2), .p(-2), .nuclear:
            guard !isTracked else {
                throw TensorError.value(
                    "norm: the \(order == .nuclear ? "nuclear" : "spectral") norm is not differentiable here",
                    hint: "use the Frobenius norm, or the 1 or inf matrix norms")
            }
            let others = (0..<rank).filter { $0 != rowAxis && $0 != colAxis }
            let values = try Linalg.svd(value.transposed(others + [rowAxis, colAxis]), computeUV: false).s
            let reduced: Tensor
            switch order {
            case .p(2): reduced = try values.max(axes: [-1])
            case .p(-2): reduced = try values.min(axes: [-1])
            default: reduced = try values.sum(axes: [-1])
            }
            var kept = shape
            kept[rowAxis] = 1
            kept[colAxis] = 1
            result = Variable(try reduced.reshaped(kept))
        default:
            throw TensorError.value(
                "norm: order \(order) is not a matrix norm",
                hint: "matrix norms are 'fro', 'nuc', 1, -1, 2, -2, inf and -inf")
        }
        return keepdims ? result : try result.squeezed([rowAxis, colAxis])
    }
}
