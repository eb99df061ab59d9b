import Glibc

/// The Poisson sampler of NumPy's `Generator` (`random_poisson` in distributions.c), which the
/// legacy `RandomState` calls too (`legacy_random_poisson`).
enum PoissonDraw {
    /// The largest rate NumPy accepts: Int64.max − 10·√Int64.max, so a draw cannot overflow.
    static let maximumRate = 9.223372036854775807e18 - 10 * (9.223372036854775807e18).squareRoot()

    /// Throws unless `lam` is a rate NumPy accepts: 0 or more, not NaN, at most `maximumRate`.
    static func checkRate(_ lam: Double) throws {
        guard lam >= 0 else {
            throw TensorError.value(
                "poisson: lam is \(lam); a rate must be 0 or more", hint: "pass a non-negative rate")
        }
        guard lam <= maximumRate else {
            throw TensorError.value(
                "poisson: lam is \(lam), too large for int64 counts", hint: "rates up to about 9.2e18 are supported")
        }
    }

    /// One Poisson count: 0 for rate 0, multiplication of uniforms below 10, Hörmann's
    /// transformed rejection (PTRS) from 10 on.
    static func draw<Source: RandomBitSource>(_ lam: Double, _ source: inout Source) -> Int64 {
        if lam >= 10 { return transformedRejection(lam, &source) }
        if lam == 0 { return 0 }
        let limit = exp(-lam)
        var count: Int64 = 0
        var product = 1.0
        while true {
            product *= source.nextDouble()
            if product > limit { count += 1 } else { return count }
        }
    }

    /// W. Hörmann, "The transformed rejection method for generating Poisson random variables"
    /// (1993), with NumPy's constants.
    private static func transformedRejection<Source: RandomBitSource>(
        _ lam: Double, _ source: inout Source
    ) -> Int64 {
        let slam = sqrt(lam)
        let loglam = log(lam)
        let b = 0.931 + 2.53 * slam
        let a = -0.059 + 0.02483 * b
        let invalpha = 1.1239 + 1.1328 / (b - 3.4)
        let vr = 0.9277 - 3.6224 / (b - 2)
        while true {
            let u = source.nextDouble() - 0.5
            let v = source.nextDouble()
            let us = 0.5 - Swift.abs(u)
            let k = truncatingInt64(floor((2 * a / us + b) * u + lam + 0.43))
            if us >= 0.07 && v <= vr { return k }
            if k < 0 || (us < 0.013 && v > us) { continue }
            if log(v) + log(invalpha) - log(a / (us * us) + b)
                <= -lam + Double(k) * loglam - logGamma(Double(k) + 1)
            {
                return k
            }
        }
    }

    private static let stirlingCoefficients: [Double] = [
        8.333333333333333e-02, -2.777777777777778e-03, 7.936507936507937e-04, -5.952380952380952e-04,
        8.417508417508418e-04, -1.917526917526918e-03, 6.410256410256410e-03, -2.955065359477124e-02,
        1.796443723688307e-01, -1.39243221690590e+00,
    ]

    /// log Γ(x) for x > 0 as NumPy's samplers compute it (`random_loggam`, from Zhang and Jin's
    /// SPECFUN): Stirling's series at x + n ≥ 7, then the recurrence back down. The samplers'
    /// accept/reject decisions depend on its exact bits, so it is not replaced by `lgamma`.
    static func logGamma(_ x: Double) -> Double {
        if x == 1.0 || x == 2.0 { return 0.0 }
        let n: Int64 = x < 7.0 ? truncatingInt64(7 - x) : 0
        var x0 = x + Double(n)
        let x2 = (1.0 / x0) * (1.0 / x0)
        let lg2pi = 1.8378770664093453e+00
        var gl0 = stirlingCoefficients[9]
        for k in stride(from: 8, through: 0, by: -1) {
            gl0 *= x2
            gl0 += stirlingCoefficients[k]
        }
        var gl = gl0 / x0 + 0.5 * lg2pi + (x0 - 0.5) * log(x0) - x0
        if x < 7.0 && n >= 1 {
            for _ in 1...n {
                gl -= log(x0 - 1.0)
                x0 -= 1.0
            }
        }
        return gl
    }
}
