/// softplus and its derivative for many values at once, each in one pass over memory: PyTorch's
/// softplus(x; β, threshold) = log(1 + e^(βx))/β, and x itself where βx > threshold.
///
/// The exponential is `VectorExp`'s and never overflows; log1p of u = e^(−|z|) ∈ (0, 1] is
/// `log1pUnit` below. Within about 3 ulp of C's `log1p`-based formula.
public enum VectorSoftplus {
    /// Writes softplus(x; β, threshold) of `count` values from `source` into `destination`.
    public static func apply(
        _ source: UnsafePointer<Double>, _ destination: UnsafeMutablePointer<Double>, count: Int,
        beta: Double, threshold: Double
    ) {
        let inverse = 1 / beta
        if threshold == .infinity {
            forEachLanes(source, destination, count: count) { x in smooth(x * beta) * inverse }
        } else {
            // nan stays nan: the comparison is false for it, so it takes the smooth branch, which is nan.
            forEachLanes(source, destination, count: count) { x in
                let z = x * beta
                return (smooth(z) * inverse).replacing(with: x, where: z .> threshold)
            }
        }
    }

    /// Writes g·σ(βx) (and g itself where βx > threshold), the cotangent of softplus, for
    /// `count` pairs of cotangents g and inputs x.
    public static func pullback(
        _ cotangent: UnsafePointer<Double>, _ source: UnsafePointer<Double>,
        _ destination: UnsafeMutablePointer<Double>, count: Int, beta: Double, threshold: Double
    ) {
        // σ(z) = 1/(1 + e^(−z)); e^(−z) is inf for z < −709 and σ is then 0, as it should be.
        if threshold == .infinity {
            forEachLanePairs(cotangent, source, destination, count: count) { g, x in
                g / (1 + VectorExp.lanes(-(x * beta)))
            }
        } else {
            forEachLanePairs(cotangent, source, destination, count: count) { g, x in
                let z = x * beta
                return (g / (1 + VectorExp.lanes(-z))).replacing(with: g, where: z .> threshold)
            }
        }
    }

    /// softplus(z) = max(z, 0) + log1p(e^(−|z|)), with max(z, 0) and |z| taken from the bits
    /// (a negative z, −inf included, has its sign bit set and becomes +0), so that no lane needs
    /// a select. A nan stays nan through the log1p term.
    @inline(__always)
    static func smooth(_ z: Lanes) -> Lanes {
        let bits = unsafeBitCast(z, to: SIMD8<Int64>.self)
        let positivePart = unsafeBitCast(bits & ~(bits &>> 63), to: Lanes.self)
        let magnitude = unsafeBitCast(bits & 0x7fff_ffff_ffff_ffff, to: Lanes.self)
        return positivePart + log1pUnit(VectorExp.lanes(-magnitude))
    }

    /// log(1 + u) for u in [0, 1] (other values are not needed here and not supported).
    ///
    /// With s = u/(2 + u), log(1 + u) = 2·atanh(s) = 2s + 2s³(1/3 + s²/5 + s⁴/7 + …). Above
    /// √2 − 1 the argument is halved first, 1 + u = 2·(1 + u)/2, which gives
    /// s = (u − 1)/(u + 3) and adds ln 2; either way |s| ≤ 0.1716, s² ≤ 0.0295, and eleven terms
    /// of the series reach full precision. The numerator is u itself (or u − 1, exact for
    /// u ≥ 1/2), never a rounded 1 + u, so small u keep their relative accuracy. The halving is
    /// h ∈ {0, 1}, taken from the sign bit of (√2 − 1) − u, and the series runs on fused
    /// multiply-adds in Estrin's scheme.
    @inline(__always)
    static func log1pUnit(_ u: Lanes) -> Lanes {
        let below = Lanes(repeating: 0.414_213_562_373_095_1) - u
        let h = Lanes(SIMD8<Int64>(truncatingIfNeeded: unsafeBitCast(below, to: SIMD8<UInt64>.self) &>> 63))
        let s = (u - h) / (u + 2 + h)
        let s2 = s * s
        let s4 = s2 * s2
        let s8 = s4 * s4
        // Σ s^(2j)/(2j + 3) for j = 0…10.
        let a0 = Lanes(repeating: 1.0 / 3).addingProduct(s2, Lanes(repeating: 1.0 / 5))
        let a1 = Lanes(repeating: 1.0 / 7).addingProduct(s2, Lanes(repeating: 1.0 / 9))
        let a2 = Lanes(repeating: 1.0 / 11).addingProduct(s2, Lanes(repeating: 1.0 / 13))
        let a3 = Lanes(repeating: 1.0 / 15).addingProduct(s2, Lanes(repeating: 1.0 / 17))
        let a4 = Lanes(repeating: 1.0 / 19).addingProduct(s2, Lanes(repeating: 1.0 / 21))
        let b0 = a0.addingProduct(a1, s4)
        let b1 = a2.addingProduct(a3, s4)
        let b2 = a4.addingProduct(Lanes(repeating: 1.0 / 23), s4)
        let series = b0.addingProduct(b1.addingProduct(b2, s8), s8)
        let twoS = s + s
        return twoS.addingProduct(twoS * s2, series).addingProduct(h, Lanes(repeating: 0.693_147_180_559_945_3))
    }
}

/// Applies `kernel` to `count` pairs of values, eight at a time, like `forEachLanes`.
@inline(__always)
func forEachLanePairs(
    _ first: UnsafePointer<Double>, _ second: UnsafePointer<Double>, _ destination: UnsafeMutablePointer<Double>,
    count: Int, _ kernel: (Lanes, Lanes) -> Lanes
) {
    var i = 0
    while i + 8 <= count {
        let a = UnsafeRawPointer(first + i).loadUnaligned(as: Lanes.self)
        let b = UnsafeRawPointer(second + i).loadUnaligned(as: Lanes.self)
        UnsafeMutableRawPointer(destination + i).storeBytes(of: kernel(a, b), as: Lanes.self)
        i += 8
    }
    if i < count {
        var a = Lanes(repeating: 0)
        var b = Lanes(repeating: 0)
        for k in 0..<(count - i) {
            a[k] = first[i + k]
            b[k] = second[i + k]
        }
        let result = kernel(a, b)
        for k in 0..<(count - i) { destination[i + k] = result[k] }
    }
}
