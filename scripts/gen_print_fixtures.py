"""Reference str() and repr() of tensors and float scalars, from NumPy's own printing.

Writes Tests/Fixtures/print_arrays.json (every rank, dtype and kind of value), print_large.json
(summarised and wrapped tensors), print_options.json (non-default print options), print_random.json
(random values under random options) and print_scalars.json (str of np.float64 scalars). Each array case holds the tensor, the options that
differ from NumPy's defaults, and NumPy's str and repr under them.
"""
import numpy as np

import fixturelib as fx

DEFAULTS = dict(precision=8, threshold=1000, edgeitems=3, linewidth=75, suppress=False,
                nanstr="nan", infstr="inf", sign="-", floatmode="maxprec")


def case(name, a, **options):
    a = np.asarray(a)
    with np.printoptions(**{**DEFAULTS, **options}):
        text_str, text_repr = str(a), repr(a)
    return {"name": name, "tensor": fx.tensor(a), "options": options,
            "str": text_str, "repr": text_repr}


def f64(values, shape=None):
    a = np.array(values, dtype=np.float64)
    return a.reshape(shape) if shape is not None else a


def basic_cases(rng):
    cases = []
    nan, inf = np.nan, np.inf
    # Rank 0 of every dtype.
    for x in [0.0, -0.0, 1.0, 0.1, 3.14159, 2.5, 1e-5, 1e-300, 1e20, 123456789.0, 1e16, 1e15,
              nan, inf, -inf, -1.5, 0.123456789123]:
        cases.append(case(f"scalar float {x!r}", np.float64(x)))
    for x in [0, 5, -7, 123456789, -(2**53)]:
        cases.append(case(f"scalar int {x}", np.array(x, dtype=np.int64)))
    for x in [True, False]:
        cases.append(case(f"scalar bool {x}", np.array(x)))

    # Rank 1 floats: layout of integer and fraction parts.
    rank1 = [
        [1, 2, 3], [1.5, 2.25], [0.1, 0.2, 0.3], [-1, 2.5, -3.25], [0.0], [0.0, -0.0], [-0.0],
        [100.0, 0.5], [-100.0, 0.125, 7.0], [1.0, 10.0, 100.0, 1000.0], [1.0, 1000.0],
        [1.0, 1001.0], [0.001, 1.0], [0.001, 1.01], [0.0001, 0.1], [0.0001, 0.11],
        [9.9e-5, 1.0], [1e-5, 1.0], [1e8, 1.0], [99999999.0, 1.0], [99999999.5, 2.0],
        [1e-300, 1e300], [5e-324, 1.0], [1.7976931348623157e308], [-1.7976931348623157e308, 1.0],
        [1e100, 1e-100], [1e-10, 0.0], [0.0, 1e20], [123.456, -0.001],
        [2.0 / 3.0, 1.0 / 3.0], [np.pi, np.e, -np.sqrt(2)],
        [0.12345678, 1.12345678], [0.123456789, 1.0], [12345.678901234, 0.5],
        [0.5, 0.25, 0.125, 0.0625, 0.03125],
    ]
    for values in rank1:
        cases.append(case(f"floats {values!r}", f64(values)))
    cases.append(case("arange tenths", np.arange(10) * 0.1))
    cases.append(case("linspace", np.linspace(-1, 1, 7)))

    # NaN and infinity mixed with finite values.
    for values in [[nan], [inf], [-inf], [nan, inf, -inf], [1.0, nan, 2.0], [1.5, inf],
                   [-1.5, -inf, nan], [nan, nan], [1e-5, nan], [1e10, -inf, 2.5],
                   [0.0, -0.0, nan], [123456.5, nan, -inf], [nan, 1e-300]]:
        cases.append(case(f"nonfinite {values!r}", f64(values)))

    # Every magnitude from 1e-20 to 1e20, alone, with a companion, and negated.
    for e in range(-20, 21):
        x = 10.0 ** e
        y = 1.234567891234 * 10.0 ** e
        cases.append(case(f"magnitude 1e{e}", f64([x])))
        cases.append(case(f"magnitude 1.23e{e} with 1", f64([y, 1.0])))
        cases.append(case(f"magnitude -1.23e{e} and 3", f64([-y, 3.0, x])))

    # Ties at the eighth fractional digit (exact binary values), and at the ninth significant
    # digit in scientific notation (whole numbers of ten digits ending in 5).
    odd = np.arange(1, 64, 2)
    cases.append(case("ties 2^-9", odd[:16] * 2.0 ** -9))
    cases.append(case("ties 1 + n 2^-9", 1.0 + odd[16:] * 2.0 ** -9))
    cases.append(case("ties 2^-10", odd[:12] * 2.0 ** -10))
    cases.append(case("ties negative", -(3.0 + odd[:8] * 2.0 ** -9)))
    cases.append(case("ties scientific", f64([1234567885.0, 1234567875.0, 1234567895.0,
                                              9999999995.0, 1000000005.0])))
    cases.append(case("round up carries", f64([0.999999999, 9.9999999999, 0.5])))
    cases.append(case("round up carries scientific", f64([9.9999999999e10, 1.0])))

    # Integers and booleans.
    for values in [[0], [1, 2, 3], [-5, 10, 300], [2**53, -(2**53)], [123456789012],
                   list(range(-3, 4)), [-1], [10, -10]]:
        cases.append(case(f"ints {values!r}", np.array(values, dtype=np.int64)))
    for values in [[True, False], [False], [True], [True, True, False, True]]:
        cases.append(case(f"bools {values!r}", np.array(values)))

    # Higher ranks.
    cases.append(case("rank 2 arange", np.arange(6.0).reshape(2, 3)))
    cases.append(case("rank 2 ints", np.arange(-4, 8, dtype=np.int64).reshape(3, 4)))
    cases.append(case("rank 2 bools", (np.arange(6) % 3 == 0).reshape(2, 3)))
    cases.append(case("rank 2 with nan", f64([[1.0, nan], [-inf, 0.25]])))
    cases.append(case("rank 2 column", f64([[1.5], [-2.0], [3.0]])))
    cases.append(case("rank 2 ones", f64([[7.0]])))
    cases.append(case("rank 3 arange", np.arange(24.0).reshape(2, 3, 4)))
    cases.append(case("rank 3 ints", np.arange(24, dtype=np.int64).reshape(2, 3, 4) - 10))
    cases.append(case("rank 3 bools", (np.arange(12) % 2 == 0).reshape(3, 2, 2)))
    cases.append(case("rank 3 singleton", np.arange(3.0).reshape(1, 3, 1)))
    cases.append(case("rank 4 arange", np.arange(24.0).reshape(2, 2, 2, 3) / 4))
    cases.append(case("rank 4 ints", np.arange(16, dtype=np.int64).reshape(2, 2, 2, 2)))
    cases.append(case("rank 4 singleton", np.ones((1, 1, 1, 1))))

    # Empty shapes.
    for shape in [(0,), (0, 3), (3, 0), (2, 0, 3), (0, 0)]:
        cases.append(case(f"empty float {shape}", np.zeros(shape)))
        cases.append(case(f"empty int {shape}", np.zeros(shape, dtype=np.int64)))
        cases.append(case(f"empty bool {shape}", np.zeros(shape, dtype=bool)))

    # Random normals at several scales and shapes.
    for scale in [1e-9, 1e-6, 1e-3, 1.0, 1e3, 1e6, 1e9, 1e12]:
        for shape in [(5,), (3, 4), (2, 2, 3)]:
            a = rng.standard_normal(shape) * scale
            cases.append(case(f"normal scale {scale} shape {shape}", a))
    for shape in [(6,), (4, 3)]:
        cases.append(case(f"uniform {shape}", rng.uniform(0, 1, shape)))
        cases.append(case(f"uniform mixed sign {shape}", rng.uniform(-10, 10, shape)))
        cases.append(case(f"random ints {shape}", rng.integers(-1000, 1000, shape)))
    cases.append(case("normal with exact zeros", np.where(np.arange(8) % 3 == 0, 0.0,
                                                          rng.standard_normal(8))))
    return cases


