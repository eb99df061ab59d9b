import Glibc

/// Scalar special functions behind the differentiable ones in Variable+Special.swift.
public enum Special {
    /// log |Γ(x)| (C's `lgamma_r`, which does not touch the global `signgam`).
    public static func logGamma(_ x: Double) -> Double {
        var sign: Int32 = 0
        return lgamma_r(x, &sign)
    }

    /// ψ(x) = d/dx log Γ(x): the recurrence ψ(x) = ψ(x + 1) − 1/x up to x ≥ 10, then the
    /// asymptotic series; reflection for negative x. NaN at the poles 0, −1, −2, … (as SciPy's
    /// `psi` for negative integers; SciPy gives −inf at 0 itself, Kiso NaN for every pole).
    public static func digamma(_ x: Double) -> Double {
        if x.isNaN || x == -.infinity { return .nan }
        if x == .infinity { return .infinity }
        if x <= 0 {
            if x == x.rounded(.down) { return .nan }
            // ψ(1 − x) − ψ(x) = π cot(πx).
            return digamma(1 - x) - Double.pi / tan(Double.pi * x)
        }
        var y = x
        var result = 0.0
        while y < 10 {
            result -= 1 / y
            y += 1
        }
        let f = 1 / (y * y)
        let series =
            f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240 - f * (1.0 / 132 - f * 691.0 / 32760)))))
        return result + log(y) - 0.5 / y - series
    }

    /// Bernoulli numbers B₂, B₄, …, B₁₆ for the asymptotic series.
    private static let bernoulli: [Double] = [
        1.0 / 6, -1.0 / 30, 1.0 / 42, -1.0 / 30, 5.0 / 66, -691.0 / 2730, 7.0 / 6, -3617.0 / 510,
    ]

    /// The polygamma function ψ⁽ⁿ⁾(x) for n ≥ 1 and x > 0: the n-th derivative of ψ (n = 1 is
    /// the trigamma function). The series Σ 1/(x + k)ⁿ⁺¹ is summed up to x + k ≥ 20 + n, the rest
    /// taken from its asymptotic expansion. NaN for x ≤ 0 or n < 1.
    public static func polygamma(_ n: Int, _ x: Double) -> Double {
        guard n >= 1, n <= 20, x > 0 else { return .nan }
        if x == .infinity { return 0 }
        let order = Double(n)
        var y = x
        var sum = 0.0
        while y < 20 + order {
            sum += pow(y, -(order + 1))
            y += 1
        }
        // Σ_{k≥0} 1/(y+k)^(n+1) ≈ 1/(n yⁿ) + 1/(2 yⁿ⁺¹) + Σ_j B₂ⱼ (2j+n−1)!/((2j)! n!) / y^(2j+n).
        var tail = 1 / (order * pow(y, order)) + 0.5 / pow(y, order + 1)
        for (index, b) in bernoulli.enumerated() {
            let j = Double(index + 1)
            // (2j+n−1)! / ((2j)! n!) = Π_{m=1}^{2j−1} (n+m)/(m+1), as a product to stay finite.
            var coefficient = 1.0
            for m in 1...Int(2 * j - 1) { coefficient *= (order + Double(m)) / Double(m + 1) }
            tail += b * coefficient / pow(y, 2 * j + order)
        }
        let factorial = exp(logGamma(order + 1))
        let magnitude = factorial * (sum + tail)
        return n % 2 == 1 ? magnitude : -magnitude
    }

    /// log Φ(x), the log of the standard normal cdf, accurate in both tails: log1p(−Φ(−x)) for
    /// x > 6, log(erfc(−x/√2)/2) down to −20, and the asymptotic series of Mills' ratio below.
    public static func logNdtr(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x > 6 { return log1p(-0.5 * erfc(x / 2.0.squareRoot())) }
        if x > -20 { return log(0.5 * erfc(-x / 2.0.squareRoot())) }
        // Φ(x) = φ(x)/(−x) · (1 − 1/x² + 3/x⁴ − 15/x⁶ + …).
        let inverseSquare = 1 / (x * x)
        var term = 1.0
        var series = 1.0
        for k in 1...12 {
            term *= -Double(2 * k - 1) * inverseSquare
            series += term
        }
        return -0.5 * x * x - log(-x) - 0.5 * log(2 * Double.pi) + log(series)
    }

    /// log(1 − e⁻ˣ) for x ≥ 0 without cancellation (Mächler's log1mexp): log(−expm1(−x)) up to
    /// log 2, log1p(−e⁻ˣ) beyond. −inf at 0; NaN for negative x.
    public static func log1mexp(_ x: Double) -> Double {
        if x.isNaN || x < 0 { return .nan }
        return x <= log(2.0) ? log(-expm1(-x)) : log1p(-exp(-x))
    }
}
