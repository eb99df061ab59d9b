"""The peer of attention_ops.kiso: the same 10^5 op-by-op attention steps in NumPy."""
import numpy as np

rng = np.random.default_rng(0)
Q = rng.normal(0, 1, (4, 8))
K = rng.normal(0, 1, (4, 8))
V = rng.normal(0, 1, (4, 8))
s = 0.0
for i in range(100000):
    w = Q @ K.T / np.sqrt(8.0)
    w = np.exp(w - np.max(w, axis=-1, keepdims=True))
    w = w / np.sum(w, axis=-1, keepdims=True)
    o = w @ V
    s = s + o[0, 0]
print(s)
