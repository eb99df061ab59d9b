import KisoTensor

/// PyTorch's `dropout`: in training each element is zeroed with probability `p` and the
/// survivors are scaled by 1/(1 − p), so the expected value is unchanged; in evaluation the
/// input passes through untouched. `uniform(shape)` supplies the draws on [0, 1): an element is
/// kept where its draw is at least p.
public func dropout(
    _ x: Variable, p: Double, training: Bool = true, uniform: (_ shape: [Int]) throws -> Tensor
) throws -> Variable {
    guard p >= 0, p <= 1 else {
        throw TensorError(.value, "dropout: p must be between 0 and 1, got \(p)")
    }
    guard training, p > 0 else { return x }
    if p == 1 { return try x * 0 }
    let keep = try Tensor.greaterEqual(uniform(x.shape), Tensor(p)).cast(to: .float64)
    return try x * Variable(try Tensor.multiply(keep, Tensor(1 / (1 - p))))
}
