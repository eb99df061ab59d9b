import Glibc
import KisoTestSupport
import Testing

@testable import KisoTensor

/// The vectorised exp must stay within 1 ulp of C's exp, and equal it almost everywhere.
@Suite struct VectorExpTests {
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
                if let s = src.baseAddress, let d = dst.baseAddress { VectorMath.exp(s, d, count: inputs.count) }
            }
        }
        var worst: (UInt64, Double) = (0, 0)
        var differing = 0
        for (x, y) in zip(inputs, out) {
            let u = ulpDistance(y, Glibc.exp(x))
            if u > 0 { differing += 1 }
            if u > worst.0 { worst = (u, x) }
        }
        #expect(worst.0 <= 1, "exp(\(worst.1)) is \(worst.0) ulps from C's exp")
        // Both are within about half an ulp of the true value, so they agree almost everywhere
        // (C's exp itself differs from NumPy's in about 4% of cases).
        #expect(differing * 100 < inputs.count * 3, "\(differing) of \(inputs.count) results differ from C's exp")
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

/// The vectorised tanh against glibc's, across small, medium and saturating arguments.
@Suite struct VectorTanhTests {
    @Test func withinFewUlps() {
        var state: UInt64 = 12345
        var inputs: [Double] = [0, -0.0, 1e-300, -1e-300, 1e-8, 0.1, 0.5, 0.55, 1, 5, 19, 21.9, 22, 23, 700, -700]
        for _ in 0..<200_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1
            let u = Double(state >> 11) / Double(1 << 53)
            // Spread over magnitudes from 1e-6 to 30, both signs.
            let magnitude = Glibc.pow(10, -6 + 7.5 * u)
            inputs.append(state & 1 == 0 ? magnitude : -magnitude)
        }
        let result = Tensor(inputs).tanh().scalars
        var worst: (UInt64, Double) = (0, 0)
        for (x, y) in zip(inputs, result) {
            let expected = Glibc.tanh(x)
            let a = Int64(bitPattern: y.bitPattern)
            let b = Int64(bitPattern: expected.bitPattern)
            let u = y == expected ? 0 : (a > b ? UInt64(a &- b) : UInt64(b &- a))
            if u > worst.0 { worst = (u, x) }
        }
        #expect(worst.0 <= 3, "tanh(\(worst.1)) is \(worst.0) ulps from C's tanh")
        let specials = Tensor([.nan, .infinity, -.infinity]).tanh().scalars
        #expect(specials[0].isNaN && specials[1] == 1 && specials[2] == -1)
    }
}
