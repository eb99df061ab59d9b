import KisoTensor

/// The gamma distribution with shape α (concentration) and rate β: density
/// βᵅ xᵅ⁻¹ e^(−βx) / Γ(α) on x > 0, mean α/β (torch's parameters; NumPy's scale is 1/β).
public struct Gamma: Distribution {
    public let concentration: Variable
    public let rate: Variable
    public let batchShape: [Int]
    public var name: String { "Gamma" }
    public var eventShape: [Int] { [] }
    public var parameters: [(name: String, value: Variable)] { [("shape", concentration), ("rate", rate)] }

    /// Throws when a shape or rate is not positive.
    public init(concentration: Variable, rate: Variable) throws {
        let (values, shape) = try Parameters.broadcast([concentration, rate], op: "Gamma")
        try Parameters.require(values[0], "shape", op: "Gamma", "positive") { $0 > 0 }
        try Parameters.require(values[1], "rate", op: "Gamma", "positive") { $0 > 0 }
        self.concentration = values[0]
        self.rate = values[1]
        batchShape = shape
    }

    public func logProb(_ x: Variable) throws -> Variable {
        let positive = try Tensor.greaterEqual(x.value, Tensor(0.0))
        let safeX = try Variable.where(positive, x, Variable(1.0))
        let value =
            try xlogy(concentration, rate) + xlogy(concentration - 1, safeX) - rate * safeX - concentration.lgamma()
        return try Variable.where(positive, value, Variable(-Double.infinity))
    }

    public func mean() throws -> Variable { try concentration / rate }
    public func variance() throws -> Variable { try concentration / (rate * rate) }
    public func entropy() throws -> Variable {
        try concentration - rate.log() + concentration.lgamma() + (1 - concentration) * concentration.digamma()
    }

    /// `rng.gamma(shape, 1/rate, shape + batchShape)`.
    public func sample(_ rng: Generator, _ shape: [Int]) throws -> Tensor {
        try rng.gamma(
            shape: concentration.value, scale: try Tensor.divide(Tensor(1.0), rate.value),
            size: try Parameters.sampleShape(shape, batchShape, op: "Gamma.sample"))
    }
}
