"""Generates Tests/Fixtures/numpy_functions.json: NumPy's answers to Kiso expressions that use
NumPy's sorting, statistics, array-building and matrix functions. Each case is one Kiso expression
(written so that it is also valid Python) and the text Kiso must echo for it: NumPy's own `str`
for arrays, `repr` inside tuples, Python's spelling for scalars. Run:
python3 scripts/gen_numpy_functions_fixtures.py"""
import numpy as np

from fixturelib import write

F = lambda x: np.asarray(x, dtype=float)  # noqa: E731  Kiso literals with a decimal point are float64


def ints(x):
    return np.asarray(x, dtype=np.int64)


NAMESPACE = {
    "true": True, "false": False, "nan": np.nan, "inf": np.inf, "none": None,
    "arange": np.arange, "ones": lambda s, dtype=float: np.ones(s, dtype=dtype),
    "zeros": lambda s, dtype=float: np.zeros(s, dtype=dtype),
    "astype": lambda x, dtype: np.asarray(x).astype(dtype),
    "sort": lambda x, axis=-1: np.sort(F(x), axis=axis),
    "argsort": lambda x, axis=-1: np.argsort(F(x), axis=axis, kind="stable"),
    "unique": lambda x, return_index=False, return_inverse=False, return_counts=False: np.unique(
        F(x), return_index=return_index, return_inverse=return_inverse, return_counts=return_counts),
    "searchsorted": lambda a, v, side="left": np.searchsorted(F(a), F(v), side=side),
    "count_nonzero": lambda x, axis=None, keepdims=False: np.count_nonzero(F(x), axis=axis, keepdims=keepdims),
    "median": lambda x, axis=None, keepdims=False: np.median(F(x), axis=axis, keepdims=keepdims),
    "quantile": lambda x, q, axis=None, keepdims=False: np.quantile(F(x), F(q), axis=axis, keepdims=keepdims),
    "percentile": lambda x, q, axis=None, keepdims=False: np.percentile(F(x), F(q), axis=axis, keepdims=keepdims),
    "ptp": lambda x, axis=None, keepdims=False: np.ptp(F(x), axis=axis, keepdims=keepdims),
    "diff": lambda x, n=1, axis=-1: np.diff(F(x), n=n, axis=axis),
    "average": lambda x, axis=None, weights=None: np.average(F(x), axis=axis, weights=None if weights is None else F(weights)),
    "bincount": lambda x, weights=None, minlength=0: np.bincount(
        ints(x), weights=None if weights is None else F(weights), minlength=minlength),
    "isclose": lambda a, b, rtol=1e-5, atol=1e-8, equal_nan=False: np.isclose(F(a), F(b), rtol=rtol, atol=atol, equal_nan=equal_nan),
    "allclose": lambda a, b, rtol=1e-5, atol=1e-8, equal_nan=False: bool(np.allclose(F(a), F(b), rtol=rtol, atol=atol, equal_nan=equal_nan)),
    "array_equal": lambda a, b, equal_nan=False: bool(np.array_equal(F(a), F(b), equal_nan=equal_nan)),
    "vstack": lambda ts: np.vstack([F(t) for t in ts]),
    "hstack": lambda ts: np.hstack([F(t) for t in ts]),
    "column_stack": lambda ts: np.column_stack([F(t) for t in ts]),
    "diag": lambda v, k=0: np.diag(F(v), k=k),
    "trace": lambda a, offset=0: np.trace(F(a), offset=offset),
    "moveaxis": lambda x, s, d: np.moveaxis(F(x), s, d),
    "ravel": lambda x: np.ravel(F(x)),
    "kron": lambda a, b: np.kron(F(a), F(b)),
    "take_along_axis": lambda x, i, axis: np.take_along_axis(F(x), ints(i), axis=axis),
    "tensordot": lambda a, b, axes=2: np.tensordot(F(a), F(b), axes=axes),
    "convolve": lambda a, v, mode="full": np.convolve(F(a), F(v), mode=mode),
    "correlate": lambda a, v, mode="valid": np.correlate(F(a), F(v), mode=mode),
    "pinv": lambda a: np.linalg.pinv(F(a)),
    "matrix_power": lambda a, n: np.linalg.matrix_power(F(a), n),
    "matrix_rank": lambda a, tol=None: np.linalg.matrix_rank(F(a), tol=tol),
    "slogdet": lambda a: tuple(np.linalg.slogdet(F(a))),
    "einsum": lambda sub, *ops: np.einsum(sub, *[F(o) for o in ops]),
    "cov": lambda m, y=None, rowvar=True, bias=False, ddof=None, fweights=None, aweights=None: np.cov(
        np.asarray(m), y=None if y is None else np.asarray(y), rowvar=rowvar, bias=bias, ddof=ddof,
        fweights=fweights, aweights=aweights),
    "corrcoef": lambda x, y=None, rowvar=True: np.corrcoef(
        np.asarray(x), y=None if y is None else np.asarray(y), rowvar=rowvar),
    "histogram": lambda a, bins=10, range=None, density=False, weights=None: np.histogram(
        np.asarray(a), bins=np.asarray(bins) if isinstance(bins, list) else bins, range=range, density=density,
        weights=None if weights is None else np.asarray(weights)),
    "copy": lambda x: np.copy(np.asarray(x)),
    "item": lambda x, *index: np.asarray(x).item(*index),
    "tolist": lambda x: np.asarray(x).tolist(),
    "reshape": lambda x, *shape: np.asarray(x).reshape(*shape),
}


