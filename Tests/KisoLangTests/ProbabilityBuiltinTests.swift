import KisoLang
import Testing

/// The distributions as Kiso objects: construction, members, printing, gradients through
/// log_prob, rsample and kl_divergence, and the errors a learner meets.
@Suite("Probability builtins")
struct ProbabilityBuiltinTests {
    @Test func objectsPrintAndAnswer() {
        #expect(eval("Normal(0.5, 2.5)") == "Normal(loc=0.5, scale=2.5)")
        #expect(eval("type(Beta(2, 5))") == "'Beta'")
        #expect(eval("Normal([0, 1], 2)") == "Normal(loc: (2,), scale: (2,))")
        #expect(eval("Normal([0, 1], 2).batch_shape") == "(2,)")
        #expect(eval("Beta(2, 6).mean") == "0.25")
        #expect(eval("Poisson(4).stddev") == "2.0")
        #expect(eval("Bernoulli(logits=0).pmf(1)") == "0.5")
        #expect(eval("Categorical([1, 1, 2]).log_prob(2)") == "-0.6931471805599453")
        #expect(eval("Uniform(0, 4).cdf([1, 5])") == "[0.25 1.  ]")
        #expect(eval("mc_mean([1.0, 2.0, 3.0, 4.0])") == "(2.5, 0.6454972243679028)")
        #expect(eval("kl_normal([0.0, 0.0], [0.0, 0.0])") == "0.0")
    }

    @Test func samplesComeFromTheGenerator() {
        let harness = Harness()
        let sampled = harness.run("Gamma(2, 4).sample(default_rng(3), [4])")
        #expect(sampled == harness.run("default_rng(3).gamma(2, 0.25, [4])"))
        #expect(harness.run("Normal(0, 1).sample(default_rng(0), [2, 3]).shape") == "(2, 3)")
        #expect(harness.run("MultivariateNormal([0, 0], [[1, 0], [0, 1]]).sample(default_rng(0), 5).shape") == "(5, 2)")
    }

    @Test func gradientsReachTheParameters() {
        // d/dμ log N(1; μ, σ) = (1 − μ)/σ², d/dσ = −1/σ + (1 − μ)²/σ³.
        #expect(eval("grad((m, s) -> Normal(m, s).log_prob(1.0), argnums=[0, 1])(0.0, 2.0)") == "(0.25, -0.375)")
        // Each of 5 reparameterised draws moves one-for-one with loc.
        #expect(eval("grad(m -> 0.5 * sum(Normal(m, 1.0).rsample(default_rng(1), [5])))(0.5)") == "2.5")
        // d/dμ KL(N(μ, 1) ‖ N(0, 1)) = μ.
        #expect(eval("grad(m -> kl_divergence(Normal(m, 1), Normal(0, 1)))(0.7)") == "0.7")
        #expect(eval("grad(x -> lgamma(x))(1.0)") == eval("digamma(1.0)"))
        #expect(eval("grad(w -> iwae_bound(w))([0.0, 0.0])") == "[0.5 0.5]")
    }

    @Test func mistakesAreExplained() {
        let harness = Harness()
        #expect(harness.error("Normal(0, 0)").contains("Normal: scale must be positive, got 0.0"))
        #expect(
            harness.error("Beta(2, 3).rsample(default_rng(0))").contains(
                "Beta.rsample: the Beta distribution has no reparameterised sampler"))
        #expect(harness.error("Gamma(2, 1).cdf(1)").contains("Gamma.cdf"))
        #expect(
            harness.error("MultivariateNormal([0], [[1]], scale_tril=[[1]])").contains(
                "exactly one of cov and scale_tril"))
        #expect(
            harness.error("kl_divergence(Normal(0, 1), Beta(1, 1))").contains("no closed form for KL(Normal ‖ Beta)"))
        #expect(harness.error("kl_divergence(1, Normal(0, 1))").contains("a distribution"))
        #expect(harness.error("Bernoulli()").contains("exactly one of probs and logits"))
    }
}
