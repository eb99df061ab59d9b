"""Exports scikit-learn's 8×8 digits (sklearn.datasets.load_digits: 1797 images, pixels 0–16) to
notebooks/data/digits.csv, which chapter 08 reads with `loadtxt`, and writes
Tests/Fixtures/datasets_digits.json: the counts, sums and a few whole rows that a test checks the
committed file against.

Each line of the CSV is one image: its 64 pixels row by row, then its label. The data set is the
test set of the UCI ML hand-written digits (optdigits) as scikit-learn ships it; see
notebooks/data/README.md for its origin and licence.

Run: python3 scripts/export_digits.py   (needs scikit-learn: pip install scikit-learn)
"""
import os

import numpy as np
import sklearn
from sklearn.datasets import load_digits

from fixturelib import tensor, write

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
CSV = os.path.join(ROOT, "notebooks", "data", "digits.csv")

digits = load_digits()
images = digits.data.astype(np.int64)
labels = digits.target.astype(np.int64)
assert images.shape == (1797, 64) and images.min() == 0 and images.max() == 16
table = np.hstack([images, labels[:, None]])

header = (
    "scikit-learn's 8x8 digits (sklearn.datasets.load_digits), exported by scripts/export_digits.py\n"
    "1797 images, one per line: 64 pixels (0-16) row by row, then the label (0-9)\n"
    "origin: UCI ML hand-written digits, test set (E. Alpaydin, C. Kaynak, 1998); see README.md"
)
tmp = CSV + ".tmp"
np.savetxt(tmp, table, fmt="%d", delimiter=",", header=header)
os.replace(tmp, CSV)
print(f"wrote {os.path.relpath(CSV)} ({os.path.getsize(CSV)} bytes)")

# What the test compares: NumPy's own reading of the file, summarised, and some rows in full.
read = np.loadtxt(CSV, delimiter=",", dtype=np.int64)
assert (read == table).all()
rows = [0, 1, 2, 100, 1000, 1796]
cases = [{
    "path": "notebooks/data/digits.csv",
    "shape": list(read.shape),
    "total": int(read[:, :64].sum()),
    "column_sums": tensor(read.sum(axis=0)),
    "label_counts": tensor(np.bincount(labels, minlength=10)),
    "rows": rows,
    "row_values": tensor(read[rows]),
}]
write("datasets_digits", cases, sklearn_version=sklearn.__version__)
