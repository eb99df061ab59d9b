"""Generates Tests/Fixtures/core_*.json: NumPy's results for Kiso's elementwise, reduction,
shape and creation operations. Run: python3 scripts/gen_core_fixtures.py"""
import math

import numpy as np
from scipy import special

from fixturelib import tensor, write, num

rng = np.random.default_rng(20261124)


def view(a, spec):
    """Applies a view spec (also replayed by the Swift tests) to a base array."""
    if spec is None:
        return a
    kind, arg = spec
    if kind == "flip":
        return np.flip(a, axis=tuple(arg))
    if kind == "transpose":
        return np.transpose(a, arg)
    raise ValueError(kind)


def arg(a, spec=None):
    """An input tensor: its base data and the view to apply."""
    t = tensor(a)
    if spec is not None:
        t["view"] = {"kind": spec[0], "axes": list(spec[1])}
    return t


def inputs():
    """Named input arrays covering ranks 0-4, empties, specials, ints and bools."""
    specials = np.array([0.0, -0.0, 1.5, -2.5, np.nan, np.inf, -np.inf, 1e-300, 1e300, 3.0])
    return [
        ("scalar", np.array(0.75), None),
        ("vec", rng.normal(0, 2, 7), None),
        ("mat", rng.normal(0, 1, (3, 4)), None),
        ("mat-T", rng.normal(0, 1, (4, 3)), ("transpose", (1, 0))),
        ("mat-flip", rng.normal(0, 1, (3, 4)), ("flip", (1,))),
        ("cube", rng.normal(0, 3, (2, 3, 4)), None),
        ("cube-flip", rng.normal(0, 3, (2, 3, 4)), ("flip", (0, 2))),
        ("rank4", rng.uniform(-1, 1, (2, 1, 3, 2)), None),
        ("empty", np.zeros((0,)), None),
        ("empty2", np.zeros((2, 0)), None),
        ("specials", specials, None),
        ("ints", np.array([[3, -7, 0], [12, 5, -1]], dtype=np.int64), None),
        ("bools", np.array([True, False, True, True]), None),
        ("positive", rng.uniform(0.1, 5, (2, 5)), None),
    ]


UNARY = {
    "exp": np.exp, "log": np.log, "log2": np.log2, "log10": np.log10, "log1p": np.log1p, "expm1": np.expm1, "sqrt": np.sqrt,
    "abs": np.abs, "sign": np.sign, "sin": np.sin, "cos": np.cos, "tan": np.tan,
    "arcsin": np.arcsin, "arccos": np.arccos, "arctan": np.arctan, "degrees": np.degrees, "radians": np.radians, "tanh": np.tanh,
    "sigmoid": special.expit, "erf": special.erf, "floor": np.floor, "ceil": np.ceil,
    "round": np.round, "negative": np.negative, "isnan": np.isnan, "isinf": np.isinf,
    "isfinite": np.isfinite, "logical_not": np.logical_not,
}

BINARY = {
    "add": np.add, "subtract": np.subtract, "multiply": np.multiply, "divide": np.divide,
    "power": np.power, "mod": np.mod, "floor_divide": np.floor_divide, "maximum": np.maximum,
    "minimum": np.minimum, "equal": np.equal, "not_equal": np.not_equal, "less": np.less,
    "less_equal": np.less_equal, "greater": np.greater, "greater_equal": np.greater_equal,
    "logical_and": np.logical_and, "logical_or": np.logical_or,
}


def run(cases, op, args, kwargs, fn):
    """Records one case: the result, or that NumPy refused."""
    try:
        with np.errstate(all="ignore"):
            out = fn()
        if isinstance(out, (list, tuple)):
            expected = {"list": [tensor(o) for o in out]}
        else:
            expected = tensor(out)
    except (ValueError, IndexError, TypeError, np.linalg.LinAlgError) as e:
        expected = {"error": type(e).__name__}
    cases.append({"op": op, "args": args, "kwargs": kwargs, "expected": expected})


