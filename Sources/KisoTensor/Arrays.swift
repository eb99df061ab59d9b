/// What NumPy's array-building compositions need of a value — its shape, reshaping, joining and
/// the matrix product — which tensors and differentiable variables both have. `vstack`,
/// `hstack`, `column_stack` and `tensordot` are written once, below, on this protocol: compiled
/// for `Tensor` they cost what hand-written tensor code does, and for `Variable` every step
/// records its derivative, so they differentiate with no pullback of their own.
public protocol ArrayComposable {
    /// The size of each dimension.
    var shape: [Int] { get }
    /// The number of dimensions.
    var rank: Int { get }
    /// The number of elements.
    var count: Int { get }
    /// The same elements in a new shape; one size may be -1.
    func reshaped(_ newShape: [Int]) throws -> Self
    /// The values joined along an existing `axis`.
    static func concatenate(_ values: [Self], axis: Int) throws -> Self
    /// NumPy's `matmul`.
    static func matmul(_ a: Self, _ b: Self) throws -> Self
}

extension Tensor: ArrayComposable {
    /// NumPy's `matmul`, as a static function like `Variable.matmul`.
    public static func matmul(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        try KisoTensor.matmul(a, b)
    }
}

extension Variable: ArrayComposable {}

extension ArrayComposable {
    /// NumPy's `vstack`: rows on top of each other — a 0-d value becomes a 1×1 matrix and a 1-d
    /// value a row — joined along axis 0.
    @inlinable
    public static func vstack(_ values: [Self]) throws -> Self {
        let rows = try values.map { v in
            v.rank == 0 ? try v.reshaped([1, 1]) : v.rank == 1 ? try v.reshaped([1, v.count]) : v
        }
        return try concatenate(rows, axis: 0)
    }

    /// NumPy's `hstack`: side by side — 1-d values joined end to end, others along axis 1.
    @inlinable
    public static func hstack(_ values: [Self]) throws -> Self {
        let parts = try values.map { v in v.rank == 0 ? try v.reshaped([1]) : v }
        guard let first = parts.first else {
            throw TensorError.value("hstack: needs at least one tensor", hint: "give a list of tensors")
        }
        return try concatenate(parts, axis: first.rank == 1 ? 0 : 1)
    }

    /// NumPy's `column_stack`: 0-d and 1-d values as the columns of a matrix, 2-d ones joined as
    /// they are.
    @inlinable
    public static func columnStack(_ values: [Self]) throws -> Self {
        let columns = try values.map { v in v.rank <= 1 ? try v.reshaped([v.count, 1]) : v }
        return try concatenate(columns, axis: 1)
    }

    /// NumPy's `tensordot` with an integer: the last `axes` axes of `a` contracted with the first
    /// `axes` of `b`, through one matrix product.
    @inlinable
    public static func tensordot(_ a: Self, _ b: Self, axes: Int) throws -> Self {
        guard axes >= 0, axes <= a.rank, axes <= b.rank else {
            throw TensorError.value(
                "tensordot: cannot contract \(axes) axes of tensors of rank \(a.rank) and \(b.rank)",
                hint: "axes must be between 0 and \(Swift.min(a.rank, b.rank))")
        }
        let aSum = Array(a.shape.suffix(axes))
        let bSum = Array(b.shape.prefix(axes))
        guard aSum == bSum else {
            throw TensorError.shape(
                "tensordot: the contracted axes differ: \(formatShape(aSum)) and \(formatShape(bSum))",
                hint: "the last axes of a must match the first axes of b")
        }
        let aFree = Array(a.shape.prefix(a.rank - axes))
        let bFree = Array(b.shape.suffix(b.rank - axes))
        let inner = aSum.reduce(1, *)
        let left = try a.reshaped([aFree.reduce(1, *), inner])
        let right = try b.reshaped([inner, bFree.reduce(1, *)])
        return try matmul(left, right).reshaped(aFree + bFree)
    }
}