def put_along_axis(x, i, v, axis):
    out = F(x).copy()
    np.put_along_axis(out, ints(i), F(v), axis=axis)
    return out


NAMESPACE["put_along_axis"] = put_along_axis

rng = np.random.default_rng(20261130)
M = [[round(v, 3) for v in row] for row in rng.normal(0, 1, (4, 5)).tolist()]
C = [[round(v, 3) for v in row] for row in rng.normal(0, 1, (3, 3)).tolist()]
V = [round(v, 3) for v in rng.normal(0, 1, 9).tolist()]

CASES = [
    "sort([3.0, 1.0, 2.0, nan, 0.0, -1.5])",
    f"sort({M})", f"sort({M}, axis=0)", f"sort({M}, axis=none)",
    "argsort([3.0, 1.0, 3.0, 2.0, 1.0])", f"argsort({M}, axis=0)", "argsort([[2.0, 2.0, 1.0], [0.0, 5.0, 5.0]])",
    "unique([3.0, 1.0, 3.0, 2.0, 3.0])",
    "unique([3.0, 1.0, 3.0, 2.0, 3.0], return_counts=true)",
    "unique([[3.0, 1.0], [3.0, 2.0]], return_index=true, return_inverse=true, return_counts=true)",
    "searchsorted([1.0, 3.0, 5.0, 7.0], [4.0, 5.0, 9.0, 0.0])",
    "searchsorted([1.0, 3.0, 5.0, 5.0, 7.0], [5.0, 6.0], side=\"right\")",
    "count_nonzero([[0.0, 1.0, 2.0], [3.0, 0.0, 0.0]], axis=1)",
    "count_nonzero([[0.0, 1.0, 2.0], [3.0, 0.0, 0.0]], axis=0, keepdims=true)",
    "median([3.0, 1.0, 4.0, 1.0])", "median([3.0, 1.0, 4.0, 1.0, 5.0])", f"median({M}, axis=0)", f"median({M}, axis=1, keepdims=true)",
    "median([1.0, nan, 3.0])",
    f"quantile({V}, 0.3)", f"quantile({V}, [0.0, 0.25, 0.5, 0.9, 1.0])", f"quantile({M}, [0.1, 0.5], axis=1)",
    f"quantile({M}, 0.7, axis=0, keepdims=true)",
    f"percentile({V}, [10.0, 50.0, 99.0])", "percentile(arange(10), 37.5)",
    f"ptp({M})", f"ptp({M}, axis=1)",
    "diff([1.0, 4.0, 9.0, 16.0, 25.0])", "diff([1.0, 4.0, 9.0, 16.0, 25.0], n=2)", f"diff({M}, axis=0)",
    "average([1.0, 2.0, 3.0], weights=[3.0, 1.0, 0.0])", f"average({M}, axis=1, weights=[1.0, 2.0, 3.0, 4.0, 5.0])",
    f"average({M}, axis=0)",
    "bincount([0, 1, 1, 3, 1])", "bincount([0, 1, 1, 3], minlength=6)", "bincount([0, 1, 1, 3], weights=[0.5, 1.0, 2.0, 0.25])",
    "isclose([1.0, 2.0, nan, inf], [1.0, 2.00001, nan, inf])",
    "isclose([1.0, nan], [1.0, nan], equal_nan=true)",
    "allclose([1.0, 2.0], [1.0, 2.0000001])", "allclose([1.0, 2.0], [1.0, 2.1])",
    "array_equal([1.0, 2.0], [1.0, 2.0])", "array_equal([1.0, 2.0], [1.0, 2.0, 3.0])",
    "vstack([[1.0, 2.0], [3.0, 4.0]])", "vstack([ones([2, 3]), zeros([1, 3])])",
    "hstack([ones([2, 1]), zeros([2, 3])])", "hstack([ones([2]), zeros([3])])",
    "hstack([[1.0, 2.0], [3.0, 4.0]])", "column_stack([[1.0, 2.0], [3.0, 4.0]])",
    "diag([1.0, 2.0, 3.0])", "diag([1.0, 2.0], k=1)", "diag([1.0, 2.0], k=-2)", f"diag({M})", f"diag({M}, k=2)", f"diag({M}, k=-1)",
    f"trace({C})", f"trace({M}, offset=1)",
    "moveaxis(zeros([2, 3, 4]), 0, -1).shape", "ravel([[1.0, 2.0], [3.0, 4.0]])",
    "kron([[1.0, 0.0], [0.0, 2.0]], [[1.0, 2.0], [3.0, 4.0]])", "kron([1.0, 2.0], [1.0, 10.0, 100.0])",
    f"take_along_axis({M}, argsort({M}, axis=1), axis=1)",
    "put_along_axis([[0.0, 0.0, 0.0], [1.0, 1.0, 1.0]], [[1], [2]], 9.0, axis=1)",
    f"tensordot({M}, {M}, axes=[[1], [1]])" if False else f"tensordot({C}, {C}, axes=1)",
    "tensordot(ones([2, 3, 4]), ones([3, 4, 5]), axes=2)",
    "convolve([1.0, 2.0, 3.0, 4.0, 5.0], [0.5, 1.0, 0.5])",
    "convolve([1.0, 2.0, 3.0, 4.0, 5.0], [0.5, 1.0, 0.5], mode=\"same\")",
    "convolve([1.0, 2.0, 3.0, 4.0, 5.0], [0.5, 1.0, 0.5], mode=\"valid\")",
    "convolve([1.0, 2.0, 3.0, 4.0, 5.0], [-1.0, 0.0, 1.0], mode=\"valid\")",
    "correlate([1.0, 2.0, 3.0, 4.0, 5.0], [-1.0, 0.0, 1.0])",
    "correlate([1.0, 2.0, 3.0, 4.0], [1.0, 2.0], mode=\"same\")",
    "correlate([1.0, 2.0], [1.0, 2.0, 3.0, 4.0], mode=\"full\")",
    "correlate([1.0, 2.0], [1.0, 2.0, 3.0, 4.0], mode=\"same\")",
    "convolve([1.0, 2.0], [1.0, 2.0, 3.0, 4.0], mode=\"same\")",
    f"convolve({V}, [0.25, 0.5, 0.25], mode=\"same\")",
    f"pinv({M})", "pinv([[1.0, 2.0], [2.0, 4.0]])",
    "matrix_power([[1.0, 1.0], [1.0, 0.0]], 10)", f"matrix_power({C}, -2)", f"matrix_power({C}, 0)",
    "matrix_rank([[1.0, 2.0], [2.0, 4.0]])", f"matrix_rank({M})",
    f"slogdet({C})", "slogdet([[0.0, 1.0], [1.0, 0.0]])",
    f'einsum("ij,jk->ik", {M}, {[list(r) for r in zip(*M)]})', f'einsum("ii", {C})', f'einsum("ii->i", {C})',
    f'einsum("ij->ji", {M})', f'einsum("ji", {M})', f'einsum("ij", {M})', f'einsum("i,i", {V}, {V})',
    f'einsum("i,j->ij", {V[:3]}, {V[3:7]})', f'einsum("ij,j->i", {M}, {V[:5]})', f'einsum("ij->", {M})',
    f'einsum("ij->j", {M})', f'einsum("ij,ij->i", {M}, {M})', f'einsum("...j,jk", {M}, {[list(r) for r in zip(*M)]})',
    f'einsum("ij,jk,kl->il", {C}, {C}, {C})', f'einsum("bij,bjk->bik", [{C}, {C}], [{C}, {C}])',
    f'einsum("iij->ij", [{C}, {C}, {C}])' if False else f'einsum("jii->ji", [{C}, {C}, {C}])',
]

