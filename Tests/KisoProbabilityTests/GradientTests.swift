import KisoProbability
import KisoTensor
import Testing

/// Reverse-mode gradients against central differences: every special function, every
/// reparameterised sampler (the same noise in every evaluation, from a freshly seeded
/// Generator) and every closed-form KL divergence, with respect to every parameter.
@Suite("Probability gradients")
struct GradientTests {
    func check(_ label: String, _ at: [Tensor], _ f: @escaping ([Variable]) throws -> Variable) throws {
        let result = try gradientCheck(of: f, at: at)
        #expect(result.passed, "\(label): \(result.description)")
        #expect(result.elementCount > 0, "\(label): nothing checked")
    }

    @Test func specialFunctions() throws {
        let positive = Tensor([0.3, 1.0, 2.5, 12.0])
        try check("lgamma", [positive]) { try $0[0].lgamma().sum() }
        try check("digamma", [positive]) { try $0[0].digamma().sum() }
        try check("trigamma", [positive]) { try $0[0].polygamma(1).sum() }
        try check("log_ndtr", [Tensor([-30.0, -19.5, -3.0, 0.0, 2.0, 7.0])]) { try $0[0].logNdtr().sum() }
        try check("log1mexp", [Tensor([1e-3, 0.5, 0.9, 3.0])]) { try $0[0].log1mexp().sum() }
        try check("betaln", [positive, Tensor([2.0, 0.5, 4.0, 1.5])]) { try betaln($0[0], $0[1]).sum() }
        try check("logaddexp", [Tensor([0.0, -1000.0, 3.0]), Tensor([1.0, -1001.0, -4.0])]) {
            try logaddexp($0[0], $0[1]).sum()
        }
        try check("xlogy", [Tensor([0.5, 2.0]), Tensor([0.3, 4.0])]) { try xlogy($0[0], $0[1]).sum() }
        // Second derivative of lgamma through digamma's own pullback: d²/dx² log Γ = ψ₁.
        try check("digamma via grad of lgamma", [positive]) { x in
            let inner = try gradient(of: { try $0[0].lgamma().sum() }, at: [x[0]])
            return try inner[0].sin().sum()
        }
    }

    /// Σ sin(rsample) so that the gradient depends on the draw and on every parameter.
    func rsampleCheck(_ label: String, _ at: [Tensor], _ make: @escaping ([Variable]) throws -> Distribution) throws {
        try check("\(label).rsample", at) { p in
            let draws = try make(p).rsample(try Generator(seed: 11), [4])
            return try draws.sin().sum()
        }
    }

    @Test func reparameterisedSamples() throws {
        try rsampleCheck("Normal", [Tensor([0.5, -1.0]), Tensor([1.5, 0.2])]) {
            try Normal(loc: $0[0], scale: $0[1])
        }
        try rsampleCheck("Uniform", [Tensor([0.0, -2.0]), Tensor([1.0, 3.0])]) {
            try Uniform(low: $0[0], high: $0[1])
        }
        try rsampleCheck("Laplace", [Tensor([0.3]), Tensor([0.7])]) { try Laplace(loc: $0[0], scale: $0[1]) }
        try rsampleCheck("StudentT", [Tensor([0.3]), Tensor([0.7])]) {
            try StudentT(df: Variable(4.0), loc: $0[0], scale: $0[1])
        }
        let cov = try Tensor(shape: [2, 2], scalars: [2.0, 0.3, 0.3, 1.0])
        try rsampleCheck("MultivariateNormal", [Tensor([1.0, -1.0]), cov]) {
            try MultivariateNormal(mean: $0[0], cov: $0[1])
        }
        let covs = try Tensor(shape: [2, 2, 2], scalars: [2.0, 0.3, 0.3, 1.0, 1.0, -0.4, -0.4, 0.5])
        try rsampleCheck("batched MultivariateNormal", [Tensor([1.0, -1.0]), covs]) {
            try MultivariateNormal(mean: $0[0], cov: $0[1])
        }
    }

