import KisoBase

/// NumPy's legacy generator, `numpy.random.RandomState(seed)`: a Mersenne Twister with the
/// legacy samplers (polar-method normals with a cached second value, masked-rejection
/// integers). Code that calls `np.random.seed(n)` or scikit-learn's dataset makers draws from
/// this; it reproduces NumPy's streams bit for bit.
///
/// ```swift
/// let rs = try RandomState(seed: 0)   // rs = np.random.RandomState(0)
/// let x = try rs.randn(2, 3)          // rs.randn(2, 3)
/// ```
///
/// Not synchronised: use one per thread, or the locked process-wide `Random` namespace.
public final class RandomState {
    var bits: MT19937
    /// The second value of the last polar-method pair, served by the next normal draw.
    var cachedGauss: Double?

    /// `numpy.random.RandomState(seed)`; NumPy accepts integer seeds in 0…2³²−1.
    ///
    /// Throws when `seed` is outside that range.
    public init(seed: Int) throws {
        bits = MT19937(seed: try RandomState.seedWord(seed))
    }

    /// `numpy.random.RandomState([s0, s1, …])`: seeds from a non-empty list of values in
    /// 0…2³²−1 with the reference `init_by_array`.
    ///
    /// Throws when the list is empty or a value is out of range.
    public init(seeds: [Int]) throws {
        bits = MT19937(seedWords: try RandomState.seedArray(seeds))
    }

    /// A generator seeded from fresh system entropy, as `RandomState()` is.
    public init() {
        var system = SystemRandomNumberGenerator()
        let entropy = (0..<4).map { _ in UInt32(truncatingIfNeeded: system.next()) }
        bits = MT19937(stateWords: SeedSequence(entropy: entropy).generateState32(count: 624))
    }

    /// Reseeds in place (`rs.seed(seed)`), discarding any cached normal.
    ///
    /// Throws when `seed` is outside 0…2³²−1.
    public func seed(_ seed: Int) throws {
        bits = MT19937(seed: try RandomState.seedWord(seed))
        cachedGauss = nil
    }

    /// Reseeds in place from a list of values (`rs.seed([s0, s1, …])`).
    ///
    /// Throws when the list is empty or a value is out of range.
    public func seed(_ seeds: [Int]) throws {
        bits = MT19937(seedWords: try RandomState.seedArray(seeds))
        cachedGauss = nil
    }

    /// Floats uniform on [0, 1) (`rs.random_sample(size)`).
    public func randomSample(_ size: [Int]? = nil) throws -> Tensor {
        let (shape, count) = try RandomSupport.shape(size, op: "random_sample")
        return RandomSupport.tensor(try drawUniform(count, op: "random_sample"), shape: shape)
    }

    /// Floats uniform on [0, 1) (`rs.random(size)`, the same as `randomSample`).
    public func random(_ size: [Int]? = nil) throws -> Tensor {
        try randomSample(size)
    }

    /// Floats uniform on [0, 1) with the dimensions as arguments (`rs.rand(d0, d1, …)`); no
    /// arguments give a 0-d tensor.
    ///
    /// Throws when a dimension is negative.
    public func rand(_ shape: Int...) throws -> Tensor {
        try randomSample(shape)
    }

    /// Standard normal floats with the dimensions as arguments (`rs.randn(d0, d1, …)`).
    ///
    /// Throws when a dimension is negative.
    public func randn(_ shape: Int...) throws -> Tensor {
        try standardNormal(shape)
    }

    /// Standard normal floats by the legacy polar method (`rs.standard_normal(size)`).
    public func standardNormal(_ size: [Int]? = nil) throws -> Tensor {
        let (shape, count) = try RandomSupport.shape(size, op: "standard_normal")
        let values = try (0..<count).map { i in
            try Interruption.check("standard_normal", every: i)
            return NormalDraw.polar(&bits, cache: &cachedGauss)
        }
        return RandomSupport.tensor(values, shape: shape)
    }

