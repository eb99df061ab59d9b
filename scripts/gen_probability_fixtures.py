"""Reference fixtures for the probability layer.

  random_distributions.json  numpy.random.default_rng(seed) streams of the Generator's
                             distribution methods (exponential, gamma, beta, poisson, binomial,
                             dirichlet, multivariate_normal), one case per call. Each stream is
                             stored compactly: an order-sensitive checksum over every value's
                             bits, the count, the first and last values and values at a stride,
                             and the rng.random() that follows (so the stream position is checked
                             too). Cases are chosen to reach every branch of distributions.c.

Run: python3 scripts/gen_probability_fixtures.py (numpy 2.x).
"""
import numpy as np

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
    cov = [[2.0, 0.5, 0.1], [0.5, 1.0, -0.3], [0.1, -0.3, 0.8]]
    for seed, method in [(42, "svd"), (43, "eigh"), (44, "cholesky")]:
        add(seed, "multivariate_normal",
            {"mean": [1.0, -2.0, 0.5], "cov": cov, "size": [100], "method": method},
            lambda r, method=method: r.multivariate_normal([1.0, -2.0, 0.5], cov, 100, method=method),
            exact=False)
    return cases


if __name__ == "__main__":
    fixturelib.write("random_distributions", stream_cases())
