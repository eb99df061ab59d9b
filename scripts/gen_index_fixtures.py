"""Reference fixtures for indexing and assignment (Tests/Fixtures/index_*.json).

Each case applies one index list to a tensor, reading (`"op": "get"`) or assigning
(`"op": "set"`), and records NumPy's answer. An index list is JSON of the form
    {"int": -1}  {"slice": [start, stop, step]}  {"newaxis": true}  {"ellipsis": true}
    {"tensor": <fixture tensor>}
with null for an omitted slice bound. `x` is a contiguous tensor; when `view` is present
({"shape", "strides", "offset"} in elements) the index applies to that strided view of x's
storage, built by NumPy itself (a transpose, a reversal, …). An expected failure is
{"error": "<substring of Kiso's message>", "kind": "<TensorError.Kind>"}; the messages are Kiso's
own, and the generator only checks that NumPy raised too.

Kiso accepts float index tensors holding whole numbers; NumPy does not, so the generator gives
NumPy their int64 equivalent.
"""
import numpy as np

from fixturelib import tensor, write

rng = np.random.default_rng(20240607)

NEW = ("newaxis", None)
ELL = ("ellipsis", Ellipsis)


def I(i):
    return ("int", i)


def S(start=None, stop=None, step=None):
    return ("slice", slice(start, stop, step))


ALL = S()


def T(values, dtype=None):
    return ("tensor", np.asarray(values, dtype=dtype))


def encode(entry):
    kind, value = entry
    if kind == "int":
        return {"int": int(value)}
    if kind == "slice":
        return {"slice": [value.start, value.stop, value.step]}
    if kind == "newaxis":
        return {"newaxis": True}
    if kind == "ellipsis":
        return {"ellipsis": True}
    return {"tensor": tensor(value)}


def numpy_entry(entry):
    kind, value = entry
    if kind == "tensor" and value.dtype == np.float64:
        whole = np.isfinite(value).all() and (np.trunc(value) == value).all() and (abs(value) < 2**62).all()
        return value.astype(np.int64) if whole else value
    return value


