import Glibc

/// Broadcasting arithmetic: `+ - * / ** %`, negation, and their operators.
extension Tensor {
    /// `a + b`, broadcasting.
    public static func add(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        try zipElements(a, b, op: "add", dtype: .promote(a.dtype, b.dtype), Kernel.Add.self)
    }

    /// `a - b`, broadcasting.
    public static func subtract(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        try zipElements(a, b, op: "subtract", dtype: .promote(a.dtype, b.dtype), Kernel.Subtract.self)
    }

    /// `a * b`, elementwise, broadcasting (use `matmul` for the matrix product).
    public static func multiply(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        try zipElements(a, b, op: "multiply", dtype: .promote(a.dtype, b.dtype), Kernel.Multiply.self)
    }

    /// `a / b`, true division: always float64, `x / 0` is ±inf or nan as in IEEE arithmetic.
    public static func divide(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        try zipElements(a, b, op: "divide", dtype: .float64, Kernel.Divide.self)
    }

    /// `a ** b`, elementwise power. Whole-number operands stay whole unless an exponent is
    /// negative, where NumPy would refuse and Kiso gives the float result instead.
    public static func power(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        var dtype = DType.promote(a.dtype, b.dtype)
        if dtype == .int64 && b.scalars.contains(where: { $0 < 0 }) { dtype = .float64 }
        return try zipElements(a, b, op: "power", dtype: dtype, Kernel.Power.self)
    }

    /// `a % b` with NumPy's (and Python's) sign convention: the result has the sign of `b`.
    /// A whole-number `x % 0` is 0, as in NumPy; a float one is nan.
    public static func mod(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        let dtype = DType.promote(a.dtype, b.dtype)
        if dtype == .int64 {
            return try zipElements(a, b, op: "mod", dtype: dtype, Kernel.IntegerMod.self)
        }
        return try zipElements(a, b, op: "mod", dtype: dtype, Kernel.Mod.self)
    }

    /// `floor(a / b)` with NumPy's conventions (floor_divide).
    public static func floorDivide(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        let dtype = DType.promote(a.dtype, b.dtype)
        if dtype == .int64 {
            return try zipElements(a, b, op: "floor_divide", dtype: dtype, Kernel.IntegerFloorDivide.self)
        }
        return try zipElements(a, b, op: "floor_divide", dtype: dtype, Kernel.FloorDivide.self)
    }

    /// `-a`.
    public func negated() -> Tensor {
        map(Kernel.Negate.self, dtype: dtype == .bool ? .int64 : dtype)
    }

    /// `a + b`, broadcasting; traps never — but throws on incompatible shapes.
    public static func + (a: Tensor, b: Tensor) throws -> Tensor { try add(a, b) }
    /// `a - b`, broadcasting.
    public static func - (a: Tensor, b: Tensor) throws -> Tensor { try subtract(a, b) }
    /// `a * b`, elementwise, broadcasting.
    public static func * (a: Tensor, b: Tensor) throws -> Tensor { try multiply(a, b) }
    /// `a / b`, broadcasting.
    public static func / (a: Tensor, b: Tensor) throws -> Tensor { try divide(a, b) }
    /// `-a`.
    public static prefix func - (a: Tensor) -> Tensor { a.negated() }
}

/// `x ** y` as NumPy computes it for float64 (C `pow`).
@inline(__always)
func powerElement(_ x: Double, _ y: Double) -> Double {
    if y == 2 { return x * x }
    return Glibc.pow(x, y)
}

/// NumPy's `npy_divmod` remainder: C fmod, moved to the divisor's sign.
@inline(__always)
func modElement(_ a: Double, _ b: Double) -> Double {
    var m = Glibc.fmod(a, b)
    if b == 0 { return m }  // nan
    if m != 0 {
        if (b < 0) != (m < 0) { m += b }
    } else {
        m = Glibc.copysign(0, b)
    }
    return m
}

/// NumPy's `npy_divmod` quotient.
@inline(__always)
func floorDivideElement(_ a: Double, _ b: Double) -> Double {
    if b == 0 { return a / b }
    let m = Glibc.fmod(a, b)
    var div = (a - m) / b
    if m != 0 && (b < 0) != (m < 0) { div -= 1 }
    if div != 0 {
        var floored = div.rounded(.down)
        if div - floored > 0.5 { floored += 1 }
        return floored
    }
    return Glibc.copysign(0, a / b)
}
