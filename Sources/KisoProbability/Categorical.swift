import KisoTensor

/// The categorical distribution over 0 … k−1, given by probabilities (normalised along the last
/// axis, as torch does) or by logits; the last axis holds the categories, the others the batch.
public struct Categorical: Distribution {
    /// The normalised probabilities, shape batch + [k].
    public let probs: Variable
    /// log probs, −inf for categories of probability 0.
    let logProbs: Variable
    public let batchShape: [Int]
    public var name: String { "Categorical" }
    public var eventShape: [Int] { [] }
    public var parameters: [(name: String, value: Variable)] { [("probs", probs)] }
    /// The number of categories.
    public var categoryCount: Int { probs.shape.last ?? 0 }

    /// From non-negative weights along the last axis (at least one positive per row).
    public init(probs: Variable) throws {
        let weights = probs.dtype == .float64 ? probs : Variable(probs.value.cast(to: .float64))
        try Categorical.checkCategories(weights.shape)
        try Parameters.require(weights, "probs", op: "Categorical", "0 or more (and finite)") {
            $0 >= 0 && $0.isFinite
        }
        let total = try weights.sum(axes: [-1], keepdims: true)
        try Parameters.require(total, "the sum of each row of probs", op: "Categorical", "positive") { $0 > 0 }
        let normalised = try weights / total
        self.probs = normalised
        let positive = try Tensor.greater(normalised.value, Tensor(0.0))
        let safe = try Variable.where(positive, normalised, Variable(1.0))
        logProbs = try Variable.where(positive, safe.log(), Variable(-Double.infinity))
        batchShape = Array(weights.shape.dropLast())
    }

    /// From unnormalised log-probabilities along the last axis.
    public init(logits: Variable) throws {
        let values = logits.dtype == .float64 ? logits : Variable(logits.value.cast(to: .float64))
        try Categorical.checkCategories(values.shape)
        try Parameters.require(values, "logits", op: "Categorical", "not NaN or +inf") {
            !$0.isNaN && $0 != .infinity
        }
        logProbs = try values.logSoftmax(axis: -1)
        probs = try logProbs.exp()
        batchShape = Array(values.shape.dropLast())
    }

    private static func checkCategories(_ shape: [Int]) throws {
        guard let k = shape.last, k > 0 else {
            throw TensorError(
                .shape, "Categorical: probs must have at least one category along the last axis, got shape \(shape)",
                hint: "pass a vector of weights, e.g. [0.2, 0.3, 0.5], or a batch of them as rows")
        }
    }

    /// log p(x) for whole x in 0 … k−1; −inf elsewhere.
    public func logProb(_ x: Variable) throws -> Variable {
        let k = categoryCount
        let shape = try Tensor.broadcastShapes(x.shape, batchShape, op: "Categorical.log_prob")
        let indices = try x.value.broadcast(to: shape)
        let valid = try Tensor.logicalAnd(
            try Tensor.logicalAnd(
                try Tensor.greaterEqual(indices, Tensor(0.0)), try Tensor.less(indices, Tensor(Double(k)))),
            try Tensor.equal(indices, indices.floor()))
        let columns = try Tensor.arange(0, Double(k))
        let mask = try Tensor.equal(try indices.reshaped(shape + [1]), columns)
        let expanded = try logProbs.reshaped(batchShape.isEmpty ? [k] : batchShape + [k]).broadcast(to: shape + [k])
        let picked = try Variable.where(mask, expanded, Variable(0.0)).sum(axes: [-1])
        return try Variable.where(valid, picked, Variable(-Double.infinity))
    }

    /// The mean of the category index, Σ k·p_k.
    public func mean() throws -> Variable {
        try (probs * Variable(try Tensor.arange(0, Double(categoryCount)))).sum(axes: [-1])
    }

    /// The variance of the category index.
    public func variance() throws -> Variable {
        let index = Variable(try Tensor.arange(0, Double(categoryCount)))
        let m = try mean()
        return try (probs * index * index).sum(axes: [-1]) - m * m
    }

    /// −Σ p log p, with 0·log 0 = 0.
    public func entropy() throws -> Variable {
        let zero = try Tensor.equal(probs.value, Tensor(0.0))
        return try Variable.where(zero, Variable(0.0), probs * logProbs).sum(axes: [-1]).negated()
    }

    /// One uniform per draw mapped through the normalised cdf (searchsorted right), which is
    /// what NumPy's `rng.choice(k, size, p=p)` does for a single distribution.
    public func sample(_ rng: Generator, _ shape: [Int]) throws -> Tensor {
        let fullShape = try Parameters.sampleShape(shape, batchShape, op: "Categorical.sample")
        let u = try rng.random(fullShape).scalars
        let k = categoryCount
        let rows = probs.value.scalars
        let rowCount = Swift.max(1, rows.count / k)
        var cdfs = [Double](repeating: 0, count: rows.count)
        for row in 0..<rowCount {
            var running = 0.0
            for j in 0..<k {
                running += rows[row * k + j]
                cdfs[row * k + j] = running
            }
            for j in 0..<k { cdfs[row * k + j] /= running }
        }
        var out = [Double](repeating: 0, count: u.count)
        for i in 0..<u.count {
            let row = i % rowCount
            var index = 0
            while index < k && cdfs[row * k + index] <= u[i] { index += 1 }
            out[i] = Double(Swift.min(index, k - 1))
        }
        return try Tensor(shape: fullShape, scalars: out, dtype: .int64)
    }
}
