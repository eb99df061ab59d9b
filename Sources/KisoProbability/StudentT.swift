import Glibc
import KisoTensor

/// Student's t distribution with `df` degrees of freedom, shifted by `loc` and scaled by `scale`.
public struct StudentT: Distribution {
    public let df: Variable
    public let loc: Variable
    public let scale: Variable
    public let batchShape: [Int]
    public var name: String { "StudentT" }
    public var eventShape: [Int] { [] }
    public var parameters: [(name: String, value: Variable)] { [("df", df), ("loc", loc), ("scale", scale)] }

    /// Throws when df or scale is not positive.
    public init(df: Variable, loc: Variable, scale: Variable) throws {
        let (values, shape) = try Parameters.broadcast([df, loc, scale], op: "StudentT")
        try Parameters.require(values[0], "df", op: "StudentT", "positive") { $0 > 0 }
        try Parameters.require(values[2], "scale", op: "StudentT", "positive") { $0 > 0 }
        self.df = values[0]
        self.loc = values[1]
        self.scale = values[2]
        batchShape = shape
    }

    public func logProb(_ x: Variable) throws -> Variable {
        let z = try (x - loc) / scale
        let half = try (df + 1) * 0.5
        let normaliser = try half.lgamma() - (df * 0.5).lgamma() - (df * Double.pi).log() * 0.5 - scale.log()
        return try normaliser - half * (z * z / df).log1p()
    }

    /// loc where df > 1; inf otherwise, SciPy's convention where the mean does not exist.
    public func mean() throws -> Variable {
        let defined = try Tensor.greater(df.value, Tensor(1.0))
        return try Variable.where(defined, loc, Variable(Double.infinity))
    }

    /// scale²·df/(df − 2) where df > 2, inf for 1 < df ≤ 2, NaN for df ≤ 1 (as SciPy).
    public func variance() throws -> Variable {
        let finite = try Tensor.greater(df.value, Tensor(2.0))
        let infinite = try Tensor.logicalAnd(try Tensor.greater(df.value, Tensor(1.0)), finite.logicalNot())
        let safeDf = try Variable.where(finite, df, Variable(3.0))
        let value = try scale * scale * safeDf / (safeDf - 2)
        return try Variable.where(
            finite, value, Variable.where(infinite, Variable(Double.infinity), Variable(Double.nan)))
    }

    public func entropy() throws -> Variable {
        let half = try (df + 1) * 0.5
        return try half * (half.digamma() - (df * 0.5).digamma()) + df.log() * 0.5
            + betaln(df * 0.5, Variable(0.5)) + scale.log()
    }

    /// loc + scale·`rng.standard_t(df, shape + batchShape)`.
    public func sample(_ rng: Generator, _ shape: [Int]) throws -> Tensor {
        try rsample(rng, shape).value
    }

    /// loc + scale·t with t drawn by `standard_t`: reparameterised in loc and scale; the draw
    /// itself is not differentiated with respect to df (its gradient there is zero).
    public func rsample(_ rng: Generator, _ shape: [Int]) throws -> Variable {
        let t = try rng.standardT(
            df: df.value, size: try Parameters.sampleShape(shape, batchShape, op: "StudentT.sample"))
        return try loc + scale * Variable(t)
    }
}
