"""Records NumPy's seeded random streams for Tests/KisoTensorTests/Random*Tests.swift.

Three fixture files:
  random_generator.json  numpy.random.default_rng(seed): scripts of calls on one generator per
                         seed, so the tests also see how calls share the stream (the buffered
                         32-bit half of PCG64, for instance).
  random_legacy.json     numpy.random.RandomState(seed) scripts, the np.random.seed /
                         np.random.rand module functions, and the draw recipes scikit-learn's
                         make_blobs / make_moons use.
  random_streams.json    one 100,000-long stream per generator, stored compactly: a checksum of
                         every value's bits, the first and last values, and values at a stride.

Each call is {"method": ..., "args": {...}, "result": ...}. Floats are tensors (repr round-trips
exactly); integers are {"shape": [...], "ints": ["decimal", ...]} because int64 results can
exceed 2**53.
"""
import numpy as np

import fixturelib

MASK64 = (1 << 64) - 1


def ints(a):
    a = np.asarray(a)
    return {"shape": list(a.shape), "ints": [str(int(v)) for v in a.reshape(-1).tolist()]}


def result(value):
    a = np.asarray(value)
    if np.issubdtype(a.dtype, np.integer):
        return ints(a)
    return fixturelib.tensor(a)


def size_arg(size):
    return None if size is None else list(size)


def checksum(words):
    """An order-sensitive 64-bit hash of a sequence of 64-bit words."""
    h = 0
    for w in words:
        h = (h * 6364136223846793005 + int(w) + 1442695040888963407) & MASK64
    return str(h)


def double_bits(a):
    return np.asarray(a, dtype=np.float64).view(np.uint64).tolist()


def strided(a, stride):
    return np.asarray(a)[::stride]


# --- default_rng -----------------------------------------------------------------------------


def generator_script(rng):
    calls = []

    def call(method, result_value, **args):
        calls.append({"method": method, "args": args, "result": result(result_value)})

    call("random", rng.random(), size=None)
    call("random", rng.random(5), size=[5])
    call("random", rng.random((2, 3)), size=[2, 3])
    # Lemire on 32-bit words; a lone 32-bit draw leaves the upper half buffered for the next.
    call("integers", rng.integers(10, size=7), low=10, high=None, size=[7], endpoint=False)
    call("integers", rng.integers(0, 10), low=0, high=10, size=None, endpoint=False)
    call("random", rng.random(1), size=[1])
    call("integers", rng.integers(0, 10), low=0, high=10, size=None, endpoint=False)
    call("integers", rng.integers(-5, 5, size=3, endpoint=True), low=-5, high=5, size=[3], endpoint=True)
    call("integers", rng.integers(0, 2**32, size=3), low=0, high=2**32, size=[3], endpoint=False)
    call("integers", rng.integers(0, 2**40, size=4), low=0, high=2**40, size=[4], endpoint=False)
    call("integers", rng.integers(-2**62, 2**62, size=3), low=-2**62, high=2**62, size=[3], endpoint=False)
    call("integers", rng.integers(-2**63, 2**63 - 1, size=3, endpoint=True),
         low=-2**63, high=2**63 - 1, size=[3], endpoint=True)
    call("integers", rng.integers(5, 6, size=2), low=5, high=6, size=[2], endpoint=False)
    call("integers", rng.integers(0, 1000, size=(2, 2)), low=0, high=1000, size=[2, 2], endpoint=False)
    call("standard_normal", rng.standard_normal(), size=None)
    call("standard_normal", rng.standard_normal(600), size=[600])
    call("normal", rng.normal(2.5, 0.5, size=4), loc=2.5, scale=0.5, size=[4])
    call("normal", rng.normal(1.0, 0.0, size=2), loc=1.0, scale=0.0, size=[2])
    loc = np.array([0.0, 10.0, -10.0])
    scale = np.array([[1.0], [3.0]])
    call("normal_tensor", rng.normal(loc, scale), loc=fixturelib.tensor(loc), scale=fixturelib.tensor(scale),
         size=None)
    call("uniform", rng.uniform(-1.0, 3.0, size=5), low=-1.0, high=3.0, size=[5])
    call("uniform", rng.uniform(), low=0.0, high=1.0, size=None)
    low = np.array([0.0, 5.0])
    high = np.array([1.0, 6.0])
    call("uniform_tensor", rng.uniform(low, high, size=(3, 2)), low=fixturelib.tensor(low),
         high=fixturelib.tensor(high), size=[3, 2])
    p5 = [0.1, 0.2, 0.3, 0.15, 0.25]
    call("choice", rng.choice(10, size=5), a=10, size=[5], replace=True, p=None, shuffle=True)
    call("choice", rng.choice(10), a=10, size=None, replace=True, p=None, shuffle=True)
    call("choice", rng.choice(10, size=5, replace=False), a=10, size=[5], replace=False, p=None, shuffle=True)
    call("choice", rng.choice(10, size=5, replace=False, shuffle=False), a=10, size=[5], replace=False,
         p=None, shuffle=False)
    call("choice", rng.choice(20000, size=500, replace=False), a=20000, size=[500], replace=False, p=None,
         shuffle=True)
    call("choice", rng.choice(20000, size=300, replace=False, shuffle=False), a=20000, size=[300],
         replace=False, p=None, shuffle=False)
    call("choice", rng.choice(2**40, size=3, replace=False), a=2**40, size=[3], replace=False, p=None,
         shuffle=True)
    call("choice", rng.choice(5, size=(2, 3), p=p5), a=5, size=[2, 3], replace=True, p=p5, shuffle=True)
    call("choice", rng.choice(5, size=3, replace=False, p=p5), a=5, size=[3], replace=False, p=p5, shuffle=True)
    call("choice", rng.choice(5, size=5, replace=False, p=p5), a=5, size=[5], replace=False, p=p5, shuffle=True)
    values = np.array([1.5, -2.0, 3.25, 4.0, 0.5, 7.0])
    call("choice_tensor", rng.choice(values, size=4), a=fixturelib.tensor(values), size=[4], replace=True,
         p=None, shuffle=True)
    rows = np.arange(12.0).reshape(4, 3)
    call("choice_tensor", rng.choice(rows, size=3, replace=False), a=fixturelib.tensor(rows), size=[3],
         replace=False, p=None, shuffle=True)
    call("permutation", rng.permutation(10), n=10)
    call("permutation_tensor", rng.permutation(rows), x=fixturelib.tensor(rows))
    shuffled = np.arange(7)
    rng.shuffle(shuffled)
    call("shuffle", shuffled, x=fixturelib.tensor(np.arange(7)))
    grid = np.arange(10.0).reshape(5, 2)
    shuffled_grid = grid.copy()
    rng.shuffle(shuffled_grid)
    call("shuffle", shuffled_grid, x=fixturelib.tensor(grid))
    call("random", rng.random(3), size=[3])
    return calls


