import Glibc

/// eˣ for many values at once, eight lanes at a time, nearly always correctly rounded (within
/// 0.52 ulp), so tensors agree with C's `exp` and NumPy to the last digit in practice.
///
/// Method: x = (k/128)·ln2 + r with |r| ≤ ln2/256; 2^(k/128) comes from a table of 128 values
/// kept with their rounding error (`ExpTable.swift`), eʳ − 1 from a degree-5 polynomial, and
/// the result is scale + scale·(tail + eʳ − 1), rounded once. Lanes whose result would overflow,
/// underflow or be subnormal (|x| ≥ 704), and nan, take C's `exp` instead.
enum VectorExp {
    typealias Lanes = SIMD8<Double>

    private static let invLn2N = 0x1.71547652b82fep0 * 128
    private static let negLn2HighN = -0x1.62e42fefa0000p-8
    private static let negLn2LowN = -0x1.cf79abc9e3b3ap-47
    /// 1.5·2⁵²: adding it rounds to an integer and leaves the integer in the low bits.
    private static let roundingShift = 0x1.8p52
    private static let c2 = 0x1.ffffffffffdbdp-2
    private static let c3 = 0x1.555555555543cp-3
    private static let c4 = 0x1.55555cf172b91p-5
    private static let c5 = 0x1.1111167a4d017p-7
    /// Beyond this |x| the scaled result leaves the normal range.
    private static let vectorLimit = 704.0

    /// Writes eˣ of `count` values from `source` into `destination`.
    static func apply(_ source: UnsafePointer<Double>, _ destination: UnsafeMutablePointer<Double>, count: Int) {
        expTable.withUnsafeBufferPointer { table in
            guard let table = table.baseAddress else { return }
            var i = 0
            while i + 8 <= count {
                let x = UnsafeRawPointer(source + i).loadUnaligned(as: Lanes.self)
                UnsafeMutableRawPointer(destination + i).storeBytes(of: lanes(x, table), as: Lanes.self)
                i += 8
            }
            if i < count {
                var tail = Lanes(repeating: 0)
                for k in 0..<(count - i) { tail[k] = source[i + k] }
                let result = lanes(tail, table)
                for k in 0..<(count - i) { destination[i + k] = result[k] }
            }
        }
    }

    @inline(__always)
    static func lanes(_ input: Lanes, _ table: UnsafePointer<UInt64>) -> Lanes {
        let magnitude = input.replacing(with: -input, where: input .< 0)
        let edge = .!(magnitude .< vectorLimit)  // also true for nan
        // Keep edge lanes in range for the arithmetic; their results are replaced below.
        let x = input.replacing(with: 0, where: edge)
        let shifted = x * invLn2N + roundingShift
        let kd = shifted - roundingShift
        let r = x + kd * negLn2HighN + kd * negLn2LowN
        let ki = unsafeBitCast(shifted, to: SIMD8<UInt64>.self)
        var tail = Lanes(repeating: 0)
        var scaleBits = SIMD8<UInt64>(repeating: 0)
        for lane in 0..<8 {
            let index = Int(truncatingIfNeeded: ki[lane] & 127) &* 2
            tail[lane] = Double(bitPattern: table[index])
            scaleBits[lane] = table[index &+ 1] &+ (ki[lane] &<< 45)
        }
        let r2 = r * r
        let poly = tail + r + r2 * (c2 + r * c3) + r2 * r2 * (c4 + r * c5)
        let scale = unsafeBitCast(scaleBits, to: Lanes.self)
        var result = scale + scale * poly
        if any(edge) {
            for lane in 0..<8 where edge[lane] { result[lane] = Glibc.exp(input[lane]) }
        }
        return result
    }
}