def view_of(base, view):
    """A NumPy view's layout relative to its base, in elements."""
    size = base.itemsize
    start = view.__array_interface__["data"][0] - base.__array_interface__["data"][0]
    return {
        "shape": list(view.shape),
        "strides": [s // size for s in view.strides],
        "offset": start // size,
    }


def run(name, op, x, index, value=None, view=None, error=None, kind="index"):
    """Runs one case through NumPy and returns its fixture entry."""
    target = x if view is None else view(x)
    np_index = tuple(numpy_entry(e) for e in index)
    case = {"name": name, "op": op, "x": tensor(x), "index": [encode(e) for e in index]}
    if view is not None:
        case["view"] = view_of(x, target)
    if value is not None:
        case["value"] = tensor(value)
    try:
        if op == "get":
            result = np.asarray(target[np_index])
        else:
            result = target.copy()
            result[np_index] = value
        raised = None
    except (IndexError, ValueError, TypeError) as e:
        raised = e
    if error is not None:
        assert raised is not None, f"{name}: NumPy accepted an index expected to fail"
        case["error"] = error
        case["kind"] = kind
        case["numpy_raised"] = type(raised).__name__
    else:
        assert raised is None, f"{name}: NumPy raised {raised!r}"
        assert result.dtype == target.dtype, f"{name}: dtype changed"
        case["expected"] = tensor(result)
    return case


def get(name, x, index, **kw):
    return run(name, "get", x, index, **kw)


def put(name, x, index, value, **kw):
    return run(name, "set", x, index, value=np.asarray(value), **kw)


def oob(i, axis, size):
    return f"index {i} is out of bounds for axis {axis} with size {size}"


# --- Slices on one dimension: every step sign, clamping, extreme bounds -----------------------

def slice_cases():
    x = np.arange(7.0) * 10 + 1
    bounds = [None, -10, -7, -3, -1, 0, 2, 6, 7, 10]
    steps = [None, 1, 2, 3, -1, -2, -3, 6, -6, 10, -10]
    cases = []
    for start in bounds:
        for stop in bounds:
            for step in steps:
                cases.append(get(f"1d[{start}:{stop}:{step}]", x, [S(start, stop, step)]))
    big, small = 2**63 - 1, -(2**63)
    for start, stop, step in [
        (small, big, None), (big, small, -1), (None, None, big), (None, None, small),
        (small, big, big), (big, small, small), (3, None, small), (3, 3, small), (1, 4, big),
    ]:
        cases.append(get(f"1d[{start}:{stop}:{step}] extreme", x, [S(start, stop, step)]))
    empty = np.zeros(0)
    for step in [None, 1, -1, 2, -3]:
        for start, stop in [(None, None), (0, 5), (-1, None), (5, -5)]:
            cases.append(get(f"empty[{start}:{stop}:{step}]", empty, [S(start, stop, step)]))
    for step in [None, -1, 2]:
        cases.append(get(f"2d[:, ::{step}] on rows of 5", np.arange(15.0).reshape(3, 5), [ALL, S(None, None, step)]))
        cases.append(get(f"2d[1:-1, ::{step}]", np.arange(15.0).reshape(3, 5), [S(1, -1), S(4, 0, step)]))
    cases.append(get("step 0", x, [S(None, None, 0)], error="slice step cannot be zero", kind="value"))
    cases.append(get("step 0 on 2nd axis", np.zeros((2, 3)), [ALL, S(1, 2, 0)],
                     error="slice step cannot be zero", kind="value"))
    return cases


# --- Basic indexing: integers, newaxis, ellipsis, 0-d and empty tensors -----------------------

def basic_cases():
    x = np.arange(24.0).reshape(2, 3, 4) * 1.5
    cases = []
    lists = [
        [], [I(0)], [I(-1)], [I(1), I(2)], [I(1), I(2), I(3)], [I(-2), I(-3), I(-4)],
        [ALL, I(1)], [ALL, ALL, I(-1)], [ELL, I(1)], [I(1), ELL], [ELL], [ELL, I(0), I(1), I(2)],
        [I(0), ELL, I(0)], [NEW], [NEW, ELL, NEW], [ELL, NEW], [I(0), NEW, S(None, None, -1), NEW],
        [NEW, I(0), NEW, I(0), NEW, I(0), NEW], [S(None, None, -1), S(1, None), S(None, None, -2)],
        [I(1), S(-2, None, -1), NEW], [NEW, NEW, ELL, I(-1), NEW],
        [S(5, None)], [ALL, S(3, 0)], [I(0), I(0), S(10, None, -1)],
    ]
    for index in lists:
        cases.append(get(f"basic {[encode(e) for e in index]}", x, index))
    cases.append(get("int too large", x, [I(2)], error=oob(2, 0, 2)))
    cases.append(get("int too negative", x, [ALL, I(-4)], error=oob(-4, 1, 3)))
    cases.append(get("int after newaxis", x, [NEW, ALL, ALL, I(4)], error=oob(4, 2, 4)))
    cases.append(get("int64 min", x, [I(-(2**63))], error=oob(-(2**63), 0, 2)))
    cases.append(get("int64 max", x, [ALL, I(2**63 - 1)], error=oob(2**63 - 1, 1, 3)))
    cases.append(get("too many ints", x, [I(0), I(0), I(0), I(0)],
                     error="too many indices: the tensor is 3-dimensional, but 4 were indexed"))
    cases.append(get("too many with ellipsis", x, [ELL, I(0), I(0), I(0), ALL],
                     error="the tensor is 3-dimensional, but 4 were indexed"))
    cases.append(get("two ellipses", x, [ELL, I(0), ELL], error="only have a single ellipsis"))
    cases.append(get("ellipsis, newaxis, ints", x, [NEW, I(0), I(0), I(0), NEW]))

    s = np.array(5.25)
    for index in [[], [ELL], [NEW], [NEW, NEW], [ELL, NEW], [T(True)], [T(False)], [NEW, T(True)]]:
        cases.append(get(f"0-d {[encode(e) for e in index]}", s, index))
    cases.append(get("0-d int", s, [I(0)], error="the tensor is 0-dimensional, but 1 were indexed"))

    e = np.zeros((0, 3))
    for index in [[ALL], [ALL, I(1)], [ALL, I(-3)], [S(1, 5)], [ELL, T([0, 2])], [T([], dtype=np.int64)],
                  [T(np.zeros(0, dtype=bool))], [ALL, T([True, False, True])], [NEW, ALL, S(None, None, -1)]]:
        cases.append(get(f"empty {[encode(e) for e in index]}", e, index))
    cases.append(get("empty axis int", e, [I(0)], error=oob(0, 0, 0)))
    cases.append(get("empty axis array", e, [T([0])], error=oob(0, 0, 0)))

    xi = np.arange(12, dtype=np.int64).reshape(3, 4) - 5
    xb = xi % 3 == 0
    for arr, tag in [(xi, "int64"), (xb, "bool")]:
        for index in [[I(1)], [ALL, S(None, None, -2)], [T([2, 0])], [("tensor", xi > 0)], [I(-1), I(-1)]]:
            cases.append(get(f"{tag} {[encode(e) for e in index]}", arr, index))
    return cases


# --- Advanced indexing: masks, integer arrays, placement, broadcasting ------------------------

def advanced_cases():
    x = np.arange(24.0).reshape(2, 3, 4) - 7.5
    m3 = rng.random((2, 3, 4)) < 0.4
    m2 = np.array([[True, False, True], [False, True, True]])
    cases = []
    lists = [
        # masks
        [T(m3)], [T(m2)], [T([True, False])], [ALL, T([False, True, True])], [ELL, T([True, False, False, True])],
        [T(np.zeros((2, 3, 4), dtype=bool))], [T(np.ones((2, 3), dtype=bool))], [I(1), T(m2[0])],
        [ALL, T([True, True, False])],
        [T(m2), I(-1)], [T(m2), S(None, None, -1)], [ALL, T(m3[0])], [NEW, T(m2), NEW],
        # 0-d booleans
        [T(True)], [T(False)], [T(True), T([0, 1])], [ALL, T(True), T([0, 1])], [I(0), T(True)],
        [T(True), ELL, T(True)], [ELL, T(False)], [T([1, 0]), T(True)], [ALL, T(True), ALL, T([1, 2])],
        # integer arrays
        [T([0, 1, 1, 0])], [T([-1, 0])], [T([[0, 1], [1, 0]])], [ALL, T([2, -3, 0, 2])],
        [ALL, ALL, T([[3, 0, 3]])], [T([], dtype=np.int64)], [ALL, T(np.zeros((0, 2), dtype=np.int64))],
        [T([1.0, 0.0])], [T(np.array(1))], [T(np.array(-1)), ALL], [ALL, T(np.array(2.0))],
        [T([[1]]), T([0, 1, 2]), T([[3], [2]])],
        # placement: adjacent advanced indices stay in place, separated ones go first
        [I(0), ALL, T([0, 1])], [ALL, I(0), T([0, 1])], [T([0, 1]), ALL, T([1, 2])], [T([0, 1]), T([1, 2])],
        [ALL, T([0, 1]), T([1, 2])], [T([0, 1]), ELL, T([0, 1])], [ALL, T([0, 2]), ELL, T([0, 3])],
        [T([0, 1]), NEW, T([0, 1])], [T([[0], [1]]), ALL, T([0, 2, 3])], [ALL, T([[0], [2]]), T([[1, 3]])],
        [T(m2), T([0, 3, 3, 1])], [T([1]), T(m2[1])], [I(1), T(m2[0]), I(2)], [I(1), ALL, T(np.array(2))],
        [NEW, T([0, 1]), NEW, ALL, T([1, 0])], [T([1, 0]), NEW, T([2, 1]), ALL],
        [T([1, 1]), S(None, None, -1), S(1, None, 2)],
    ]
    for index in lists:
        cases.append(get(f"advanced {[encode(e) for e in index]}", x, index))

    cases.append(get("array out of bounds", x, [ALL, T([0, 3, 5])], error=oob(3, 1, 3)))
    cases.append(get("negative array out of bounds", x, [T([-3])], error=oob(-3, 0, 2)))
    cases.append(get("huge float array", x, [T([1e20])], error="index 1e+20 is out of bounds for axis 0"))
    cases.append(get("fractional index", x, [T([0.5, 1.0])], error="indices must be whole numbers"))
    cases.append(get("nan index", x, [T([np.nan])], error="indices must be whole numbers"))
    cases.append(get("fractional 0-d index", x, [T(np.array(1.5))], error="indices must be whole numbers"))
    cases.append(get("mask too long", x, [T([True, False, True])],
                     error="boolean mask of shape (3,) does not match the shape (2,)"))
    cases.append(get("mask wrong 2-d", x, [ALL, T(np.ones((4, 3), dtype=bool))],
                     error="boolean mask of shape (4,3) does not match the shape (3,4)"))
    cases.append(get("mask too many dims", x, [I(0), T(m3)], error="but 4 were indexed"))
    cases.append(get("arrays do not broadcast", x, [T([0, 1]), T([0, 1, 2])],
                     error="index arrays of shapes (2,), (3,) cannot be broadcast together"))
    cases.append(get("three arrays do not broadcast", x, [T([[0], [1]]), T([0, 1, 2]), T([0, 1])],
                     error="index arrays of shapes (2,1), (3,), (2,) cannot be broadcast together"))
    cases.append(get("mask and array do not broadcast", x, [T(m2), T([0, 1])],
                     error="cannot be broadcast together"))
    return cases


# --- Views of views: indices applied to transposed and reversed layouts ----------------------

def view_cases():
    base = np.arange(60.0).reshape(3, 4, 5) + 0.25
    views = {
        "transpose(2,0,1)": lambda a: a.transpose(2, 0, 1),
        "[::-1, :, ::-2]": lambda a: a[::-1, :, ::-2],
        "[:, 1:, ::2].T": lambda a: a[:, 1:, ::2].T,
        "[1, ::-1].T": lambda a: a[1, ::-1].T,
    }
    lists = [
        [I(1)], [I(-1), S(None, None, -1)], [ELL, S(1, None, 2)], [NEW, I(0), ALL, NEW],
        [T([0, 2, 1])], [ALL, T([1, 0, 1])], [T([1, 0]), ALL, T([0, 0])], [I(0), ALL, T([1, 0])],
        [ELL, T(True)], [S(None, None, -1), I(0)], [T([1, 1]), T([0, 2])],
    ]
    cases = []
    for vname, make in views.items():
        v = make(base)
        for index in lists:
            if len([e for e in index if e[0] not in ("newaxis", "ellipsis")]) > v.ndim:
                continue
            try:
                v[tuple(numpy_entry(e) for e in index)]
            except IndexError:
                continue
            cases.append(get(f"view {vname} {[encode(e) for e in index]}", base, index, view=make))
        mask = (make(base) * 7 % 3) < 1
        cases.append(get(f"view {vname} full mask", base, [("tensor", mask)], view=make))
        cases.append(put(f"view {vname} assign row", base, [I(0)], -np.arange(v.shape[-1], dtype=float),
                         view=make))
        cases.append(put(f"view {vname} assign mask", base, [("tensor", mask)], 99.0, view=make))
        cases.append(put(f"view {vname} assign reversed", base, [S(None, None, -1)], make(base)[:1] * 0 + 3,
                         view=make))
    broadcast = lambda a: np.broadcast_to(a[0, :1, :], (2, 3, 5))
    cases.append(get("broadcast view", base, [I(1), T([0, 2])], view=broadcast))
    return cases


# --- Assignment --------------------------------------------------------------------------------

def assign_cases():
    x = np.arange(12.0).reshape(3, 4) - 4
    line = np.arange(6.0)
    mask = x % 3 == 1
    cases = [
        put("scalar into row", x, [I(1)], 7.5),
        put("row into row", x, [I(-1)], [1.0, 2.0, 3.0, 4.0]),
        put("column", x, [ALL, I(1)], [9.0, 8.0, 7.0]),
        put("broadcast row", x, [ALL], [1.0, 2.0, 3.0, 4.0]),
        put("broadcast column", x, [S(None, None, -2)], [[10.0], [20.0]]),
        put("leading ones dropped", x, [S(0, 2)], np.ones((1, 1, 4)) * 5),
        put("reversed slice", x, [ALL, S(None, None, -1)], np.arange(4.0)),
        put("strided slice", line, [S(1, None, 2)], [-1.0, -2.0, -3.0]),
        put("everything", x, [ELL], 0.5),
        put("newaxis", x, [NEW, I(0)], [[1.0, 2.0, 3.0, 4.0]]),
        put("mask scalar", x, [("tensor", mask)], -1.0),
        put("mask values", x, [("tensor", mask)], np.arange(float(mask.sum())) + 100),
        put("row mask", x, [T([True, False, True])], [[1.0], [2.0]]),
        put("column mask", x, [ALL, T([False, True, True, False])], 3.0),
        put("repeated last wins", line, [T([0, 0, 0])], [1.0, 2.0, 3.0]),
        put("repeated 2-d", x, [T([1, 1, 2]), T([0, 0, -1])], [5.0, 6.0, 7.0]),
        put("repeated rows", x, [T([2, 0, 2])], np.arange(12.0).reshape(3, 4) + 50),
        put("array pairs", x, [T([0, 2]), T([1, 3])], [11.0, 22.0]),
        put("placement first", np.zeros((2, 3, 4)), [I(0), ALL, T([0, 1])], np.arange(6.0).reshape(2, 3)),
        put("placement in place", np.zeros((2, 3, 4)), [ALL, I(0), T([0, 1])], np.arange(4.0).reshape(2, 2)),
        put("broadcast arrays", x, [T([[0], [2]]), T([1, 2, 3])], np.arange(6.0).reshape(2, 3)),
        put("empty selection", x, [T([], dtype=np.int64)], 4.0),
        put("empty mask", x, [T(np.zeros((3, 4), dtype=bool))], [7.0]),
        put("0-d true", x, [T(True)], 2.0),
        put("0-d false", x, [T(False)], 2.0),
        put("0-d target", np.array(3.0), [], 7.0),
        put("0-d target ellipsis", np.array(3.0), [ELL], [[7.0]]),
        put("float into int64 truncates", np.arange(6, dtype=np.int64), [S(None, 5)], [2.7, -2.7, 0.5, -0.5, 1e15 + 0.5]),
        put("int64 into float", x, [I(0)], np.array([1, 2, 3, 4], dtype=np.int64)),
        put("float into bool", np.zeros(5, dtype=bool), [ALL], [0.0, 2.5, -1.0, 0.0, np.nan]),
        put("bool into float", line, [S(None, 3)], np.array([True, False, True])),
        put("whole float index", line, [T([4.0, -1.0])], [8.0, 9.0]),
        put("empty tensor", np.zeros((0, 3)), [ALL, I(1)], 1.0),
        put("value mismatch", x, [I(0)], [1.0, 2.0, 3.0], error="value of shape (3,) cannot be broadcast to the indexed shape (4,)", kind="shape"),
        put("value too many dims", x, [I(0)], np.ones((2, 4)), error="value of shape (2,4) cannot be broadcast to the indexed shape (4,)", kind="shape"),
        put("value into empty", x, [T([], dtype=np.int64)], [1.0, 2.0, 3.0, 4.0, 5.0], error="cannot be broadcast to the indexed shape (0,4)", kind="shape"),
        put("assign out of bounds", x, [T([0, 3])], 1.0, error=oob(3, 0, 3)),
        put("assign int out of bounds", x, [ALL, I(4)], 1.0, error=oob(4, 1, 4)),
        put("assign bad mask", x, [T([True, False])], 1.0, error="boolean mask of shape (2,) does not match the shape (3,)"),
        put("assign step 0", x, [S(None, None, 0)], 1.0, error="slice step cannot be zero", kind="value"),
        put("assign fraction", x, [T([0.25])], 1.0, error="indices must be whole numbers"),
    ]
    return cases


# --- take, nonzero, argwhere --------------------------------------------------------------------

def take_cases():
    x = np.arange(24.0).reshape(2, 3, 4) * 2 - 3
    cases = []

    def take(name, a, indices, axis, error=None, kind="index"):
        indices = np.asarray(indices)
        case = {"name": name, "op": "take", "x": tensor(a), "indices": tensor(indices), "axis": axis}
        try:
            result = np.take(a, numpy_entry(("tensor", indices)), axis=axis)
            raised = None
        except (IndexError, ValueError, TypeError, np.exceptions.AxisError) as e:
            raised = e
        if error is not None:
            assert raised is not None, name
            case.update(error=error, kind=kind, numpy_raised=type(raised).__name__)
        else:
            assert raised is None, f"{name}: {raised!r}"
            case["expected"] = tensor(result)
        cases.append(case)

    for axis in [None, 0, 1, 2, -1, -3]:
        size = x.size if axis is None else x.shape[axis]
        take(f"take {axis} list", x, [0, size - 1, -1, 1], axis)
        take(f"take {axis} 2-d", x, [[1, 0], [0, -2]], axis)
        take(f"take {axis} 0-d", x, np.array(-1), axis)
        take(f"take {axis} empty", x, np.zeros(0, dtype=np.int64), axis)
        take(f"take {axis} bool", x, [True, False, True], axis)
        take(f"take {axis} out of bounds", x, [0, size], axis, error=f"index {size} is out of bounds")
    take("take float positions", x, [2.0, 0.0], 1)
    take("take fraction", x, [0.5], 1, error="indices must be whole numbers")
    take("take bad axis", x, [0], 3, error="axis 3 is out of bounds for a tensor of rank 3", kind="axis")
    take("take 0-d tensor", np.array(4.0), [0, 0, -1], None)
    take("take int64", np.arange(5, dtype=np.int64), [4, 4, 0], 0)

    for name, a in [
        ("1-d", np.array([0.0, 2.0, 0.0, -1.0, np.nan])),
        ("3-d", (np.arange(24).reshape(2, 3, 4) % 5 == 0).astype(np.int64)),
        ("bool", np.array([[True, False], [False, True]])),
        ("none", np.zeros((2, 3))),
        ("empty", np.zeros((0, 4))),
    ]:
        cases.append({"name": f"nonzero {name}", "op": "nonzero", "x": tensor(a),
                      "expected": [tensor(c) for c in np.nonzero(a)]})
        cases.append({"name": f"argwhere {name}", "op": "argwhere", "x": tensor(a),
                      "expected": tensor(np.argwhere(a))})
    for value in [3.0, 0.0]:
        a = np.array(value)
        cases.append({"name": f"argwhere 0-d {value}", "op": "argwhere", "x": tensor(a),
                      "expected": tensor(np.argwhere(a))})
        try:
            np.nonzero(a)
            raise AssertionError("nonzero accepted a 0-d array")
        except ValueError as e:
            cases.append({"name": f"nonzero 0-d {value}", "op": "nonzero", "x": tensor(a),
                          "error": "a 0-d tensor has no dimensions", "kind": "value",
                          "numpy_raised": type(e).__name__})
    return cases


def main():
    write("index_slices", slice_cases())
    write("index_basic", basic_cases())
    write("index_advanced", advanced_cases() + view_cases())
    write("index_assign", assign_cases())
    write("index_take", take_cases())


if __name__ == "__main__":
    main()
