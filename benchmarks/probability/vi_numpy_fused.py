"""vi_numpy.py with SciPy's fused sigmoid (scipy.special.expit, one pass) in place of
1 / (1 + np.exp(-x)) (three passes): the fused NumPy peer of vi.kiso's fused softplus."""
import numpy as np
from scipy.special import expit

rng = np.random.default_rng(0)
X = rng.normal(0, 1, (500, 2))
y = (rng.random(500) < expit(X @ np.array([1.5, -2.0]))).astype(np.float64)

m = np.zeros(2)
r = np.zeros(2)
for step in range(1000):
    eps = rng.standard_normal((64, 2))
    s = np.exp(r)
    w = m + s * eps
    logits = w @ X.T
    # d/dw [Σ y·l − softplus(l)] = (y − σ(l)) X, and d/dw of the prior −½|w|² is −w.
    dw = (y - expit(logits)) @ X - w
    gm = -dw.mean(axis=0)
    gr = -((dw * eps).mean(axis=0) * s + 1)
    m = m - 0.002 * gm
    r = r - 0.002 * gr
print(f"m {m[0]:.6f} {m[1]:.6f}  sigma {np.exp(r[0]):.6f} {np.exp(r[1]):.6f}")
