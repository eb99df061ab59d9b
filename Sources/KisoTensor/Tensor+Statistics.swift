/// Order statistics and comparisons with NumPy's semantics: `quantile`, `percentile`, `median`,
/// `ptp`, `diff`, `average`, `bincount`, `isclose`, `allclose`, `array_equal`.
extension Tensor {
    /// The `q`-quantiles (each in [0, 1]) along `axis` (nil: of all elements) by linear
    /// interpolation between the two nearest order statistics — NumPy's default `"linear"` method,
    /// computed as NumPy computes it. A run holding NaN gives NaN. The quantiles' own shape comes
    /// first in the result, as in NumPy.
    public func quantile(
        _ q: Tensor, axis: Int? = nil, keepdims: Bool = false, op: String = "quantile"
    ) throws
        -> Tensor
    {
        let levels = q.scalars
        for level in levels where !(level >= 0 && level <= 1) {
            throw TensorError.value(
                "\(op): quantiles must lie in [0, 1], got \(level)",
                hint: op == "percentile" ? "percentiles lie in [0, 100]" : "use 0.5 for the median")
        }
        var runLength = count
        if let axis, rank > 0 { runLength = shape[try Tensor.normalizeAxis(axis, rank: rank, op: op)] }
        if runLength == 0 {
            throw TensorError(.empty, "\(op): cannot take a quantile of no elements", hint: "give a non-empty tensor")
        }
        func levelsOf(_ run: [Double]) -> [Double] {
            if run.contains(where: \.isNaN) { return levels.map { _ in .nan } }
            let sorted = run.sorted()
            let n = sorted.count
            return levels.map { level in
                let virtual = Double(n - 1) * level
                let lower = Swift.min(Swift.max(0, Int(virtual.rounded(.down))), n - 1)
                let upper = Swift.min(lower + 1, n - 1)
                let gamma = virtual - Double(lower)
                let a = sorted[lower]
                let b = sorted[upper]
                let difference = b - a
                return gamma >= 0.5 ? b - difference * (1 - gamma) : a + difference * gamma
            }
        }
        return try orderStatistic(
            levelsCount: levels.count, levelShape: q.shape, axis: axis, keepdims: keepdims, op: op, levelsOf)
    }

    /// The median along `axis` (nil: of all elements); with an even count, the mean of the two
    /// middle elements, as NumPy's `median` computes it.
    public func median(axis: Int? = nil, keepdims: Bool = false) throws -> Tensor {
        if axis == nil && count == 0 {
            throw TensorError(.empty, "median: cannot take the median of no elements", hint: "give a non-empty tensor")
        }
        return try orderStatistic(levelsCount: 1, levelShape: [], axis: axis, keepdims: keepdims, op: "median") { run in
            guard !run.isEmpty else { return [.nan] }
            if run.contains(where: \.isNaN) { return [.nan] }
            let sorted = run.sorted()
            let n = sorted.count
            return [n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2]
        }
    }

    /// Runs `levelsOf` along `axis` and lays out the result with the levels' shape first.
    private func orderStatistic(
        levelsCount: Int, levelShape: [Int], axis: Int?, keepdims: Bool, op: String,
        _ levelsOf: @escaping ([Double]) -> [Double]
    ) throws -> Tensor {
        let source = cast(to: .float64)
        guard let axis else {
            let result = levelsOf(source.scalars)
            let kept = keepdims ? [Int](repeating: 1, count: rank) : []
            return try Tensor(shape: levelShape + kept, scalars: result)
        }
        guard rank > 0 else {
            throw TensorError.axis("\(op): a 0-d tensor has no axis \(axis)", hint: "use axis=none")
        }
        let resolved = try Tensor.normalizeAxis(axis, rank: rank, op: op)
        let along = try source.alongAxis(resolved, op: op, outputLength: { _ in levelsCount }, levelsOf)
        // The levels sit where the axis was; move them to the front, then shape them.
        var result = try along.movedAxis(resolved, to: 0).contiguous()
        var rest = Array(result.shape.dropFirst())
        if keepdims { rest.insert(1, at: resolved) }
        result = try result.reshaped(levelShape + rest)
        return result
    }

    /// The range (maximum − minimum) along `axes`.
    public func peakToPeak(axes: [Int]? = nil, keepdims: Bool = false) throws -> Tensor {
        try Tensor.subtract(try max(axes: axes, keepdims: keepdims), try min(axes: axes, keepdims: keepdims))
    }

    /// The `n`-th discrete difference along `axis` (the last by default): `x[1:] - x[:-1]`,
    /// `n` times.
    public func difference(n: Int = 1, axis: Int = -1) throws -> Tensor {
        guard n >= 0 else {
            throw TensorError.value("diff: the order n must be 0 or more, got \(n)", hint: "n=1 for one difference")
        }
        guard rank > 0 else {
            throw TensorError.value("diff: a 0-d tensor has no differences", hint: "give at least a 1-d tensor")
        }
        var result = self
        for _ in 0..<n {
            let length = result.shape[try Tensor.normalizeAxis(axis, rank: rank, op: "diff")]
            if length == 0 { break }
            let dtype = result.dtype == .bool ? DType.bool : result.dtype
            result = try result.alongAxis(axis, op: "diff", outputLength: { Swift.max(0, $0 - 1) }, dtype: dtype) {
                run in
                guard run.count > 1 else { return [] }
                var out: [Double] = []
                out.reserveCapacity(run.count - 1)
                for i in 1..<run.count {
                    let step: Double = dtype == .bool ? (run[i] != run[i - 1] ? 1 : 0) : run[i] - run[i - 1]
                    out.append(step)
                }
                return out
            }
        }
        return result
    }

