"""Shared helpers for the fixture generators in scripts/.

Every fixture is a JSON file in Tests/Fixtures/ of the form
    {"generator": "scripts/<name>.py", "numpy_version": "...", "cases": [...]}
Tensors are {"shape": [...], "dtype": "float64"|"int64"|"bool", "data": [row-major values]}.
Floats are written with repr() so they parse back bit for bit; NaN and infinities are the strings
"nan", "inf" and "-inf" (JSON has no spelling for them).
"""
import json
import math
import os
import sys

import numpy as np

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Fixtures")


def num(x):
    """One number as JSON: ints stay ints, non-finite floats become strings."""
    if isinstance(x, (bool, np.bool_)):
        return 1.0 if x else 0.0
    if isinstance(x, (int, np.integer)):
        return int(x)
    x = float(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x


def dtype_name(a):
    if a.dtype == np.bool_:
        return "bool"
    if np.issubdtype(a.dtype, np.integer):
        return "int64"
    return "float64"


def tensor(a):
    """A NumPy array (or scalar) as a fixture tensor."""
    a = np.asarray(a)
    return {
        "shape": list(a.shape),
        "dtype": dtype_name(a),
        "data": [num(v) for v in a.reshape(-1).tolist()],
    }


def write(name, cases, **extra):
    """Writes Tests/Fixtures/<name>.json, recording the generator and NumPy's version."""
    os.makedirs(FIXTURES, exist_ok=True)
    payload = {
        "generator": "scripts/" + os.path.basename(sys.argv[0]),
        "numpy_version": np.__version__,
        **extra,
        "cases": cases,
    }
    path = os.path.join(FIXTURES, name + ".json")
    with open(path, "w") as f:
        json.dump(payload, f, separators=(",", ":"), allow_nan=False)
        f.write("\n")
    print(f"wrote {os.path.relpath(path)} ({len(cases)} cases)")
