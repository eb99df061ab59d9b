import Glibc
import KisoTensor

/// A layer that attends from queries to keys and values (Keras's `MultiHeadAttention`,
/// `Attention`); inside a Sequential it attends from its input to itself.
public protocol AttentionLayer: Layer {
    /// The attended output and the attention scores (softmax weights).
    func attend(
        query: Variable, value: Variable, key: Variable?, _ weights: [Variable], _ context: ForwardContext
    ) throws -> (output: Variable, scores: Variable)
}

/// Keras's `MultiHeadAttention(num_heads, key_dim)`: queries, keys and values projected per
/// head — kernels (features, heads, key_dim) with biases (heads, key_dim) — scores
/// softmax(q·kᵀ/√key_dim) over the keys, the heads' outputs projected by (heads, value_dim,
/// output) back to the query's size. PyTorch's `nn.MultiheadAttention` instead splits one
/// (E, E) projection into heads.
public final class MultiHeadAttention: AttentionLayer {
    public let kind = "MultiHeadAttention"
    public var name = "multi_head_attention"
    public var weights: [LayerWeight] = []
    public var inputShape: [Int]?
    /// The number of heads.
    public let heads: Int
    /// The size of each head's queries and keys.
    public let keyDim: Int
    /// The size of each head's values.
    public let valueDim: Int
    /// The size of each output vector; nil keeps the query's.
    public let outputSize: Int?

    /// A multi-head attention layer.
    public init(heads: Int, keyDim: Int, valueDim: Int? = nil, outputSize: Int? = nil) throws {
        guard heads >= 1, keyDim >= 1, (valueDim ?? 1) >= 1, (outputSize ?? 1) >= 1 else {
            throw TensorError(
                .value, "MultiHeadAttention: num_heads, key_dim, value_dim and output_shape must be at least 1")
        }
        self.heads = heads
        self.keyDim = keyDim
        self.valueDim = valueDim ?? keyDim
        self.outputSize = outputSize
    }

    public func makeWeights(inputShape: [Int], generator: Generator) throws -> [LayerWeight] {
        try weights(query: inputShape, value: inputShape, key: inputShape, generator: generator)
    }

    /// The weights for queries, values and keys of the given shapes (each without the batch axis).
    public func weights(query: [Int], value: [Int], key: [Int], generator: Generator) throws -> [LayerWeight] {
        let dq = try lastAxis(query, kind, expected: "(batch, length, features)")
        let dv = try lastAxis(value, kind, expected: "(batch, length, features)")
        let dk = try lastAxis(key, kind, expected: "(batch, length, features)")
        let out = outputSize ?? dq
        return [
            LayerWeight("query/kernel", try glorotUniform([dq, heads, keyDim], generator)),
            LayerWeight("query/bias", try Tensor.zeros([heads, keyDim])),
            LayerWeight("key/kernel", try glorotUniform([dk, heads, keyDim], generator)),
            LayerWeight("key/bias", try Tensor.zeros([heads, keyDim])),
            LayerWeight("value/kernel", try glorotUniform([dv, heads, valueDim], generator)),
            LayerWeight("value/bias", try Tensor.zeros([heads, valueDim])),
            LayerWeight("attention_output/kernel", try glorotUniform([heads, valueDim, out], generator)),
            LayerWeight("attention_output/bias", try Tensor.zeros([out])),
        ]
    }

    public func outputShape(_ inputShape: [Int]) throws -> [Int] {
        let d = try lastAxis(inputShape, kind, expected: "(batch, length, features)")
        return inputShape.dropLast() + [outputSize ?? d]
    }

    public func forward(_ x: Variable, _ weights: [Variable], _ context: ForwardContext) throws -> Variable {
        try attend(query: x, value: x, key: nil, weights, context).output
    }

    public func attend(
        query: Variable, value: Variable, key: Variable?, _ weights: [Variable], _ context: ForwardContext
    ) throws -> (output: Variable, scores: Variable) {
        let key = key ?? value
        for (v, what) in [(query, "query"), (value, "value"), (key, "key")] where v.rank != 3 {
            throw TensorError(
                .shape, "\(kind): \(what) of shape \(formatShape(v.shape)) — expected (batch, length, features)")
        }
        /// (b, t, d) · (d, h, k) + (h, k) → (b, h, t, k).
        func project(_ x: Variable, _ kernel: Variable, _ bias: Variable) throws -> Variable {
            let (d, h, k) = (kernel.shape[0], kernel.shape[1], kernel.shape[2])
            guard x.shape[2] == d else {
                throw TensorError(
                    .shape, "\(kind): inputs with \(x.shape[2]) features, the layer was built for \(d)",
                    hint: "a layer keeps the sizes it was first called with")
            }
            let flat = try Variable.matmul(x, kernel.reshaped([d, h * k]))
            let split = try flat.reshaped([x.shape[0], x.shape[1], h, k]) + bias
            return try split.transposed([0, 2, 1, 3])
        }
        let q = try project(query, weights[0], weights[1]) * (1 / Glibc.sqrt(Double(keyDim)))
        let k = try project(key, weights[2], weights[3])
        let v = try project(value, weights[4], weights[5])
        let scores = try Variable.matmul(q, k.swappingLastTwoAxes()).softmax(axis: -1)
        let attended = try Variable.matmul(scores, v).transposed([0, 2, 1, 3])
        let (b, t) = (query.shape[0], query.shape[1])
        let output = weights[6]
        let merged = try attended.reshaped([b, t, heads * valueDim])
        let y = try Variable.matmul(merged, output.reshaped([heads * valueDim, output.shape[2]])) + weights[7]
        return (y, scores)
    }

    public var settings: String {
        "num_heads=\(heads), key_dim=\(keyDim)" + (valueDim == keyDim ? "" : ", value_dim=\(valueDim)")
            + (outputSize.map { ", output_shape=\($0)" } ?? "")
    }
}

/// Keras's `Attention()`: Luong's dot-product attention without weights,
/// softmax(q·kᵀ) · v, the keys defaulting to the values (no 1/√d scaling, as Keras's default).
public final class DotProductAttention: AttentionLayer {
    public let kind = "Attention"
    public var name = "attention"
    public var weights: [LayerWeight] = []
    public var inputShape: [Int]?

    /// An attention layer.
    public init() {}

    public func makeWeights(inputShape: [Int], generator: Generator) throws -> [LayerWeight] { [] }

    public func outputShape(_ inputShape: [Int]) throws -> [Int] { inputShape }

    public func forward(_ x: Variable, _ weights: [Variable], _ context: ForwardContext) throws -> Variable {
        try attend(query: x, value: x, key: nil, weights, context).output
    }

    public func attend(
        query: Variable, value: Variable, key: Variable?, _ weights: [Variable], _ context: ForwardContext
    ) throws -> (output: Variable, scores: Variable) {
        let key = key ?? value
        guard query.rank >= 2, key.rank == value.rank, query.shape.last == key.shape.last,
            key.shape[key.rank - 2] == value.shape[value.rank - 2]
        else {
            throw TensorError(
                .shape,
                "Attention: query \(formatShape(query.shape)), value \(formatShape(value.shape)), key \(formatShape(key.shape)) — expected (batch, Tq, d), (batch, Tv, dv), (batch, Tv, d)"
            )
        }
        let scores = try Variable.matmul(query, key.swappingLastTwoAxes()).softmax(axis: -1)
        return (try Variable.matmul(scores, value), scores)
    }

    public var settings: String { "" }
}