    /// Normal floats `loc + scale·Z` (`rs.normal(loc, scale, size)`).
    ///
    /// Throws when `scale` is negative.
    public func normal(loc: Double = 0.0, scale: Double = 1.0, size: [Int]? = nil) throws -> Tensor {
        try RandomSupport.checkNonNegative(scale, name: "scale", op: "normal")
        let (shape, count) = try RandomSupport.shape(size, op: "normal")
        let values = try (0..<count).map { i in
            try Interruption.check("normal", every: i)
            return loc + scale * NormalDraw.polar(&bits, cache: &cachedGauss)
        }
        return RandomSupport.tensor(values, shape: shape)
    }

    /// `rs.normal(loc, scale, size)` with tensor parameters that broadcast together (and to
    /// `size`, when given).
    public func normal(loc: Tensor, scale: Tensor, size: [Int]? = nil) throws -> Tensor {
        try RandomSupport.shifted(
            loc, scale, size: size, op: "normal",
            prepare: { _, scale in
                try RandomSupport.checkNonNegative(scale, name: "scale", op: "normal")
                return scale
            }, draw: { NormalDraw.polar(&bits, cache: &cachedGauss) })
    }

    /// Floats `low + (high − low)·U` (`rs.uniform(low, high, size)`). As in NumPy's legacy
    /// generator, `high < low` is allowed and flips the interval.
    ///
    /// Throws when the range overflows.
    public func uniform(low: Double = 0.0, high: Double = 1.0, size: [Int]? = nil) throws -> Tensor {
        let range = try RandomState.uniformRange(low: low, high: high)
        let (shape, count) = try RandomSupport.shape(size, op: "uniform")
        let values = try (0..<count).map { i in
            try Interruption.check("uniform", every: i)
            return low + range * bits.nextDouble()
        }
        return RandomSupport.tensor(values, shape: shape)
    }

    /// `rs.uniform(low, high, size)` with tensor bounds that broadcast together (and to
    /// `size`, when given).
    public func uniform(low: Tensor, high: Tensor, size: [Int]? = nil) throws -> Tensor {
        try RandomSupport.shifted(
            low, high, size: size, op: "uniform", prepare: { try RandomState.uniformRange(low: $0, high: $1) },
            draw: { bits.nextDouble() })
    }

    /// Integers uniform on [low, high), or [0, low) with one bound (`rs.randint(low, high,
    /// size)`), dtype int64, by masked rejection as the legacy generator draws them.
    ///
    /// Throws when `low >= high`.
    public func randint(_ low: Int, _ high: Int? = nil, size: [Int]? = nil) throws -> Tensor {
        let (shape, count) = try RandomSupport.shape(size, op: "randint")
        return RandomSupport.integerTensor(try drawRandint(low, high, count: count), shape: shape)
    }

    /// `count` doubles on [0, 1).
    func drawUniform(_ count: Int, op: String) throws -> [Double] {
        try (0..<count).map { i in
            try Interruption.check(op, every: i)
            return bits.nextDouble()
        }
    }

    /// The integers of `randint` as exact Int64 values.
    func drawRandint(_ low: Int, _ high: Int?, count: Int) throws -> [Int64] {
        // Like NumPy, an empty request draws nothing and checks no bounds.
        if count == 0 { return [] }
        let (lower, upper) = high.map { (low, $0) } ?? (0, low)
        let (offset, range) = try IntegerRange.closed(
            low: lower, high: upper, endpoint: false, op: "randint")
        return try BoundedDraw.fill(offset: offset, range: range, count: count, masked: true, op: "randint", &bits)
            .map { Int64(bitPattern: $0) }
    }

    static func uniformRange(low: Double, high: Double) throws -> Double {
        let range = high - low
        guard range.isFinite else {
            throw TensorError.value(
                "uniform: high − low = \(high) − \(low) is not finite",
                hint: "use finite bounds whose difference fits in a double")
        }
        return range
    }

    static func seedWord(_ seed: Int) throws -> UInt32 {
        guard seed >= 0 && seed <= Int(UInt32.max) else {
            throw TensorError.value(
                "seed: \(seed) is outside 0…4294967295, the seeds the legacy generator accepts",
                hint: "use a seed in 0…2**32-1, or Generator(seed:) for larger seeds")
        }
        return UInt32(seed)
    }

    static func seedArray(_ seeds: [Int]) throws -> [UInt32] {
        guard !seeds.isEmpty else {
            throw TensorError.value("seed: the seed list is empty", hint: "give at least one value")
        }
        return try seeds.map { try seedWord($0) }
    }
}
