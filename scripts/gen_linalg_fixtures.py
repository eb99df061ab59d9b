"""Reference results for Kiso's linear algebra (Sources/KisoTensor/Linalg), from NumPy.

Writes Tests/Fixtures/linalg_products.json (matmul, dot, inner, outer, vdot) and
Tests/Fixtures/linalg_decompositions.json (eigh, eig, svd, inv, det, slogdet, solve, lstsq).

An operand is either a plain fixture tensor or, for non-contiguous inputs, a strided view:
{"base": tensor (1-d), "shape": [...], "strides": [...] (in elements), "offset": n}, which the
Swift tests rebuild with Tensor(view:shape:strides:offset:dtype:). Error cases give the
expected TensorError kind and fragments the message (and hint) must contain.
"""
import numpy as np

from fixturelib import tensor, write

rng = np.random.default_rng(20240611)


def operand(x):
    """A fixture operand; views that are not C-contiguous keep their strides."""
    x = np.asarray(x)
    if x.flags.c_contiguous or x.size == 0:
        return tensor(x)
    base = x.base
    while base is not None and base.base is not None:
        base = base.base
    assert base is not None and base.flags.c_contiguous
    flat = base.reshape(-1)
    item = flat.itemsize
    offset = (x.__array_interface__["data"][0] - flat.__array_interface__["data"][0]) // item
    return {
        "base": tensor(flat),
        "shape": list(x.shape),
        "strides": [s // item for s in x.strides],
        "offset": int(offset),
    }


def normal(*shape):
    return rng.standard_normal(shape)


def symmetric(n, batch=()):
    x = normal(*batch, n, n)
    return (x + np.swapaxes(x, -1, -2)) / 2


def product_cases():
    cases = []

    def case(op, a, b, note):
        fn = {"matmul": np.matmul, "dot": np.dot, "inner": np.inner, "outer": np.outer, "vdot": np.vdot}[op]
        expected = np.asarray(fn(a, b))
        cases.append({"op": op, "note": note, "a": operand(a), "b": operand(b), "expected": tensor(expected)})

    def error(op, a, b, kind, contains, hint=None, note=""):
        c = {"op": op, "note": note, "a": operand(a), "b": operand(b), "error": kind, "contains": contains}
        if hint is not None:
            c["hint"] = hint
        cases.append(c)

    # matmul: NumPy's promotion of 1-d operands and broadcasting of batch dimensions.
    for sa, sb in [((3,), (3,)), ((2, 3), (3,)), ((3,), (3, 4)), ((2, 3), (3, 4)),
                   ((4,), (2, 4, 3)), ((2, 5, 4), (4,)), ((2, 1, 3, 4), (5, 4, 2)),
                   ((3, 4), (2, 4, 5)), ((1, 1), (1, 1)), ((7, 9), (9, 1)), ((1, 9), (9, 7)),
                   ((33, 17), (17, 65))]:
        case("matmul", normal(*sa), normal(*sb), f"{sa} @ {sb}")
    # Empty dimensions: a zero-size inner dimension gives zeros.
    for sa, sb in [((2, 0), (0, 3)), ((0, 3), (3, 2)), ((3, 0), (0,)), ((0,), (0,)),
                   ((0, 2, 3), (3, 4)), ((2, 3), (3, 0))]:
        case("matmul", normal(*sa), normal(*sb), f"empty {sa} @ {sb}")
    # Non-contiguous views: transposes (read by BLAS without a copy), steps, reversals,
    # broadcasts (stride 0) and permuted batch axes.
    x = normal(4, 3)
    case("matmul", x.T, normal(4, 5), "transposed a")
    case("matmul", normal(5, 3), normal(4, 3).T, "transposed b")
    case("matmul", normal(6, 8)[::2, 1::3], normal(3, 2), "stepped a")
    case("matmul", normal(3, 4)[::-1, ::-1], normal(4, 2)[::-1], "reversed operands")
    case("matmul", np.broadcast_to(normal(1, 4), (3, 4)), normal(4, 2), "broadcast rows of a")
    case("matmul", normal(3, 2, 4).transpose(1, 0, 2), normal(4, 5), "permuted batch axes")
    case("matmul", normal(2, 3, 4).transpose(0, 2, 1), normal(2, 3, 5), "batched transposes")
    case("matmul", normal(10)[::2], normal(5, 3), "stepped vector")
    case("matmul", rng.integers(-5, 5, (2, 3)), rng.integers(-5, 5, (3, 2)), "int64 inputs give int64")
    error("matmul", normal(2, 3), normal(2, 3), "shape", "matmul: (2,3) @ (2,3) — inner sizes 3 and 2 differ",
          "did you mean b.T?")
    error("matmul", normal(3,), normal(4,), "shape", "inner sizes 3 and 4 differ")
    error("matmul", np.float64(2.0), normal(3,), "shape", "0-d")
    error("matmul", normal(2, 3, 4), normal(3, 4, 5), "shape", "batch dimensions (2,) and (3,) cannot be broadcast")

    # dot: scalars, vectors, and N-d · M-d, whose leading dimensions combine.
    for sa, sb in [((), (2, 3)), ((3,), ()), ((3,), (3,)), ((2, 3), (3,)), ((3,), (2, 3, 4)),
                   ((2, 3), (3, 4)), ((2, 3, 4), (4, 5)), ((2, 3, 4), (5, 4, 6)), ((4,), (4, 2)),
                   ((2, 0), (0, 3)), ((2, 3, 0), (4, 0, 2))]:
        case("dot", normal(*sa) if sa else np.float64(1.5), normal(*sb) if sb else np.float64(-2.0),
             f"{sa} . {sb}")
    case("dot", normal(4, 3, 2).transpose(2, 1, 0), normal(5, 4, 3).transpose(2, 1, 0)[:, ::-1, ::2],
         "non-contiguous N-d . M-d")
    error("dot", normal(2, 3), normal(2, 3), "shape", "dot: shapes (2,3) and (2,3) not aligned", "did you mean b.T?")

    # inner, outer, vdot.
    for sa, sb in [((3,), (3,)), ((2, 3), (4, 3)), ((2, 3, 4), (5, 4)), ((), (2, 2)), ((2, 0), (3, 0))]:
        case("inner", normal(*sa) if sa else np.float64(3.0), normal(*sb), f"inner {sa} {sb}")
    case("inner", normal(3, 2).T, normal(4, 3)[:, ::-1], "inner of views")
    error("inner", normal(2, 3), normal(2, 4), "shape", "last dimensions 3 and 4 differ")
    for sa, sb in [((3,), (4,)), ((2, 2), (3,)), ((0,), (3,))]:
        case("outer", normal(*sa), normal(*sb), f"outer {sa} {sb}")
    case("outer", normal(3, 2).T, normal(8)[::-2], "outer of views")
    case("vdot", normal(2, 3), normal(3, 2), "vdot flattens")
    case("vdot", normal(3, 2).T, normal(6), "vdot of a view")
    error("vdot", normal(2, 3), normal(5), "shape", "hold 6 and 5 elements")
    return cases


def decomposition_cases():
    cases = []

    def add(op, inputs, outputs, note, **params):
        cases.append({"op": op, "note": note, "inputs": [operand(x) for x in inputs],
                      "outputs": {k: (tensor(v) if not isinstance(v, int) else v) for k, v in outputs.items()},
                      **params})

    def error(op, inputs, kind, contains, note="", **params):
        cases.append({"op": op, "note": note, "inputs": [operand(x) for x in inputs], "error": kind,
                      "contains": contains, **params})

    # eigh: only the chosen triangle is read, so the other holds noise NumPy ignores.
    for a, note in [(symmetric(4), "symmetric 4x4"), (symmetric(5, (3,)), "stack of 3"),
                    (symmetric(3, (2, 2)), "2x2 stack"), (np.eye(3) * 2.0, "repeated eigenvalue"),
                    (np.tril(normal(4, 4)), "lower triangle only"), (symmetric(6).T[::-1, ::-1], "reversed view"),
                    (np.zeros((0, 0)), "0x0"), (np.zeros((2, 0, 0)), "stack of 0x0"), (np.array([[5.0]]), "1x1")]:
        w, v = np.linalg.eigh(a)
        add("eigh", [a], {"eigenvalues": w, "eigenvectors": v}, note, uplo="L")
    a = np.triu(normal(4, 4))
    w, v = np.linalg.eigh(a, UPLO="U")
    add("eigh", [a], {"eigenvalues": w, "eigenvectors": v}, "upper triangle", uplo="U")
    error("eigh", [normal(2, 3)], "shape", "expected square matrices")
    error("eigh", [normal(3)], "shape", "1-d tensor")

    # eig: real spectra built as P diag(d) P^-1; complex spectra are refused.
    for n, batch in [(3, ()), (4, (2,)), (1, ())]:
        p = normal(*batch, n, n) + 3 * np.eye(n)
        d = rng.permutation(np.arange(1.0, n + 1)) * rng.choice([-1.0, 1.0], n)
        a = p @ (d[..., :, None] * np.linalg.inv(p))
        w, v = np.linalg.eig(a)
        assert np.all(np.imag(w) == 0)
        add("eig", [a], {"eigenvalues": np.real(w), "eigenvectors": np.real(v)}, f"real spectrum n={n} {batch}")
    a = np.array([[2.0, 1.0], [0.0, 3.0]])
    w, v = np.linalg.eig(a)
    add("eig", [a], {"eigenvalues": w, "eigenvectors": v}, "triangular")
    error("eig", [np.array([[0.0, -1.0], [1.0, 0.0]])], "linalg", "complex spectrum", note="rotation")
    error("eig", [np.stack([np.eye(2), np.array([[1.0, -2.0], [2.0, 1.0]])])], "linalg", "complex spectrum",
          note="second of a stack")

    # svd.
    for a, note in [(normal(4, 3), "tall"), (normal(3, 5), "wide"), (normal(2, 4, 4), "stack"),
                    (normal(5, 2) @ normal(2, 4), "rank 2"), (normal(6, 4)[::2, ::-1], "view"),
                    (np.zeros((0, 3)), "0x3"), (np.zeros((3, 0)), "3x0"), (np.zeros((2, 0, 0)), "stack of 0x0")]:
        for full in (True, False):
            u, s, vh = np.linalg.svd(a, full_matrices=full)
            add("svd", [a], {"u": u, "s": s, "vh": vh}, f"{note} full={full}", fullMatrices=full, computeUV=True)
        add("svd", [a], {"s": np.linalg.svd(a, compute_uv=False)}, f"{note} values only",
            fullMatrices=True, computeUV=False)
    error("svd", [normal(4)], "shape", "1-d tensor")

    # inv, det, slogdet.
    hilbert = 1.0 / (np.arange(1, 7)[:, None] + np.arange(6)[None, :])
    for a, note in [(normal(4, 4), "4x4"), (normal(3, 3, 3), "stack"), (normal(5, 5).T[::-1], "view"),
                    (np.zeros((0, 0)), "0x0"), (np.array([[4.0]]), "1x1")]:
        add("inv", [a], {"result": np.linalg.inv(a)}, note)
    # Condition number ~1.5e7: agreement with NumPy only to about cond * eps.
    add("inv", [hilbert], {"result": np.linalg.inv(hilbert)}, "Hilbert 6x6, ill-conditioned", rtol=1e-6)
    error("inv", [np.array([[1.0, 2.0], [2.0, 4.0]])], "linalg", "matrix is singular")
    error("inv", [np.stack([np.eye(2), np.zeros((2, 2))])], "linalg", "matrix is singular", note="stack")
    error("inv", [normal(2, 3)], "shape", "expected square matrices")
    singular = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [0.0, 0.0, 0.0]])
    for a, note in [(normal(4, 4), "4x4"), (normal(2, 3, 3), "stack"), (singular, "singular gives 0"),
                    (hilbert, "Hilbert"), (normal(3, 3)[::-1], "row swap view"), (np.zeros((0, 0)), "0x0 is 1"),
                    (np.zeros((2, 0, 0)), "stack of 0x0"), (1e30 * np.eye(11), "det overflows to inf, slogdet does not")]:
        rtol = 1e-6 if a is hilbert else 1e-10
        add("det", [a], {"result": np.linalg.det(a)}, note, rtol=rtol)
        sign, logdet = np.linalg.slogdet(a)
        add("slogdet", [a], {"sign": sign, "logabsdet": logdet}, note, rtol=rtol)
    error("det", [normal(3)], "shape", "1-d tensor")

    # solve: NumPy 2's rules for b (1-d: one right-hand side; otherwise a matrix) and broadcasting.
    for sa, sb in [((3, 3), (3,)), ((3, 3), (3, 2)), ((2, 3, 3), (3,)), ((2, 3, 3), (2, 3, 1)),
                   ((3, 3), (4, 3, 2)), ((2, 1, 3, 3), (5, 3, 2)), ((0, 0), (0,)), ((3, 3), (3, 0))]:
        a = normal(*sa) + 3 * np.eye(sa[-1])
        b = normal(*sb)
        add("solve", [a, b], {"result": np.linalg.solve(a, b)}, f"{sa} {sb}")
    a = normal(4, 4).T
    b = normal(8)[::2]
    add("solve", [a, b], {"result": np.linalg.solve(a, b)}, "views")
    add("solve", [hilbert, np.ones(6)], {"result": np.linalg.solve(hilbert, np.ones(6))}, "ill-conditioned",
        rtol=1e-6)
    error("solve", [singular, np.ones(3)], "linalg", "matrix is singular")
    error("solve", [normal(3, 3), normal(4)], "shape", "b needs 3 elements, not 4")
    error("solve", [normal(3, 3), normal(4, 2)], "shape", "b needs 3 rows, not 4")
    error("solve", [normal(2, 3, 3), normal(3, 3, 1)], "shape", "cannot be broadcast")

    # lstsq with rcond=None.
    rank_deficient = normal(6, 2) @ normal(2, 3)
    for sa, sb, a in [((6, 3), (6,), None), ((6, 3), (6, 2), None), ((3, 5), (3,), None), ((4, 4), (4, 2), None),
                      ((6, 3), (6,), rank_deficient), ((0, 3), (0,), None), ((3, 0), (3,), None),
                      ((4, 2), (4, 0), None), ((5, 3), (5,), "view")]:
        if a is None:
            a = normal(*sa)
        elif isinstance(a, str):
            a = normal(3, 5).T[::-1]
        b = normal(*sb)
        x, res, rank, s = np.linalg.lstsq(a, b, rcond=None)
        add("lstsq", [a, b], {"solution": x, "residuals": res, "rank": int(rank), "singularValues": s},
            f"{sa} {sb}")
    a, b = hilbert, np.ones(6)
    x, res, rank, s = np.linalg.lstsq(a, b, rcond=1e-6)
    add("lstsq", [a, b], {"solution": x, "residuals": res, "rank": int(rank), "singularValues": s},
        "explicit rcond truncates", rcond=1e-6, rtol=1e-6)
    error("lstsq", [normal(4, 3), normal(5)], "shape", "b needs 4 rows, not 5")
    error("lstsq", [normal(2, 4, 3), normal(4)], "shape", "expected a 2-d a")

    # qr: dgeqrf and dorgqr as NumPy calls them, so Q and R carry NumPy's signs.
    for a, note in [(normal(5, 3), "tall"), (normal(3, 5), "wide"), (normal(4, 4), "square"),
                    (normal(2, 4, 3), "stack"), (normal(6, 4)[::2, ::-1], "view"),
                    (normal(5, 2) @ normal(2, 4), "rank 2"), (np.zeros((3, 0)), "3x0"), (np.zeros((0, 3)), "0x3"),
                    (np.array([[0.0, 0.0], [0.0, 0.0]]), "zero matrix")]:
        for mode in ("reduced", "complete"):
            q, r = np.linalg.qr(a, mode=mode)
            add("qr", [a], {"q": q, "r": r}, f"{note} {mode}", mode=mode)
        add("qr", [a], {"r": np.linalg.qr(a, mode="r")}, f"{note} r", mode="r")
    error("qr", [normal(4)], "shape", "1-d tensor")

    # cholesky: Kiso factors in Swift (Cholesky–Banachiewicz), NumPy by LAPACK's dpotrf, so the
    # last bits may differ.
    for n, batch, note in [(4, (), "4x4"), (3, (2,), "stack"), (1, (), "1x1"), (6, (), "6x6")]:
        b = normal(*batch, n, n)
        a = b @ np.swapaxes(b, -1, -2) + n * np.eye(n)
        add("cholesky", [a], {"result": np.linalg.cholesky(a)}, note)
    error("cholesky", [np.array([[1.0, 2.0], [2.0, 1.0]])], "linalg", "not positive definite")
    error("cholesky", [normal(2, 3)], "shape", "expected square matrices")
    return cases


if __name__ == "__main__":
    write("linalg_products", product_cases())
    write("linalg_decompositions", decomposition_cases())