def large_cases(rng):
    cases = []
    cases.append(case("arange 1001", np.arange(1001.0)))
    cases.append(case("arange 1000 not summarised", np.arange(1000.0)))
    cases.append(case("int arange 1001", np.arange(1001, dtype=np.int64)))
    cases.append(case("bool 1001", np.arange(1001) % 3 == 0))
    cases.append(case("normal 1001", np.round(rng.standard_normal(1001), 4)))
    cases.append(case("2000 x 3", np.round(rng.standard_normal((2000, 3)), 3)))
    cases.append(case("3 x 2000 ints", rng.integers(-50, 50, (3, 2000))))
    cases.append(case("10 x 10 x 20", np.arange(2000.0).reshape(10, 10, 20) / 8))
    cases.append(case("summary with nan", np.where(np.arange(1200) == 1, np.nan,
                                                   np.arange(1200) * 0.5)))
    cases.append(case("summary tiny tail", np.concatenate([np.ones(1100), [1e-7]])))
    # Rows long enough to wrap at 75 columns.
    cases.append(case("wrap normal 30", rng.standard_normal(30)))
    cases.append(case("wrap linspace 40", np.linspace(0, 1, 40)))
    cases.append(case("wrap ints 100", np.arange(100, dtype=np.int64)))
    cases.append(case("wrap bools 50", np.arange(50) % 2 == 0))
    cases.append(case("wrap negatives", -np.arange(1, 26) * 1.5))
    cases.append(case("wrap scientific", np.logspace(-10, 10, 21)))
    cases.append(case("wrap 2-d", rng.standard_normal((3, 20))))
    cases.append(case("wrap 3-d", np.arange(150.0).reshape(2, 3, 25)))
    cases.append(case("wrap 4-d", np.arange(2 * 2 * 2 * 30, dtype=np.int64).reshape(2, 2, 2, 30)))
    cases.append(case("wrap nan", np.where(np.arange(30) % 7 == 0, np.nan, np.arange(30.0))))
    for n in [11, 12, 13, 14, 24, 25, 26]:
        cases.append(case(f"wrap edge width {n}", np.full(n, 1.25) * np.arange(n)))
    return cases


