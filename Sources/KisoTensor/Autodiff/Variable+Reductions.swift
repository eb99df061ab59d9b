/// Reductions over one axis, several, or all (`axes == nil`), with `keepdims`. Each pullback
/// lays the cotangent back out over the reduced dimensions.
extension Variable {
    /// The input shape with each reduced axis set to 1: the shape a reduction's cotangent is
    /// reshaped to before it broadcasts back over the input.
    func keptShape(axes: [Int]?, op: String) throws -> [Int] {
        let reduced = try axes.map { try Tensor.normalizeAxes($0, rank: rank, op: op) } ?? Array(0..<rank)
        var kept = shape
        for axis in reduced { kept[axis] = 1 }
        return kept
    }

    /// A reduction's cotangent spread back over the input's shape.
    private func spread(_ g: Variable, kept: [Int]) throws -> Variable {
        try g.reshaped(kept).broadcast(to: shape)
    }

    /// The sum of the elements; each input element receives the cotangent of its sum.
    public func sum(axes: [Int]? = nil, keepdims: Bool = false) throws -> Variable {
        let kept = try keptShape(axes: axes, op: "sum")
        return Variable.record(try value.sum(axes: axes, keepdims: keepdims), self) { g, _ in
            try self.spread(g, kept: kept)
        }
    }

    /// The arithmetic mean: the sum divided by the number of elements reduced.
    public func mean(axes: [Int]? = nil, keepdims: Bool = false) throws -> Variable {
        let kept = try keptShape(axes: axes, op: "mean")
        let reducedCount = count / Swift.max(kept.reduce(1, *), 1)
        return try sum(axes: axes, keepdims: keepdims) / Double(reducedCount)
    }

    /// The largest element. Where several elements share the maximum, the cotangent is split
    /// equally between them (as JAX and PyTorch's `amax` do).
    public func max(axes: [Int]? = nil, keepdims: Bool = false) throws -> Variable {
        try extreme(value.max(axes: axes, keepdims: true), axes: axes, keepdims: keepdims, op: "max")
    }

    /// The smallest element; ties split the cotangent equally.
    public func min(axes: [Int]? = nil, keepdims: Bool = false) throws -> Variable {
        try extreme(value.min(axes: axes, keepdims: true), axes: axes, keepdims: keepdims, op: "min")
    }

    private func extreme(_ keptValue: Tensor, axes: [Int]?, keepdims: Bool, op: String) throws -> Variable {
        let kept = try keptShape(axes: axes, op: op)
        let reduced = try axes.map { try Tensor.normalizeAxes($0, rank: rank, op: op) } ?? Array(0..<rank)
        let dropped = shape.indices.filter { !reduced.contains($0) }.map { shape[$0] }
        let result = keepdims ? keptValue : try keptValue.reshaped(dropped)
        return Variable.record(result, self) { g, _ in
            // Every element equal to the extreme shares its cotangent equally.
            let hits = try Tensor.equal(self.value, keptValue).cast(to: .float64)
            let share = try Tensor.divide(hits, hits.sum(axes: axes, keepdims: true))
            return try self.spread(g, kept: kept) * Variable(share)
        }
    }

    /// log Σ eˣ, computed stably; its derivative is the softmax of the input.
    public func logsumexp(axes: [Int]? = nil, keepdims: Bool = false) throws -> Variable {
        let kept = try keptShape(axes: axes, op: "logsumexp")
        return Variable.record(try value.logsumexp(axes: axes, keepdims: keepdims), self) { g, out in
            try self.spread(g, kept: kept) * (self - out.reshaped(kept)).exp()
        }
    }

    /// The variance with `ddof` delta degrees of freedom: Σ(x − mean)² / (n − ddof).
    public func variance(axes: [Int]? = nil, ddof: Int = 0, keepdims: Bool = false) throws -> Variable {
        let kept = try keptShape(axes: axes, op: "var")
        let reducedCount = count / Swift.max(kept.reduce(1, *), 1)
        let deviations = try self - mean(axes: axes, keepdims: true)
        let squares = try (deviations * deviations).sum(axes: axes, keepdims: keepdims)
        return try squares / Double(Swift.max(reducedCount - ddof, 0))
    }

    /// The standard deviation: the square root of `variance`.
    public func std(axes: [Int]? = nil, ddof: Int = 0, keepdims: Bool = false) throws -> Variable {
        try variance(axes: axes, ddof: ddof, keepdims: keepdims).sqrt()
    }
}
