"""Reference fixtures for the probability layer.

  random_distributions.json  numpy.random.default_rng(seed) streams of the Generator's
                             distribution methods (exponential, gamma, beta, poisson, binomial,
                             dirichlet, multivariate_normal), one case per call. Each stream is
                             stored compactly: an order-sensitive checksum over every value's
                             bits, the count, the first and last values and values at a stride,
                             and the rng.random() that follows (so the stream position is checked
                             too). Cases are chosen to reach every branch of distributions.c.

  probability_scipy.json     log_prob, cdf (where Kiso has a closed form), mean, variance and
                             entropy of every distribution family at several parameter sets,
                             extreme ones included (scale 1e-8, rate 1e6, p at 0 and 1), from
                             scipy.stats; and KL divergences from numerical integration
                             (scipy.integrate.quad) or exact sums, independent of the closed forms
                             Kiso uses.

Run: python3 scripts/gen_probability_fixtures.py (numpy 2.x, scipy).
"""
import numpy as np
import scipy
from scipy import integrate, stats

import fixturelib

MASK64 = (1 << 64) - 1


def checksum(words):
    """The order-sensitive 64-bit hash Tests/KisoTensorTests/RandomStreamTests.swift computes."""
    h = 0
    for w in words:
        h = (h * 6364136223846793005 + int(w) + 1442695040888963407) & MASK64
    return str(h)


def encode(values):
    """Values as JSON: floats by repr, integers as decimal strings (int64 can exceed 2**53)."""
    values = np.asarray(values)
    if np.issubdtype(values.dtype, np.integer):
        return [str(int(v)) for v in values.tolist()]
    return [fixturelib.num(v) for v in values.tolist()]


