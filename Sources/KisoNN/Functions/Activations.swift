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
