import Glibc
import KisoTensor

/// The n×n causal mask: true on and below the diagonal, where position i may attend to j ≤ i
/// (the convention of PyTorch's boolean `attn_mask`: true takes part).
public func causalMask(_ n: Int) throws -> Tensor {
    guard n >= 0 else { throw TensorError(.value, "causal_mask: n must be 0 or more, got \(n)") }
    // The n×n result is weighed first, so that a huge n is refused in the mask's own name.
    try TensorLimits.checkAllocation(shape: [n, n], op: "causal_mask")
    let rows = try positions(n, shape: [n, 1])
    let columns = try positions(n, shape: [1, n])
    return try Tensor.greaterEqual(rows, columns)
}

/// PyTorch's `scaled_dot_product_attention` over the last two axes: softmax(Q·Kᵀ/√d + M)·V for
/// queries (…, L, d), keys (…, S, d) and values (…, S, dᵥ). A boolean mask keeps the positions
/// where it is true (the others get −∞); a float mask is added to the scores; `isCausal` applies
/// the causal mask. `scale` replaces 1/√d when given.
public func scaledDotProductAttention(
    _ query: Variable, _ key: Variable, _ value: Variable, mask: Tensor? = nil, isCausal: Bool = false,
    scale: Double? = nil
) throws -> Variable {
    let op = "scaled_dot_product_attention"
    guard query.rank >= 2, key.rank >= 2, value.rank >= 2 else {
        throw TensorError(
            .shape,
            "\(op): query \(formatShape(query.shape)), key \(formatShape(key.shape)), value \(formatShape(value.shape)) — each needs at least (length, features)"
        )
    }
    let d = query.shape[query.rank - 1]
    guard key.shape[key.rank - 1] == d else {
        throw TensorError(
            .shape, "\(op): queries have \(d) features but keys have \(key.shape[key.rank - 1])",
            hint: "Q·Kᵀ needs the same last size in query and key")
    }
    guard key.shape[key.rank - 2] == value.shape[value.rank - 2] else {
        throw TensorError(
            .shape,
            "\(op): \(key.shape[key.rank - 2]) keys but \(value.shape[value.rank - 2]) values — key is (…, S, d), value (…, S, dv)"
        )
    }
    guard !(isCausal && mask != nil) else {
        throw TensorError(.value, "\(op): give either mask or is_causal=true, not both")
    }
    var scores = try Variable.matmul(query, key.swappingLastTwoAxes()) * (scale ?? 1 / Glibc.sqrt(Double(d)))
    let (l, s) = (query.shape[query.rank - 2], key.shape[key.rank - 2])
    var keep = mask
    if isCausal {
        // PyTorch's is_causal aligns the mask to the top left: query i sees keys 0 … i.
        let rows = try positions(l, shape: [l, 1])
        let columns = try positions(s, shape: [1, s])
        keep = try Tensor.greaterEqual(rows, columns)
    }
    if let keep {
        guard (try? Tensor.broadcastShapes(keep.shape, scores.shape)) == scores.shape else {
            throw TensorError(
                .shape,
                "\(op): mask of shape \(formatShape(keep.shape)) does not broadcast to the scores' \(formatShape(scores.shape)) (…, L, S)"
            )
        }
        if keep.dtype == .bool {
            scores = try Variable.where(keep, scores, Variable(-.infinity))
        } else {
            scores = try scores + Variable(keep)
        }
    }
    return try Variable.matmul(scores.softmax(axis: -1), value)
}

/// The weights of multi-head self-attention in PyTorch's layout (`nn.MultiheadAttention` with
/// its in-projection split into three): each projection an (E, E) matrix applied as x·Wᵀ + b.
public struct AttentionWeights {
    /// Query, key, value and output projections.
    public var query, key, value, output: Variable
    /// Their biases, each optional.
    public var queryBias, keyBias, valueBias, outputBias: Variable?

    /// The four projections and optional biases.
    public init(
        query: Variable, key: Variable, value: Variable, output: Variable, queryBias: Variable? = nil,
        keyBias: Variable? = nil, valueBias: Variable? = nil, outputBias: Variable? = nil
    ) {
        self.query = query
        self.key = key
        self.value = value
        self.output = output
        self.queryBias = queryBias
        self.keyBias = keyBias
        self.valueBias = valueBias
        self.outputBias = outputBias
    }
}

/// Multi-head self-attention of a (batch, length, E) or (length, E) input: project to queries,
/// keys and values, split E into `heads` heads of E/heads features, attend within each head,
/// merge the heads and project the result (PyTorch's `nn.MultiheadAttention`, batch first).
public func multiHeadAttention(
    _ x: Variable, _ weights: AttentionWeights, heads: Int, mask: Tensor? = nil, isCausal: Bool = false
) throws -> Variable {
    let op = "multi_head_attention"
    guard x.rank == 2 || x.rank == 3 else {
        throw TensorError(
            .shape, "\(op): input of shape \(formatShape(x.shape)) — expected (batch, length, embed) or (length, embed)"
        )
    }
    let e = x.shape[x.rank - 1]
    guard heads >= 1, e % heads == 0 else {
        throw TensorError(
            .value, "\(op): \(heads) heads do not divide the embedding size \(e)",
            hint: "each head takes embed / heads features")
    }
    for (w, name) in [(weights.query, "wq"), (weights.key, "wk"), (weights.value, "wv"), (weights.output, "wo")]
    where w.shape != [e, e] {
        throw TensorError(
            .shape, "\(op): \(name) of shape \(formatShape(w.shape)) — expected (\(e), \(e)) for embedding size \(e)")
    }
    let batched = x.rank == 3
    let input = batched ? x : try x.expandingDims(0)
    let (n, length) = (input.shape[0], input.shape[1])
    let perHead = e / heads
    func split(_ projected: Variable) throws -> Variable {
        try projected.reshaped([n, length, heads, perHead]).transposed([0, 2, 1, 3])
    }
    let q = try split(linear(input, weights.query, bias: weights.queryBias))
    let k = try split(linear(input, weights.key, bias: weights.keyBias))
    let v = try split(linear(input, weights.value, bias: weights.valueBias))
    let attended = try scaledDotProductAttention(q, k, v, mask: mask, isCausal: isCausal)
    let merged = try attended.transposed([0, 2, 1, 3]).reshaped([n, length, e])
    let y = try linear(merged, weights.output, bias: weights.outputBias)
    return batched ? y : try y.squeezed([0])
}

/// The sinusoidal position table of "Attention Is All You Need", (length, d):
/// PE[p, 2i] = sin(p / 10000^(2i/d)), PE[p, 2i+1] = cos(p / 10000^(2i/d)).
public func positionalEncoding(length: Int, dimension d: Int) throws -> Tensor {
    guard length >= 0, d >= 1 else {
        throw TensorError(
            .value, "positional_encoding: length must be 0 or more and d at least 1, got \(length) and \(d)")
    }
    let (total, overflow) = length.multipliedReportingOverflow(by: d)
    guard !overflow, total <= TensorLimits.maxBytes / MemoryLayout<Double>.stride else {
        throw TensorError(.memory, "positional_encoding: a \(length)×\(d) table is too large")
    }
    var scalars = [Double](repeating: 0, count: total)
    for p in 0..<length {
        for j in 0..<d {
            let angle = Double(p) / Glibc.pow(10000, Double(j - j % 2) / Double(d))
            scalars[p * d + j] = j % 2 == 0 ? Glibc.sin(angle) : Glibc.cos(angle)
        }
    }
    return try Tensor(shape: [length, d], scalars: scalars)
}
