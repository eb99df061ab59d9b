import Glibc
import KisoTensor

/// The Poisson distribution with mean `rate` ≥ 0, over the counts 0, 1, 2, ….
public struct Poisson: Distribution {
    public let rate: Variable
    public let batchShape: [Int]
    public var name: String { "Poisson" }
    public var eventShape: [Int] { [] }
    public var parameters: [(name: String, value: Variable)] { [("rate", rate)] }

    /// Throws when a rate is negative or NaN.
    public init(rate: Variable) throws {
        let (values, shape) = try Parameters.broadcast([rate], op: "Poisson")
        try Parameters.require(values[0], "rate", op: "Poisson", "0 or more") { $0 >= 0 }
        self.rate = values[0]
        batchShape = shape
    }

    /// k·log λ − λ − log k! for whole k ≥ 0; −inf elsewhere (SciPy's `logpmf`).
    public func logProb(_ x: Variable) throws -> Variable {
        let count = x.value
        let valid = try Tensor.logicalAnd(
            try Tensor.greaterEqual(count, Tensor(0.0)), try Tensor.equal(count, count.floor()))
        let safeK = Variable(try Tensor.where(valid, count, Tensor(0.0)))
        let value = try xlogy(safeK, rate) - rate - (safeK + 1).lgamma()
        return try Variable.where(valid, value, Variable(-Double.infinity))
    }

    public func mean() throws -> Variable { rate }
    public func variance() throws -> Variable { rate }

    /// −Σ p(k) log p(k), summed over the counts that carry mass (λ ± 40√λ); for λ above 10⁶ the
    /// asymptotic ½log(2πeλ) − 1/(12λ) − 1/(24λ²) − 19/(360λ³) is exact to double precision.
    public func entropy() throws -> Variable {
        let rates = rate.value.scalars
        var columns: [Variable] = []
        let flat = try rate.reshaped([-1])
        for (i, lam) in rates.enumerated() {
            let one = try flat.subscripted([.int(i)])
            if lam == 0 {
                columns.append(Variable(0.0))
            } else if lam > 1e6 {
                let inverse = try 1 / one
                columns.append(
                    try (one * (2 * Double.pi * M_E)).log() * 0.5 - inverse / 12 - inverse * inverse / 24
                        - inverse * inverse * inverse * (19.0 / 360))
            } else {
                let spread = 40 * lam.squareRoot() + 40
                let low = Swift.max(0, (lam - spread).rounded(.down))
                let high = (lam + spread).rounded(.up)
                let ks = Variable(try Tensor.arange(low, high + 1))
                let logP = try xlogy(ks, one) - one - (ks + 1).lgamma()
                columns.append(try (logP.exp() * logP).sum().negated())
            }
        }
        if columns.isEmpty { return Variable(try Tensor.full(batchShape, value: 0)) }
        return try Variable.stack(columns).reshaped(batchShape)
    }

    /// `rng.poisson(rate, shape + batchShape)` (int64).
    public func sample(_ rng: Generator, _ shape: [Int]) throws -> Tensor {
        try rng.poisson(lam: rate.value, size: try Parameters.sampleShape(shape, batchShape, op: "Poisson.sample"))
    }
}
