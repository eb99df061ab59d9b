import KisoTensor

/// PyTorch's `linear`: x·Wᵀ + b for a weight of shape (out_features, in_features), over any
/// leading batch axes of `x`.
public func linear(_ x: Variable, _ weight: Variable, bias: Variable? = nil) throws -> Variable {
    let op = "linear"
    guard weight.rank == 2 else {
        throw TensorError(
            .shape, "\(op): weight of shape \(formatShape(weight.shape)) — expected (out_features, in_features)")
    }
    let (out, features) = (weight.shape[0], weight.shape[1])
    guard x.rank >= 1, x.shape[x.rank - 1] == features else {
        let got = x.rank == 0 ? "a 0-d input" : "input has \(x.shape[x.rank - 1]) features"
        throw TensorError(
            .shape, "\(op): \(got), weight expects \(features) — weight is (out_features, in_features)",
            hint: weight.shape[0] == x.shape.last ? "did you mean the transposed weight?" : nil)
    }
    var y = try Variable.matmul(x, weight.swappingLastTwoAxes())
    if let bias {
        guard bias.shape == [out] else {
            throw TensorError(
                .shape, "\(op): bias of shape \(formatShape(bias.shape)) for \(out) outputs — expected (\(out),)")
        }
        y = try y + bias
    }
    return y
}