def elementwise():
    cases = []
    named = inputs()
    for name, fn in UNARY.items():
        for label, base, spec in named:
            if base.dtype == np.bool_ and name not in ("isnan", "isinf", "isfinite", "logical_not"):
                continue  # NumPy computes these on bools in float16 or keeps bool; Kiso uses int64/float64
            a = view(base, spec)
            run(cases, name, [arg(base, spec)], {}, lambda: fn(a))
    pairs = [
        (np.array(2.5), rng.normal(size=(3, 4))),
        (rng.normal(size=(3, 1)), rng.normal(size=(1, 4))),
        (rng.normal(size=(2, 3, 4)), rng.normal(size=(4,))),
        (rng.normal(size=(5,)), rng.normal(size=(5,))),
        (rng.normal(size=(2, 1, 3)), rng.normal(size=(4, 1))),
        (np.zeros((0, 3)), rng.normal(size=(3,))),
        (np.array([1.0, -1.0, 0.0, np.nan, np.inf, -np.inf, 2.0]), np.array([0.0, 0.0, 0.0, 1.0, np.inf, 2.0, -np.inf])),
        (np.array([[7, -7], [5, -5]], dtype=np.int64), np.array([3, -3], dtype=np.int64)),
        (np.array([7.5, -7.5, 2.0, -0.0]), np.array([2.0, 2.0, -3.0, 5.0])),
        (rng.normal(size=(3, 4)), rng.normal(size=(2, 4))),  # incompatible
        (np.array([True, False, True]), np.array([True, True, False])),
    ]
    for name, fn in BINARY.items():
        for x, y in pairs:
            if name in ("power",) and x.dtype == np.int64:
                continue  # NumPy refuses negative integer powers; Kiso returns floats
            if x.dtype == np.bool_ and name in ("add", "subtract", "multiply", "power", "mod", "floor_divide"):
                continue  # NumPy's bool arithmetic is logical; Kiso's counts (see DType.promote)
            run(cases, name, [arg(x), arg(y)], {}, lambda: fn(x, y))
    # Views as operands.
    base = rng.normal(size=(4, 3))
    other = rng.normal(size=(3, 4))
    run(cases, "add", [arg(base, ("transpose", (1, 0))), arg(other, ("flip", (0, 1)))], {},
        lambda: base.T + np.flip(other))
    # where and clip.
    c = rng.normal(size=(3, 4)) > 0
    x1 = rng.normal(size=(3, 4))
    run(cases, "where", [arg(c), arg(x1), arg(np.array(-1.0))], {}, lambda: np.where(c, x1, -1.0))
    run(cases, "where", [arg(np.array([True, False])), arg(np.arange(6.0).reshape(3, 2)), arg(np.array([[9.0], [8.0], [7.0]]))], {},
        lambda: np.where([True, False], np.arange(6.0).reshape(3, 2), [[9.0], [8.0], [7.0]]))
    run(cases, "where", [arg(np.array([True, False, True])), arg(np.ones(2)), arg(np.zeros(3))], {},
        lambda: np.where([True, False, True], np.ones(2), np.zeros(3)))
    x2 = np.array([-3.0, -0.5, 0.0, 0.5, 3.0, np.nan])
    run(cases, "clip", [arg(x2), arg(np.array(-1.0)), arg(np.array(1.0))], {}, lambda: np.clip(x2, -1.0, 1.0))
    run(cases, "clip", [arg(x2), arg(np.array(0.0)), None], {}, lambda: np.clip(x2, 0.0, None))
    # round with decimals.
    x3 = rng.normal(0, 100, 12)
    for d in (-2, -1, 1, 2, 3):
        run(cases, "round", [arg(x3)], {"decimals": d}, lambda: np.round(x3, d))
    write("core_elementwise", cases)


