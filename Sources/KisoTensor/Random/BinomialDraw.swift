import Glibc

/// The binomial sampler of NumPy's `Generator` (`random_binomial` in distributions.c): the
/// smaller of p and 1 − p is sampled, by inversion when n·p ≤ 30 and by Kachitvichyanukul and
/// Schmeiser's BTPE otherwise, so each count equals NumPy 2.4's.
enum BinomialDraw {
    /// One count of successes in `n` trials of probability `p` (n ≥ 0, 0 ≤ p ≤ 1).
    static func draw<Source: RandomBitSource>(_ n: Int64, _ p: Double, _ source: inout Source) -> Int64 {
        if n == 0 || p == 0.0 { return 0 }
        if p <= 0.5 {
            return p * Double(n) <= 30.0 ? inversion(n, p, &source) : btpe(n, p, &source)
        }
        let q = 1.0 - p
        return n - (q * Double(n) <= 30.0 ? inversion(n, q, &source) : btpe(n, q, &source))
    }

    /// Inversion by sequential search from 0, restarted past a bound of n·p + 10·√(n·p·q + 1).
    static func inversion<Source: RandomBitSource>(_ n: Int64, _ p: Double, _ source: inout Source) -> Int64 {
        let q = 1.0 - p
        let qn = exp(Double(n) * log1p(-p))
        let np = Double(n) * p
        let bound = truncatingInt64(Swift.min(Double(n), np + 10.0 * sqrt(np * q + 1)))
        var x: Int64 = 0
        var px = qn
        var u = source.nextDouble()
        while u > px {
            x += 1
            if x > bound {
                x = 0
                px = qn
                u = source.nextDouble()
            } else {
                u -= px
                px = (Double(n - x + 1) * p * px) / (Double(x) * q)
            }
        }
        return x
    }

    /// The Stirling correction term of BTPE's final test for one argument, with NumPy 2.4's
    /// constant 13680 (see `btpe`).
    private static func stirlingTerm(_ x: Double) -> Double {
        let x2 = x * x
        return (13680.0 - (462.0 - (132.0 - (99.0 - 140.0 / x2) / x2) / x2) / x2) / x / 166320.0
    }

    /// BTPE (binomial, triangle, parallelogram, exponential), for p ≤ 0.5 and n·p > 30. The
    /// steps keep the paper's numbering, as NumPy's C does.
    static func btpe<Source: RandomBitSource>(_ n: Int64, _ p: Double, _ source: inout Source) -> Int64 {
        let dn = Double(n)
        let r = Swift.min(p, 1.0 - p)
        let q = 1.0 - r
        let fm = dn * r + r
        let m = truncatingInt64(floor(fm))
        let dm = Double(m)
        let p1 = floor(2.195 * sqrt(dn * r * q) - 4.6 * q) + 0.5
        let xm = dm + 0.5
        let xl = xm - p1
        let xr = xm + p1
        let c = 0.134 + 20.5 / (15.3 + dm)
        var a = (fm - xl) / (fm - xl * r)
        let laml = a * (1.0 + a / 2.0)
        a = (xr - fm) / (xr * q)
        let lamr = a * (1.0 + a / 2.0)
        let p2 = p1 * (1.0 + 2.0 * c)
        let p3 = p2 + c / laml
        let p4 = p3 + c / lamr
        let nrq = dn * r * q

        while true {
            // Step 10: the triangle.
            let u = source.nextDouble() * p4
            var v = source.nextDouble()
            var y: Int64
            if u <= p1 {
                y = truncatingInt64(floor(xm - p1 * v + u))
                return p > 0.5 ? n - y : y
            }
            if u <= p2 {
                // Step 20: the parallelograms.
                let x = xl + (u - p1) / c
                v = v * c + 1.0 - Swift.abs(dm - x + 0.5) / p1
                if v > 1.0 { continue }
                y = truncatingInt64(floor(x))
            } else if u <= p3 {
                // Step 30: the left exponential tail; v = 0 would have made the cast undefined.
                y = truncatingInt64(floor(xl + log(v) / laml))
                if y < 0 || v == 0.0 { continue }
                v = v * (u - p2) * laml
            } else {
                // Step 40: the right exponential tail.
                y = truncatingInt64(floor(xr - log(v) / lamr))
                if y > n || v == 0.0 { continue }
                v = v * (u - p3) * lamr
            }
            // Step 50: evaluate f(y)/f(m) directly when y is near m.
            let k = y > m ? y &- m : m &- y
            if !(k > 20 && Double(k) < nrq / 2.0 - 1) {
                let s = r / q
                let aa = s * (dn + 1)
                var f = 1.0
                if m < y {
                    var i = m + 1
                    while i <= y {
                        f *= (aa / Double(i) - s)
                        i += 1
                    }
                } else if m > y {
                    var i = y + 1
                    while i <= m {
                        f /= (aa / Double(i) - s)
                        i += 1
                    }
                }
                if v > f { continue }
                return p > 0.5 ? n - y : y
            }
            // Step 52: squeeze on log f(y)/f(m), then the Stirling-corrected bound.
            let dk = Double(k)
            let rho = (dk / nrq) * ((dk * (dk / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5)
            let t = Double(0 &- k &* k) / (2 * nrq)
            let logV = log(v)
            if logV < t - rho { return p > 0.5 ? n - y : y }
            if logV > t + rho { continue }
            let x1 = Double(y) + 1
            let f1 = dm + 1
            let z = dn + 1 - dm
            let w = dn - Double(y) + 1
            // NumPy 2.4 adds all four Stirling terms, with 13680 for 13860, as printed in the 1988
            // paper; the exact bound subtracts the last two (fixed in NumPy 2.5). That moves this
            // rarely reached boundary by about 1/(6(y+1)) + 1/(6(n−y+1)); the draws are kept equal
            // to the reference's.
            let bound =
                xm * log(f1 / x1) + (Double(n - m) + 0.5) * log(z / w) + Double(y - m) * log(w * r / (x1 * q))
                + stirlingTerm(f1) + stirlingTerm(z) + stirlingTerm(x1) + stirlingTerm(w)
            if logV > bound { continue }
            return p > 0.5 ? n - y : y
        }
    }
}
