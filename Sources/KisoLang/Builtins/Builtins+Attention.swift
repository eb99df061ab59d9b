import KisoNN
import KisoTensor

/// Attention: scaled dot-product and multi-head attention, the causal mask and the sinusoidal
/// positional encoding.
extension Registry {
    func registerAttention() {
        section("Attention")
        add(
            "scaled_dot_product_attention",
            [
                param("q", .tensor), param("k", .tensor), param("v", .tensor), param("mask", .tensor, .none),
                param("is_causal", .bool, .bool(false)), param("scale", .number, .none),
            ],
            doc:
                "softmax(q·kᵀ/√d + mask)·v over the last two axes; a bool mask keeps where true, a float mask is added.",
            example: "scaled_dot_product_attention(eye(3), eye(3), arange(9.0).reshape([3, 3]), is_causal=true)",
            grad: .tracedByBody
        ) { a in
            .traced(
                try scaledDotProductAttention(
                    try a.variable("q"), try a.variable("k"), try a.variable("v"), mask: try a.optionalTensor("mask"),
                    isCausal: try a.bool("is_causal"), scale: try a.isNone("scale") ? nil : try a.number("scale")))
        }
        add(
            "multi_head_attention",
            [
                param("x", .tensor), param("params", .any), param("heads", .int), param("mask", .tensor, .none),
                param("is_causal", .bool, .bool(false)),
            ],
            doc:
                "Self-attention of (batch, length, E) x with params {wq, wk, wv, wo: (E, E), optional bq, bk, bv, bo}, split into heads.",
            example:
                "multi_head_attention(ones([4, 2]), {\"wq\": eye(2), \"wk\": eye(2), \"wv\": eye(2), \"wo\": eye(2)}, 2)",
            grad: .tracedByBody
        ) { a in
            .traced(
                try multiHeadAttention(
                    try a.variable("x"), try a.attentionWeights("params"), heads: try a.int("heads"),
                    mask: try a.optionalTensor("mask"),
                    isCausal: try a.bool("is_causal")))
        }
        add(
            "causal_mask", [param("n", .int)],
            doc: "The n×n bool mask true on and below the diagonal: position i attends to positions ≤ i.",
            example: "causal_mask(3)"
        ) { a in .tensor(try causalMask(try a.int("n"))) }
        add(
            "positional_encoding", [param("length", .int), param("d", .int)],
            doc: "The sinusoidal table (length, d): sin(p/10000^(2i/d)) in even columns, cos in odd ones.",
            example: "positional_encoding(4, 6)"
        ) { a in .tensor(try positionalEncoding(length: try a.int("length"), dimension: try a.int("d"))) }
    }
}

extension Arguments {
    /// The projection weights of `multi_head_attention` from the dict argument `name`.
    fileprivate func attentionWeights(_ name: String) throws -> AttentionWeights {
        let params = try self[name]
        guard case .dict(let d) = params else {
            throw KisoError(
                .type, "`multi_head_attention`: params must be a dict, got \(params.kindName)",
                hint: "{\"wq\": …, \"wk\": …, \"wv\": …, \"wo\": …}")
        }
        func entry(_ key: String) throws -> Variable? {
            try d[.string(key)].map { try Convert.variable($0, key) }
        }
        func required(_ key: String) throws -> Variable {
            guard let value = try entry(key) else {
                throw KisoError(
                    .value, "`multi_head_attention`: params has no \"\(key)\"",
                    hint: "params needs wq, wk, wv and wo, each (E, E); bq, bk, bv, bo are optional")
            }
            return value
        }
        return AttentionWeights(
            query: try required("wq"), key: try required("wk"), value: try required("wv"), output: try required("wo"),
            queryBias: try entry("bq"), keyBias: try entry("bk"), valueBias: try entry("bv"),
            outputBias: try entry("bo"))
    }
}
