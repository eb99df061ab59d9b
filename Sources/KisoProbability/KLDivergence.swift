import KisoTensor

/// KL(p ‖ q) in closed form, for the pairs in `klTable`; throws for other pairs (estimate those
/// by Monte Carlo: mean of p.log_prob(x) − q.log_prob(x) over x drawn from p).
public func klDivergence(_ p: Distribution, _ q: Distribution) throws -> Variable {
    guard let rule = klTable["\(p.name)|\(q.name)"] else {
        throw TensorError(
            .value, "kl_divergence: no closed form for KL(\(p.name) ‖ \(q.name)) in Kiso",
            hint:
                "closed forms: Normal–Normal, MultivariateNormal–MultivariateNormal, Bernoulli, Categorical, Beta, Gamma pairs; otherwise estimate it with mc_mean(p.log_prob(x) - q.log_prob(x)) for x = p.sample(rng, [n])"
        )
    }
    return try rule(p, q)
}

/// The closed-form KL divergences, keyed by "P|Q" family names.
let klTable: [String: @Sendable (Distribution, Distribution) throws -> Variable] = [
    "Normal|Normal": { p, q in
        guard let p = p as? Normal, let q = q as? Normal else { throw klMismatch }
        let ratio = try p.scale / q.scale
        let shift = try (p.loc - q.loc) / q.scale
        return try (ratio * ratio + shift * shift) * 0.5 - ratio.log() - 0.5
    },
    "MultivariateNormal|MultivariateNormal": { p, q in
        guard let p = p as? MultivariateNormal, let q = q as? MultivariateNormal else { throw klMismatch }
        guard p.dimension == q.dimension else {
            throw TensorError(
                .shape, "kl_divergence: the normals have dimensions \(p.dimension) and \(q.dimension)",
                hint: "both distributions must be over vectors of one length")
        }
        // ½(‖Lq⁻¹Lp‖²_F + ‖Lq⁻¹(μq − μp)‖² − d) + log det Lq − log det Lp, for each pair of the
        // broadcast batches. The columns of Lp are the right-hand sides: Lq gets an axis for them.
        let m = try Triangular.solveLower(q.scaleTril.expandingDims(-3), p.scaleTril.swappingLastTwoAxes())
        let shift = try Triangular.solveLower(q.scaleTril, q.loc - p.loc)
        let logDetQ = try Triangular.diagonal(q.scaleTril).log().sum(axes: [-1])
        let logDetP = try Triangular.diagonal(p.scaleTril).log().sum(axes: [-1])
        return try ((m * m).sum(axes: [-2, -1]) + (shift * shift).sum(axes: [-1]) - Double(p.dimension)) * 0.5
            + logDetQ - logDetP
    },
    "Bernoulli|Bernoulli": { p, q in
        guard let p = p as? Bernoulli, let q = q as? Bernoulli else { throw klMismatch }
        let notP = try 1 - p.probs
        let one = try xlogy(p.probs, p.probs) - xlogy(p.probs, q.probs)
        let zero = try xlogy(notP, notP) - xlogy(notP, 1 - q.probs)
        return try one + zero
    },
    "Categorical|Categorical": { p, q in
        guard let p = p as? Categorical, let q = q as? Categorical else { throw klMismatch }
        guard p.categoryCount == q.categoryCount else {
            throw TensorError(
                .shape, "kl_divergence: the categoricals have \(p.categoryCount) and \(q.categoryCount) categories",
                hint: "both must be over the same categories")
        }
        let zero = try Tensor.equal(p.probs.value, Tensor(0.0))
        let terms = try p.probs * (p.logProbs - q.logProbs)
        return try Variable.where(zero, Variable(0.0), terms).sum(axes: [-1])
    },
    "Beta|Beta": { p, q in
        guard let p = p as? Beta, let q = q as? Beta else { throw klMismatch }
        let total = try p.a + p.b
        return try betaln(q.a, q.b) - betaln(p.a, p.b) + (p.a - q.a) * p.a.digamma() + (p.b - q.b) * p.b.digamma()
            + (q.a - p.a + q.b - p.b) * total.digamma()
    },
    "Gamma|Gamma": { p, q in
        guard let p = p as? Gamma, let q = q as? Gamma else { throw klMismatch }
        let a1 = p.concentration
        let a2 = q.concentration
        return try (a1 - a2) * a1.digamma() - a1.lgamma() + a2.lgamma() + a2 * (p.rate.log() - q.rate.log())
            + a1 * (q.rate - p.rate) / p.rate
    },
]

private let klMismatch = TensorError(.value, "kl_divergence: internal mismatch of families", hint: nil)
