import Glibc

/// eˣ for many values at once, eight lanes at a time, within about 0.6 ulp and so almost
/// always the value C's `exp` gives.
///
/// Method (Cody–Waite): x = n·ln2 + r with |r| ≤ ln2/2, then eʳ = (1 + r) + r²·q(r) with q a
/// degree-11 polynomial evaluated by Estrin's scheme; 1 + r is kept as an exact pair (hi, lo)
/// so that the only large rounding is the final one, and the result is scaled by 2ⁿ.
/// Lanes with |x| ≥ 700 (overflow, underflow, subnormal results) and nan take C's `exp`.
public enum VectorExp {
    /// Beyond this |x| the scaled result leaves the range of normal doubles.
    private static let edge = 700.0

    /// Writes eˣ of `count` values from `source` into `destination`.
    public static func apply(_ source: UnsafePointer<Double>, _ destination: UnsafeMutablePointer<Double>, count: Int) {
        forEachLanes(source, destination, count: count, lanes)
    }

    @inline(__always)
    static func lanes(_ input: Lanes) -> Lanes {
        // Four lanes at a time (one AVX2 register): written on eight, part of the arithmetic was
        // compiled one lane at a time.
        var result = Lanes(lowHalf: scaled(input.lowHalf), highHalf: scaled(input.highHalf))
        let magnitude = unsafeBitCast(
            unsafeBitCast(input, to: SIMD8<UInt64>.self) & 0x7fff_ffff_ffff_ffff, to: Lanes.self)
        let outside = .!(magnitude .< edge)
        if anyLane(outside) { redoEdges(input, &result, outside) }
        return result
    }

    /// C's exp of the lanes set in `outside`, out of line so that its lane-by-lane work stays
    /// out of the vector code.
    @inline(never)
    static func redoEdges(_ input: Lanes, _ result: inout Lanes, _ outside: SIMDMask<SIMD8<Int64>>) {
        for lane in 0..<8 where outside[lane] { result[lane] = Glibc.exp(input[lane]) }
    }

    /// eˣ of four values with |x| < 700 (other lanes give garbage, never a trap: the integer
    /// steps wrap).
    @inline(__always)
    static func scaled(_ x: Quad) -> Quad {
        let shifted = x * CodyWaite.log2e + CodyWaite.roundingShift
        let n = shifted - CodyWaite.roundingShift
        // r = rh + rl: rh is exact (ln2High has trailing zero bits), rl a small correction.
        let rh = x - n * CodyWaite.ln2High
        let rl = -(n * CodyWaite.ln2Low)
        let r = rh + rl
        // q(r) = Σ r^(k−2)/k! for k = 2…13, by Estrin's scheme: pairs, then pairs of pairs, so
        // the chain of dependent multiplications is 5 long instead of 12.
        let r2 = r * r
        let r4 = r2 * r2
        let r8 = r4 * r4
        let a0 = 0.5 + r * 0.166_666_666_666_666_66
        let a1 = 4.166_666_666_666_666_4e-2 + r * 8.333_333_333_333_333e-3
        let a2 = 1.388_888_888_888_888_9e-3 + r * 1.984_126_984_126_984_1e-4
        let a3 = 2.480_158_730_158_730_2e-5 + r * 2.755_731_922_398_589_3e-6
        let a4 = 2.755_731_922_398_589e-7 + r * 2.505_210_838_544_172e-8
        let a5 = 2.087_675_698_786_810e-9 + r * 1.605_904_383_682_161_3e-10
        let q = (a0 + a1 * r2) + (a2 + a3 * r2) * r4 + (a4 + a5 * r2) * r8
        // 1 + rh = hi + lo exactly (|rh| < 1, so the classic fast two-sum applies); rl joins the
        // small part, so only the final addition rounds at the result's scale.
        let hi = 1 + rh
        let lo = (1 - hi) + rh
        let p = hi + ((lo + rl) + r2 * q)
        // 2ⁿ from n's bits (|n| ≤ 1010 here, so 2ⁿ is a normal double).
        let ni = unsafeBitCast(shifted, to: SIMD4<Int64>.self) &- Int64(bitPattern: CodyWaite.roundingShift.bitPattern)
        return p * unsafeBitCast((ni &+ 1023) &<< 52, to: Quad.self)
    }
}
