/// Comparisons, logical tests, `where`, and elementwise `maximum` / `minimum`.
/// Comparison results are bool tensors (values 0 and 1), usable as masks.
extension Tensor {
    /// `a == b`.
    public static func equal(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        try zipElements(a, b, op: "equal", dtype: .bool) { $0 == $1 ? 1 : 0 }
    }
    /// `a != b` (nan differs from everything, itself included).
    public static func notEqual(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        try zipElements(a, b, op: "not_equal", dtype: .bool) { $0 != $1 ? 1 : 0 }
    }
    /// `a < b`.
    public static func less(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        try zipElements(a, b, op: "less", dtype: .bool) { $0 < $1 ? 1 : 0 }
    }
    /// `a <= b`.
    public static func lessEqual(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        try zipElements(a, b, op: "less_equal", dtype: .bool) { $0 <= $1 ? 1 : 0 }
    }
    /// `a > b`.
    public static func greater(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        try zipElements(a, b, op: "greater", dtype: .bool) { $0 > $1 ? 1 : 0 }
    }
    /// `a >= b`.
    public static func greaterEqual(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        try zipElements(a, b, op: "greater_equal", dtype: .bool) { $0 >= $1 ? 1 : 0 }
    }

    /// Elementwise larger value; nan if either is nan (NumPy's `maximum`).
    public static func maximum(_ a: Tensor, _ b: Tensor, op: String = "maximum") throws -> Tensor {
        try zipElements(a, b, op: op, dtype: a.dtype == b.dtype ? a.dtype : .promote(a.dtype, b.dtype)) { x, y in
            x.isNaN || y.isNaN ? .nan : (x >= y ? x : y)
        }
    }
    /// Elementwise smaller value; nan if either is nan (NumPy's `minimum`).
    public static func minimum(_ a: Tensor, _ b: Tensor, op: String = "minimum") throws -> Tensor {
        try zipElements(a, b, op: op, dtype: a.dtype == b.dtype ? a.dtype : .promote(a.dtype, b.dtype)) { x, y in
            x.isNaN || y.isNaN ? .nan : (x <= y ? x : y)
        }
    }

    /// Elements where both are non-zero.
    public static func logicalAnd(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        try zipElements(a, b, op: "logical_and", dtype: .bool) { $0 != 0 && $1 != 0 ? 1 : 0 }
    }
    /// Elements where either is non-zero.
    public static func logicalOr(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        try zipElements(a, b, op: "logical_or", dtype: .bool) { $0 != 0 || $1 != 0 ? 1 : 0 }
    }
    /// Elements that are zero.
    public func logicalNot() -> Tensor { mapElements(dtype: .bool) { $0 == 0 ? 1 : 0 } }

    /// Whether each element is nan.
    public func isnan() -> Tensor { mapElements(dtype: .bool) { $0.isNaN ? 1 : 0 } }
    /// Whether each element is ±inf.
    public func isinf() -> Tensor { mapElements(dtype: .bool) { $0.isInfinite ? 1 : 0 } }
    /// Whether each element is neither nan nor ±inf.
    public func isfinite() -> Tensor { mapElements(dtype: .bool) { $0.isFinite ? 1 : 0 } }

    /// `x` where `condition` is non-zero, else `y`; all three broadcast together.
    public static func `where`(_ condition: Tensor, _ x: Tensor, _ y: Tensor) throws -> Tensor {
        let dtype = x.dtype == y.dtype ? x.dtype : DType.promote(x.dtype, y.dtype)
        let shape = try broadcastShapes(
            try broadcastShapes(condition.shape, x.shape, op: "where"), y.shape, op: "where")
        _ = try checkedCount(of: shape, op: "where")
        let c = try condition.broadcast(to: shape).scalars
        let ys = try y.broadcast(to: shape).scalars
        var out = try x.broadcast(to: shape).scalars
        for i in out.indices where c[i] == 0 { out[i] = ys[i] }
        return Tensor(uncheckedShape: shape, storage: out, dtype: dtype)
    }
}
