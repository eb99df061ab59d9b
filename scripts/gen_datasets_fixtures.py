"""Fixtures for KisoNN's toy datasets: the exact points scikit-learn's make_circles, make_moons
and make_blobs produce for given parameters (they draw from NumPy's legacy RandomState).

Run: python3 scripts/gen_datasets_fixtures.py   (needs scikit-learn: pip install scikit-learn)
"""
import numpy as np
import sklearn
from sklearn.datasets import make_blobs, make_circles, make_moons

from fixturelib import tensor, write


def case(kind, params, X, y):
    return {"kind": kind, "params": params, "x": tensor(X), "y": tensor(y.astype(np.int64))}


cases = []
for params in [
    {"n_samples": 100, "random_state": 0},
    {"n_samples": 501, "noise": 0.1, "random_state": 42, "factor": 0.5},
    {"n_samples": 9, "shuffle": False, "noise": 0.05, "random_state": 3},
    {"n_samples": 8, "shuffle": False},
    {"n_samples": 500, "noise": 0.05, "factor": 0.5, "random_state": 1},
]:
    X, y = make_circles(**params)
    cases.append(case("circles", params, X, y))

for params in [
    {"n_samples": 100, "random_state": 0},
    {"n_samples": 201, "noise": 0.2, "random_state": 42},
    {"n_samples": 7, "shuffle": False, "noise": 0.1, "random_state": 5},
    {"n_samples": 6, "shuffle": False},
]:
    X, y = make_moons(**params)
    cases.append(case("moons", params, X, y))

for params in [
    {"n_samples": 10, "centers": 3, "n_features": 2, "random_state": 0},
    {"n_samples": 25, "centers": 4, "n_features": 3, "cluster_std": [0.5, 1.0, 2.0, 1.5], "random_state": 7},
    {"n_samples": 11, "centers": [[0.0, 0.0], [5.0, 5.0]], "cluster_std": 0.3, "shuffle": False, "random_state": 1},
    {"n_samples": 100, "random_state": 42, "center_box": [-3.0, 3.0]},
]:
    call = dict(params)
    if "center_box" in call:
        call["center_box"] = tuple(call["center_box"])
    X, y = make_blobs(**call)
    cases.append(case("blobs", params, X, y))

write("datasets_sklearn", cases, sklearn_version=sklearn.__version__)
