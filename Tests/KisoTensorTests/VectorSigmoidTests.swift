import Glibc
import Testing

@testable import KisoTensor

/// The vectorised sigmoid against the scalar formulas on C's exp. Those formulas are themselves
/// up to about 2 ulps from the true value for negative x (e/(1 + e) rounds three times), and a
/// 1-ulp difference in e can move the result by 2; the vectorised one's worst error is the same.
@Suite struct VectorSigmoidTests {
    @Test func withinTwoUlpsOfTheScalarFormulas() {
        var state: UInt64 = 7
        var inputs: [Double] = [
            0, -0.0, 1e-300, -1e-300, 1, -1, 36, -36, 37.5, -37.5, 699.9, -699.9, 700, -700, 745, -745, 746, -746,
            1e308, -1e308,
        ]
        for _ in 0..<500_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1
            let u = Double(state >> 11) / Double(UInt64(1) << 53)
            // Magnitudes from 10⁻⁸ to 800, both signs.
            let magnitude = Glibc.pow(10, -8 + 10.9 * u)
            inputs.append(state & 1 == 0 ? magnitude : -magnitude)
        }
        let result = Tensor(inputs).sigmoid().scalars
        var worst: (UInt64, Double) = (0, 0)
        var differing = 0
        for (x, y) in zip(inputs, result) {
            let expected = sigmoidElement(x)
            let a = Int64(bitPattern: y.bitPattern)
            let b = Int64(bitPattern: expected.bitPattern)
            let u = y == expected ? 0 : (a > b ? UInt64(a &- b) : UInt64(b &- a))
            if u > 0 { differing += 1 }
            if u > worst.0 { worst = (u, x) }
        }
        // (2026-11-30: 0.3% of the results differ, by at most 2 ulps.)
        #expect(worst.0 <= 2, "sigmoid(\(worst.1)) is \(worst.0) ulps from the scalar formula's")
        #expect(
            differing * 100 < inputs.count, "\(differing) of \(inputs.count) results differ from the scalar formula's")
    }

    @Test func specialValues() {
        let t = Tensor([.nan, .infinity, -.infinity, 0, -0.0, 800, -800]).sigmoid().scalars
        #expect(t[0].isNaN)
        #expect(t[1] == 1 && t[2] == 0 && t[3] == 0.5 && t[4] == 0.5 && t[5] == 1 && t[6] == 0)
        #expect(t[6].sign == .plus)
    }
}
