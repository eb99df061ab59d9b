import Glibc

/// The standard exponential sampler of NumPy's `Generator`.
enum ExponentialDraw {
    /// One standard exponential by the 256-layer ziggurat (`random_standard_exponential` in
    /// distributions.c): after dropping 3 bits, one 64-bit word gives the layer (8 bits) and a
    /// 53-bit position; the rare rejections use the tail, the wedge test, or a fresh draw.
    static func ziggurat<Source: RandomBitSource>(_ source: inout Source) -> Double {
        while true {
            var word = source.nextUInt64() >> 3
            let layer = Int(word & 0xff)
            word >>= 8
            let x = Double(word) * ZigguratExponential.width[layer]
            if word < ZigguratExponential.acceptBelow[layer] { return x }
            if layer == 0 {
                // 1 − U keeps log1p away from log(0), as NumPy does since GH 13361.
                return ZigguratExponential.tailStart - log1p(-source.nextDouble())
            }
            let lower = ZigguratExponential.density[layer]
            let upper = ZigguratExponential.density[layer - 1]
            if (upper - lower) * source.nextDouble() + lower < exp(-x) { return x }
        }
    }
}

/// C's conversion of a double to `int64_t` as x86-64 performs it (`cvttsd2si`): truncation
/// toward zero, and the "integer indefinite" value `Int64.min` for NaN and out-of-range values.
/// NumPy's samplers rely on that value to reject infinite candidates, so it is reproduced
/// instead of trapping.
func truncatingInt64(_ x: Double) -> Int64 {
    guard x.isFinite, x >= -9_223_372_036_854_775_808.0, x < 9_223_372_036_854_775_808.0 else {
        return Int64.min
    }
    return Int64(x)
}