def generator_cases():
    cases = []
    for seed in [0, 1, 42, 12345, 2**32 + 5, 2**63, 2**64 - 1]:
        cases.append({"seed": str(seed), "calls": generator_script(np.random.default_rng(seed))})
    # Entropy longer than the four-word pool, and an integer wider than 64 bits (its 32-bit words).
    for words in [[1, 2, 3, 4, 5, 6], [7, 0, 0, 16]]:
        cases.append({"entropy": words, "calls": generator_script(np.random.default_rng(words))})
    big = 2**100 + 7
    assert (np.random.default_rng(big).random(4) == np.random.default_rng(
        [big & 0xFFFFFFFF, (big >> 32) & 0xFFFFFFFF, (big >> 64) & 0xFFFFFFFF, big >> 96]).random(4)).all()
    # The SeedSequence state itself, for the seeding tests.
    for seed in [0, 42, 2**32 + 5]:
        state = np.random.SeedSequence(seed).generate_state(4, np.uint64)
        cases.append({"seed": str(seed), "seed_sequence_state": [str(int(v)) for v in state]})
    return cases


# --- RandomState ---------------------------------------------------------------------------


def legacy_script(rs):
    calls = []

    def call(method, result_value, **args):
        calls.append({"method": method, "args": args, "result": result(result_value)})

    call("random_sample", rs.random_sample(), size=None)
    call("rand", rs.rand(3, 2), shape=[3, 2])
    # An odd count leaves the second value of a polar pair cached for the next normal draw.
    call("randn", rs.randn(5), shape=[5])
    call("standard_normal", rs.standard_normal(), size=None)
    call("standard_normal", rs.standard_normal(401), size=[401])
    call("normal", rs.normal(1.0, 2.0, size=3), loc=1.0, scale=2.0, size=[3])
    call("uniform", rs.uniform(-2.0, 5.0, size=4), low=-2.0, high=5.0, size=[4])
    call("uniform", rs.uniform(5.0, -2.0, size=2), low=5.0, high=-2.0, size=[2])
    call("randint", rs.randint(10, size=6), low=10, high=None, size=[6])
    call("randint", rs.randint(-3, 3, size=4), low=-3, high=3, size=[4])
    call("randint", rs.randint(0, 2**40, size=3), low=0, high=2**40, size=[3])
    call("randint", rs.randint(0, 2**32, size=2), low=0, high=2**32, size=[2])
    call("randint", rs.randint(-2**63, 2**63 - 1, size=2), low=-2**63, high=2**63 - 1, size=[2])
    call("randint", rs.randint(7), low=7, high=None, size=None)
    p5 = [0.1, 0.2, 0.3, 0.15, 0.25]
    call("choice", rs.choice(10, size=5), a=10, size=[5], replace=True, p=None)
    call("choice", rs.choice(10, size=5, replace=False), a=10, size=[5], replace=False, p=None)
    call("choice", rs.choice(5, size=6, p=p5), a=5, size=[6], replace=True, p=p5)
    call("choice", rs.choice(5, size=3, replace=False, p=p5), a=5, size=[3], replace=False, p=p5)
    values = np.array([1.5, -2.0, 3.25, 4.0, 0.5, 7.0])
    call("choice_tensor", rs.choice(values, size=(2, 2)), a=fixturelib.tensor(values), size=[2, 2],
         replace=True, p=None)
    call("permutation", rs.permutation(8), n=8)
    rows = np.arange(12.0).reshape(4, 3)
    call("permutation_tensor", rs.permutation(rows), x=fixturelib.tensor(rows))
    shuffled = np.arange(9)
    rs.shuffle(shuffled)
    call("shuffle", shuffled, x=fixturelib.tensor(np.arange(9)))
    loc = np.array([0.0, 10.0])
    call("normal_tensor", rs.normal(loc, 1.0, size=(3, 2)), loc=fixturelib.tensor(loc),
         scale=fixturelib.tensor(np.array(1.0)), size=[3, 2])
    call("random_sample", rs.random_sample(4), size=[4])
    # Legacy Poisson: multiplication below lam = 10, PTRS from 10 on; broadcast rates.
    call("poisson", rs.poisson(3.5, size=6), lam=3.5, size=[6])
    call("poisson", rs.poisson(0.0, size=2), lam=0.0, size=[2])
    call("poisson", rs.poisson(25.0, size=5), lam=25.0, size=[5])
    rates = np.array([0.5, 9.99, 10.0, 1e4])
    call("poisson_tensor", rs.poisson(rates, size=(2, 4)), lam=fixturelib.tensor(rates), size=[2, 4])
    call("poisson", rs.poisson(), lam=1.0, size=None)
    # Legacy multivariate normal: standard normals through the SVD of cov (NumPy's LAPACK and
    # BLAS may round the last bits differently from the system OpenBLAS, so to 1e-12).
    mean = np.array([1.0, -2.0, 0.5])
    cov = np.array([[2.0, 0.3, 0.1], [0.3, 1.0, -0.2], [0.1, -0.2, 0.5]])
    call("multivariate_normal", rs.multivariate_normal(mean, cov, size=(2, 3)), mean=fixturelib.tensor(mean),
         cov=fixturelib.tensor(cov), size=[2, 3])
    singular = np.array([[1.0, 1.0], [1.0, 1.0]])
    call("multivariate_normal", rs.multivariate_normal([0.0, 0.0], singular, size=3),
         mean=fixturelib.tensor(np.zeros(2)), cov=fixturelib.tensor(singular), size=[3])
    call("multivariate_normal", rs.multivariate_normal([5.0], [[4.0]]), mean=fixturelib.tensor(np.array([5.0])),
         cov=fixturelib.tensor(np.array([[4.0]])), size=None)
    call("random_sample", rs.random_sample(2), size=[2])
    return calls


