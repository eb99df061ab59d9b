import KisoTensor

/// The Bernoulli distribution on {0, 1} with P(1) = `probs`, given as probabilities or as
/// logits (log-odds).
public struct Bernoulli: Distribution {
    public let probs: Variable
    /// The log-odds when the distribution was made from them: log p and log(1 − p) then come from
    /// softplus, without rounding p to 0 or 1.
    let logits: Variable?
    public let batchShape: [Int]
    public var name: String { "Bernoulli" }
    public var eventShape: [Int] { [] }
    public var parameters: [(name: String, value: Variable)] { [("p", probs)] }

    /// From probabilities; throws unless every p is in [0, 1].
    public init(probs: Variable) throws {
        let (values, shape) = try Parameters.broadcast([probs], op: "Bernoulli")
        try Parameters.require(values[0], "p", op: "Bernoulli", "in [0, 1]") { $0 >= 0 && $0 <= 1 }
        self.probs = values[0]
        logits = nil
        batchShape = shape
    }

    /// From logits: p = σ(logits), log p = −softplus(−logits), log(1 − p) = −softplus(logits).
    public init(logits: Variable) throws {
        let (values, shape) = try Parameters.broadcast([logits], op: "Bernoulli")
        try Parameters.require(values[0], "logits", op: "Bernoulli", "not NaN") { !$0.isNaN }
        probs = try values[0].sigmoid()
        self.logits = values[0]
        batchShape = shape
    }

    /// log p at 1, log(1 − p) at 0, −inf elsewhere. From probabilities, each logarithm only sees
    /// p where it is used (1 elsewhere), so p = 0 or 1 gives finite gradients where the
    /// likelihood is finite.
    public func logProb(_ x: Variable) throws -> Variable {
        let one = try Tensor.equal(x.value, Tensor(1.0))
        let zero = try Tensor.equal(x.value, Tensor(0.0))
        let shape = try Tensor.broadcastShapes(x.shape, batchShape)
        let atOne: Variable
        let atZero: Variable
        if let logits {
            let l = try logits.broadcast(to: shape)
            atOne = try l.negated().softplus().negated()
            atZero = try l.softplus().negated()
        } else {
            let p = try probs.broadcast(to: shape)
            atOne = try Variable.where(one, p, Variable(1.0)).log()
            atZero = try Variable.where(zero, p, Variable(0.0)).negated().log1p()
        }
        return try Variable.where(one, atOne, Variable.where(zero, atZero, Variable(-Double.infinity)))
    }

    /// 0 below 0, 1 − p on [0, 1), 1 from 1 on.
    public func cdf(_ x: Variable) throws -> Variable {
        let below = try Tensor.less(x.value, Tensor(0.0))
        let above = try Tensor.greaterEqual(x.value, Tensor(1.0))
        let shape = try Tensor.broadcastShapes(x.shape, batchShape)
        let middle = try (1 - probs).broadcast(to: shape)
        return try Variable.where(below, Variable(0.0), Variable.where(above, Variable(1.0), middle))
    }

    public func mean() throws -> Variable { probs }
    public func variance() throws -> Variable { try probs * (1 - probs) }

    /// −p·log p − (1 − p)·log(1 − p), 0 at p = 0 and p = 1.
    public func entropy() throws -> Variable {
        if let logits {
            // p·softplus(−l) + (1 − p)·softplus(l), finite for every logit.
            return try probs * logits.negated().softplus() + (1 - probs) * logits.softplus()
        }
        let notP = try 1 - probs
        return try (xlogy(probs, probs) + xlogy(notP, notP)).negated()
    }

    /// `rng.random(shape + batchShape) < p`, as int64 zeros and ones.
    public func sample(_ rng: Generator, _ shape: [Int]) throws -> Tensor {
        let u = try rng.random(try Parameters.sampleShape(shape, batchShape, op: "Bernoulli.sample"))
        return try Tensor.less(u, probs.value).cast(to: .int64)
    }
}
