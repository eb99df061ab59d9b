import Glibc
import KisoTensor

/// Activation functions over differentiable values.

/// max(x, 0), with derivative 0 at 0.
public func relu(_ x: Variable) throws -> Variable { try x.relu() }

/// The logistic function 1 / (1 + e⁻ˣ).
public func sigmoid(_ x: Variable) throws -> Variable { try x.sigmoid() }

/// GELU: x·Φ(x) = ½x(1 + erf(x/√2)), or with `approximate` the tanh form
/// ½x(1 + tanh(√(2/π)(x + 0.044715x³))) (PyTorch's `approximate='tanh'`).
public func gelu(_ x: Variable, approximate: Bool = false) throws -> Variable {
    if approximate {
        let inner = try (x + x * x * x * 0.044715) * Glibc.sqrt(2 / Double.pi)
        return try x * 0.5 * (inner.tanh() + 1)
    }
    return try x * 0.5 * ((x * (1 / Glibc.sqrt(2.0))).erf() + 1)
}

/// e^x / Σ e^x along `axis`.
public func softmax(_ x: Variable, axis: Int = -1) throws -> Variable { try x.softmax(axis: axis) }

/// x − log Σ e^x along `axis`.
public func logSoftmax(_ x: Variable, axis: Int = -1) throws -> Variable { try x.logSoftmax(axis: axis) }

/// PyTorch's `leaky_relu`: x for x > 0, slope·x otherwise (the derivative at 0 is the slope).
public func leakyRelu(_ x: Variable, negativeSlope: Double = 0.01) throws -> Variable {
    let positive = try Tensor.greater(x.value, Tensor(0))
    return try Variable.where(positive, x, x * negativeSlope)
}

/// PyTorch's `elu`: x for x > 0, α(eˣ − 1) otherwise.
public func elu(_ x: Variable, alpha: Double = 1) throws -> Variable {
    let positive = try Tensor.greater(x.value, Tensor(0))
    // The exponential of the negative part only, so large positive inputs cannot overflow.
    let negativePart = try Variable.where(positive, Variable(0), x)
    return try Variable.where(positive, x, (negativePart.exp() - 1) * alpha)
}

/// SELU's α and scale (Klambauer et al., as PyTorch rounds them).
private let seluAlpha = 1.6732632423543772848170429916717
private let seluScale = 1.0507009873554804934193349852946

/// PyTorch's `selu`: scale · elu(x, α) with the self-normalising constants.
public func selu(_ x: Variable) throws -> Variable {
    try elu(x, alpha: seluAlpha) * seluScale
}

/// PyTorch's `silu` (swish): x·σ(x).
public func silu(_ x: Variable) throws -> Variable { try x * x.sigmoid() }

/// PyTorch's `softplus`: log(1 + e^(βx))/β, and x itself where βx > threshold (for accuracy,
/// as PyTorch does).
public func softplus(_ x: Variable, beta: Double = 1, threshold: Double = 20) throws -> Variable {
    try x.softplus(beta: beta, threshold: threshold)
}

/// PyTorch's `mish`: x·tanh(softplus(x)).
public func mish(_ x: Variable) throws -> Variable { try x * softplus(x).tanh() }

/// PyTorch's `hardtanh`: x clipped to [min, max]; the derivative is 0 at and beyond the ends.
public func hardtanh(_ x: Variable, minValue: Double = -1, maxValue: Double = 1) throws -> Variable {
    guard minValue <= maxValue else {
        throw TensorError(.value, "hardtanh: min_val \(minValue) is larger than max_val \(maxValue)")
    }
    let inside = try Tensor.logicalAnd(
        Tensor.greater(x.value, Tensor(minValue)), Tensor.less(x.value, Tensor(maxValue)))
    let clipped = try Tensor.minimum(Tensor.maximum(x.value, Tensor(minValue)), Tensor(maxValue))
    return try Variable.where(inside, x, Variable(clipped))
}

/// PyTorch's `softmin`: softmax(−x) along `axis`.
public func softmin(_ x: Variable, axis: Int = -1) throws -> Variable { try x.negated().softmax(axis: axis) }