    /// The weighted mean along `axis` (nil: of all elements): Σ wᵢxᵢ / Σ wᵢ. Weights have the
    /// tensor's shape, or are 1-d with the axis's length.
    public func average(weights: Tensor?, axis: Int? = nil) throws -> Tensor {
        guard let weights else { return try mean(axes: axis.map { [$0] }, keepdims: false) }
        var w = weights
        if let axis, weights.rank == 1, rank > 1 {
            let resolved = try Tensor.normalizeAxis(axis, rank: rank, op: "average")
            guard weights.count == shape[resolved] else {
                throw TensorError.shape(
                    "average: \(weights.count) weights for an axis of length \(shape[resolved])",
                    hint: "give one weight per element along axis \(axis)")
            }
            var shapeForAxis = [Int](repeating: 1, count: rank)
            shapeForAxis[resolved] = weights.count
            w = try weights.reshaped(shapeForAxis)
        } else if weights.shape != shape {
            throw TensorError.shape(
                "average: weights of shape \(formatShape(weights.shape)) for a tensor of shape \(formatShape(shape))",
                hint: "give weights of the same shape, or 1-d along axis")
        }
        let axes = axis.map { [$0] }
        let total = try w.broadcast(to: shape).sum(axes: axes)
        if total.scalars.contains(0) {
            throw TensorError.value("average: the weights sum to zero", hint: "give weights with a non-zero sum")
        }
        return try Tensor.divide(try Tensor.multiply(self, w).sum(axes: axes), total)
    }

    /// How many times each non-negative integer occurs (with `weights`, their sum per integer), in
    /// a tensor of at least `minLength` entries.
    public func binCount(weights: Tensor? = nil, minLength: Int = 0) throws -> Tensor {
        guard rank == 1 else {
            throw TensorError.shape(
                "bincount: takes a 1-d tensor of non-negative integers, got shape \(formatShape(shape))",
                hint: "flatten it first")
        }
        guard minLength >= 0 else {
            throw TensorError.value("bincount: minlength must be 0 or more, got \(minLength)")
        }
        let values = scalars
        var largest = -1
        for v in values {
            guard v >= 0, v == v.rounded(), v < 1e9 else {
                throw TensorError.value(
                    "bincount: every element must be a non-negative integer, got \(v)",
                    hint: "bincount counts class labels 0, 1, 2, …")
            }
            largest = Swift.max(largest, Int(v))
        }
        if let weights, weights.shape != shape {
            throw TensorError.shape(
                "bincount: \(weights.count) weights for \(count) elements", hint: "give one weight per element")
        }
        let length = Swift.max(minLength, largest + 1)
        _ = try Tensor.checkedCount(of: [length], op: "bincount")
        var bins = [Double](repeating: 0, count: length)
        let w = weights?.scalars
        for (i, v) in values.enumerated() { bins[Int(v)] += w?[i] ?? 1 }
        return try Tensor(shape: [length], scalars: bins, dtype: weights == nil ? .int64 : .float64)
    }

    /// Elementwise |a − b| ≤ atol + rtol·|b| (NumPy's `isclose`); NaNs are equal only with
    /// `equalNaN`, and equal infinities are close.
    public static func isClose(
        _ a: Tensor, _ b: Tensor, rtol: Double = 1e-5, atol: Double = 1e-8, equalNaN: Bool = false
    ) throws -> Tensor {
        let shape = try Tensor.broadcastShapes(a.shape, b.shape, op: "isclose")
        let x = try a.broadcast(to: shape).scalars
        let y = try b.broadcast(to: shape).scalars
        let close = zip(x, y).map { u, v -> Double in
            if u.isNaN || v.isNaN { return equalNaN && u.isNaN && v.isNaN ? 1 : 0 }
            if u == v { return 1 }
            if u.isInfinite || v.isInfinite { return 0 }
            return Swift.abs(u - v) <= atol + rtol * Swift.abs(v) ? 1 : 0
        }
        return try Tensor(shape: shape, scalars: close, dtype: .bool)
    }

    /// Whether every element pair is close (see ``isClose(_:_:rtol:atol:equalNaN:)``).
    public static func allClose(
        _ a: Tensor, _ b: Tensor, rtol: Double = 1e-5, atol: Double = 1e-8, equalNaN: Bool = false
    ) throws -> Bool {
        try isClose(a, b, rtol: rtol, atol: atol, equalNaN: equalNaN).scalars.allSatisfy { $0 != 0 }
    }

    /// Whether the two have the same shape and equal elements (NaN never equals NaN unless
    /// `equalNaN`).
    public static func arrayEqual(_ a: Tensor, _ b: Tensor, equalNaN: Bool = false) -> Bool {
        guard a.shape == b.shape else { return false }
        return zip(a.scalars, b.scalars).allSatisfy { u, v in u == v || (equalNaN && u.isNaN && v.isNaN) }
    }
}