    @Test func closedFormKL() throws {
        try check("KL Normal", [Tensor([0.2, 1.0]), Tensor([0.5, 2.0]), Tensor([-1.0, 0.0]), Tensor([1.5, 0.3])]) { p in
            try klDivergence(try Normal(loc: p[0], scale: p[1]), try Normal(loc: p[2], scale: p[3])).sum()
        }
        let c1 = try Tensor(shape: [2, 2], scalars: [2.0, 0.3, 0.3, 1.0])
        let c2 = try Tensor(shape: [2, 2], scalars: [1.0, -0.2, -0.2, 0.5])
        try check("KL MultivariateNormal", [Tensor([1.0, -1.0]), c1, Tensor([0.0, 0.5]), c2]) { p in
            try klDivergence(
                try MultivariateNormal(mean: p[0], cov: p[1]), try MultivariateNormal(mean: p[2], cov: p[3]))
        }
        let covs = try Tensor(shape: [2, 2, 2], scalars: [2.0, 0.3, 0.3, 1.0, 1.0, -0.4, -0.4, 0.5])
        let means = try Tensor(shape: [3, 1, 2], scalars: [1.0, -1.0, 0.2, 0.4, -0.3, 0.0])
        try check("KL batched MultivariateNormal", [means, covs, Tensor([0.0, 0.5]), c2]) { p in
            try klDivergence(
                try MultivariateNormal(mean: p[0], cov: p[1]), try MultivariateNormal(mean: p[2], cov: p[3])
            ).sum()
        }
        try check("KL Bernoulli", [Tensor([0.3, 0.9]), Tensor([0.6, 0.2])]) { p in
            try klDivergence(try Bernoulli(probs: p[0]), try Bernoulli(probs: p[1])).sum()
        }
        try check("KL Categorical", [Tensor([0.2, 1.0, -0.5]), Tensor([0.1, 0.1, 2.0])]) { p in
            try klDivergence(try Categorical(logits: p[0]), try Categorical(logits: p[1])).sum()
        }
        try check("KL Beta", [Tensor([2.0, 0.5]), Tensor([3.0, 0.7]), Tensor([1.0, 3.0]), Tensor([1.5, 2.0])]) { p in
            try klDivergence(try Beta(a: p[0], b: p[1]), try Beta(a: p[2], b: p[3])).sum()
        }
        try check("KL Gamma", [Tensor([2.0, 0.7]), Tensor([1.0, 0.5]), Tensor([3.0, 1.5]), Tensor([2.0, 1.0])]) { p in
            try klDivergence(
                try Gamma(concentration: p[0], rate: p[1]), try Gamma(concentration: p[2], rate: p[3])
            ).sum()
        }
        try check("kl_normal", [Tensor([0.3, -0.2]), Tensor([0.1, -0.5]), Tensor([1.0, 0.0]), Tensor([0.2, 0.4])]) {
            p in
            try klNormal(p[0], p[1], p[2], p[3])
        }
    }

    @Test func logProbGradients() throws {
        try check("Gamma.log_prob", [Tensor([2.0]), Tensor([3.0])]) { p in
            try Gamma(concentration: p[0], rate: p[1]).logProb(Variable(Tensor([0.5, 2.0]))).sum()
        }
        try check("Beta.log_prob", [Tensor([2.0]), Tensor([3.0])]) { p in
            try Beta(a: p[0], b: p[1]).logProb(Variable(Tensor([0.2, 0.7]))).sum()
        }
        try check("StudentT.log_prob", [Tensor([3.0]), Tensor([0.5]), Tensor([2.0])]) { p in
            try StudentT(df: p[0], loc: p[1], scale: p[2]).logProb(Variable(Tensor([-1.0, 4.0]))).sum()
        }
        // A probability of 0 or 1 gives finite gradients where the likelihood is finite.
        let bernoulli = try gradient(
            of: { p in try Bernoulli(probs: p[0]).logProb(Variable(Tensor([0.0, 1.0]))).sum() },
            at: [Tensor([0.0, 1.0])])
        #expect(bernoulli[0].scalars == [-1.0, 1.0])
    }
}
