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
    /// `order`), a matrix norm. Computed by `Variable.norm`, the one implementation.
    public func norm(_ order: NormOrder? = nil, axes: [Int]? = nil, keepdims: Bool = false) throws -> Tensor {
        try Variable(self).norm(order, axes: axes, keepdims: keepdims).value
    }
}
