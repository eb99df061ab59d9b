import Glibc
import KisoTensor

extension Tensor {
    /// `f` applied to every element, as a float64 tensor of the same shape.
    func mapped(_ f: (Double) -> Double) throws -> Tensor {
        try Tensor(shape: shape, scalars: scalars.map(f))
    }
}

/// The special functions of probability, each with its derivative beside it.
extension Variable {
    /// log |Γ(x)|; d/dx = ψ(x).
    public func lgamma() throws -> Variable {
        Variable.record(try value.mapped(Special.logGamma), self) { g, _ in try g * self.digamma() }
    }

    /// The digamma function ψ(x); d/dx = ψ⁽¹⁾(x), the trigamma function.
    public func digamma() throws -> Variable {
        Variable.record(try value.mapped(Special.digamma), self) { g, _ in try g * self.polygamma(1) }
    }

    /// The polygamma function ψ⁽ⁿ⁾(x) (n ≥ 1, x > 0); d/dx = ψ⁽ⁿ⁺¹⁾(x).
    public func polygamma(_ n: Int) throws -> Variable {
        guard n >= 1 && n < 20 else {
            throw TensorError(
                .value, "polygamma: order \(n) is outside 1…19", hint: "use digamma for order 0")
        }
        return Variable.record(try value.mapped { Special.polygamma(n, $0) }, self) { g, _ in
            try g * self.polygamma(n + 1)
        }
    }

    /// log Φ(x), the log of the standard normal cdf; d/dx = φ(x)/Φ(x), formed as
    /// exp(log φ(x) − log Φ(x)) so it stays finite far in the left tail (where it tends to −x).
    public func logNdtr() throws -> Variable {
        Variable.record(try value.mapped(Special.logNdtr), self) { g, out in
            try g * (self * self * -0.5 - 0.5 * Glibc.log(2 * Double.pi) - out).exp()
        }
    }

    /// log(1 − e⁻ˣ) for x ≥ 0, without cancellation; d/dx = e⁻ˣ/(1 − e⁻ˣ) = exp(−x − out).
    public func log1mexp() throws -> Variable {
        Variable.record(try value.mapped(Special.log1mexp), self) { g, out in
            try g * (self.negated() - out).exp()
        }
    }
}

/// log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b), broadcasting a and b.
public func betaln(_ a: Variable, _ b: Variable) throws -> Variable {
    try a.lgamma() + b.lgamma() - (a + b).lgamma()
}

/// log(eᵃ + eᵇ) without overflow: max(a, b) + log1p(e^−|a−b|); equal infinite arguments give
/// that infinity.
public func logaddexp(_ a: Variable, _ b: Variable) throws -> Variable {
    let larger = try Variable.maximum(a, b)
    let difference = try (a - b).abs()
    // a − b is NaN when both are the same infinity; the result is then that infinity.
    let same = try Tensor.equal(a.value, b.value)
    let safeDifference = try Variable.where(same, Variable(0), difference)
    return try larger + safeDifference.negated().exp().log1p()
}

/// x·log(y), taken as 0 where x is 0 (whatever y is), so that 0·log 0 = 0 in entropies and
/// likelihoods, with gradients free of NaN there.
public func xlogy(_ x: Variable, _ y: Variable) throws -> Variable {
    let zero = try Tensor.equal(x.value, Tensor(0.0))
    let safeY = try Variable.where(zero, Variable(1), y)
    return try Variable.where(zero, Variable(0), x * safeY.log())
}

/// x·log(1 + y), taken as 0 where x is 0.
public func xlog1py(_ x: Variable, _ y: Variable) throws -> Variable {
    let zero = try Tensor.equal(x.value, Tensor(0.0))
    let safeY = try Variable.where(zero, Variable(0), y)
    return try Variable.where(zero, Variable(0), x * safeY.log1p())
}
