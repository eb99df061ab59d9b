import Glibc

/// The natural logarithm of many values at once, eight lanes at a time, within 1 ulp of the true
/// value and so almost always the value C's `log` gives.
///
/// Method (fdlibm's, from which glibc's and musl's `log` descend): x = 2ᵏ·(1 + f) with 1 + f in
/// [√2/2, √2), read off x's bits; s = f/(2 + f), so that log(1 + f) = 2·atanh(s) =
/// f − (hfsq − s·(hfsq + R(s²))) with hfsq = f²/2 and R fdlibm's degree-14 polynomial in s; then
/// log x = k·ln2_hi + (log(1 + f) + k·ln2_lo), where k·ln2_hi is exact. f = x' − 1 is exact, so
/// arguments near 1 keep their relative accuracy. Every step is one IEEE operation in fdlibm's
/// order (no fused multiply-adds), so each lane gives fdlibm's scalar result bit for bit.
/// Lanes that are not positive finite normal numbers (zero, negatives, subnormals, infinities,
/// nan) take C's `log`.
public enum VectorLog {
    /// Writes the natural logarithm of `count` values from `source` into `destination`.
    public static func apply(_ source: UnsafePointer<Double>, _ destination: UnsafeMutablePointer<Double>, count: Int) {
        // The last partial group is padded with ones, whose logarithm needs no fallback.
        forEachLanes(source, destination, count: count, padding: 1, lanes)
    }

    @inline(__always)
    static func lanes(_ input: Lanes) -> Lanes {
        // Four lanes at a time (one AVX2 register): written on eight, part of the polynomial
        // was compiled one lane at a time.
        var result = Lanes(lowHalf: fdlibm(input.lowHalf), highHalf: fdlibm(input.highHalf))
        // Compared as doubles: a comparison of unsigned 64-bit lanes has no AVX2 instruction and
        // was done lane by lane through memory. nan fails both comparisons.
        let inside = (input .>= Lanes(repeating: .leastNormalMagnitude)) .& (input .< Lanes(repeating: .infinity))
        let outside = .!inside
        if anyLane(outside) { redoEdges(input, &result, outside) }
        return result
    }

    /// fdlibm's log of four positive finite normal numbers (other lanes give garbage, never a
    /// trap: the integer steps wrap).
    @inline(__always)
    static func fdlibm(_ x: Quad) -> Quad {
        let bits = unsafeBitCast(x, to: SIMD4<UInt64>.self)
        // Adding 1 − √2/2 to the mantissa (in the high word's bits, as fdlibm does) carries into
        // the exponent exactly when the mantissa is at least √2/2's, which splits x as
        // 2ᵏ·(1 + f) with 1 + f in [√2/2, √2).
        let shifted = bits &+ ((0x3ff0_0000 - 0x3fe6_a09e) << 32)
        let k = unsafeBitCast(shifted &>> 52, to: SIMD4<Int64>.self) &- 0x3ff
        let reduced = unsafeBitCast((shifted & 0x000f_ffff_ffff_ffff) &+ (0x3fe6_a09e << 32), to: Quad.self)
        // k as a double, exactly (|k| < 2⁵¹): its bits added to those of 1.5·2⁵², which is then subtracted.
        let dk =
            unsafeBitCast(k &+ Int64(bitPattern: CodyWaite.roundingShift.bitPattern), to: Quad.self)
            - CodyWaite.roundingShift
        // fdlibm's coefficients: R(z) = Lg1·z + Lg2·z² + … + Lg7·z⁷ with z = s².
        let lg1 = 6.666_666_666_666_735_130e-01
        let lg2 = 3.999_999_999_940_941_908e-01
        let lg3 = 2.857_142_874_366_239_149e-01
        let lg4 = 2.222_219_843_214_978_396e-01
        let lg5 = 1.818_357_216_161_805_012e-01
        let lg6 = 1.531_383_769_920_937_332e-01
        let lg7 = 1.479_819_860_511_658_591e-01
        let f = reduced - 1
        let hfsq = 0.5 * f * f
        let s = f / (2 + f)
        let z = s * s
        let w = z * z
        let t1 = w * (lg2 + w * (lg4 + w * lg6))
        let t2 = z * (lg1 + w * (lg3 + w * (lg5 + w * lg7)))
        let r = t2 + t1
        return dk * CodyWaite.ln2High - ((hfsq - (s * (hfsq + r) + dk * CodyWaite.ln2Low)) - f)
    }

    /// C's log of the lanes set in `outside`, out of line so that its lane-by-lane work stays
    /// out of the vector code.
    @inline(never)
    static func redoEdges(_ input: Lanes, _ result: inout Lanes, _ outside: SIMDMask<SIMD8<Int64>>) {
        for lane in 0..<8 where outside[lane] { result[lane] = Glibc.log(input[lane]) }
    }
}