def blobs_recipe(rs, n_samples=30, n_centers=3, n_features=2, std=1.0):
    """make_blobs' draws: uniform centres, normal clusters around them, then a shuffle."""
    centers = rs.uniform(-10.0, 10.0, size=(n_centers, n_features))
    per_center = [n_samples // n_centers] * n_centers
    for i in range(n_samples % n_centers):
        per_center[i] += 1
    parts = [rs.normal(loc=centers[i], scale=std, size=(n, n_features)) for i, n in enumerate(per_center)]
    X = np.concatenate(parts)
    y = np.concatenate([[i] * n for i, n in enumerate(per_center)])
    indices = np.arange(n_samples)
    rs.shuffle(indices)
    return {"centers": fixturelib.tensor(centers), "per_center": per_center, "X": fixturelib.tensor(X[indices]),
            "y": ints(y[indices]), "indices": ints(indices)}


def moons_recipe(rs, n_samples=20, noise=0.1):
    """make_moons' draws: a shuffle of the ordered points, then Gaussian noise of their shape."""
    indices = np.arange(n_samples)
    rs.shuffle(indices)
    noise_values = rs.normal(scale=noise, size=(n_samples, 2))
    return {"indices": ints(indices), "noise": fixturelib.tensor(noise_values)}


def legacy_cases():
    cases = []
    for seed in [0, 1, 42, 12345, 2**32 - 1]:
        cases.append({"seed": seed, "calls": legacy_script(np.random.RandomState(seed))})
    for seeds in [[1, 2, 3], list(range(700))]:
        cases.append({"seeds": seeds, "calls": legacy_script(np.random.RandomState(seeds))})
    for seed in [0, 42]:
        cases.append({"recipe": "blobs", "seed": seed, **blobs_recipe(np.random.RandomState(seed))})
        cases.append({"recipe": "moons", "seed": seed, **moons_recipe(np.random.RandomState(seed))})
    # The module-level stream.
    np.random.seed(7)
    module_calls = [
        {"method": "rand", "args": {"shape": [2, 3]}, "result": result(np.random.rand(2, 3))},
        {"method": "randn", "args": {"shape": [3]}, "result": result(np.random.randn(3))},
        {"method": "normal", "args": {"loc": 0.0, "scale": 2.0, "size": [3]},
         "result": result(np.random.normal(0, 2, (3,)))},
        {"method": "randint", "args": {"low": 0, "high": 10, "size": [5]},
         "result": result(np.random.randint(0, 10, 5))},
        {"method": "permutation", "args": {"n": 6}, "result": result(np.random.permutation(6))},
        {"method": "uniform", "args": {"low": 1.0, "high": 2.0, "size": [2]},
         "result": result(np.random.uniform(1, 2, 2))},
        {"method": "choice", "args": {"a": 4, "size": [3], "replace": True, "p": None},
         "result": result(np.random.choice(4, 3))},
        {"method": "choice", "args": {"a": 6, "size": [4], "replace": False, "p": [0.1, 0.2, 0.3, 0.1, 0.2, 0.1]},
         "result": result(np.random.choice(6, 4, replace=False, p=[0.1, 0.2, 0.3, 0.1, 0.2, 0.1]))},
        {"method": "poisson", "args": {"lam": 4.0, "size": [5]}, "result": result(np.random.poisson(4.0, 5))},
        {"method": "multivariate_normal",
         "args": {"mean": fixturelib.tensor(np.array([0.0, 1.0])),
                  "cov": fixturelib.tensor(np.array([[1.0, 0.5], [0.5, 2.0]])), "size": [3]},
         "result": result(np.random.multivariate_normal([0.0, 1.0], [[1.0, 0.5], [0.5, 2.0]], 3))},
    ]
    shuffled = np.arange(8)
    np.random.shuffle(shuffled)
    module_calls.append({"method": "shuffle", "args": {"x": fixturelib.tensor(np.arange(8))},
                         "result": result(shuffled)})
    module_calls.append({"method": "rand", "args": {"shape": [2, 1]}, "result": result(np.random.rand(2, 1))})
    cases.append({"module": True, "seed": 7, "calls": module_calls})
    return cases


# --- long streams ---------------------------------------------------------------------------

N = 100_000
STRIDE = 331


def summary(words, values, kind):
    values = np.asarray(values)
    picked = strided(values, STRIDE)
    entry = {"checksum": checksum(words), "count": len(words), "stride": STRIDE}
    if kind == "float":
        entry.update(first=float(values[0]), last=float(values[-1]), sampled=[float(v) for v in picked])
    else:
        entry.update(first=str(int(values[0])), last=str(int(values[-1])), sampled=[str(int(v)) for v in picked])
    return entry


def stream_cases():
    cases = []
    raw = np.random.default_rng(42).bit_generator.random_raw(N)
    cases.append({"generator": "pcg64", "seed": 42, "method": "raw64", **summary(raw.tolist(), raw, "int")})
    z = np.random.default_rng(42).standard_normal(N)
    cases.append({"generator": "pcg64", "seed": 42, "method": "standard_normal",
                  **summary(double_bits(z), z, "float")})
    k = np.random.default_rng(2**63).integers(0, 1000, size=N)
    cases.append({"generator": "pcg64", "seed": str(2**63), "method": "integers_0_1000",
                  **summary([int(v) & MASK64 for v in k.tolist()], k, "int")})
    u = np.random.RandomState(12345).random_sample(N)
    cases.append({"generator": "mt19937", "seed": 12345, "method": "random_sample",
                  **summary(double_bits(u), u, "float")})
    g = np.random.RandomState(0).randn(N)
    cases.append({"generator": "mt19937", "seed": 0, "method": "randn", **summary(double_bits(g), g, "float")})
    r = np.random.RandomState(1).randint(-50, 50, size=N)
    cases.append({"generator": "mt19937", "seed": 1, "method": "randint_-50_50",
                  **summary([int(v) & MASK64 for v in r.tolist()], r, "int")})
    return cases


if __name__ == "__main__":
    fixturelib.write("random_generator", generator_cases())
    fixturelib.write("random_legacy", legacy_cases())
    fixturelib.write("random_streams", stream_cases())