# Covariance, correlation and histograms; NumPy's ways back to Python values.
W = [round(v, 3) for v in rng.normal(0, 1, 7).tolist()]
U = [round(v, 2) for v in rng.uniform(0, 1, 40).tolist()]
CASES += [
    f"cov({M})", f"cov({M}, rowvar=false)", f"cov({M}, bias=true)", f"cov({M}, ddof=0)", f"cov({M}, ddof=3)",
    f"cov({V})", f"cov({V[:4]}, {V[4:8]})", f"cov({M}, {M[:2]})", "cov([[1, 2, 3, 4], [2, 4, 5, 9]])",
    f"cov({M[:2]}, rowvar=false)", f"cov({[[v] for v in V[:5]]}, {V[:5]}, rowvar=false)",
    f"cov({M}, fweights=[1, 2, 0, 3, 1])", f"cov({M}, aweights=[0.5, 1.0, 2.0, 0.25, 1.5])",
    f"cov({M}, fweights=[1, 2, 1, 3, 1], aweights=[0.5, 1.0, 2.0, 0.25, 1.5])",
    f"cov({M}, fweights=[1, 2, 1, 3, 1], aweights=[0.5, 1.0, 2.0, 0.25, 1.5], ddof=0)",
    f"cov({M}, fweights=[1, 2, 1, 3, 1], bias=true)",
    f"corrcoef({M})", f"corrcoef({M}, rowvar=false)", f"corrcoef({V[:4]}, {V[4:8]})", f"corrcoef({V})",
    "corrcoef([1.0, 2.0, 3.0], [3.0, 2.0, 1.0])", "corrcoef([[1, 2, 3, 4], [2, 4, 5, 9], [0, 1, 0, 1]])",
    f"histogram({U})", f"histogram({U}, bins=4)", f"histogram({W}, bins=3)",
    f"histogram({U}, bins=[0.0, 0.25, 0.5, 1.0])", f"histogram({U}, bins=[0, 1])",
    f"histogram({U}, bins=5, range=(0.2, 0.8))", f"histogram({U}, bins=4, density=true)",
    f"histogram({W}, bins=[-1.0, 0.0, 0.5, 2.0], density=true)",
    f"histogram({U[:7]}, bins=3, weights={W})", f"histogram({U[:7]}, bins=[0.0, 0.5, 1.0], weights={W})",
    "histogram([1, 2, 2, 3, 3, 3], bins=3)", "histogram([5, 5, 5], bins=2)", "histogram([], bins=2)",
    "histogram(arange(10), bins=10)", "histogram([0.0, 0.1, 0.2, 0.30000000000000004, 0.7, 1.0], bins=10)",
    "histogram([0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0], bins=10)",
    "histogram([1.0, 2.0, nan, 3.0], bins=2, range=(1, 3))", f"histogram({M}, bins=[-2, 0, 2])",
    "histogram([0.5, 1.0, 1.5], bins=[0, 1, 1, 2])",
    "copy([1.5, 2.0])", "arange(6).reshape(2, 3).copy()", "item([2.5])", "item(arange(6), 4)",
    "arange(6).reshape(2, 3).item(1, 2)", "arange(6).reshape(2, 3).item(-1)", "item([true])",
    "ones([1, 1]).item()", "tolist(arange(6).reshape(2, 3))", "tolist([1.5, -2.0])", "tolist([true, false])",
    "tolist(2.5)", "tolist(zeros([2, 0]))", "arange(8).reshape(2, 2, 2).tolist()",
]

