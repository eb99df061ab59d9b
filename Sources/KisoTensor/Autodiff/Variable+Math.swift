import Glibc
import KisoVectorKernels

/// Elementwise functions, each with its derivative beside it.
extension Variable {
    /// eˣ; its derivative is itself.
    public func exp() throws -> Variable {
        Variable.record(value.exp(), self) { g, out in try g * out }
    }

    /// The natural logarithm; d/dx = 1/x.
    public func log() throws -> Variable {
        Variable.record(value.log(), self) { g, _ in try g / self }
    }

    /// log(1 + x); d/dx = 1/(1 + x).
    public func log1p() throws -> Variable {
        Variable.record(value.log1p(), self) { g, _ in try g / (self + 1) }
    }

    /// √x; d/dx = 1/(2√x).
    public func sqrt() throws -> Variable {
        Variable.record(value.sqrt(), self) { g, out in try g / (out * 2) }
    }

    /// |x|; d/dx = sign(x), which is 0 at 0 (as in JAX and PyTorch).
    public func abs() throws -> Variable {
        let sign = Variable(value.sign().cast(to: .float64))
        return Variable.record(value.abs(), self) { g, _ in try g * sign }
    }

    /// The hyperbolic tangent; d/dx = 1 − tanh²x.
    public func tanh() throws -> Variable {
        Variable.record(value.tanh(), self) { g, out in
            // Outside nested gradients nothing records the pullback: one fused pass suffices.
            if !g.isTracked && !out.isTracked {
                return Variable(
                    try Tensor.zipElements(g.value, out.value, op: "tanh", dtype: .float64, TanhPullback.self))
            }
            return try g * (1 - out * out)
        }
    }

    /// The logistic function σ(x); d/dx = σ(x)(1 − σ(x)).
    public func sigmoid() throws -> Variable {
        Variable.record(value.sigmoid(), self) { g, out in
            if !g.isTracked && !out.isTracked {
                return Variable(
                    try Tensor.zipElements(g.value, out.value, op: "sigmoid", dtype: .float64, SigmoidPullback.self))
            }
            return try g * (out * (1 - out))
        }
    }

    /// log(1 + e^(βx))/β, computed without overflow, and x itself where βx > threshold
    /// (PyTorch's softplus; the default threshold never cuts); d/dx = σ(βx), and 1 beyond the
    /// threshold. Forward and pullback are one pass each over memory.
    public func softplus(beta: Double = 1, threshold: Double = .infinity) throws -> Variable {
        let input = value.isContiguous ? value : value.contiguous()
        let out = input.mapBlocks { VectorMath.softplus($0, $1, count: $2, beta: beta, threshold: threshold) }
        return Variable.record(out, self) { g, _ in
            if !g.isTracked && !self.isTracked && g.shape == input.shape {
                return Variable(
                    Tensor.zipBlocks(g.value, input) {
                        VectorMath.softplusPullback($0, $1, $2, count: $3, beta: beta, threshold: threshold)
                    })
            }
            // Under a nested grad the pullback is itself differentiated, so it is built from ops.
            let slope = try (self * beta).sigmoid()
            if threshold == .infinity { return try g * slope }
            let linear = try Tensor.greater(Tensor.multiply(input, Tensor(beta)), Tensor(threshold))
            return try g * Variable.where(linear, Variable(1), slope)
        }
    }

    /// The sine; d/dx = cos x.
    public func sin() throws -> Variable {
        Variable.record(value.sin(), self) { g, _ in try g * self.cos() }
    }

    /// The cosine; d/dx = −sin x.
    public func cos() throws -> Variable {
        Variable.record(value.cos(), self) { g, _ in try (g * self.sin()).negated() }
    }

    /// The Gauss error function; d/dx = 2/√π · e^(−x²).
    public func erf() throws -> Variable {
        Variable.record(value.erf(), self) { g, _ in
            try g * ((self * self).negated().exp() * (2 / Glibc.sqrt(Double.pi)))
        }
    }

    /// max(x, 0). The derivative is 1 where x > 0 and 0 elsewhere, including at 0 (as
    /// `jax.nn.relu` and PyTorch define it).
    public func relu() throws -> Variable {
        Variable.record(value.relu(), self) { g, out in
            // Outside nested gradients nothing records the pullback: one fused pass suffices.
            if !g.isTracked && !out.isTracked {
                return Variable(
                    try Tensor.zipElements(g.value, out.value, op: "relu", dtype: .float64, ReluPullback.self))
            }
            let positive = try Tensor.greater(out.value, Tensor(0))
            return try Variable.where(positive, g, Variable(0))
        }
    }
}

/// g·(1 − t²) for the cotangent g and t = tanh x, in one pass.
private enum TanhPullback: BinaryKernel {
    static func apply(_ g: Double, _ t: Double) -> Double { g * (1 - t * t) }
}

/// g where the relu's output is positive, else 0, in one pass.
private enum ReluPullback: BinaryKernel {
    static func apply(_ g: Double, _ out: Double) -> Double { out > 0 ? g : 0 }
    static var vectorized: VectorArithmetic.Binary? { .reluPullback }
}

/// g·s(1 − s) for the cotangent g and s = σ(x), in one pass.
private enum SigmoidPullback: BinaryKernel {
    static func apply(_ g: Double, _ s: Double) -> Double { g * (s * (1 - s)) }
}

/// The remaining elementary functions, each with its derivative.
extension Variable {
    /// tan x; d/dx = 1 + tan² x.
    public func tan() throws -> Variable {
        Variable.record(value.tan(), self) { g, out in try g * (out * out + 1) }
    }

    /// log₂ x; d/dx = 1 / (x ln 2).
    public func log2() throws -> Variable {
        Variable.record(value.log2(), self) { g, _ in try g / (self * 0.693_147_180_559_945_3) }
    }

    /// log₁₀ x; d/dx = 1 / (x ln 10).
    public func log10() throws -> Variable {
        Variable.record(value.log10(), self) { g, _ in try g / (self * 2.302_585_092_994_046) }
    }

    /// eˣ − 1; d/dx = eˣ.
    public func expm1() throws -> Variable {
        Variable.record(value.expm1(), self) { g, out in try g * (out + 1) }
    }

    /// arcsin x; d/dx = 1 / √(1 − x²).
    public func arcsin() throws -> Variable {
        Variable.record(value.arcsin(), self) { g, _ in try g / (1 - self * self).sqrt() }
    }

    /// arccos x; d/dx = −1 / √(1 − x²).
    public func arccos() throws -> Variable {
        Variable.record(value.arccos(), self) { g, _ in try -(g / (1 - self * self).sqrt()) }
    }

    /// arctan x; d/dx = 1 / (1 + x²).
    public func arctan() throws -> Variable {
        Variable.record(value.arctan(), self) { g, _ in try g / (self * self + 1) }
    }
}
