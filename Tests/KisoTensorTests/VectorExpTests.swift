import Glibc
import Testing

@testable import KisoTensor

/// The vectorised exp must stay within 1 ulp of C's (correctly rounded in glibc) exp.
@Suite struct VectorExpTests {
    func ulps(_ a: Double, _ b: Double) -> UInt64 {
        if a == b || (a.isNaN && b.isNaN) { return 0 }
        let x = Int64(bitPattern: a.bitPattern)
        let y = Int64(bitPattern: b.bitPattern)
        return x > y ? UInt64(x &- y) : UInt64(y &- x)
    }

    @Test func withinOneUlpAcrossTheRange() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var inputs: [Double] = []
        for _ in 0..<200_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1
            inputs.append(-745.5 + 1456.0 * Double(state >> 11) / Double(1 << 53))
        }
        inputs += [0, -0.0, 1, -1, 1e-300, -1e-300, 709.78, 709.79, -708.4, -740, -745.13, -745.14, 710, -746]
        var out = [Double](repeating: 0, count: inputs.count)
        inputs.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                if let s = src.baseAddress, let d = dst.baseAddress { VectorExp.apply(s, d, count: inputs.count) }
            }
        }
        var worst: (UInt64, Double) = (0, 0)
        for (x, y) in zip(inputs, out) {
            let u = ulps(y, Glibc.exp(x))
            // Subnormal results carry fewer significant bits; there 1 ulp is the whole error budget too.
            if u > worst.0 { worst = (u, x) }
        }
        #expect(worst.0 <= 1, "exp(\(worst.1)) is \(worst.0) ulps from C's exp")
    }

    @Test func specialValues() {
        let t = Tensor([.nan, .infinity, -.infinity, 800, -800, 0]).exp().scalars
        #expect(t[0].isNaN)
        #expect(t[1] == .infinity)
        #expect(t[2] == 0)
        #expect(t[3] == .infinity)
        #expect(t[4] == 0)
        #expect(t[5] == 1)
    }
}
