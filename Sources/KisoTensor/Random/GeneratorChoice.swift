extension Generator {
    /// Random indices in 0..<count (`rng.choice(count, size, replace, p, shuffle=shuffle)`),
    /// dtype int64.
    ///
    /// With replacement the indices are uniform (or follow `p` through its cdf); without,
    /// they are distinct: Floyd's algorithm with a hash set for small samples, a partial
    /// Fisher–Yates shuffle of the whole range for large ones, and repeated cdf draws when `p`
    /// is given, each as NumPy does. `shuffle: false` skips the final shuffle Floyd's
    /// algorithm otherwise gets, as in NumPy.
    ///
    /// Throws when `count` is not positive, `p` is malformed, or more distinct samples are
    /// requested than exist.
    public func choice(
        _ count: Int, size: [Int]? = nil, replace: Bool = true, p: [Double]? = nil, shuffle: Bool = true
    ) throws -> Tensor {
        let (shape, sampleCount) = try RandomSupport.shape(size, op: "choice")
        let population = try RandomSupport.population(
            count: count, sampleCount: sampleCount, op: "choice")
        let indices = try drawChoice(
            population: population, sampleCount: sampleCount, replace: replace, p: p, shuffle: shuffle)
        return RandomSupport.integerTensor(indices, shape: shape)
    }

    /// Random rows of `a` along axis 0 (`rng.choice(a, size, replace, p, shuffle=shuffle)`),
    /// with `a`'s dtype; the result's shape is `size` followed by a row's shape.
    ///
    /// Throws when `a` is 0-d or empty, `p` is malformed, or more distinct samples are
    /// requested than `a` has rows.
    public func choice(
        _ a: Tensor, size: [Int]? = nil, replace: Bool = true, p: [Double]? = nil, shuffle: Bool = true
    ) throws -> Tensor {
        let (shape, sampleCount) = try RandomSupport.shape(size, op: "choice")
        guard a.rank >= 1 else {
            throw TensorError.value(
                "choice: a is a 0-d tensor",
                hint: "pass a count, or a tensor with at least one axis to choose rows from")
        }
        let population = a.shape[0]
        if population == 0 && sampleCount != 0 {
            throw TensorError.value(
                "choice: a has no rows to choose from", hint: "pass a non-empty tensor, or size [0]")
        }
        let indices = try drawChoice(
            population: population, sampleCount: sampleCount, replace: replace, p: p, shuffle: shuffle)
        return try RandomSupport.take(a, rows: indices, shape: shape, op: "choice")
    }

    /// The sampled indices of `choice`, by the branch NumPy's `Generator.choice` takes.
    func drawChoice(
        population: Int, sampleCount: Int, replace: Bool, p: [Double]?, shuffle: Bool
    )
        throws -> [Int64]
    {
        let weights = try p.map {
            try RandomSupport.probabilities($0, population: population, op: "choice")
        }
        if replace {
            if let weights {
                let cdf = RandomSupport.normalizedCDF(weights)
                return try drawUniform(sampleCount, op: "choice").map { Int64(RandomSupport.searchRight(cdf, $0)) }
            }
            return try drawIntegers(0, population, count: sampleCount, endpoint: false)
        }
        try RandomSupport.checkWithoutReplacement(
            count: sampleCount, population: population, op: "choice")
        if let weights {
            return try RandomSupport.distinctWeighted(weights, count: sampleCount, op: "choice") {
                try drawUniform($0, op: "choice")
            }
        }
        let cutoff = shuffle ? 50 : 20
        if population > 10_000 && sampleCount > population / cutoff {
            return try tailShuffle(population: population, sampleCount: sampleCount)
        }
        return try floydSample(population: population, sampleCount: sampleCount, shuffle: shuffle)
    }

    /// Distinct samples by shuffling only the last `sampleCount` places of 0..<population.
    private func tailShuffle(population: Int, sampleCount: Int) throws -> [Int64] {
        _ = try Tensor.checkedCount(of: [population], op: "choice")
        var pool = (0..<population).map { Int64($0) }
        shuffleIndices(&pool, first: Swift.max(population - sampleCount, 1))
        return Array(pool[(population - sampleCount)...])
    }

    /// Floyd's algorithm: for j in population−sampleCount ..< population, draw v in 0…j and
    /// keep v, or j when v was already taken; an open-addressing hash set records what is taken.
    private func floydSample(population: Int, sampleCount: Int, shuffle: Bool) throws -> [Int64] {
        let mask = BoundedDraw.mask(covering: UInt64(1.2 * Double(sampleCount)))
        _ = try Tensor.checkedCount(of: [Int(mask) + 1], op: "choice")
        let empty = UInt64.max
        var taken = [UInt64](repeating: empty, count: Int(mask) + 1)
        var result = [Int64](repeating: 0, count: sampleCount)
        for j in (population - sampleCount)..<population {
            let value = BoundedDraw.single(UInt64(j), &bits)
            var slot = Int(value & mask)
            while taken[slot] != empty && taken[slot] != value { slot = (slot + 1) & Int(mask) }
            let position = j - population + sampleCount
            if taken[slot] == empty {
                taken[slot] = value
                result[position] = Int64(value)
            } else {
                slot = j & Int(mask)
                while taken[slot] != empty { slot = (slot + 1) & Int(mask) }
                taken[slot] = UInt64(j)
                result[position] = Int64(j)
            }
        }
        if shuffle { shuffleIndices(&result, first: 1) }
        return result
    }

    /// Fisher–Yates over positions count−1 down to `first`, with Lemire draws (`_shuffle_int`).
    private func shuffleIndices(_ values: inout [Int64], first: Int) {
        var i = values.count - 1
        while i >= first {
            let j = Int(BoundedDraw.single(UInt64(i), &bits))
            values.swapAt(i, j)
            i -= 1
        }
    }
}