def reductions():
    cases = []
    named = [
        ("vec", rng.normal(0, 2, 9), None),
        ("long", rng.normal(0, 1, 300), None),
        ("mat", rng.normal(0, 1, (3, 4)), None),
        ("mat-T", rng.normal(0, 1, (5, 3)), ("transpose", (1, 0))),
        ("cube", rng.normal(0, 3, (2, 3, 4)), None),
        ("cube-flip", rng.normal(0, 3, (2, 3, 4)), ("flip", (1,))),
        ("empty", np.zeros((0, 3)), None),
        ("scalar", np.array(2.5), None),
        ("nan", np.array([[1.0, np.nan, 3.0], [4.0, 5.0, 6.0]]), None),
        ("ints", np.array([[3, 7, 1], [2, 9, 4]], dtype=np.int64), None),
        ("bools", np.array([[True, False], [True, True]]), None),
        ("ties", np.array([1.0, 3.0, 3.0, -1.0, 3.0]), None),
    ]
    axes_options = [None, 0, -1, (0, 1), (0, 2), (1, 2), 1, (0, -1)]
    reducers = {
        "sum": lambda a, ax, kd: np.sum(a, axis=ax, keepdims=kd),
        "mean": lambda a, ax, kd: np.mean(a, axis=ax, keepdims=kd),
        "var": lambda a, ax, kd: np.var(a, axis=ax, keepdims=kd),
        "std": lambda a, ax, kd: np.std(a, axis=ax, keepdims=kd),
        "max": lambda a, ax, kd: np.max(a, axis=ax, keepdims=kd),
        "min": lambda a, ax, kd: np.min(a, axis=ax, keepdims=kd),
        "prod": lambda a, ax, kd: np.prod(a, axis=ax, keepdims=kd),
        "any": lambda a, ax, kd: np.any(a, axis=ax, keepdims=kd),
        "all": lambda a, ax, kd: np.all(a, axis=ax, keepdims=kd),
        "logsumexp": lambda a, ax, kd: special.logsumexp(a, axis=ax, keepdims=kd),
    }
    for name, fn in reducers.items():
        for label, base, spec in named:
            a = view(base, spec)
            for ax in axes_options:
                if ax is not None and (max(np.atleast_1d(ax)) >= a.ndim or min(np.atleast_1d(ax)) < -a.ndim):
                    if not (label == "mat" and ax == (0, 2)):
                        continue  # one out-of-range case per op is enough
                if label == "long" and (name not in ("sum", "mean", "var") or ax not in (None, 0)):
                    continue  # the long vector exercises pairwise summation only
                if name == "logsumexp" and (a.dtype != np.float64 or a.ndim == 0):
                    continue
                if name in ("mean", "var", "std", "logsumexp") and a.size == 0:
                    continue  # NumPy warns and returns nan; covered separately
                for kd in (False, True):
                    axes = list(np.atleast_1d(ax).tolist()) if ax is not None else None
                    run(cases, name, [arg(base, spec)], {"axes": axes, "keepdims": kd}, lambda: fn(a, ax, kd))
    for label, base, spec in named:
        a = view(base, spec)
        for ax in [None, 0, -1, 1]:
            if ax is not None and ax >= a.ndim:
                continue
            for name, fn in (("argmax", np.argmax), ("argmin", np.argmin), ("cumsum", np.cumsum), ("cumprod", np.cumprod)):
                if label in ("scalar",) and ax is not None:
                    continue
                run(cases, name, [arg(base, spec)], {"axis": ax}, lambda: fn(a, axis=ax))
    # ddof
    m = rng.normal(size=(4, 5))
    for ddof in (0, 1, 2):
        for ax in (None, 0, 1):
            run(cases, "var", [arg(m)], {"axes": None if ax is None else [ax], "keepdims": False, "ddof": ddof},
                lambda: np.var(m, axis=ax, ddof=ddof))
            run(cases, "std", [arg(m)], {"axes": None if ax is None else [ax], "keepdims": False, "ddof": ddof},
                lambda: np.std(m, axis=ax, ddof=ddof))
    # empty mean is nan
    run(cases, "mean", [arg(np.zeros((0,)))], {"axes": None, "keepdims": False}, lambda: np.float64("nan"))
    write("core_reductions", cases)


def norms():
    cases = []
    v = rng.normal(size=6)
    m = rng.normal(size=(4, 3))
    c = rng.normal(size=(2, 3, 4))
    for ordv, label in ((None, None), (1, 1), (2, 2), (3, 3), (0, 0), (0.5, 0.5), (np.inf, "inf"), (-np.inf, "-inf")):
        run(cases, "norm", [arg(v)], {"ord": label, "axes": None}, lambda: np.linalg.norm(v, ord=ordv))
    for ordv, label in ((None, None), ("fro", "fro"), (1, 1), (-1, -1), (np.inf, "inf"), (-np.inf, "-inf"), (2, 2), (-2, -2), ("nuc", "nuc")):
        run(cases, "norm", [arg(m)], {"ord": label, "axes": None}, lambda: np.linalg.norm(m, ord=ordv))
    for ax in (0, 1, -1):
        run(cases, "norm", [arg(m)], {"ord": None, "axes": [ax]}, lambda: np.linalg.norm(m, axis=ax))
        run(cases, "norm", [arg(m)], {"ord": 1, "axes": [ax], "keepdims": True}, lambda: np.linalg.norm(m, ord=1, axis=ax, keepdims=True))
    run(cases, "norm", [arg(c)], {"ord": None, "axes": None}, lambda: np.linalg.norm(c))
    run(cases, "norm", [arg(c)], {"ord": "fro", "axes": [1, 2]}, lambda: np.linalg.norm(c, ord="fro", axis=(1, 2)))
    run(cases, "norm", [arg(c)], {"ord": "inf", "axes": [2, 0]}, lambda: np.linalg.norm(c, ord=np.inf, axis=(2, 0)))
    run(cases, "norm", [arg(c)], {"ord": 2, "axes": [0, 2]}, lambda: np.linalg.norm(c, ord=2, axis=(0, 2)))
    run(cases, "norm", [arg(c)], {"ord": 2, "axes": None}, lambda: np.linalg.norm(c, ord=2))
    write("core_norms", cases)


