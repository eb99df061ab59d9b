import Glibc

/// Elementwise mathematical functions, each a NumPy ufunc of the same name.
extension Tensor {
    /// eˣ.
    public func exp() -> Tensor { mapBlocks { VectorMath.exp($0, $1, count: $2) } }
    /// The natural logarithm; `log(0)` is -inf and a negative argument gives nan, as in NumPy.
    public func log() -> Tensor { mapBlocks { VectorMath.log($0, $1, count: $2) } }
    /// The base-2 logarithm.
    public func log2() -> Tensor { map(Kernel.Log2.self, dtype: .float64) }
    /// The base-10 logarithm.
    public func log10() -> Tensor { map(Kernel.Log10.self, dtype: .float64) }
    /// log(1 + x), accurate for small x.
    public func log1p() -> Tensor { map(Kernel.Log1p.self, dtype: .float64) }
    /// eˣ − 1, accurate for small x.
    public func expm1() -> Tensor { map(Kernel.Expm1.self, dtype: .float64) }
    /// The square root; nan for negative elements.
    public func sqrt() -> Tensor { map(Kernel.Sqrt.self, dtype: .float64) }
    /// The absolute value, keeping whole numbers whole.
    public func abs() -> Tensor { map(Kernel.Abs.self, dtype: dtype == .bool ? .int64 : dtype) }
    /// −1, 0 or 1 by the sign of each element (nan stays nan).
    public func sign() -> Tensor {
        map(Kernel.Sign.self, dtype: dtype == .bool ? .int64 : dtype)
    }
    /// The sine (radians).
    public func sin() -> Tensor { map(Kernel.Sin.self, dtype: .float64) }
    /// The cosine (radians).
    public func cos() -> Tensor { map(Kernel.Cos.self, dtype: .float64) }
    /// The tangent (radians).
    public func tan() -> Tensor { map(Kernel.Tan.self, dtype: .float64) }
    /// The inverse sine, in radians; nan outside [-1, 1].
    public func arcsin() -> Tensor { map(Kernel.Arcsin.self, dtype: .float64) }
    /// The inverse cosine, in radians; nan outside [-1, 1].
    public func arccos() -> Tensor { map(Kernel.Arccos.self, dtype: .float64) }
    /// The inverse tangent, in radians.
    public func arctan() -> Tensor { map(Kernel.Arctan.self, dtype: .float64) }
    /// Radians converted to degrees.
    public func degrees() -> Tensor { map(Kernel.Degrees.self, dtype: .float64) }
    /// Degrees converted to radians.
    public func radians() -> Tensor { map(Kernel.Radians.self, dtype: .float64) }
    /// The hyperbolic tangent.
    public func tanh() -> Tensor { mapBlocks { VectorMath.tanh($0, $1, count: $2) } }
    /// The logistic function 1 / (1 + e⁻ˣ), computed without overflow for large |x|.
    public func sigmoid() -> Tensor { mapBlocks { VectorMath.sigmoid($0, $1, count: $2) } }
    /// max(x, 0), elementwise; nan stays nan.
    public func relu() -> Tensor { map(Kernel.Relu.self, dtype: dtype == .bool ? .int64 : dtype) }
    /// The Gauss error function.
    public func erf() -> Tensor { map(Kernel.Erf.self, dtype: .float64) }
    /// The largest whole number ≤ x.
    public func floor() -> Tensor { map(Kernel.Floor.self, dtype: dtype == .bool ? .int64 : dtype) }
    /// The smallest whole number ≥ x.
    public func ceil() -> Tensor { map(Kernel.Ceil.self, dtype: dtype == .bool ? .int64 : dtype) }

    /// Rounds to `decimals` places, halves to even, like `numpy.round`.
    public func round(decimals: Int = 0) -> Tensor {
        let kept = dtype == .bool ? DType.int64 : dtype
        if decimals == 0 { return map(Kernel.Round.self, dtype: kept) }
        // NumPy scales by a power of ten, rounds, and scales back; so does Kiso, for equal results.
        let clamped = Swift.min(Swift.max(decimals, -400), 400)
        let scale = Glibc.pow(10.0, Double(Swift.abs(clamped)))
        if clamped > 0 {
            return mapElements(dtype: kept) { ($0 * scale).rounded(.toNearestOrEven) / scale }
        }
        return mapElements(dtype: kept) { ($0 / scale).rounded(.toNearestOrEven) * scale }
    }

    /// Limits every element to `[low, high]` (either may be a tensor that broadcasts, or nil for
    /// no limit); nan stays nan.
    public func clip(_ low: Tensor?, _ high: Tensor?) throws -> Tensor {
        var result = self
        if let low { result = try Tensor.maximum(result, low, op: "clip") }
        if let high { result = try Tensor.minimum(result, high, op: "clip") }
        return result
    }
}

/// 1 / (1 + e⁻ˣ) in a form that never overflows: the formulas `VectorSigmoid` evaluates eight at
/// a time, here on C's `exp` for CPUs without AVX2 and FMA.
@inline(__always)
func sigmoidElement(_ x: Double) -> Double {
    if x >= 0 { return 1 / (1 + Glibc.exp(-x)) }
    let e = Glibc.exp(x)
    return e / (1 + e)
}
