import KisoProbability
import KisoTensor

/// A Kiso object holding a distribution from KisoProbability. Each family is its own object
/// type (`type(Normal(0, 1))` is `Normal`), declared once by `DistributionFamily.declare`.
final class DistributionObject<Family: DistributionFamily>: KisoObject, DistributionHolder {
    let distribution: any Distribution

    init(_ distribution: any Distribution) { self.distribution = distribution }

    static var objectType: ObjectType { Family.objectType }
}

/// What every distribution object offers its members: the distribution it holds.
protocol DistributionHolder: AnyObject {
    var distribution: any Distribution { get }
}

/// One distribution family as the language sees it: its object type.
protocol DistributionFamily {
    static var objectType: ObjectType { get }
}

extension DistributionFamily {
    /// The object type of the family `name`, with `parameters` as attributes and the members
    /// every distribution has.
    static func declare(
        _ name: String, parameters: [String], discrete: Bool, doc: String, example: String, point: String? = nil
    ) -> ObjectType {
        ObjectType(name, of: DistributionObject<Self>.self, receiver: "d", doc: doc, example: example) { t in
            t.declareDistributionMembers(
                parameters: parameters, discrete: discrete, example: example, point: point ?? (discrete ? "1" : "0.5"))
        }
    }
}

enum NormalFamily: DistributionFamily {
    static let objectType = declare(
        "Normal", parameters: ["loc", "scale"], discrete: false,
        doc: "The normal distribution N(loc, scale²).", example: "d = Normal(0, 1)")
}
enum MultivariateNormalFamily: DistributionFamily {
    static let objectType = declare(
        "MultivariateNormal", parameters: ["loc", "covariance_matrix", "scale_tril"], discrete: false,
        doc: "The normal distribution over vectors with mean and covariance (through its Cholesky factor).",
        example: "d = MultivariateNormal([0, 0], [[1, 0.5], [0.5, 2]])", point: "[0.5, 0.5]")
}
enum BernoulliFamily: DistributionFamily {
    static let objectType = declare(
        "Bernoulli", parameters: ["probs"], discrete: true, doc: "0 or 1, with P(1) = probs (or sigmoid(logits)).",
        example: "d = Bernoulli(0.3)")
}
enum CategoricalFamily: DistributionFamily {
    static let objectType = declare(
        "Categorical", parameters: ["probs"], discrete: true,
        doc: "One of 0 … k−1, with probabilities along the last axis (or softmax(logits)).",
        example: "d = Categorical([0.2, 0.3, 0.5])")
}
enum BinomialFamily: DistributionFamily {
    static let objectType = declare(
        "Binomial", parameters: ["n", "p"], discrete: true, doc: "Successes in n trials of probability p.",
        example: "d = Binomial(10, 0.3)")
}
enum PoissonFamily: DistributionFamily {
    static let objectType = declare(
        "Poisson", parameters: ["rate"], discrete: true, doc: "Counts with mean rate.", example: "d = Poisson(3.5)")
}
enum BetaFamily: DistributionFamily {
    static let objectType = declare(
        "Beta", parameters: ["a", "b"], discrete: false, doc: "The beta distribution on [0, 1].",
        example: "d = Beta(2, 5)")
}
enum GammaFamily: DistributionFamily {
    static let objectType = declare(
        "Gamma", parameters: ["shape", "rate"], discrete: false,
        doc: "The gamma distribution with a shape and a rate (mean shape/rate).", example: "d = Gamma(2, 3)")
}
enum UniformFamily: DistributionFamily {
    static let objectType = declare(
        "Uniform", parameters: ["low", "high"], discrete: false, doc: "The uniform distribution on [low, high).",
        example: "d = Uniform(0, 2)")
}
enum StudentTFamily: DistributionFamily {
    static let objectType = declare(
        "StudentT", parameters: ["df", "loc", "scale"], discrete: false,
        doc: "Student's t with df degrees of freedom, shifted by loc and scaled by scale.",
        example: "d = StudentT(3)")
}
enum LaplaceFamily: DistributionFamily {
    static let objectType = declare(
        "Laplace", parameters: ["loc", "scale"], discrete: false,
        doc: "The Laplace (double exponential) distribution.", example: "d = Laplace(0, 1)")
}