# NumPy's method spellings: transpose with one axis per argument or a list; dtypes as builtins.
CASES += [
    "astype([1.7, -2.2, 0.0], int)", "astype([1.7, 0.0, -3.0], bool)", "astype([1, 0, 2], float)",
    "arange(4).astype(float)", "arange(3).astype(bool)", "zeros(3, dtype=int)", "ones([2, 2], dtype=bool)",
    'astype([2.9, -2.9], "int64")', "astype([true, false], int)",
    "zeros([2, 3, 4]).transpose(0, 2, 1).shape", "zeros([2, 3, 4]).transpose([2, 0, 1]).shape",
    "zeros([2, 3, 4]).transpose().shape", "ones([2, 3]).transpose(1, 0)",
]


def torch_namespace():
    """PyTorch's functions under the names the torch cases use; float64 as Kiso's floats."""
    import torch
    import torch.nn.functional as TF

    T = lambda x: torch.as_tensor(x, dtype=torch.float64)  # noqa: E731
    return {
        "true": True, "false": False, "none": None,
        "zeros": lambda s: torch.zeros(s, dtype=torch.float64), "ones": lambda s: torch.ones(s, dtype=torch.float64),
        "arange": lambda n: torch.arange(n), "tensor": T,
        "gelu": lambda x, approximate="none": TF.gelu(T(x), approximate=approximate),
        "sum": lambda x, dim=None, keepdim=False: torch.sum(T(x), dim=dim, keepdim=keepdim),
    }


