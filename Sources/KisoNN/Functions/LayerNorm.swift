import KisoTensor

/// PyTorch's `layer_norm`: each sample normalised over its last `normalizedShape.count`
/// dimensions (which must equal `normalizedShape`) with the biased variance, then scaled by
/// `weight` and shifted by `bias` when given.
public func layerNorm(
    _ x: Variable, normalizedShape: [Int], weight: Variable? = nil, bias: Variable? = nil, epsilon: Double = 1e-5
) throws -> Variable {
    let k = normalizedShape.count
    guard k >= 1, k <= x.rank, Array(x.shape.suffix(k)) == normalizedShape else {
        throw TensorError(
            .shape,
            "layer_norm: normalized_shape \(formatShape(normalizedShape)) does not match the last dimensions of \(formatShape(x.shape))",
            hint: "normalized_shape must be the trailing sizes of the input")
    }
    let axes = Array((x.rank - k)..<x.rank)
    let mean = try x.mean(axes: axes, keepdims: true)
    let variance = try x.variance(axes: axes, keepdims: true)
    var y = try (x - mean) / (variance + epsilon).sqrt()
    if let weight { y = try y * weight }
    if let bias { y = try y + bias }
    return y
}
