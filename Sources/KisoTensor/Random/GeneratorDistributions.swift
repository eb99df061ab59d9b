import Glibc
import KisoBase

/// NumPy `Generator`'s univariate distributions beyond the normal and uniform: each sampler is
/// distributions.c's branch for branch, so a seeded stream equals NumPy's bit for bit.
/// Parameters are tensors that broadcast together (and to `size`, when given); every parameter
/// is checked in full before anything is drawn, as NumPy does.
extension Generator {
    /// Standard exponential floats (`rng.standard_exponential(size)`), by NumPy's ziggurat.
    public func standardExponential(_ size: [Int]? = nil) throws -> Tensor {
        let (shape, count) = try RandomSupport.shape(size, op: "standard_exponential")
        let values = try (0..<count).map { i in
            try Interruption.check("standard_exponential", every: i)
            return ExponentialDraw.ziggurat(&bits)
        }
        return RandomSupport.tensor(values, shape: shape)
    }

    /// Exponential floats with mean `scale` (`rng.exponential(scale, size)`).
    ///
    /// Throws when a scale is negative.
    public func exponential(scale: Tensor = Tensor(1.0), size: [Int]? = nil) throws -> Tensor {
        try drawEach(
            [scale], size: size, op: "exponential",
            checks: [{ try RandomSupport.checkNonNegative($0, name: "scale", op: "exponential") }]
        ) { scale in scale[0] * ExponentialDraw.ziggurat(&bits) }
    }

    /// Standard gamma floats of the given shape (`rng.standard_gamma(shape, size)`).
    ///
    /// Throws when a shape is negative.
    public func standardGamma(shape: Tensor, size: [Int]? = nil) throws -> Tensor {
        try drawEach(
            [shape], size: size, op: "standard_gamma",
            checks: [{ try RandomSupport.checkNonNegative($0, name: "shape", op: "standard_gamma") }]
        ) { shape in GammaDraw.standard(shape[0], &bits) }
    }

    /// Gamma floats with the given shape and scale (`rng.gamma(shape, scale, size)`): mean
    /// shape·scale. (A rate is 1/scale.)
    ///
    /// Throws when a shape or scale is negative.
    public func gamma(shape: Tensor, scale: Tensor = Tensor(1.0), size: [Int]? = nil) throws -> Tensor {
        try drawEach(
            [shape, scale], size: size, op: "gamma",
            checks: [
                { try RandomSupport.checkNonNegative($0, name: "shape", op: "gamma") },
                { try RandomSupport.checkNonNegative($0, name: "scale", op: "gamma") },
            ]
        ) { p in p[1] * GammaDraw.standard(p[0], &bits) }
    }

    /// Beta floats on [0, 1] (`rng.beta(a, b, size)`).
    ///
    /// Throws when `a` or `b` is not positive.
    public func beta(a: Tensor, b: Tensor, size: [Int]? = nil) throws -> Tensor {
        try drawEach(
            [a, b], size: size, op: "beta",
            checks: [
                { try RandomSupport.checkPositive($0, name: "a", op: "beta") },
                { try RandomSupport.checkPositive($0, name: "b", op: "beta") },
            ]
        ) { p in GammaDraw.beta(p[0], p[1], &bits) }
    }

    /// Poisson counts with mean `lam` (`rng.poisson(lam, size)`), dtype int64.
    ///
    /// Throws when a rate is negative, NaN, or above about 9.2·10¹⁸ (where counts would overflow).
    public func poisson(lam: Tensor = Tensor(1.0), size: [Int]? = nil) throws -> Tensor {
        try drawEach(
            [lam], size: size, op: "poisson", dtype: .int64,
            checks: [
                { try PoissonDraw.checkRate($0) }
            ]
        ) { lam in Double(PoissonDraw.draw(lam[0], &bits)) }
    }

    /// Binomial counts of successes in `n` trials of probability `p` (`rng.binomial(n, p,
    /// size)`), dtype int64.
    ///
    /// Throws when an `n` is negative or not a whole number, or a `p` is outside [0, 1] or NaN.
    public func binomial(n: Tensor, p: Tensor, size: [Int]? = nil) throws -> Tensor {
        try drawEach(
            [n, p], size: size, op: "binomial", dtype: .int64,
            checks: [
                { n in
                    guard n.isFinite, n == n.rounded(.towardZero), n < 9.2e18 else {
                        throw TensorError.value(
                            "binomial: n is \(n), not a whole number of trials",
                            hint: "pass an integer count of trials")
                    }
                    guard n >= 0 else {
                        throw TensorError.value(
                            "binomial: n is \(Int64(n)), which is negative", hint: "n must be 0 or more")
                    }
                },
                { try RandomSupport.checkProbability($0, name: "p", op: "binomial") },
            ]
        ) { parameters in Double(BinomialDraw.draw(Int64(parameters[0]), parameters[1], &bits)) }
    }

