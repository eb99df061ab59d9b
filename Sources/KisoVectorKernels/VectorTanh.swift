/// tanh for many values at once, built on the same Cody–Waite reduction as `VectorExp`:
/// tanh|x| = t / (t + 2) with t = e^{2|x|} − 1 computed without cancellation, so small
/// arguments keep full relative accuracy. Within a few ulps of glibc's tanh.
public enum VectorTanh {
    /// Beyond this |x|, tanh x rounds to ±1.
    private static let saturation = 22.0

    /// Writes tanh of `count` values from `source` into `destination`.
    public static func apply(_ source: UnsafePointer<Double>, _ destination: UnsafeMutablePointer<Double>, count: Int) {
        forEachLanes(source, destination, count: count, lanes)
    }

    @inline(__always)
    static func lanes(_ input: Lanes) -> Lanes {
        let magnitude = pointwiseMin(input.replacing(with: -input, where: input .< 0), Lanes(repeating: saturation))
        let y = magnitude + magnitude
        // y = n·ln2 + r, |r| ≤ ln2/2; e^y − 1 = 2ⁿ·(e^r − 1) + (2ⁿ − 1).
        let shifted = y * CodyWaite.log2e + CodyWaite.roundingShift
        let n = shifted - CodyWaite.roundingShift
        let r = (y - n * CodyWaite.ln2High) - n * CodyWaite.ln2Low
        // e^r − 1 = r·(1 + r/2! + r²/3! + … + r¹²/13!), by Horner's rule.
        var q = Lanes(repeating: 1.605_904_383_682_161_3e-10)
        q = q * r + 2.087_675_698_786_810e-9
        q = q * r + 2.505_210_838_544_172e-8
        q = q * r + 2.755_731_922_398_589e-7
        q = q * r + 2.755_731_922_398_589_3e-6
        q = q * r + 2.480_158_730_158_730_2e-5
        q = q * r + 1.984_126_984_126_984_1e-4
        q = q * r + 1.388_888_888_888_888_9e-3
        q = q * r + 8.333_333_333_333_333e-3
        q = q * r + 4.166_666_666_666_666_4e-2
        q = q * r + 0.166_666_666_666_666_66
        q = q * r + 0.5
        q = q * r + 1.0
        let expm1r = q * r
        let bits = unsafeBitCast(shifted, to: SIMD8<Int64>.self)
        let ni = bits &- Int64(bitPattern: CodyWaite.roundingShift.bitPattern)
        let scale = unsafeBitCast((ni &+ 1023) &<< 52, to: Lanes.self)
        let t = scale * expm1r + (scale - 1)
        var result = t / (t + 2)
        result.replace(with: -result, where: input .< 0)
        result.replace(with: input, where: input .!= input)  // nan stays nan
        return result
    }
}
