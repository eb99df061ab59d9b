"""NumPy's .npy/.npz files both ways (Tests/Fixtures/numpy_arrays.npz, numpy_arrays.json).

1. Writes an .npz with np.savez — float64, int64, bool, float32 and 0-d arrays — and the same
   values as JSON, for the test that Kiso's load reads what NumPy writes.
2. Reads back Tests/Fixtures/kiso_weights.npz, written by Kiso's save (in Tests/Fixtures:
   kiso -e 'save("kiso_weights.npz", {"dense/kernel": arange(6.0).reshape([2, 3]) / 4,
   "dense/bias": [0.5, -1.25, 3.0], "counts": arange(1, 4)})'), with np.load and
   checks every name, dtype and value: the test then checks that Kiso still writes exactly
   those bytes.

Run: python3 scripts/gen_npz_fixtures.py
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixturelib import FIXTURES, tensor, write  # noqa: E402

rng = np.random.default_rng(3)
arrays = {
    "w": rng.normal(0, 1, size=(2, 3)),
    "counts": np.array([3, -1, 4, 1], dtype=np.int64),
    "mask": np.array([[True, False], [False, True]]),
    "half": np.array([0.5, -1.25, 3.1], dtype=np.float32),
    "scalar": np.array(2.5),
}
np.savez(os.path.join(FIXTURES, "numpy_arrays.npz"), **arrays)
cases = [{"name": k, "value": tensor(v.astype(np.float64) if v.dtype == np.float32 else v)} for k, v in arrays.items()]

# What Kiso was asked to save; the file it wrote must read back as exactly this.
expected_from_kiso = {
    "dense/kernel": np.arange(6, dtype=np.float64).reshape(2, 3) / 4,
    "dense/bias": np.array([0.5, -1.25, 3.0]),
    "counts": np.array([1, 2, 3], dtype=np.int64),
}
kiso_file = os.path.join(FIXTURES, "kiso_weights.npz")
if os.path.exists(kiso_file):
    with np.load(kiso_file) as loaded:
        assert sorted(loaded.files) == sorted(expected_from_kiso), loaded.files
        for name, value in expected_from_kiso.items():
            assert loaded[name].dtype == value.dtype, (name, loaded[name].dtype)
            assert loaded[name].shape == value.shape, (name, loaded[name].shape)
            assert np.array_equal(loaded[name], value), (name, loaded[name])
    print(f"np.load read {os.path.relpath(kiso_file)} back: {len(expected_from_kiso)} arrays as Kiso was asked to save them")
else:
    print(f"{os.path.relpath(kiso_file)} is missing: write it with Kiso first", file=sys.stderr)
    sys.exit(1)

write("numpy_arrays", cases)
