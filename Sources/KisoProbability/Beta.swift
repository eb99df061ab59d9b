import KisoTensor

/// The beta distribution on [0, 1] with density x^(a−1) (1 − x)^(b−1) / B(a, b).
public struct Beta: Distribution {
    public let a: Variable
    public let b: Variable
    public let batchShape: [Int]
    public var name: String { "Beta" }
    public var eventShape: [Int] { [] }
    public var parameters: [(name: String, value: Variable)] { [("a", a), ("b", b)] }

    /// Throws when a or b is not positive.
    public init(a: Variable, b: Variable) throws {
        let (values, shape) = try Parameters.broadcast([a, b], op: "Beta")
        try Parameters.require(values[0], "a", op: "Beta", "positive") { $0 > 0 }
        try Parameters.require(values[1], "b", op: "Beta", "positive") { $0 > 0 }
        self.a = values[0]
        self.b = values[1]
        batchShape = shape
    }

    public func logProb(_ x: Variable) throws -> Variable {
        let inside = try Tensor.logicalAnd(
            try Tensor.greaterEqual(x.value, Tensor(0.0)), try Tensor.lessEqual(x.value, Tensor(1.0)))
        let safeX = try Variable.where(inside, x, Variable(0.5))
        let value = try xlogy(a - 1, safeX) + xlog1py(b - 1, safeX.negated()) - betaln(a, b)
        return try Variable.where(inside, value, Variable(-Double.infinity))
    }

    public func mean() throws -> Variable { try a / (a + b) }
    public func variance() throws -> Variable {
        let total = try a + b
        return try a * b / (total * total * (total + 1))
    }
    public func entropy() throws -> Variable {
        let total = try a + b
        return try betaln(a, b) - (a - 1) * a.digamma() - (b - 1) * b.digamma() + (total - 2) * total.digamma()
    }

    /// `rng.beta(a, b, shape + batchShape)`.
    public func sample(_ rng: Generator, _ shape: [Int]) throws -> Tensor {
        try rng.beta(a: a.value, b: b.value, size: try Parameters.sampleShape(shape, batchShape, op: "Beta.sample"))
    }
}