def shapes():
    cases = []
    a = rng.normal(size=(2, 3, 4))
    for shp in ([4, 6], [-1], [2, -1, 2], [24, 1], [5, 5], [-1, -1], [3, -1]):
        run(cases, "reshape", [arg(a)], {"shape": shp}, lambda: a.reshape(shp))
    run(cases, "reshape", [arg(a, ("transpose", (2, 0, 1)))], {"shape": [4, 6]}, lambda: np.transpose(a, (2, 0, 1)).reshape(4, 6))
    run(cases, "reshape", [arg(np.zeros((0, 3)))], {"shape": [3, -1]}, lambda: np.zeros((0, 3)).reshape(3, -1))
    for axes in (None, [1, 0, 2], [2, 0, 1], [0, 0, 1], [0, 1]):
        run(cases, "transpose", [arg(a)], {"axes": axes}, lambda: np.transpose(a, axes))
    b = rng.normal(size=(1, 3, 1, 2))
    for axes in (None, [0], [-2], [0, 2], [1]):
        run(cases, "squeeze", [arg(b)], {"axes": axes}, lambda: np.squeeze(b, axis=None if axes is None else tuple(axes)))
    for ax in (0, 1, 3, -1, -5, 5):
        run(cases, "expand_dims", [arg(a)], {"axis": ax}, lambda: np.expand_dims(a, ax))
    run(cases, "flatten", [arg(a, ("flip", (1,)))], {}, lambda: np.flip(a, 1).flatten())
    x, y = rng.normal(size=(2, 3)), rng.normal(size=(4, 3))
    run(cases, "concatenate", [arg(x), arg(y)], {"axis": 0}, lambda: np.concatenate([x, y], 0))
    run(cases, "concatenate", [arg(x), arg(y)], {"axis": 1}, lambda: np.concatenate([x, y], 1))
    run(cases, "concatenate", [arg(x.T), arg(y.T)], {"axis": -1}, lambda: np.concatenate([x.T, y.T], -1))
    run(cases, "concatenate", [arg(x), arg(np.zeros((0, 3))), arg(x)], {"axis": 0}, lambda: np.concatenate([x, np.zeros((0, 3)), x]))
    run(cases, "concatenate", [arg(x), arg(np.zeros(3))], {"axis": 0}, lambda: np.concatenate([x, np.zeros(3)]))
    for ax in (0, 1, 2, -1, 3):
        run(cases, "stack", [arg(x), arg(x * 2), arg(x * 3)], {"axis": ax}, lambda: np.stack([x, x * 2, x * 3], ax))
    run(cases, "stack", [arg(x), arg(y)], {"axis": 0}, lambda: np.stack([x, y]))
    s = rng.normal(size=(6, 4))
    run(cases, "split", [arg(s)], {"parts": 3, "axis": 0}, lambda: np.split(s, 3, 0))
    run(cases, "split", [arg(s)], {"parts": 2, "axis": 1}, lambda: np.split(s, 2, 1))
    run(cases, "split", [arg(s)], {"parts": 4, "axis": 0}, lambda: np.split(s, 4, 0))
    run(cases, "split", [arg(s)], {"indices": [1, 4], "axis": 0}, lambda: np.split(s, [1, 4], 0))
    run(cases, "split", [arg(s)], {"indices": [-1, 9], "axis": 1}, lambda: np.split(s, [-1, 9], 1))
    run(cases, "split", [arg(s)], {"indices": [3, 1], "axis": 0}, lambda: np.split(s, [3, 1], 0))
    t = rng.normal(size=(2, 3))
    for reps in ([2], [2, 1], [1, 2, 2], [0, 3], [3, 1, 1, 2]):
        run(cases, "tile", [arg(t)], {"reps": reps}, lambda: np.tile(t, reps))
    for reps, ax in (([2], None), ([2], 0), ([1, 0, 3], 1), ([3], -1), ([1, 2], 0), ([1, 2, 3, 4], None)):
        run(cases, "repeat", [arg(t)], {"repeats": reps, "axis": ax}, lambda: np.repeat(t, reps if len(reps) > 1 else reps[0], axis=ax))
    for axes in (None, [0], [1], [0, 1], [-1]):
        run(cases, "flip", [arg(t)], {"axes": axes}, lambda: np.flip(t, axis=None if axes is None else tuple(axes)))
    run(cases, "flip", [arg(t, ("flip", (0,)))], {"axes": [1]}, lambda: np.flip(np.flip(t, 0), 1))
    for target in ([4, 2, 3], [2, 3], [3, 3], [2, 1, 3]):
        run(cases, "broadcast_to", [arg(t[:1])], {"shape": target}, lambda: np.broadcast_to(t[:1], target))
    p = rng.normal(size=(2, 3))
    for widths, mode in (([[1, 2]], "constant"), ([[0, 1], [2, 0]], "constant"), ([[2, 2]], "edge"), ([[1, 1], [2, 3]], "reflect"), ([[1, 1], [5, 5]], "reflect")):
        run(cases, "pad", [arg(p)], {"widths": widths, "mode": mode, "value": 0},
            lambda: np.pad(p, widths if len(widths) > 1 else widths[0], mode=mode))
    run(cases, "pad", [arg(np.arange(5.0))], {"widths": [[3, 4]], "mode": "reflect", "value": 0}, lambda: np.pad(np.arange(5.0), (3, 4), mode="reflect"))
    run(cases, "pad", [arg(p)], {"widths": [[1, 1]], "mode": "constant", "value": 7.5}, lambda: np.pad(p, 1, constant_values=7.5))
    tri = rng.normal(size=(2, 3, 4))
    for k in (-1, 0, 2, -5, 5):
        run(cases, "triu", [arg(tri)], {"k": k}, lambda: np.triu(tri, k))
        run(cases, "tril", [arg(tri[0], ("transpose", (1, 0)))], {"k": k}, lambda: np.tril(tri[0].T, k))
    write("core_shapes", cases)


