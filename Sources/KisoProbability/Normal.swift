import KisoTensor

/// The normal distribution N(loc, scale²); `scale` must be positive.
public struct Normal: Distribution {
    public let loc: Variable
    public let scale: Variable
    public let batchShape: [Int]
    public var name: String { "Normal" }
    public var eventShape: [Int] { [] }
    public var parameters: [(name: String, value: Variable)] { [("loc", loc), ("scale", scale)] }

    /// Throws when a scale is not positive (or NaN), or the shapes do not broadcast.
    public init(loc: Variable, scale: Variable) throws {
        let (values, shape) = try Parameters.broadcast([loc, scale], op: "Normal")
        try Parameters.require(values[1], "scale", op: "Normal", "positive") { $0 > 0 }
        self.loc = values[0]
        self.scale = values[1]
        batchShape = shape
    }

    public func logProb(_ x: Variable) throws -> Variable {
        let z = try (x - loc) / scale
        return try z * z * -0.5 - scale.log() - 0.5 * Parameters.logTwoPi
    }

    public func cdf(_ x: Variable) throws -> Variable {
        try ((x - loc) / scale).logNdtr().exp()
    }

    public func mean() throws -> Variable { loc }
    public func variance() throws -> Variable { try scale * scale }
    public func entropy() throws -> Variable { try scale.log() + 0.5 * (1 + Parameters.logTwoPi) }

    /// `rng.normal(loc, scale, shape + batchShape)`.
    public func sample(_ rng: Generator, _ shape: [Int]) throws -> Tensor {
        try rng.normal(
            loc: loc.value, scale: scale.value, size: try Parameters.sampleShape(shape, batchShape, op: "Normal.sample")
        )
    }

    /// loc + scale·ε with ε standard normal.
    public func rsample(_ rng: Generator, _ shape: [Int]) throws -> Variable {
        let noise = try rng.standardNormal(try Parameters.sampleShape(shape, batchShape, op: "Normal.rsample"))
        return try loc + scale * Variable(noise)
    }
}
