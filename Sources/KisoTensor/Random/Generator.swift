import KisoBase

/// NumPy's modern random generator, `numpy.random.default_rng(seed)`: a PCG64 bit generator
/// seeded through SeedSequence, with NumPy's samplers, so a seeded stream reproduces NumPy 2's
/// values bit for bit.
///
/// ```swift
/// let rng = try Generator(seed: 42)        // rng = np.random.default_rng(42)
/// let x = try rng.standardNormal([3, 2])   // rng.standard_normal((3, 2))
/// ```
///
/// A generator is a reference: every draw advances the one shared stream, as in NumPy. It is
/// not synchronised; use one generator per thread (the `Random` namespace's legacy stream is
/// the locked, process-wide one).
public final class Generator {
    var bits: PCG64

    /// `numpy.random.default_rng(seed)` for a non-negative integer seed.
    ///
    /// Throws when `seed` is negative.
    public convenience init(seed: Int) throws {
        self.init(entropy: try RandomSupport.seedWords(seed, op: "default_rng"))
    }

    /// `numpy.random.default_rng(seed)` for any 64-bit seed, e.g. 2⁶³.
    public convenience init(seed: UInt64) {
        self.init(entropy: SeedSequence.words(of: seed))
    }

    /// `numpy.random.default_rng(entropy)` for a list of 32-bit words, which is also how NumPy
    /// reads a Python integer wider than 64 bits (its 32-bit words, lowest first).
    public init(entropy: [UInt32]) {
        bits = PCG64(seedSequence: SeedSequence(entropy: entropy))
    }

    /// Floats uniform on [0, 1) (`rng.random(size)`), 53 random bits each.
    public func random(_ size: [Int]? = nil) throws -> Tensor {
        let (shape, count) = try RandomSupport.shape(size, op: "random")
        return RandomSupport.tensor(try drawUniform(count, op: "random"), shape: shape)
    }

    /// Floats uniform on [low, high) (`rng.uniform(low, high, size)`): `low + (high − low)·U`.
    ///
    /// Throws when `high < low` or the range overflows.
    public func uniform(low: Double = 0.0, high: Double = 1.0, size: [Int]? = nil) throws -> Tensor {
        let range = try Generator.uniformRange(low: low, high: high)
        let (shape, count) = try RandomSupport.shape(size, op: "uniform")
        let values = try (0..<count).map { i in
            try Interruption.check("uniform", every: i)
            return low + range * bits.nextDouble()
        }
        return RandomSupport.tensor(values, shape: shape)
    }

    /// `rng.uniform(low, high, size)` with tensor bounds that broadcast together (and to
    /// `size`, when given).
    public func uniform(low: Tensor, high: Tensor, size: [Int]? = nil) throws -> Tensor {
        try RandomSupport.shifted(
            low, high, size: size, op: "uniform", prepare: { try Generator.uniformRange(low: $0, high: $1) },
            draw: { bits.nextDouble() })
    }

    /// Standard normal floats (`rng.standard_normal(size)`) from NumPy's 256-layer ziggurat.
    public func standardNormal(_ size: [Int]? = nil) throws -> Tensor {
        let (shape, count) = try RandomSupport.shape(size, op: "standard_normal")
        let values = try (0..<count).map { i in
            try Interruption.check("standard_normal", every: i)
            return NormalDraw.ziggurat(&bits)
        }
        return RandomSupport.tensor(values, shape: shape)
    }

    /// Normal floats with mean `loc` and standard deviation `scale`
    /// (`rng.normal(loc, scale, size)`): `loc + scale·Z`.
    ///
    /// Throws when `scale` is negative.
    public func normal(loc: Double = 0.0, scale: Double = 1.0, size: [Int]? = nil) throws -> Tensor {
        try RandomSupport.checkNonNegative(scale, name: "scale", op: "normal")
        let (shape, count) = try RandomSupport.shape(size, op: "normal")
        let values = try (0..<count).map { i in
            try Interruption.check("normal", every: i)
            return loc + scale * NormalDraw.ziggurat(&bits)
        }
        return RandomSupport.tensor(values, shape: shape)
    }

    /// `rng.normal(loc, scale, size)` with tensor parameters that broadcast together (and to
    /// `size`, when given).
    public func normal(loc: Tensor, scale: Tensor, size: [Int]? = nil) throws -> Tensor {
        try RandomSupport.shifted(
            loc, scale, size: size, op: "normal",
            prepare: { _, scale in
                try RandomSupport.checkNonNegative(scale, name: "scale", op: "normal")
                return scale
            }, draw: { NormalDraw.ziggurat(&bits) })
    }

    /// `count` uniform doubles on [0, 1).
    func drawUniform(_ count: Int, op: String) throws -> [Double] {
        try (0..<count).map { i in
            try Interruption.check(op, every: i)
            return bits.nextDouble()
        }
    }

    /// `high − low`, checked as NumPy's `Generator.uniform` checks it.
    static func uniformRange(low: Double, high: Double) throws -> Double {
        let range = high - low
        guard range.isFinite else {
            throw TensorError.value(
                "uniform: high − low = \(high) − \(low) is not finite",
                hint: "use finite bounds whose difference fits in a double")
        }
        try RandomSupport.checkNonNegative(range, name: "high - low", op: "uniform")
        return range
    }
}