def options_cases(rng):
    cases = []
    values = rng.standard_normal(6)
    small = np.array([1e-10, 1.5, -2.25e-9, 3.0, 1e-3])
    mixed = np.array([np.nan, 1.0, -np.inf, 2.5])
    for precision in [0, 1, 3, 4, 12, 17]:
        cases.append(case(f"precision {precision}", values, precision=precision))
        cases.append(case(f"precision {precision} small", small, precision=precision))
        cases.append(case(f"precision {precision} scientific", values * 1e9, precision=precision))
    cases.append(case("precision 3 rank 0", np.array(np.pi), precision=3))
    cases.append(case("precision 3 ties", np.arange(1, 16, 2) * 2.0 ** -4, precision=3))
    cases.append(case("suppress small", small, suppress=True))
    cases.append(case("suppress negative tiny", np.array([-1e-10, 1.0]), suppress=True))
    cases.append(case("suppress wide range", np.array([1e-3, 1e7]), suppress=True))
    cases.append(case("suppress still large", np.array([1e9, 1.0]), suppress=True))
    cases.append(case("suppress precision 3", small, suppress=True, precision=3))
    cases.append(case("linewidth 40", np.arange(20.0), linewidth=40))
    cases.append(case("linewidth 40 2-d", rng.standard_normal((3, 6)), linewidth=40))
    cases.append(case("linewidth 40 empty", np.zeros((0, 7)), linewidth=40))
    cases.append(case("linewidth 10", np.arange(6.0) / 3, linewidth=10))
    cases.append(case("linewidth 1", np.arange(4, dtype=np.int64), linewidth=1))
    cases.append(case("threshold 10", np.arange(11.0), threshold=10))
    cases.append(case("threshold 10 exact", np.arange(10.0), threshold=10))
    cases.append(case("threshold 10 2-d", np.arange(30.0).reshape(5, 6), threshold=10))
    cases.append(case("threshold 10 3-d", np.arange(64.0).reshape(4, 4, 4), threshold=10))
    cases.append(case("threshold 10 edgeitems 1", np.arange(64.0).reshape(4, 4, 4), threshold=10,
                      edgeitems=1))
    cases.append(case("threshold 10 edgeitems 2", np.arange(40, dtype=np.int64), threshold=10,
                      edgeitems=2))
    cases.append(case("threshold 0 scalar", np.array(1.5), threshold=0))
    cases.append(case("threshold 0 small", np.array([1.5, 2.0]), threshold=0))
    cases.append(case("edgeitems 0", np.arange(20.0), threshold=10, edgeitems=0))
    cases.append(case("edgeitems 5", np.arange(2000.0), edgeitems=5))
    cases.append(case("sign plus", values, sign="+"))
    cases.append(case("sign plus ints", np.array([-3, 0, 12]), sign="+"))
    cases.append(case("sign plus nonfinite", mixed, sign="+"))
    cases.append(case("sign space", np.abs(values), sign=" "))
    cases.append(case("sign space mixed", values, sign=" "))
    cases.append(case("sign space ints", np.array([0, 12]), sign=" "))
    cases.append(case("sign space scientific", np.array([1e-7, 1.0]), sign=" "))
    for mode in ["fixed", "unique", "maxprec_equal"]:
        cases.append(case(f"floatmode {mode}", np.array([0.5, 1.0, 0.123456789123]),
                          floatmode=mode))
        cases.append(case(f"floatmode {mode} scientific", np.array([1e-7, 1.5, 2.0]),
                          floatmode=mode))
        cases.append(case(f"floatmode {mode} precision 3", values, floatmode=mode, precision=3))
    cases.append(case("nanstr infstr", mixed, nanstr="NaN", infstr="Infinity"))
    cases.append(case("long nanstr", np.array([np.nan, 1.25e-7]), nanstr="not-a-number"))
    return cases