def stream_case(seed, method, args, draw, exact=True):
    rng = np.random.default_rng(seed)
    out = np.asarray(draw(rng))
    flat = out.reshape(-1)
    if np.issubdtype(flat.dtype, np.integer):
        words = flat.astype(np.int64).view(np.uint64).tolist()
        dtype = "int64"
    else:
        words = flat.astype(np.float64).view(np.uint64).tolist()
        dtype = "float64"
    stride = max(1, flat.size // 40)
    case = {
        "seed": seed,
        "method": method,
        "args": args,
        "shape": list(out.shape),
        "dtype": dtype,
        "count": int(flat.size),
        "checksum": checksum(words),
        "stride": stride,
        "sampled": encode(flat[::stride]),
        "next_random": fixturelib.num(rng.random()),
        "exact": exact,
    }
    if not exact:
        # Products through a matrix factor: the draws are NumPy's exactly, the factor only to
        # rounding (LAPACK builds differ), so the values themselves are compared with a tolerance.
        case["values"] = encode(flat)
    return case


def stream_cases():
    cases = []

    def add(seed, method, args, draw, exact=True):
        cases.append(stream_case(seed, method, args, draw, exact))

    add(1, "standard_exponential", {"size": [100000]}, lambda r: r.standard_exponential(100000))
    add(2, "exponential", {"scale": 2.5, "size": [20000]}, lambda r: r.exponential(2.5, 20000))
    add(3, "exponential", {"scale": [[0.5], [0.0], [4.0]], "size": None},
        lambda r: r.exponential([[0.5], [0.0], [4.0]]))
    for seed, shape in [(4, 0.3), (5, 1.0), (6, 0.0), (7, 2.5), (8, 1e-3), (9, 50.0), (10, 1.0 + 1e-12)]:
        add(seed, "standard_gamma", {"shape": shape, "size": [20000]},
            lambda r, shape=shape: r.standard_gamma(shape, 20000))
    add(11, "gamma", {"shape": [0.5, 3.0], "scale": [[1.0], [2.0]], "size": [5000, 2, 2]},
        lambda r: r.gamma([0.5, 3.0], [[1.0], [2.0]], (5000, 2, 2)))
    for seed, (a, b) in [(12, (0.5, 0.5)), (13, (0.01, 0.02)), (14, (1e-104, 2e-104)), (15, (2.0, 3.0)),
                         (16, (0.5, 5.0)), (17, (1e-3, 1e-3))]:
        add(seed, "beta", {"a": a, "b": b, "size": [20000]}, lambda r, a=a, b=b: r.beta(a, b, 20000))
    for seed, lam in [(18, 0.0), (19, 3.5), (20, 10.0), (21, 1e6), (22, 1e15), (23, 9.99)]:
        add(seed, "poisson", {"lam": lam, "size": [20000]}, lambda r, lam=lam: r.poisson(lam, 20000))
    add(24, "poisson", {"lam": [0.5, 20.0, 300.0], "size": [3000, 3]},
        lambda r: r.poisson([0.5, 20.0, 300.0], (3000, 3)))
    for seed, (n, p) in [(25, (10, 0.3)), (26, (1000, 0.3)), (27, (1000, 0.7)), (28, (50, 0.9)),
                         (29, (2**40, 0.5)), (30, (0, 0.5)), (31, (10, 0.0)), (32, (10, 1.0)),
                         (33, (100, 0.3)), (34, (61, 0.5)), (35, (5000, 0.01))]:
        add(seed, "binomial", {"n": n, "p": p, "size": [20000]}, lambda r, n=n, p=p: r.binomial(n, p, 20000))
    add(36, "binomial", {"n": [[5], [200]], "p": [0.1, 0.5, 0.95], "size": None},
        lambda r: r.binomial([[5], [200]], [0.1, 0.5, 0.95]))
    add(37, "binomial", {"n": [[5], [200]], "p": [0.1, 0.5, 0.95], "size": [4000, 2, 3]},
        lambda r: r.binomial([[5], [200]], [0.1, 0.5, 0.95], (4000, 2, 3)))
    add(38, "dirichlet", {"alpha": [1.0, 2.0, 3.0], "size": [5000]},
        lambda r: r.dirichlet([1.0, 2.0, 3.0], 5000))
    add(39, "dirichlet", {"alpha": [0.05, 0.01, 0.02], "size": [5000]},
        lambda r: r.dirichlet([0.05, 0.01, 0.02], 5000))
    add(40, "dirichlet", {"alpha": [0.05, 0.0, 0.01], "size": [2000]},
        lambda r: r.dirichlet([0.05, 0.0, 0.01], 2000))
    add(41, "dirichlet", {"alpha": [0.5, 0.0, 7.0, 0.2], "size": [3, 500]},
        lambda r: r.dirichlet([0.5, 0.0, 7.0, 0.2], (3, 500)))
    add(45, "standard_t", {"df": 3.0, "size": [20000]}, lambda r: r.standard_t(3.0, 20000))
    add(46, "standard_t", {"df": [0.5, 2.0, 30.0], "size": [3000, 3]},
        lambda r: r.standard_t([0.5, 2.0, 30.0], (3000, 3)))
    add(47, "laplace", {"loc": 1.5, "scale": 0.5, "size": [20000]}, lambda r: r.laplace(1.5, 0.5, 20000))
    cov = [[2.0, 0.5, 0.1], [0.5, 1.0, -0.3], [0.1, -0.3, 0.8]]
    for seed, method in [(42, "svd"), (43, "eigh"), (44, "cholesky")]:
        add(seed, "multivariate_normal",
            {"mean": [1.0, -2.0, 0.5], "cov": cov, "size": [100], "method": method},
            lambda r, method=method: r.multivariate_normal([1.0, -2.0, 0.5], cov, 100, method=method),
            exact=False)
    return cases


def values(a):
    return [fixturelib.num(v) for v in np.atleast_1d(np.asarray(a, dtype=float)).tolist()]


def family_case(family, params, frozen, x, cdf=True, discrete=False):
    x = np.asarray(x, dtype=float)
    with np.errstate(all="ignore"):
        log_prob = frozen.logpmf(x) if discrete else frozen.logpdf(x)
        case = {
            "family": family,
            "params": params,
            "x": values(x),
            "log_prob": values(log_prob),
            "mean": fixturelib.num(frozen.mean()),
            "variance": fixturelib.num(frozen.var()),
            "entropy": fixturelib.num(frozen.entropy()),
        }
        if cdf:
            case["cdf"] = values(frozen.cdf(x))
    return case


def scipy_cases():
    cases = []
    for loc, scale in [(0.0, 1.0), (2.5, 0.1), (-1.0, 1e-8), (1e3, 1e4)]:
        xs = [loc - 3 * scale, loc, loc + 0.5 * scale, loc + 10 * scale, loc - 40 * scale, loc + 1.0]
        cases.append(family_case("Normal", {"loc": loc, "scale": scale}, stats.norm(loc, scale), xs))
    for p in [0.0, 0.3, 1.0, 1e-12]:
        cases.append(family_case("Bernoulli", {"probs": p}, stats.bernoulli(p), [0, 1, 0.5, -1, 2],
                                 discrete=True))
    for n, p in [(10, 0.3), (1000, 0.5), (5, 0.0), (5, 1.0), (60, 1e-6)]:
        cases.append(family_case("Binomial", {"total_count": n, "probs": p}, stats.binom(n, p),
                                 [0, 3, 5, 10, 11, 2.5, -1, 500], cdf=False, discrete=True))
    for lam in [3.5, 1e-3, 1e6, 0.0, 50.0]:
        case = family_case("Poisson", {"rate": lam}, stats.poisson(lam), [0, 2, 10, 1e6, 2.5, -1],
                           cdf=False, discrete=True)
        # scipy.stats.poisson(1e6).entropy() returns 2.769 (the true value is about 8.33), so the
        # entropy is summed here from logpmf, which SciPy computes accurately, over λ ± 60√λ.
        ks = np.arange(max(0.0, np.floor(lam - 60 * np.sqrt(lam) - 60)), np.ceil(lam + 60 * np.sqrt(lam) + 60) + 1)
        lp = stats.poisson(lam).logpmf(ks)
        case["entropy"] = float(-np.sum(np.exp(lp[np.isfinite(lp)]) * lp[np.isfinite(lp)]))
        cases.append(case)
    for a, b in [(2.0, 3.0), (0.5, 0.5), (1e-3, 1e3), (100.0, 100.0), (1.0, 1.0)]:
        cases.append(family_case("Beta", {"a": a, "b": b}, stats.beta(a, b), [0.1, 0.5, 0.999, 1e-5, 1.5, -0.1],
                                 cdf=False))
    for shape, rate in [(2.0, 3.0), (0.5, 1e6), (1000.0, 0.01), (1.0, 1.0), (1e-3, 1.0)]:
        cases.append(family_case("Gamma", {"concentration": shape, "rate": rate},
                                 stats.gamma(shape, scale=1 / rate), [1e-3, 1.0, 5.0, 1e5, -1.0, 1e-7], cdf=False))
    for low, high in [(0.0, 1.0), (-5.0, 5.0), (0.0, 1e-10)]:
        cases.append(family_case("Uniform", {"low": low, "high": high}, stats.uniform(low, high - low),
                                 [low, (low + high) / 2, high + 1, low - 1, low + 0.25 * (high - low)]))
    for df, loc, scale in [(3.0, 0.0, 1.0), (1.0, 2.0, 0.5), (1e6, 0.0, 1.0), (0.5, 0.0, 2.0), (2.0, -1.0, 3.0)]:
        cases.append(family_case("StudentT", {"df": df, "loc": loc, "scale": scale}, stats.t(df, loc, scale),
                                 [-100.0, -1.0, 0.0, 0.5, 3.0, 1e4], cdf=False))
    for loc, scale in [(0.0, 1.0), (1.0, 1e-6), (-2.0, 100.0)]:
        xs = np.array([loc - 5 * scale, loc, loc + 0.3 * scale, loc + 50 * scale, 0.0])
        case = family_case("Laplace", {"loc": loc, "scale": scale}, stats.laplace(loc, scale), xs)
        # scipy.stats.laplace.logpdf is log(pdf), which underflows to -inf beyond about 745
        # scales from loc; there the exact −|x − loc|/scale − log(2·scale) is recorded.
        exact = -np.abs(xs - loc) / scale - np.log(2 * scale)
        scipy_log_prob = stats.laplace(loc, scale).logpdf(xs)
        case["log_prob"] = values(np.where(np.isneginf(scipy_log_prob), exact, scipy_log_prob))
        cases.append(case)
    for probs in [[0.2, 0.3, 0.5], [0.0, 1.0, 0.0], [1e-300, 0.5, 0.5 - 1e-300]]:
        p = np.asarray(probs) / np.sum(probs)
        k = len(p)
        onehots = np.eye(k)
        with np.errstate(all="ignore"):
            lp = [stats.multinomial(1, p).logpmf(onehots[i]) for i in range(k)]
        ent = float(-np.sum([pi * np.log(pi) for pi in p if pi > 0]))
        index = np.arange(k)
        cases.append({"family": "Categorical", "params": {"probs": probs}, "x": values(list(range(k)) + [k, -1, 0.5]),
                      "log_prob": values(lp + [-np.inf] * 3), "mean": float(np.sum(index * p)),
                      "variance": float(np.sum(index ** 2 * p) - np.sum(index * p) ** 2), "entropy": ent})
    for mean, cov in [([1.0, -1.0], [[2.0, 0.3], [0.3, 1.0]]),
                      ([0.0, 0.5, -2.0], [[1.0, 0.2, 0.1], [0.2, 2.0, -0.4], [0.1, -0.4, 0.5]]),
                      ([0.0, 0.0], [[1e-8, 0.0], [0.0, 1.0]])]:
        frozen = stats.multivariate_normal(mean, cov)
        d = len(mean)
        xs = np.array([mean, np.ones(d), np.arange(d) * 0.1])
        cases.append({"family": "MultivariateNormal", "params": {"mean": mean, "cov": cov},
                      "x": xs.tolist(), "log_prob": values(frozen.logpdf(xs)), "mean": mean,
                      "variance": np.diag(cov).tolist(), "entropy": float(frozen.entropy())})
    return cases


def kl_quad(p, q, low, high):
    def integrand(x):
        lp = p.logpdf(x)
        return np.exp(lp) * (lp - q.logpdf(x)) if np.isfinite(lp) else 0.0
    value, _ = integrate.quad(integrand, low, high, limit=400, epsabs=1e-13, epsrel=1e-12)
    return value


def kl_cases():
    cases = []
    for (m1, s1), (m2, s2) in [((0.0, 1.0), (1.0, 2.0)), ((2.0, 0.1), (0.0, 1.0)), ((0.0, 1.0), (0.0, 1.0))]:
        cases.append({"p": ["Normal", m1, s1], "q": ["Normal", m2, s2],
                      "kl": kl_quad(stats.norm(m1, s1), stats.norm(m2, s2), m1 - 30 * s1, m1 + 30 * s1)})
    for (a1, b1), (a2, b2) in [((2.0, 3.0), (1.0, 1.0)), ((0.5, 0.7), (3.0, 2.0)), ((5.0, 5.0), (4.0, 6.0))]:
        cases.append({"p": ["Beta", a1, b1], "q": ["Beta", a2, b2],
                      "kl": kl_quad(stats.beta(a1, b1), stats.beta(a2, b2), 0, 1)})
    for (k1, r1), (k2, r2) in [((2.0, 1.0), (3.0, 2.0)), ((0.7, 0.5), (1.5, 1.0)), ((10.0, 4.0), (9.0, 3.0))]:
        cases.append({"p": ["Gamma", k1, r1], "q": ["Gamma", k2, r2],
                      "kl": kl_quad(stats.gamma(k1, scale=1 / r1), stats.gamma(k2, scale=1 / r2), 0, np.inf)})
    for p, q in [(0.3, 0.6), (0.0, 0.5), (1.0, 0.2), (0.5, 0.5)]:
        terms = [a * np.log(a / b) for a, b in [(p, q), (1 - p, 1 - q)] if a > 0]
        cases.append({"p": ["Bernoulli", p], "q": ["Bernoulli", q], "kl": float(sum(terms))})
    for p, q in [([0.2, 0.3, 0.5], [0.4, 0.4, 0.2]), ([0.0, 0.5, 0.5], [0.1, 0.1, 0.8])]:
        kl = float(sum(a * np.log(a / b) for a, b in zip(p, q) if a > 0))
        cases.append({"p": ["Categorical", p], "q": ["Categorical", q], "kl": kl})
    m1, c1 = np.array([1.0, -1.0]), np.array([[2.0, 0.3], [0.3, 1.0]])
    m2, c2 = np.array([0.0, 0.5]), np.array([[1.0, -0.2], [-0.2, 0.5]])
    inv2 = np.linalg.inv(c2)
    diff = m2 - m1
    kl = 0.5 * (np.trace(inv2 @ c1) + diff @ inv2 @ diff - 2 + np.linalg.slogdet(c2)[1] - np.linalg.slogdet(c1)[1])
    cases.append({"p": ["MultivariateNormal", m1.tolist(), c1.tolist()],
                  "q": ["MultivariateNormal", m2.tolist(), c2.tolist()], "kl": float(kl)})
    return cases


def batched_mvn_cases():
    """Batches of multivariate normals, broadcast as torch.distributions broadcasts them (the
    batch axes of the mean, shape batch + (d,), and of the covariance, batch + (d, d), broadcast
    together); every value comes from SciPy, one distribution of the batch at a time."""
    rng = np.random.default_rng(3)

    def spd(batch, d):
        b = rng.normal(0, 1, tuple(batch) + (d, d))
        return b @ np.swapaxes(b, -1, -2) + 0.5 * np.eye(d)

    cases = []
    for mean_shape, cov_batch, sample in [((3, 2), (), ()), ((2,), (3,), ()), ((4, 1, 2), (3,), ()),
                                          ((2, 3), (2,), (5,))]:
        d = mean_shape[-1]
        mean = rng.normal(0, 1, mean_shape)
        cov = spd(cov_batch, d)
        batch = np.broadcast_shapes(mean_shape[:-1], cov_batch)
        means = np.broadcast_to(mean, batch + (d,))
        covs = np.broadcast_to(cov, batch + (d, d))
        x = rng.normal(0, 1, tuple(sample) + batch + (d,))
        log_prob = np.empty(tuple(sample) + batch)
        entropy = np.empty(batch)
        for index in np.ndindex(*batch):
            frozen = stats.multivariate_normal(means[index], covs[index])
            entropy[index] = frozen.entropy()
            for s in np.ndindex(*sample):
                log_prob[s + index] = frozen.logpdf(x[s + index])
        variance = np.diagonal(covs, axis1=-2, axis2=-1)
        cases.append({"mean": mean.tolist(), "cov": cov.tolist(), "batch_shape": list(batch),
                      "x": x.tolist(), "log_prob": values(log_prob.ravel()),
                      "entropy": values(entropy.ravel()), "variance": values(variance.ravel())})
    # KL between batches: p's mean batch (3,), q's covariance batch (3,): one KL per pair.
    m1, c1 = rng.normal(0, 1, (3, 2)), spd((), 2)
    m2, c2 = rng.normal(0, 1, (2,)), spd((3,), 2)
    kl = []
    for i in range(3):
        inv2 = np.linalg.inv(c2[i])
        diff = m2 - m1[i]
        kl.append(0.5 * (np.trace(inv2 @ c1) + diff @ inv2 @ diff - 2 + np.linalg.slogdet(c2[i])[1]
                         - np.linalg.slogdet(c1)[1]))
    kl_case = {"p_mean": m1.tolist(), "p_cov": c1.tolist(), "q_mean": m2.tolist(), "q_cov": c2.tolist(),
               "kl": values(kl)}
    return {"cases": cases, "kl": kl_case}


def special_cases():
    from scipy import special
    x = np.array([1e-8, 0.3, 1.0, 1.4616321449683622, 2.5, 7.0, 31.5, 1e4, -0.5, -2.7])
    positive = x[x > 0]
    z = np.array([-60.0, -38.0, -21.0, -19.0, -5.0, -1.0, 0.0, 1.0, 5.5, 6.5, 10.0, 40.0])
    m = np.array([1e-20, 1e-10, 1e-3, 0.5, np.log(2.0), 1.0, 5.0, 40.0, 800.0])
    a = np.array([0.5, 1.0, 3.0, 100.0, 1e-3])
    b = np.array([0.5, 2.0, 7.5, 200.0, 1e3])
    u = np.array([0.0, -1000.0, 3.0, -np.inf, 700.0])
    v = np.array([0.0, -1001.0, -4.0, -np.inf, 710.0])
    return {
        "lgamma": {"x": values(x), "y": values(special.gammaln(x))},
        "digamma": {"x": values(x), "y": values(special.psi(x))},
        "trigamma": {"x": values(positive), "y": values(special.polygamma(1, positive))},
        "tetragamma": {"x": values(positive), "y": values(special.polygamma(2, positive))},
        "log_ndtr": {"x": values(z), "y": values(special.log_ndtr(z))},
        # log(1 − e^−m) in the form that is accurate for each range (Mächler 2012).
        "log1mexp": {"x": values(m), "y": values(np.where(m <= np.log(2.0), np.log(-np.expm1(-m)),
                                                          np.log1p(-np.exp(-m))))},
        "betaln": {"a": values(a), "b": values(b), "y": values(special.betaln(a, b))},
        "logaddexp": {"a": values(u), "b": values(v), "y": values(np.logaddexp(u, v))},
    }


if __name__ == "__main__":
    fixturelib.write("random_distributions", stream_cases())
    fixturelib.write("probability_scipy", scipy_cases(), scipy_version=scipy.__version__, kl=kl_cases(),
                     special=special_cases(), batched_mvn=batched_mvn_cases())
