import KisoTensor

/// The largest |a − b| / (atol + rtol·|b|) over two equal-shaped tensors (∞ for a shape
/// mismatch); ≤ 1 means they agree like numpy.allclose.
func closeness(_ a: Tensor, _ b: Tensor, rtol: Double, atol: Double) -> Double {
    guard a.shape == b.shape else { return .infinity }
    var worst = 0.0
    for (x, y) in zip(a.scalars, b.scalars) {
        let score = abs(x - y) / (atol + rtol * abs(y))
        worst = max(worst, score.isNaN ? .infinity : score)
    }
    return worst
}