def random_cases(rng, count=400):
    """Small tensors of random values and magnitudes under random options."""
    cases = []
    for i in range(count):
        n = int(rng.integers(1, 9))
        kind = int(rng.integers(0, 5))
        if kind == 0:  # mixed magnitudes
            a = rng.standard_normal(n) * 10.0 ** rng.integers(-12, 14, n)
        elif kind == 1:  # few digits
            a = np.round(rng.standard_normal(n) * 10.0 ** rng.integers(-3, 6),
                         int(rng.integers(0, 12)))
        elif kind == 2:  # dyadic fractions, rich in exact ties
            a = (rng.integers(0, 2**20, n) / 2.0 ** rng.integers(0, 30, n)
                 * 10.0 ** int(rng.integers(-3, 10)))
        elif kind == 3:  # random bit patterns
            a = rng.integers(0, 2**62, n, dtype=np.int64).view(np.float64)
            a = a * np.where(rng.random(n) < 0.5, -1.0, 1.0)
        else:  # special values
            a = rng.choice([0.0, -0.0, np.nan, np.inf, -np.inf, 1.0, 1e-5, 123.456, 5e-9], n)
        if rng.random() < 0.3:
            a = a.reshape(1, n) if rng.random() < 0.5 else a.reshape(n, 1)
        options = {}
        if rng.random() < 0.5:
            options["precision"] = int(rng.integers(0, 20))
        if rng.random() < 0.3:
            options["suppress"] = True
        if rng.random() < 0.3:
            options["floatmode"] = str(rng.choice(["fixed", "unique", "maxprec_equal"]))
        if rng.random() < 0.2:
            options["sign"] = str(rng.choice(["+", " "]))
        if rng.random() < 0.2:
            options["linewidth"] = int(rng.integers(5, 60))
        cases.append(case(f"random {i}", a, **options))
    return cases


def scalar_cases(rng):
    values = [0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 1e-4, 9.999999999999999e-05,
              1e-5, 1.5e-5, 1e16, 9999999999999998.0, 1e15, 1e17, 1.5e300, 5e-324,
              1.7976931348623157e308, 2.2250738585072014e-308, 123456789.125, 1e23, 2.0 ** 63,
              np.pi, np.e, 100.0, 12345.678, np.nan, np.inf, -np.inf]
    values += [10.0 ** e for e in range(-30, 31)]
    values += list(rng.standard_normal(60) * 10.0 ** rng.integers(-12, 20, 60))
    # Random bit patterns cover the whole exponent range.
    bits = rng.integers(0, 2**63 - 1, 120, dtype=np.int64).view(np.float64)
    values += [float(x) for x in bits if np.isfinite(x)]
    return [{"x": fx.num(x), "str": str(np.float64(x))} for x in values]


def main():
    rng = np.random.default_rng(20240)
    fx.write("print_arrays", basic_cases(rng))
    fx.write("print_large", large_cases(rng))
    fx.write("print_options", options_cases(rng))
    fx.write("print_random", random_cases(rng))
    fx.write("print_scalars", scalar_cases(rng))


if __name__ == "__main__":
    main()
