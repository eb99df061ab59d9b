"""The circles MLP with its backward pass written out by hand in NumPy (float64), from the same
initial weights as circles.kiso. With --loop-time it also prints the training loop's own wall and
CPU times (imports and data excluded) as `loop-time SECONDS` and `loop-cpu SECONDS`, for
scripts/bench.py."""
import sys
import time

import numpy as np
from sklearn.datasets import make_circles

X, y = make_circles(n_samples=500, noise=0.1, factor=0.5, random_state=42)
y = y.astype(np.float64)
rng = np.random.default_rng(0)
W1 = rng.normal(0, 1, (2, 16)) * 0.5
b1 = np.zeros(16)
W2 = rng.normal(0, 1, (16, 16)) * 0.5
b2 = np.zeros(16)
W3 = rng.normal(0, 1, (16, 1)) * 0.5
b3 = np.zeros(1)
n = len(y)
eps = 1e-7


def forward(X):
    z1 = X @ W1 + b1
    h1 = np.maximum(z1, 0)
    z2 = h1 @ W2 + b2
    h2 = np.maximum(z2, 0)
    logit = (h2 @ W3 + b3)[:, 0]
    return z1, h1, z2, h2, 1 / (1 + np.exp(-logit))


def loss(pred):
    return -np.mean(y * np.log(pred + eps) + (1 - y) * np.log(1 - pred + eps))


lr = 0.1
start = time.perf_counter()
start_cpu = time.process_time()
for step in range(2000):
    z1, h1, z2, h2, p = forward(X)
    # dL/dp of the clipped cross-entropy, then through the sigmoid: dp/dlogit = p(1 − p).
    dp = -(y / (p + eps) - (1 - y) / (1 - p + eps)) / n
    dlogit = (dp * p * (1 - p))[:, None]
    dW3 = h2.T @ dlogit
    db3 = dlogit.sum(axis=0)
    dz2 = (dlogit @ W3.T) * (z2 > 0)
    dW2 = h1.T @ dz2
    db2 = dz2.sum(axis=0)
    dz1 = (dz2 @ W2.T) * (z1 > 0)
    dW1 = X.T @ dz1
    db1 = dz1.sum(axis=0)
    W1 -= lr * dW1
    b1 -= lr * db1
    W2 -= lr * dW2
    b2 -= lr * db2
    W3 -= lr * dW3
    b3 -= lr * db3

loop_time = time.perf_counter() - start
loop_cpu = time.process_time() - start_cpu

p = forward(X)[-1]
print(f"final loss {loss(p):.10f}")
print(f"accuracy {np.mean((p > 0.5) == y):.4f}")
if "--loop-time" in sys.argv:
    print(f"loop-time {loop_time:.6f}")
    print(f"loop-cpu {loop_cpu:.6f}")