# PyTorch's method spellings: dim= for axis=, x.size(…), view, unsqueeze, squeeze, flatten, gelu.
TORCH_CASES = [
    f"tensor({M}).sum(dim=0)", f"tensor({M}).sum(dim=1, keepdim=true)", f"tensor({M}).mean(dim=1)",
    f"tensor({M}).size()", f"tensor({M}).size(0)", f"tensor({M}).size(-1)",
    "arange(6).view(2, 3)", "arange(6).view(-1, 2)", "arange(24).view(2, 3, 4).flatten(1).shape",
    "arange(24).view(2, 3, 4).flatten(0, 1).shape", "arange(24).view(2, 3, 4).flatten().shape",
    "zeros([2, 3]).unsqueeze(1).shape", "zeros([2, 3]).unsqueeze(-1).shape", "zeros([2, 1, 3]).squeeze(1).shape",
    "zeros([2, 1, 3]).squeeze(dim=1).shape",
    f"gelu({V})", f'gelu({V}, approximate="tanh")', 'gelu(1.5, approximate="none")',
]


def torch_value(value):
    """A PyTorch result as the NumPy value whose text Kiso must echo."""
    import torch

    if isinstance(value, torch.Size):
        return tuple(int(v) for v in value)
    if isinstance(value, torch.Tensor):
        return value.numpy()
    return value


def text(value):
    """What Kiso echoes for a NumPy result."""
    if isinstance(value, (bool, np.bool_)):
        return "True" if value else "False"
    if isinstance(value, list):
        return repr(value)
    if isinstance(value, tuple):
        # Inside a container a 0-d result shows as its number, an array as NumPy's repr.
        return "(" + ", ".join(text(v) if np.ndim(v) == 0 else repr(np.asarray(v)) for v in value) + ")"
    if isinstance(value, np.ndarray) and value.ndim > 0:
        return str(value)
    arr = np.asarray(value)
    if arr.dtype.kind == "f":
        return repr(float(arr))
    if arr.dtype.kind in "iu":
        return str(int(arr))
    return str(value)


# QR and Cholesky (NumPy's signs: LAPACK's dgeqrf/dorgqr), through the builtins.
A43 = [[2.0, -1.0, 0.5], [1.0, 3.0, -2.0], [0.5, 0.25, 4.0], [1.5, -0.5, 1.0]]
NAMESPACE["qr"] = lambda a, mode="reduced": np.linalg.qr(F(a), mode=mode)
NAMESPACE["cholesky"] = lambda a, upper=False: np.linalg.cholesky(F(a), upper=upper)
CASES += [
    f"qr({A43})", f'qr({A43}, mode="complete")', f'qr({A43}, mode="r")', f"qr({[list(r) for r in zip(*A43)]})",
    "qr([[3, 1], [4, 2]])", "cholesky([[4, 2, 0.4], [2, 3, 0.5], [0.4, 0.5, 2]])",
    "cholesky([[4, 2, 0.4], [2, 3, 0.5], [0.4, 0.5, 2]], upper=true)",
]