    /// One draw per element of the parameters broadcast together (and to `size`): every
    /// parameter is checked first, then `draw` receives each element's parameter values in
    /// row-major order, the order NumPy's broadcast iterator visits them.
    func drawEach(
        _ parameters: [Tensor], size: [Int]?, op: String, dtype: DType = .float64,
        checks: [(Double) throws -> Void], draw: ([Double]) -> Double
    ) throws -> Tensor {
        try RandomSupport.drawEach(parameters, size: size, op: op, dtype: dtype, checks: checks, draw: draw)
    }
}

extension RandomSupport {
    /// The loop behind every generator's broadcast samplers (see `Generator.drawEach`); `draw`
    /// takes one element's parameters and advances whichever stream it closes over.
    static func drawEach(
        _ parameters: [Tensor], size: [Int]?, op: String, dtype: DType = .float64,
        checks: [(Double) throws -> Void], draw: ([Double]) -> Double
    ) throws -> Tensor {
        let (shape, count) = try RandomSupport.parameterShape(parameters, size: size, op: op)
        for (parameter, check) in zip(parameters, checks) {
            for value in parameter.scalars { try check(value) }
        }
        let columns = parameters.map { RandomSupport.broadcastValues($0, to: shape) }
        var values = [Double](repeating: 0, count: count)
        var arguments = [Double](repeating: 0, count: parameters.count)
        for i in 0..<count {
            try Interruption.check(op, every: i)
            for j in columns.indices { arguments[j] = columns[j][i] }
            values[i] = draw(arguments)
        }
        return RandomSupport.tensor(values, shape: shape, dtype: dtype)
    }
}

extension RandomSupport {
    /// Throws unless `value` is greater than 0 (NaN passes, as in NumPy).
    static func checkPositive(_ value: Double, name: String, op: String) throws {
        if value <= 0 {
            throw TensorError.value(
                "\(op): \(name) is \(value); it must be greater than 0", hint: "pass a positive \(name)")
        }
    }

    /// Throws unless `value` is a probability in [0, 1] (NaN fails).
    static func checkProbability(_ value: Double, name: String, op: String) throws {
        guard value >= 0 && value <= 1 else {
            throw TensorError.value(
                "\(op): \(name) is \(value), not a probability in [0, 1]",
                hint: "pass a number between 0 and 1")
        }
    }
}

extension Generator {
    /// Student's t floats with `df` degrees of freedom (`rng.standard_t(df, size)`): per value a
    /// standard normal, then a standard gamma of shape df/2, as NumPy draws them.
    ///
    /// Throws when a df is not positive.
    public func standardT(df: Tensor, size: [Int]? = nil) throws -> Tensor {
        try drawEach(
            [df], size: size, op: "standard_t",
            checks: [{ try RandomSupport.checkPositive($0, name: "df", op: "standard_t") }]
        ) { df in
            let numerator = NormalDraw.ziggurat(&bits)
            let denominator = GammaDraw.standard(df[0] / 2, &bits)
            return (df[0] / 2).squareRoot() * numerator / denominator.squareRoot()
        }
    }

    /// Laplace floats (`rng.laplace(loc, scale, size)`): one uniform U per value, mapped by
    /// loc − scale·log(2 − 2U) above ½ and loc + scale·log(2U) below; U = 0 is redrawn.
    ///
    /// Throws when a scale is negative.
    public func laplace(loc: Tensor = Tensor(0.0), scale: Tensor = Tensor(1.0), size: [Int]? = nil) throws -> Tensor {
        try drawEach(
            [loc, scale], size: size, op: "laplace",
            checks: [{ _ in }, { try RandomSupport.checkNonNegative($0, name: "scale", op: "laplace") }]
        ) { p in
            while true {
                let u = bits.nextDouble()
                if u >= 0.5 { return p[0] - p[1] * Glibc.log(2.0 - u - u) }
                if u > 0.0 { return p[0] + p[1] * Glibc.log(u + u) }
            }
        }
    }
}
