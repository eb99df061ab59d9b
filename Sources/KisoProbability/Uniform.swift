import KisoTensor

/// The uniform distribution on [low, high); `low < high`.
public struct Uniform: Distribution {
    public let low: Variable
    public let high: Variable
    public let batchShape: [Int]
    public var name: String { "Uniform" }
    public var eventShape: [Int] { [] }
    public var parameters: [(name: String, value: Variable)] { [("low", low), ("high", high)] }

    /// Throws unless low < high everywhere.
    public init(low: Variable, high: Variable) throws {
        let (values, shape) = try Parameters.broadcast([low, high], op: "Uniform")
        let width = try values[1] - values[0]
        try Parameters.require(width, "high - low", op: "Uniform", "positive") { $0 > 0 }
        self.low = values[0]
        self.high = values[1]
        batchShape = shape
    }

    public func logProb(_ x: Variable) throws -> Variable {
        let inside = try Tensor.logicalAnd(
            try Tensor.greaterEqual(x.value, low.value), try Tensor.less(x.value, high.value))
        let density = try (high - low).log().negated()
        return try Variable.where(inside, density, Variable(-Double.infinity))
    }

    public func cdf(_ x: Variable) throws -> Variable {
        try ((x - low) / (high - low)).clip(0.0, 1.0)
    }

    public func mean() throws -> Variable { try (low + high) * 0.5 }
    public func variance() throws -> Variable {
        let width = try high - low
        return try width * width / 12
    }
    public func entropy() throws -> Variable { try (high - low).log() }

    /// `rng.uniform(low, high, shape + batchShape)`.
    public func sample(_ rng: Generator, _ shape: [Int]) throws -> Tensor {
        try rng.uniform(
            low: low.value, high: high.value, size: try Parameters.sampleShape(shape, batchShape, op: "Uniform.sample"))
    }

    /// low + (high − low)·U with U uniform on [0, 1): the same values as `sample`.
    public func rsample(_ rng: Generator, _ shape: [Int]) throws -> Variable {
        let u = try rng.random(try Parameters.sampleShape(shape, batchShape, op: "Uniform.rsample"))
        return try low + (high - low) * Variable(u)
    }
}