extension ObjectMembers where Object: DistributionHolder {
    /// The members every distribution has; `parameters` become attributes.
    mutating func declareDistributionMembers(
        parameters: [String], discrete: Bool, example: String, point: String
    ) {
        text { object in
            let d = object.distribution
            let shown = d.parameters.map { describeParameter($0.name, $0.value) }
            return "\(d.name)(" + shown.joined(separator: ", ") + ")"
        }
        for parameter in parameters {
            attribute(
                parameter, doc: "The parameter \(parameter), broadcast to the batch shape.",
                example: "\(example); d.\(parameter)"
            ) {
                object in
                try distributionParameter(object.distribution, parameter)
            }
        }
        attribute("mean", doc: "The mean of each distribution in the batch.", example: "\(example); d.mean") {
            .traced(try $0.distribution.mean())
        }
        attribute("variance", doc: "The variance of each distribution in the batch.", example: "\(example); d.variance")
        {
            .traced(try $0.distribution.variance())
        }
        attribute("stddev", doc: "The standard deviation, √variance.", example: "\(example); d.stddev") {
            .traced(try $0.distribution.variance().sqrt())
        }
        attribute("batch_shape", doc: "The shape of the batch of distributions.", example: "\(example); d.batch_shape")
        {
            .tuple($0.distribution.batchShape.map { .int($0) })
        }
        attribute(
            "event_shape", doc: "The shape of one draw of one distribution.", example: "\(example); d.event_shape"
        ) {
            .tuple($0.distribution.eventShape.map { .int($0) })
        }
        let x = param("x", .tensor)
        method(
            "log_prob", [x], doc: "log p(x): the log density (log mass for counts); −inf outside the support.",
            example: "\(example); d.log_prob(\(point))", grad: .tracedByBody
        ) { object, a in .traced(try object.distribution.logProb(try a.variable("x"))) }
        method(
            discrete ? "pmf" : "pdf", [x], doc: "p(x) = exp(log_prob(x)).",
            example: "\(example); d.\(discrete ? "pmf" : "pdf")(\(point))",
            grad: .tracedByBody
        ) { object, a in .traced(try object.distribution.prob(try a.variable("x"))) }
        method(
            "prob", [x], doc: "p(x) = exp(log_prob(x)), for any family.", example: "\(example); d.prob(\(point))",
            grad: .tracedByBody
        ) { object, a in .traced(try object.distribution.prob(try a.variable("x"))) }
        method(
            "cdf", [x], doc: "P(X ≤ x), where the family has a closed form (Normal, Uniform, Laplace, Bernoulli).",
            example: "Normal(0, 1).cdf(1.96)", grad: .tracedByBody
        ) { object, a in .traced(try object.distribution.cdf(try a.variable("x"))) }
        method(
            "entropy", [], doc: "The entropy of each distribution in the batch, in nats.",
            example: "\(example); d.entropy()", grad: .tracedByBody
        ) { object, _ in .traced(try object.distribution.entropy()) }
        let sampling = [param("rng", .object("Generator")), param("shape", .shape, .list([]))]
        method(
            "sample", sampling,
            doc:
                "Draws of shape shape + batch_shape + event_shape from the Generator rng (NumPy's sampler); no gradient.",
            example: "\(example); d.sample(default_rng(0), [3])"
        ) { object, a in
            let rng = try a.object("rng", as: KisoTensor.Generator.self)
            return .tensor(try object.distribution.sample(rng, try a.shape("shape")))
        }
        method(
            "rsample", sampling,
            doc:
                "Reparameterised draws (a fixed transform of noise from rng): grad flows into the parameters. Normal, MultivariateNormal, Uniform, Laplace, StudentT (loc, scale).",
            example: "Normal(0, 1).rsample(default_rng(0), [3])", grad: .tracedByBody
        ) { object, a in
            let rng = try a.object("rng", as: KisoTensor.Generator.self)
            return .traced(try object.distribution.rsample(rng, try a.shape("shape")))
        }
    }
}

