import Glibc
import KisoTensor

/// KL(N(mu, e^logvar) ‖ N(mu2, e^logvar2)) for diagonal Gaussians, summed over the last axis:
/// the VAE's KL term, ½ Σ (logvar2 − logvar + (e^logvar + (mu − mu2)²)/e^logvar2 − 1).
public func klNormal(
    _ mu: Variable, _ logvar: Variable, _ mu2: Variable = Variable(0.0), _ logvar2: Variable = Variable(0.0)
) throws -> Variable {
    let shift = try mu - mu2
    let terms = try logvar2 - logvar + (logvar.exp() + shift * shift) / logvar2.exp() - 1
    guard terms.rank >= 1 else { return try terms * 0.5 }
    return try terms.sum(axes: [-1]) * 0.5
}

/// A Monte-Carlo mean with its standard error: the mean over axis 0 and s/√n with the sample
/// standard deviation s (n − 1 in its denominator).
public func mcMean(_ samples: Tensor) throws -> (mean: Tensor, standardError: Tensor) {
    guard samples.rank >= 1, samples.shape[0] >= 2 else {
        throw TensorError(
            .value, "mc_mean: needs at least 2 samples along axis 0, got shape \(samples.shape)",
            hint: "pass the Monte-Carlo draws as the first axis")
    }
    let n = Double(samples.shape[0])
    let float = samples.cast(to: .float64)
    let mean = try float.mean(axes: [0])
    let spread = try float.std(axes: [0], ddof: 1)
    return (mean, try Tensor.divide(spread, Tensor(n.squareRoot())))
}

/// The importance-weighted bound log (1/K) Σₖ wₖ from log weights, K along `axis`: logsumexp
/// minus log K, stable for log weights far below 0 (e.g. near −1000).
public func iwaeBound(_ logWeights: Variable, axis: Int = 0) throws -> Variable {
    guard logWeights.rank >= 1 else {
        throw TensorError(
            .value, "iwae_bound: log_w must have at least one axis (the K samples)",
            hint: "pass a (K,) or (K, batch) tensor of log weights")
    }
    let normalized = axis < 0 ? axis + logWeights.rank : axis
    guard normalized >= 0, normalized < logWeights.rank else {
        throw TensorError(
            .axis, "iwae_bound: axis \(axis) is out of range for a \(logWeights.rank)-d log_w",
            hint: "the axis holding the K samples, usually 0")
    }
    let k = Double(logWeights.shape[normalized])
    guard k >= 1 else {
        throw TensorError(.value, "iwae_bound: no samples along axis \(axis)", hint: "K must be at least 1")
    }
    return try logWeights.logsumexp(axes: [normalized]) - log(k)
}
