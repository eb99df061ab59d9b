import KisoTensor

/// The Laplace distribution with density exp(−|x − loc|/scale) / (2·scale); `scale` positive.
public struct Laplace: Distribution {
    public let loc: Variable
    public let scale: Variable
    public let batchShape: [Int]
    public var name: String { "Laplace" }
    public var eventShape: [Int] { [] }
    public var parameters: [(name: String, value: Variable)] { [("loc", loc), ("scale", scale)] }

    /// Throws when a scale is not positive.
    public init(loc: Variable, scale: Variable) throws {
        let (values, shape) = try Parameters.broadcast([loc, scale], op: "Laplace")
        try Parameters.require(values[1], "scale", op: "Laplace", "positive") { $0 > 0 }
        self.loc = values[0]
        self.scale = values[1]
        batchShape = shape
    }

    public func logProb(_ x: Variable) throws -> Variable {
        try ((x - loc).abs() / scale).negated() - (scale * 2).log()
    }

    /// ½·e^((x−loc)/scale) below loc, 1 − ½·e^(−(x−loc)/scale) above.
    public func cdf(_ x: Variable) throws -> Variable {
        let z = try (x - loc) / scale
        let below = try Tensor.less(z.value, Tensor(0.0))
        let lowerTail = try Variable.where(below, z, Variable(0.0)).exp() * 0.5
        let upperTail = try 1 - Variable.where(below, Variable(0.0), z).negated().exp() * 0.5
        return try Variable.where(below, lowerTail, upperTail)
    }

    public func mean() throws -> Variable { loc }
    public func variance() throws -> Variable { try scale * scale * 2 }
    public func entropy() throws -> Variable { try (scale * 2).log() + 1 }

    /// `rng.laplace(loc, scale, shape + batchShape)`.
    public func sample(_ rng: Generator, _ shape: [Int]) throws -> Tensor {
        try rng.laplace(
            loc: loc.value, scale: scale.value,
            size: try Parameters.sampleShape(shape, batchShape, op: "Laplace.sample"))
    }

    /// loc + scale·z with z standard Laplace noise; the same values as `sample`.
    public func rsample(_ rng: Generator, _ shape: [Int]) throws -> Variable {
        let noise = try rng.laplace(size: try Parameters.sampleShape(shape, batchShape, op: "Laplace.rsample"))
        return try loc + scale * Variable(noise)
    }
}
