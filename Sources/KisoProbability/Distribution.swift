import Glibc
import KisoTensor

/// A probability distribution over tensors, in the manner of `torch.distributions`: parameters
/// broadcast together into a batch of independent distributions (`batchShape`), each over
/// events of `eventShape` (empty for scalar distributions, `[d]` for a d-dimensional normal).
///
/// Parameters are `Variable`s, so every density, moment, entropy and reparameterised sample is
/// differentiable with respect to them.
public protocol Distribution {
    /// The family's name: `Normal`, `Categorical`, ….
    var name: String { get }
    /// The parameters by name, broadcast to the batch shape, as the distribution shows them.
    var parameters: [(name: String, value: Variable)] { get }
    /// The shape of the batch of distributions.
    var batchShape: [Int] { get }
    /// The shape of one event (one draw of one distribution in the batch).
    var eventShape: [Int] { get }
    /// The log density (or log mass) of `x`, whose trailing dimensions are the event shape and
    /// whose leading ones broadcast against the batch; −inf outside the support.
    func logProb(_ x: Variable) throws -> Variable
    /// P(X ≤ x), where the family has a closed form; throws otherwise.
    func cdf(_ x: Variable) throws -> Variable
    /// The mean of each distribution in the batch.
    func mean() throws -> Variable
    /// The variance of each distribution in the batch (per component for vector events).
    func variance() throws -> Variable
    /// The entropy of each distribution in the batch, in nats.
    func entropy() throws -> Variable
    /// Draws of shape `shape + batchShape + eventShape` from `rng`, as NumPy's `Generator`
    /// method for the family draws them.
    func sample(_ rng: Generator, _ shape: [Int]) throws -> Tensor
    /// Reparameterised draws, differentiable in the parameters: a fixed transformation of
    /// parameter-free noise. Throws for families without one.
    func rsample(_ rng: Generator, _ shape: [Int]) throws -> Variable
}

extension Distribution {
    public func cdf(_ x: Variable) throws -> Variable {
        throw TensorError(
            .value, "\(name).cdf: the \(name) distribution has no closed-form cdf in Kiso",
            hint: "estimate it by sampling, e.g. mean(d.sample(rng, [10000]) <= x)")
    }

    public func rsample(_ rng: Generator, _ shape: [Int]) throws -> Variable {
        throw TensorError(
            .value, "\(name).rsample: the \(name) distribution has no reparameterised sampler",
            hint:
                "use sample(rng, shape) and a score-function (REINFORCE) estimator: grad of log_prob(sample) times the objective"
        )
    }

    /// The density (or mass) of `x`: exp(log_prob(x)).
    public func prob(_ x: Variable) throws -> Variable { try logProb(x).exp() }
}

/// Argument checks and broadcasting shared by the families.
enum Parameters {
    /// The parameters broadcast to their common shape (the batch shape), as torch's
    /// `broadcast_all` does; float64.
    static func broadcast(_ values: [Variable], op: String) throws -> (values: [Variable], shape: [Int]) {
        var shape: [Int] = []
        for value in values {
            shape = try Tensor.broadcastShapes(shape, value.shape, op: op)
        }
        let broadcast = try values.map { value -> Variable in
            let float = value.dtype == .float64 ? value : Variable(value.value.cast(to: .float64))
            return float.shape == shape ? float : try float.broadcast(to: shape)
        }
        return (broadcast, shape)
    }

    /// Throws unless every element of `value` satisfies `valid`.
    static func require(
        _ value: Variable, _ name: String, op: String, _ rule: String, _ valid: (Double) -> Bool
    ) throws {
        if let bad = value.value.scalars.first(where: { !valid($0) }) {
            throw TensorError(
                .value, "\(op): \(name) must be \(rule), got \(bad)",
                hint: "pass \(name) with every element \(rule)")
        }
    }

    /// The shape of `count` draws from a batch: `shape + batchShape + eventShape`.
    static func sampleShape(_ shape: [Int], _ batch: [Int], _ event: [Int] = [], op: String) throws -> [Int] {
        if let negative = shape.first(where: { $0 < 0 }) {
            throw TensorError(
                .value, "\(op): sample shape has the negative size \(negative)", hint: "sizes must be 0 or more")
        }
        let full = shape + batch + event
        var count = 1
        for size in full {
            let (product, overflow) = count.multipliedReportingOverflow(by: size)
            guard !overflow, product <= 1 << 40 else {
                throw TensorError(
                    .memory, "\(op): a sample of shape \(full) is too large", hint: "ask for fewer draws")
            }
            count = product
        }
        return full
    }

    /// A constant filled with `value`, of `shape`.
    static func constant(_ value: Double, _ shape: [Int]) throws -> Variable {
        Variable(try Tensor.full(shape, value: value))
    }

    /// log(2π).
    static let logTwoPi = log(2 * Double.pi)
}