/// A parameter for the object's text: `name=value` when it is one number, else `name: shape`
/// (as torch prints distributions).
private func describeParameter(_ name: String, _ v: Variable) -> String {
    if v.count == 1 && v.rank == 0 { return "\(name)=" + Value.number(v.value.scalars[0]).repr }
    return "\(name): (" + v.shape.map(String.init).joined(separator: ", ") + (v.rank == 1 ? ",)" : ")")
}

/// The attribute `name` of a distribution.
private func distributionParameter(_ d: any Distribution, _ name: String) throws -> Value {
    if let mvn = d as? MultivariateNormal {
        switch name {
        case "loc": return .traced(mvn.loc)
        case "covariance_matrix": return .traced(mvn.covariance)
        default: return .traced(mvn.scaleTril)
        }
    }
    guard let value = d.parameters.first(where: { $0.name == name })?.value else { return .none }
    return .traced(value)
}

extension Registry {
    func registerProbability() {
        section("Probability")
        register(DistributionObject<NormalFamily>.self)
        register(DistributionObject<MultivariateNormalFamily>.self)
        register(DistributionObject<BernoulliFamily>.self)
        register(DistributionObject<CategoricalFamily>.self)
        register(DistributionObject<BinomialFamily>.self)
        register(DistributionObject<PoissonFamily>.self)
        register(DistributionObject<BetaFamily>.self)
        register(DistributionObject<GammaFamily>.self)
        register(DistributionObject<UniformFamily>.self)
        register(DistributionObject<StudentTFamily>.self)
        register(DistributionObject<LaplaceFamily>.self)

        func family<F: DistributionFamily>(_ f: F.Type, _ d: any Distribution) -> Value {
            .object(DistributionObject<F>(d))
        }
        add(
            "Normal", [param("loc", .tensor, .int(0)), param("scale", .tensor, .int(1))],
            doc: "A normal distribution N(loc, scale²); parameters broadcast into a batch.",
            example: "Normal(0, 1).log_prob(0.5)",
            grad: .tracedByBody
        ) { a in family(NormalFamily.self, try Normal(loc: try a.variable("loc"), scale: try a.variable("scale"))) }
        add(
            "MultivariateNormal",
            [param("mean", .tensor), param("cov", .tensor, .none), param("scale_tril", .tensor, .none)],
            doc: "A normal distribution over vectors, from a covariance cov or its Cholesky factor scale_tril; batches of either broadcast.",
            example: "MultivariateNormal([0, 0], [[1, 0.5], [0.5, 2]]).entropy()", grad: .tracedByBody
        ) { a in
            let mean = try a.variable("mean")
            switch (try a.optionalVariable("cov"), try a.optionalVariable("scale_tril")) {
            case (let cov?, nil):
                return family(MultivariateNormalFamily.self, try MultivariateNormal(mean: mean, cov: cov))
            case (nil, let tril?):
                return family(MultivariateNormalFamily.self, try MultivariateNormal(mean: mean, scaleTril: tril))
            default:
                throw KisoError(
                    .argument, "`MultivariateNormal` needs exactly one of cov and scale_tril", span: a.span,
                    hint: "MultivariateNormal(mean, cov) or MultivariateNormal(mean, scale_tril=L)")
            }
        }
        add(
            "Bernoulli", [param("probs", .tensor, .none), param("logits", .tensor, .none)],
            doc: "0 or 1 with P(1) = probs, or sigmoid(logits).", example: "Bernoulli(0.3).log_prob(1)",
            grad: .tracedByBody
        ) { a in
            switch (try a.optionalVariable("probs"), try a.optionalVariable("logits")) {
            case (let p?, nil): return family(BernoulliFamily.self, try Bernoulli(probs: p))
            case (nil, let l?): return family(BernoulliFamily.self, try Bernoulli(logits: l))
            default:
                throw KisoError(
                    .argument, "`Bernoulli` needs exactly one of probs and logits", span: a.span,
                    hint: "Bernoulli(0.3) or Bernoulli(logits=-0.8)")
            }
        }
        add(
            "Categorical", [param("probs", .tensor, .none), param("logits", .tensor, .none)],
            doc: "One of 0 … k−1: probabilities (normalised) along the last axis, or logits.",
            example: "Categorical([0.2, 0.3, 0.5]).entropy()", grad: .tracedByBody
        ) { a in
            switch (try a.optionalVariable("probs"), try a.optionalVariable("logits")) {
            case (let p?, nil): return family(CategoricalFamily.self, try Categorical(probs: p))
            case (nil, let l?): return family(CategoricalFamily.self, try Categorical(logits: l))
            default:
                throw KisoError(
                    .argument, "`Categorical` needs exactly one of probs and logits", span: a.span,
                    hint: "Categorical([0.2, 0.8]) or Categorical(logits=[0.0, 1.4])")
            }
        }
        add(
            "Binomial", [param("n", .tensor), param("p", .tensor)], doc: "Successes in n trials of probability p.",
            example: "Binomial(10, 0.3).log_prob(3)", grad: .tracedByBody
        ) { a in family(BinomialFamily.self, try Binomial(totalCount: try a.variable("n"), probs: try a.variable("p")))
        }
        add(
            "Poisson", [param("rate", .tensor)], doc: "Counts with mean rate.", example: "Poisson(3.5).log_prob(2)",
            grad: .tracedByBody
        ) { a in family(PoissonFamily.self, try Poisson(rate: try a.variable("rate"))) }
        add(
            "Beta", [param("a", .tensor), param("b", .tensor)], doc: "The beta distribution on [0, 1].",
            example: "Beta(2, 5).mean", grad: .tracedByBody
        ) { a in family(BetaFamily.self, try Beta(a: try a.variable("a"), b: try a.variable("b"))) }
        add(
            "Gamma", [param("shape", .tensor), param("rate", .tensor, .int(1))],
            doc: "The gamma distribution with a shape and a rate (mean shape/rate).", example: "Gamma(2, 3).variance",
            grad: .tracedByBody
        ) { a in
            family(GammaFamily.self, try Gamma(concentration: try a.variable("shape"), rate: try a.variable("rate")))
        }
        add(
            "Uniform", [param("low", .tensor, .int(0)), param("high", .tensor, .int(1))],
            doc: "The uniform distribution on [low, high).", example: "Uniform(0, 2).cdf(0.5)", grad: .tracedByBody
        ) { a in family(UniformFamily.self, try Uniform(low: try a.variable("low"), high: try a.variable("high"))) }
        add(
            "StudentT", [param("df", .tensor), param("loc", .tensor, .int(0)), param("scale", .tensor, .int(1))],
            doc: "Student's t with df degrees of freedom, shifted and scaled.", example: "StudentT(3).log_prob(1.0)",
            grad: .tracedByBody
        ) { a in
            family(
                StudentTFamily.self,
                try StudentT(df: try a.variable("df"), loc: try a.variable("loc"), scale: try a.variable("scale")))
        }
        add(
            "Laplace", [param("loc", .tensor, .int(0)), param("scale", .tensor, .int(1))],
            doc: "The Laplace (double exponential) distribution.", example: "Laplace(0, 1).entropy()",
            grad: .tracedByBody
        ) { a in family(LaplaceFamily.self, try Laplace(loc: try a.variable("loc"), scale: try a.variable("scale"))) }

        add(
            "kl_divergence", [param("p", .any), param("q", .any)],
            doc: "KL(p ‖ q) in closed form (Normal, MultivariateNormal, Bernoulli, Categorical, Beta, Gamma pairs).",
            example: "kl_divergence(Normal(0, 1), Normal(1, 2))", grad: .tracedByBody
        ) { a in .traced(try klDivergence(try heldDistribution(a, "p"), try heldDistribution(a, "q"))) }
        add(
            "kl_normal",
            [
                param("mu", .tensor), param("logvar", .tensor), param("mu2", .tensor, .int(0)),
                param("logvar2", .tensor, .int(0)),
            ],
            doc: "KL(N(mu, e^logvar) ‖ N(mu2, e^logvar2)) for diagonal Gaussians, summed over the last axis.",
            example: "kl_normal([0.5, -0.2], [0.1, -0.3])", grad: .tracedByBody
        ) { a in
            .traced(
                try klNormal(
                    try a.variable("mu"), try a.variable("logvar"), try a.variable("mu2"), try a.variable("logvar2")))
        }
        add(
            "iwae_bound", [param("log_w", .tensor), param("axis", .int, .int(0))],
            doc: "The importance-weighted bound logsumexp(log_w, axis) − log K, stable for very negative log weights.",
            example: "iwae_bound([[-1000.0, -3.0], [-1001.0, -2.0]])", grad: .tracedByBody
        ) { a in .traced(try iwaeBound(try a.variable("log_w"), axis: try a.int("axis"))) }
        add(
            "mc_mean", [param("samples", .tensor)],
            doc: "A Monte-Carlo estimate over axis 0: (mean, standard error).", example: "mc_mean([1.0, 2.0, 4.0])",
            grad: .detaching
        ) { a in
            let (mean, error) = try mcMean(try a.tensor("samples"))
            return .tuple([scalarOrTensor(mean), scalarOrTensor(error)])
        }
        add(
            "lgamma", [param("x", .tensor)], doc: "log |Γ(x)|.", example: "lgamma(5.0)", grad: .tracedByBody
        ) { a in .traced(try a.variable("x").lgamma()) }
        add(
            "digamma", [param("x", .tensor)], doc: "ψ(x), the derivative of lgamma.", example: "digamma(1.0)",
            grad: .tracedByBody
        ) { a in .traced(try a.variable("x").digamma()) }
        add(
            "log_ndtr", [param("x", .tensor)], doc: "log Φ(x), the log standard normal cdf, accurate in both tails.",
            example: "log_ndtr(-40.0)", grad: .tracedByBody
        ) { a in .traced(try a.variable("x").logNdtr()) }
        add(
            "betaln", [param("a", .tensor), param("b", .tensor)], doc: "log B(a, b), the log beta function.",
            example: "betaln(2, 3)", grad: .tracedByBody
        ) { a in .traced(try KisoProbability.betaln(try a.variable("a"), try a.variable("b"))) }
        add(
            "logaddexp", [param("a", .tensor), param("b", .tensor)], doc: "log(exp(a) + exp(b)) without overflow.",
            example: "logaddexp(-1000.0, -1001.0)", grad: .tracedByBody
        ) { a in .traced(try KisoProbability.logaddexp(try a.variable("a"), try a.variable("b"))) }
        add(
            "log1mexp", [param("x", .tensor)], doc: "log(1 − exp(−x)) for x ≥ 0, without cancellation.",
            example: "log1mexp(1e-10)", grad: .tracedByBody
        ) { a in .traced(try a.variable("x").log1mexp()) }
    }
}

/// A 0-d result as a number, anything else as a tensor.
private func scalarOrTensor(_ t: Tensor) -> Value {
    t.rank == 0 ? .number(t.scalars[0]) : .tensor(t)
}

/// The distribution an argument holds, or an error naming what it is instead.
private func heldDistribution(_ a: Arguments, _ name: String) throws -> any Distribution {
    let value = try a[name]
    guard case .object(let object) = value, let holder = object as? DistributionHolder else {
        throw Convert.mismatch("a distribution", name, value)
    }
    return holder.distribution
}
