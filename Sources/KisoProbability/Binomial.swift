import KisoTensor

/// The binomial distribution: successes in `totalCount` trials of probability `probs`.
public struct Binomial: Distribution {
    public let totalCount: Variable
    public let probs: Variable
    public let batchShape: [Int]
    public var name: String { "Binomial" }
    public var eventShape: [Int] { [] }
    public var parameters: [(name: String, value: Variable)] { [("n", totalCount), ("p", probs)] }

    /// Throws when n is not a whole number ≥ 0 or p is outside [0, 1].
    public init(totalCount: Variable, probs: Variable) throws {
        let (values, shape) = try Parameters.broadcast([totalCount.detached, probs], op: "Binomial")
        try Parameters.require(values[0], "n", op: "Binomial", "a whole number ≥ 0") {
            $0 >= 0 && $0 == $0.rounded(.down) && $0 < 1e15
        }
        try Parameters.require(values[1], "p", op: "Binomial", "in [0, 1]") { $0 >= 0 && $0 <= 1 }
        self.totalCount = values[0]
        self.probs = values[1]
        batchShape = shape
    }

    /// log C(n, k) + k·log p + (n − k)·log(1 − p) for whole 0 ≤ k ≤ n; −inf elsewhere.
    public func logProb(_ x: Variable) throws -> Variable {
        let k = x.value
        let n = totalCount.value
        let valid = try Tensor.logicalAnd(
            try Tensor.logicalAnd(try Tensor.greaterEqual(k, Tensor(0.0)), try Tensor.lessEqual(k, n)),
            try Tensor.equal(k, k.floor()))
        let safeK = Variable(try Tensor.where(valid, k, Tensor(0.0)))
        let rest = try totalCount - safeK
        let choose = try (totalCount + 1).lgamma() - (safeK + 1).lgamma() - (rest + 1).lgamma()
        let value = try choose + xlogy(safeK, probs) + xlog1py(rest, probs.negated())
        return try Variable.where(valid, value, Variable(-Double.infinity))
    }

    public func mean() throws -> Variable { try totalCount * probs }
    public func variance() throws -> Variable { try totalCount * probs * (1 - probs) }

    /// −Σ p(k) log p(k) over k = 0 … n (n up to 10⁶).
    public func entropy() throws -> Variable {
        let counts = totalCount.value.scalars
        if let large = counts.first(where: { $0 > 1e6 }) {
            throw TensorError(
                .value, "Binomial.entropy: n = \(large) is too large to sum over",
                hint: "use n ≤ 1e6, or the normal approximation ½·log(2πe·np(1−p))")
        }
        let flatP = try probs.reshaped([-1])
        var columns: [Variable] = []
        for (i, n) in counts.enumerated() {
            let p = try flatP.subscripted([.int(i)])
            let single = try Binomial(totalCount: Variable(n), probs: p)
            let logP = try single.logProb(Variable(try Tensor.arange(0, n + 1)))
            let terms = try Variable.where(
                try Tensor.equal(logP.value, Tensor(-Double.infinity)), Variable(0.0), logP.exp() * logP)
            columns.append(try terms.sum().negated())
        }
        if columns.isEmpty { return Variable(try Tensor.full(batchShape, value: 0)) }
        return try Variable.stack(columns).reshaped(batchShape)
    }

    /// `rng.binomial(n, p, shape + batchShape)` (int64).
    public func sample(_ rng: Generator, _ shape: [Int]) throws -> Tensor {
        try rng.binomial(
            n: totalCount.value, p: probs.value,
            size: try Parameters.sampleShape(shape, batchShape, op: "Binomial.sample"))
    }
}