def creation():
    cases = []
    for shp in ([], [3], [2, 3], [0, 4], [2, 0, 3]):
        run(cases, "zeros", [], {"shape": shp}, lambda: np.zeros(shp))
        run(cases, "ones", [], {"shape": shp}, lambda: np.ones(shp))
        run(cases, "full", [], {"shape": shp, "value": -2.5}, lambda: np.full(shp, -2.5))
    for n, m, k in ((3, None, 0), (3, 4, 1), (4, 2, -1), (2, 2, 5), (0, None, 0)):
        run(cases, "eye", [], {"n": n, "m": m, "k": k}, lambda: np.eye(n, m, k))
    for start, stop, step in ((0, 5, 1), (2, 11, 3), (0.0, 1.0, 0.1), (5, 0, -1), (1, 1, 1), (-1.5, 2.5, 0.5), (0, 1, 0.3), (10, 0, 1)):
        run(cases, "arange", [], {"start": start, "stop": stop, "step": step}, lambda: np.arange(start, stop, step))
    for start, stop, num, ep in ((0, 1, 5, True), (0, 1, 5, False), (-3, 3, 7, True), (1, 0, 4, True), (2, 2, 3, True), (0, 1, 1, True), (0, 1, 0, True), (0, 10, 50, True), (1e-3, 1e3, 9, False)):
        run(cases, "linspace", [], {"start": start, "stop": stop, "num": num, "endpoint": ep}, lambda: np.linspace(start, stop, num, endpoint=ep))
    x, y, z = np.linspace(-1, 1, 3), np.arange(4.0), np.array([5.0, 6.0])
    run(cases, "meshgrid", [arg(x), arg(y)], {"indexing": "xy"}, lambda: np.meshgrid(x, y))
    run(cases, "meshgrid", [arg(x), arg(y)], {"indexing": "ij"}, lambda: np.meshgrid(x, y, indexing="ij"))
    run(cases, "meshgrid", [arg(x), arg(y), arg(z)], {"indexing": "xy"}, lambda: np.meshgrid(x, y, z))
    run(cases, "meshgrid", [arg(x), arg(y), arg(z)], {"indexing": "ij"}, lambda: np.meshgrid(x, y, z, indexing="ij"))
    write("core_creation", cases)


if __name__ == "__main__":
    elementwise()
    reductions()
    norms()
    shapes()
    creation()