# Rolling, squaring and negating, with NumPy's dtypes (ints stay ints).
NAMESPACE["roll"] = lambda x, shift, axis=None: np.roll(np.asarray(x), shift, axis=axis)
NAMESPACE["square"] = lambda x: np.square(np.asarray(x))
NAMESPACE["negative"] = lambda x: np.negative(np.asarray(x))
CASES += [
    "roll(arange(5), 2)", "roll(arange(5), -7)", "roll(arange(5), [1, 2])", "roll(arange(6).reshape(2, 3), 1)",
    "roll(arange(6).reshape(2, 3), [1, -1], axis=[0, 1])", "roll(arange(6).reshape(2, 3), 2, axis=[0, 1])",
    "roll(arange(6.0).reshape(2, 3), 1, axis=-1)", "roll(zeros([0, 2]), 1)",
    "square([1, -2, 3])", "square([0.5, -1.5])", "negative([1, -2])", "negative([[0.5], [-1.5]])",
]


def legacy(seed, draw):
    """A draw from NumPy's global legacy stream right after np.random.seed(seed)."""
    np.random.seed(seed)
    return draw()


def shuffled(seed, x):
    np.random.seed(seed)
    np.random.shuffle(x)
    return x


# The global legacy stream: Kiso statements, NumPy's draws (bit-exactness is checked in
# Tests/KisoTensorTests/RandomLegacyTests.swift; these check the builtins' arguments).
STREAM_CASES = [
    ("seed(0); choice(10, 3, replace=false)", lambda: legacy(0, lambda: np.random.choice(10, 3, replace=False))),
    ("seed(1); choice([1.5, 2.5, 3.5], 4, p=[0.2, 0.3, 0.5])",
     lambda: legacy(1, lambda: np.random.choice([1.5, 2.5, 3.5], 4, p=[0.2, 0.3, 0.5]))),
    ("seed(2); choice(5)", lambda: legacy(2, lambda: np.random.choice(5))),
    ("seed(3); choice(6, [2, 2], replace=false, p=[0.1, 0.1, 0.2, 0.2, 0.3, 0.1])",
     lambda: legacy(3, lambda: np.random.choice(6, (2, 2), replace=False, p=[0.1, 0.1, 0.2, 0.2, 0.3, 0.1]))),
    ("seed(0); y = arange(5); shuffle(y); y", lambda: shuffled(0, np.arange(5))),
    ("seed(4); y = arange(12).reshape(4, 3); shuffle(y); y", lambda: shuffled(4, np.arange(12).reshape(4, 3))),
    ('seed(6); y = ["a", "b", "c", "d"]; shuffle(y); y', lambda: shuffled(6, ["a", "b", "c", "d"])),
    ("seed(0); poisson(3.5, [5])", lambda: legacy(0, lambda: np.random.poisson(3.5, 5))),
    ("seed(0); poisson([1.0, 20.0, 100.0])", lambda: legacy(0, lambda: np.random.poisson([1.0, 20.0, 100.0]))),
    ("seed(7); poisson()", lambda: legacy(7, lambda: np.random.poisson())),
    ("seed(0); multivariate_normal([0, 0], [[1, 0.5], [0.5, 1]], 3)",
     lambda: legacy(0, lambda: np.random.multivariate_normal([0, 0], [[1, 0.5], [0.5, 1]], 3))),
    ("seed(9); multivariate_normal([1.0, -1.0], [[2.0, 0.3], [0.3, 0.5]])",
     lambda: legacy(9, lambda: np.random.multivariate_normal([1.0, -1.0], [[2.0, 0.3], [0.3, 0.5]]))),
    ("rs = RandomState(0); rs.poisson(12.0, [4])", lambda: np.random.RandomState(0).poisson(12.0, 4)),
    ("rs = RandomState(3); rs.multivariate_normal([0, 0, 1], eye(3), [2])",
     lambda: np.random.RandomState(3).multivariate_normal([0, 0, 1], np.eye(3), 2)),
]

cases = []
TORCH = torch_namespace()
for source in CASES + TORCH_CASES:
    value = eval(source, dict(NAMESPACE)) if source in CASES else torch_value(eval(source, dict(TORCH)))
    if isinstance(value, tuple) and not isinstance(value, np.ndarray) and all(isinstance(v, (int, np.integer)) for v in value):
        expected = "(" + ", ".join(str(int(v)) for v in value) + ("," if len(value) == 1 else "") + ")"
    else:
        expected = text(value)
    cases.append({"kiso": source, "expected": expected})

for source, draw in STREAM_CASES:
    value = draw()
    expected = repr(value) if isinstance(value, list) else text(value)
    cases.append({"kiso": source, "expected": expected})

write("numpy_functions", cases)
