extension RandomState {
    /// Random indices in 0..<count (`rs.choice(count, size, replace, p)`), dtype int64, by the
    /// legacy algorithms: `randint` (or the cdf of `p`) with replacement, the head of a
    /// permutation without, repeated cdf draws without replacement when `p` is given.
    ///
    /// Throws when `count` is not positive, `p` is malformed, or more distinct samples are
    /// requested than exist.
    public func choice(
        _ count: Int, size: [Int]? = nil, replace: Bool = true, p: [Double]? = nil
    )
        throws -> Tensor
    {
        let (shape, sampleCount) = try RandomSupport.shape(size, op: "choice")
        let population = try RandomSupport.population(
            count: count, sampleCount: sampleCount, op: "choice")
        let indices = try drawChoice(
            population: population, sampleCount: sampleCount, replace: replace, p: p)
        return RandomSupport.integerTensor(indices, shape: shape)
    }

    /// Random elements of the 1-d tensor `a` (`rs.choice(a, size, replace, p)`), with `a`'s
    /// dtype.
    ///
    /// Throws when `a` is not 1-d or is empty, `p` is malformed, or more distinct samples are
    /// requested than `a` has elements.
    public func choice(
        _ a: Tensor, size: [Int]? = nil, replace: Bool = true, p: [Double]? = nil
    )
        throws -> Tensor
    {
        let (shape, sampleCount) = try RandomSupport.shape(size, op: "choice")
        guard a.rank == 1 else {
            throw TensorError.value(
                "choice: a has shape \(formatShape(a.shape)), but the legacy choice needs a 1-d tensor",
                hint: "flatten a first, or use Generator.choice, which picks rows")
        }
        if a.shape[0] == 0 && sampleCount != 0 {
            throw TensorError.value("choice: a is empty", hint: "pass a non-empty tensor, or size [0]")
        }
        let indices = try drawChoice(
            population: a.shape[0], sampleCount: sampleCount, replace: replace, p: p)
        return try RandomSupport.take(a, rows: indices, shape: shape, op: "choice")
    }

    func drawChoice(population: Int, sampleCount: Int, replace: Bool, p: [Double]?) throws -> [Int64] {
        let weights = try p.map {
            try RandomSupport.probabilities($0, population: population, op: "choice")
        }
        if replace {
            if let weights {
                let cdf = RandomSupport.normalizedCDF(weights)
                return try drawUniform(sampleCount, op: "choice").map { Int64(RandomSupport.searchRight(cdf, $0)) }
            }
            return try drawRandint(0, population, count: sampleCount)
        }
        try RandomSupport.checkWithoutReplacement(
            count: sampleCount, population: population, op: "choice")
        if let weights {
            return try RandomSupport.distinctWeighted(weights, count: sampleCount, op: "choice") {
                try drawUniform($0, op: "choice")
            }
        }
        let order = try permutation(population).scalars
        return order.prefix(sampleCount).map { Int64($0) }
    }

    /// Shuffles `x` in place along axis 0 (`rs.shuffle(x)`).
    ///
    /// Throws when `x` is 0-d.
    public func shuffle(_ x: inout Tensor) throws {
        try RandomSupport.shuffleRows(&x, &bits, op: "shuffle")
    }

    /// A random ordering of 0..<n as an int64 tensor (`rs.permutation(n)`).
    ///
    /// Throws when `n` is negative.
    public func permutation(_ n: Int) throws -> Tensor {
        var x = try Tensor.arangeIndices(n, op: "permutation")
        try shuffle(&x)
        return x
    }

    /// A shuffled copy of `x` along axis 0 (`rs.permutation(x)`).
    ///
    /// Throws when `x` is 0-d.
    public func permutation(_ x: Tensor) throws -> Tensor {
        var copy = x
        try RandomSupport.shuffleRows(&copy, &bits, op: "permutation")
        return copy
    }
}
