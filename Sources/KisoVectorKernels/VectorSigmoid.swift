/// The logistic function σ(x) = 1/(1 + e⁻ˣ) for many values at once, eight lanes at a time.
///
/// The formulas are the scalar ones, chosen per element in the same way: with e = e^(−|x|)
/// (`VectorExp`, so never an overflow), σ(x) = 1/(1 + e) for x ≥ 0 and e/(1 + e) below. Where
/// `VectorExp` gives C's `exp`, the result is the scalar loop's bit for bit. nan stays nan (it is
/// not ≥ 0, and e is nan).
public enum VectorSigmoid {
    /// Writes σ of `count` values from `source` into `destination`.
    public static func apply(_ source: UnsafePointer<Double>, _ destination: UnsafeMutablePointer<Double>, count: Int) {
        forEachLanes(source, destination, count: count, lanes)
    }

    @inline(__always)
    static func lanes(_ x: Lanes) -> Lanes {
        // −|x|: x with its sign bit set.
        let negativeMagnitude = unsafeBitCast(
            unsafeBitCast(x, to: SIMD8<UInt64>.self) | 0x8000_0000_0000_0000, to: Lanes.self)
        let e = VectorExp.lanes(negativeMagnitude)
        let numerator = e.replacing(with: 1, where: x .>= 0)
        return numerator / (1 + e)
    }
}
