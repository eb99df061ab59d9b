import Glibc

/// Which norm `norm` computes, as NumPy's `ord` argument.
public enum NormOrder: Sendable, Equatable {
    /// A p-norm (1, 2, 3, 0.5, …; 0 counts the non-zero elements); for matrices 1, -1, 2, -2.
    case p(Double)
    /// The largest absolute value (vectors) or the largest absolute row sum (matrices).
    case infinity
    /// The smallest absolute value (vectors) or the smallest absolute row sum (matrices).
    case negativeInfinity
    /// The Frobenius norm: the square root of the sum of squares.
    case frobenius
    /// The nuclear norm: the sum of the singular values.
    case nuclear
}

extension Tensor {
    /// NumPy's `linalg.norm`. With neither `order` nor `axes`, the 2-norm of all the elements.
    /// With one axis (or a 1-d tensor), a vector norm; with two axes (or a 2-d tensor and an
    /// `order`), a matrix norm.
    public func norm(_ order: NormOrder? = nil, axes: [Int]? = nil, keepdims: Bool = false) throws -> Tensor {
        let x = dtype == .float64 ? self : cast(to: .float64)
        if order == nil && axes == nil {
            let result = try x.map(Kernel.Square.self, dtype: .float64).sum().sqrt()
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

    private func vectorNorm(_ order: NormOrder, axis: Int, keepdims: Bool) throws -> Tensor {
        let a = abs()
        switch order {
        case .infinity: return try a.max(axes: [axis], keepdims: keepdims)
        case .negativeInfinity: return try a.min(axes: [axis], keepdims: keepdims)
        case .p(0): return try a.map(Kernel.NonZero.self, dtype: .float64).sum(axes: [axis], keepdims: keepdims)
        case .p(1): return try a.sum(axes: [axis], keepdims: keepdims)
        case .p(2): return try a.map(Kernel.Square.self, dtype: .float64).sum(axes: [axis], keepdims: keepdims).sqrt()
        case .p(let p):
            return try a.mapElements(dtype: .float64) { Glibc.pow($0, p) }.sum(axes: [axis], keepdims: keepdims)
                .mapElements(dtype: .float64) { Glibc.pow($0, 1 / p) }
        case .frobenius, .nuclear:
            throw TensorError.value(
                "norm: '\(order == .frobenius ? "fro" : "nuc")' is a matrix norm, but the norm is over one axis",
                hint: "use a p-norm (1, 2, inf) for vectors, or give two axes")
        }
    }

    private func matrixNorm(_ order: NormOrder, axes: [Int], keepdims: Bool) throws -> Tensor {
        let rowAxis = try Tensor.normalizeAxis(axes[0], rank: rank, op: "norm")
        let colAxis = try Tensor.normalizeAxis(axes[1], rank: rank, op: "norm")
        let a = abs()
        let result: Tensor
        switch order {
        case .frobenius:
            result = try a.map(Kernel.Square.self, dtype: .float64).sum(axes: [rowAxis, colAxis]).sqrt()
        case .p(1), .p(-1):
            let sums = try a.sum(axes: [rowAxis], keepdims: true)
            let reduced =
                order == .p(1)
                ? try sums.max(axes: [colAxis], keepdims: true) : try sums.min(axes: [colAxis], keepdims: true)
            result = try reduced.squeezed([rowAxis, colAxis])
        case .infinity, .negativeInfinity:
            let sums = try a.sum(axes: [colAxis], keepdims: true)
            let reduced =
                order == .infinity
                ? try sums.max(axes: [rowAxis], keepdims: true) : try sums.min(axes: [rowAxis], keepdims: true)
            result = try reduced.squeezed([rowAxis, colAxis])
        case .p(2), .p(-2), .nuclear:
            let others = (0..<rank).filter { $0 != rowAxis && $0 != colAxis }
            let values = try Linalg.svd(transposed(others + [rowAxis, colAxis]), computeUV: false).s
            switch order {
            case .p(2): result = try values.max(axes: [-1])
            case .p(-2): result = try values.min(axes: [-1])
            default: result = try values.sum(axes: [-1])
            }
        default:
            throw TensorError.value(
                "norm: order \(order) is not a matrix norm",
                hint: "matrix norms are 'fro', 'nuc', 1, -1, 2, -2, inf and -inf")
        }
        guard keepdims else { return result }
        var shape = self.shape
        shape[rowAxis] = 1
        shape[colAxis] = 1
        return try result.reshaped(shape)
    }
}
