/// Comparisons, logical tests, `where`, and elementwise `maximum` / `minimum`.
/// Comparison results are bool tensors (values 0 and 1), usable as masks.
extension Tensor {
    /// `a == b`.
    public static func equal(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        try zipElements(a, b, op: "equal", dtype: .bool, Kernel.Equal.self)
    }
    /// `a != b` (nan differs from everything, itself included).
    public static func notEqual(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        try zipElements(a, b, op: "not_equal", dtype: .bool, Kernel.NotEqual.self)
    }
    /// `a < b`.
    public static func less(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        try zipElements(a, b, op: "less", dtype: .bool, Kernel.Less.self)
    }
    /// `a <= b`.
    public static func lessEqual(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        try zipElements(a, b, op: "less_equal", dtype: .bool, Kernel.LessEqual.self)
    }
    /// `a > b`.
    public static func greater(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        try zipElements(a, b, op: "greater", dtype: .bool, Kernel.Greater.self)
    }
    /// `a >= b`.
    public static func greaterEqual(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        try zipElements(a, b, op: "greater_equal", dtype: .bool, Kernel.GreaterEqual.self)
    }

    /// Elementwise larger value; nan if either is nan (NumPy's `maximum`).
    public static func maximum(_ a: Tensor, _ b: Tensor, op: String = "maximum") throws -> Tensor {
        try zipElements(
            a, b, op: op, dtype: a.dtype == b.dtype ? a.dtype : .promote(a.dtype, b.dtype), Kernel.Maximum.self)
    }
    /// Elementwise smaller value; nan if either is nan (NumPy's `minimum`).
    public static func minimum(_ a: Tensor, _ b: Tensor, op: String = "minimum") throws -> Tensor {
        try zipElements(
            a, b, op: op, dtype: a.dtype == b.dtype ? a.dtype : .promote(a.dtype, b.dtype), Kernel.Minimum.self)
    }

    /// Elements where both are non-zero.
    public static func logicalAnd(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        try zipElements(a, b, op: "logical_and", dtype: .bool, Kernel.LogicalAnd.self)
    }
    /// Elements where either is non-zero.
    public static func logicalOr(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        try zipElements(a, b, op: "logical_or", dtype: .bool, Kernel.LogicalOr.self)
    }
    /// Elements that are zero.
    public func logicalNot() -> Tensor { map(Kernel.LogicalNot.self, dtype: .bool) }

    /// Whether each element is nan.
    public func isnan() -> Tensor { map(Kernel.IsNaN.self, dtype: .bool) }
    /// Whether each element is ±inf.
    public func isinf() -> Tensor { map(Kernel.IsInf.self, dtype: .bool) }
    /// Whether each element is neither nan nor ±inf.
    public func isfinite() -> Tensor { map(Kernel.IsFinite.self, dtype: .bool) }

    /// `x` where `condition` is non-zero, else `y`; all three broadcast together.
    public static func `where`(_ condition: Tensor, _ x: Tensor, _ y: Tensor) throws -> Tensor {
        let dtype = x.dtype == y.dtype ? x.dtype : DType.promote(x.dtype, y.dtype)
        let shape = try broadcastShapes(
            try broadcastShapes(condition.shape, x.shape, op: "where"), y.shape, op: "where")
        _ = try checkedCount(of: shape, op: "where")
        let c = try condition.broadcast(to: shape).scalars
        let ys = try y.broadcast(to: shape).scalars
        var out = try x.broadcast(to: shape).scalars
        // Through raw buffers: indexing the arrays would check their uniqueness at every element.
        out.withUnsafeMutableBufferPointer { o in
            c.withUnsafeBufferPointer { cs in
                ys.withUnsafeBufferPointer { ysb in
                    for i in 0..<Swift.min(o.count, cs.count, ysb.count) where cs[i] == 0 { o[i] = ysb[i] }
                }
            }
        }
        return Tensor(uncheckedShape: shape, storage: out, dtype: dtype)
    }
}
