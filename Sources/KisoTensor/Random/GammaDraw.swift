import Glibc

/// The gamma and beta samplers of NumPy's `Generator` (distributions.c), branch for branch.
enum GammaDraw {
    /// One standard gamma variate of the given shape (`random_standard_gamma`): the exponential
    /// for shape 1, 0 for shape 0, Johnk-style rejection below 1, and Marsaglia–Tsang's squeeze
    /// with a ziggurat normal above.
    static func standard<Source: RandomBitSource>(_ shape: Double, _ source: inout Source) -> Double {
        if shape == 1.0 { return ExponentialDraw.ziggurat(&source) }
        if shape == 0.0 { return 0.0 }
        if shape < 1.0 {
            while true {
                let u = source.nextDouble()
                let v = ExponentialDraw.ziggurat(&source)
                if u <= 1.0 - shape {
                    let x = pow(u, 1.0 / shape)
                    if x <= v { return x }
                } else {
                    let y = -log((1 - u) / shape)
                    let x = pow(1.0 - shape + shape * y, 1.0 / shape)
                    if x <= v + y { return x }
                }
            }
        }
        let b = shape - 1.0 / 3.0
        let c = 1.0 / sqrt(9 * b)
        while true {
            var x = 0.0
            var v = 0.0
            repeat {
                x = NormalDraw.ziggurat(&source)
                v = 1.0 + c * x
            } while v <= 0.0
            v = v * v * v
            let u = source.nextDouble()
            if u < 1.0 - 0.0331 * (x * x) * (x * x) { return b * v }
            // log(0) is -inf here, which correctly accepts.
            if log(u) < 0.5 * x * x + b * (1.0 - v + log(v)) { return b * v }
        }
    }

    /// Below this, both beta parameters make every draw 0 or 1 to double precision.
    private static let betaTinyThreshold = 3e-103

    /// One beta variate (`random_beta`; `a` and `b` positive): Johnk's algorithm when both are
    /// at most 1 (in logarithms when the powers underflow), otherwise the ratio of two gammas.
    static func beta<Source: RandomBitSource>(_ a: Double, _ b: Double, _ source: inout Source) -> Double {
        guard a <= 1.0 && b <= 1.0 else {
            let ga = standard(a, &source)
            let gb = standard(b, &source)
            return ga / (ga + gb)
        }
        if a < betaTinyThreshold && b < betaTinyThreshold {
            let u = source.nextDouble()
            return (a + b) * u < a ? 1.0 : 0.0
        }
        while true {
            let u = source.nextDouble()
            let v = source.nextDouble()
            let x = pow(u, 1.0 / a)
            let y = pow(v, 1.0 / b)
            let sum = x + y
            if sum <= 1.0 && u + v > 0.0 {
                if x > 0 && y > 0 { return x / sum }
                let logX = log(u) / a
                let logY = log(v) / b
                let delta = logX - logY
                if delta > 0 { return exp(-log1p(exp(-delta))) }
                return exp(delta - log1p(exp(delta)))
            }
        }
    }
}
