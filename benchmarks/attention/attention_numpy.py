"""The peer of attention.kiso: the same 10^5 attention steps in NumPy."""
import numpy as np


def softmax(x, axis=-1):
    e = np.exp(x - np.max(x, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)


rng = np.random.default_rng(0)
Q = rng.normal(0, 1, (4, 8))
K = rng.normal(0, 1, (4, 8))
V = rng.normal(0, 1, (4, 8))
for i in range(100000):
    out = softmax(Q @ K.T / np.sqrt(8)) @ V
print(np.sum(out))
