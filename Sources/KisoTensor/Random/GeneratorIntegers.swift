extension Generator {
    /// Integers uniform on [low, high), or [low, high] with `endpoint`
    /// (`rng.integers(low, high, size, endpoint=endpoint)`); with one bound, on [0, low).
    /// The result has dtype int64. Ranges below 2³² draw 32-bit words, wider ones 64-bit words,
    /// each by Lemire's method, exactly as NumPy does.
    ///
    /// Throws when the interval is empty.
    public func integers(
        _ low: Int, _ high: Int? = nil, size: [Int]? = nil, endpoint: Bool = false
    )
        throws -> Tensor
    {
        let (shape, count) = try RandomSupport.shape(size, op: "integers")
        let values = try drawIntegers(low, high, count: count, endpoint: endpoint)
        return RandomSupport.integerTensor(values, shape: shape)
    }

    /// The integers of `integers(low, high, …)` as exact Int64 values (a tensor holds integers
    /// exactly only up to 2⁵³).
    func drawIntegers(_ low: Int, _ high: Int?, count: Int, endpoint: Bool) throws -> [Int64] {
        // Like NumPy, an empty request draws nothing and checks no bounds.
        if count == 0 { return [] }
        let (lower, upper) = high.map { (low, $0) } ?? (0, low)
        let (offset, range) = try IntegerRange.closed(
            low: lower, high: upper, endpoint: endpoint, op: "integers")
        return try BoundedDraw.fill(offset: offset, range: range, count: count, masked: false, op: "integers", &bits)
            .map { Int64(bitPattern: $0) }
    }
}

/// The closed interval [low, high − 1] (or [low, high]) as the offset and span NumPy's bounded
/// integer fill takes.
enum IntegerRange {
    static func closed(
        low: Int, high: Int, endpoint: Bool, op: String
    ) throws -> (
        offset: UInt64, range: UInt64
    ) {
        let empty = endpoint ? low > high : low >= high
        if empty {
            let relation = endpoint ? ">" : ">="
            throw TensorError.value(
                "\(op): low \(low) \(relation) high \(high), so there is nothing to draw from",
                hint: endpoint
                    ? "pass low <= high"
                    : "pass low < high (high is excluded; use endpoint: true to include it)")
        }
        let top = endpoint ? high : high - 1
        return (UInt64(bitPattern: Int64(low)), UInt64(bitPattern: Int64(top &- low)))
    }
}
