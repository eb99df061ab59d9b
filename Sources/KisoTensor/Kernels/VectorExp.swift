/// eˣ for many values at once. C's `exp` handles one value per call; this evaluates eight
/// with SIMD arithmetic and is several times faster over a long tensor, within 1 ulp of the
/// correctly rounded result.
///
/// Method (Cody–Waite): x = n·ln2 + r with |r| ≤ ln2/2, eʳ by a degree-13 polynomial, then the
/// result scaled by 2ⁿ in two halves so that results near the subnormal range stay exact.
enum VectorExp {
    typealias Lanes = SIMD8<Double>

    private static let log2e = 1.442_695_040_888_963_4
    private static let ln2High = 0.693_147_180_369_123_816_49
    private static let ln2Low = 1.908_214_929_270_587_700_02e-10
    /// 1.5·2⁵²: adding it rounds a double to an integer and leaves the integer in the low bits.
    private static let roundingShift = 6_755_399_441_055_744.0
    private static let overflow = 709.782_712_893_384
    private static let underflow = -745.133_219_101_941_1

    /// Writes eˣ of `count` values from `source` into `destination`.
    static func apply(_ source: UnsafePointer<Double>, _ destination: UnsafeMutablePointer<Double>, count: Int) {
        var i = 0
        while i + 8 <= count {
            let x = UnsafeRawPointer(source + i).loadUnaligned(as: Lanes.self)
            UnsafeMutableRawPointer(destination + i).storeBytes(of: lanes(x), as: Lanes.self)
            i += 8
        }
        if i < count {
            var tail = Lanes(repeating: 0)
            for k in 0..<(count - i) { tail[k] = source[i + k] }
            let result = lanes(tail)
            for k in 0..<(count - i) { destination[i + k] = result[k] }
        }
    }

    @inline(__always)
    static func lanes(_ input: Lanes) -> Lanes {
        // Clamp so the arithmetic below stays finite; the true edge results are restored last.
        let x = pointwiseMax(pointwiseMin(input, Lanes(repeating: 710)), Lanes(repeating: -746))
        let shifted = x * log2e + roundingShift
        let n = shifted - roundingShift
        let r = (x - n * ln2High) - n * ln2Low
        // Horner's rule on the Taylor coefficients 1/13!, 1/12!, …, 1/0! (written out so the
        // loop body holds no array access).
        var p = Lanes(repeating: 1.605_904_383_682_161_3e-10)
        p = p * r + 2.087_675_698_786_810e-9
        p = p * r + 2.505_210_838_544_172e-8
        p = p * r + 2.755_731_922_398_589e-7
        p = p * r + 2.755_731_922_398_589_3e-6
        p = p * r + 2.480_158_730_158_730_2e-5
        p = p * r + 1.984_126_984_126_984_1e-4
        p = p * r + 1.388_888_888_888_888_9e-3
        p = p * r + 8.333_333_333_333_333e-3
        p = p * r + 4.166_666_666_666_666_4e-2
        p = p * r + 0.166_666_666_666_666_66
        p = p * r + 0.5
        p = p * r + 1.0
        p = p * r + 1.0
        // n as an integer, split in two halves so each 2^half is a normal double.
        let bits = unsafeBitCast(shifted, to: SIMD8<Int64>.self)
        let ni = bits &- Int64(bitPattern: roundingShift.bitPattern)
        let half = ni &>> 1
        let rest = ni &- half
        let scaleA = unsafeBitCast((half &+ 1023) &<< 52, to: Lanes.self)
        let scaleB = unsafeBitCast((rest &+ 1023) &<< 52, to: Lanes.self)
        var result = p * scaleA * scaleB
        result.replace(with: Double.infinity, where: input .> overflow)
        result.replace(with: 0, where: input .< underflow)
        result.replace(with: input, where: input .!= input)  // nan stays nan
        return result
    }
}
