"""iwae.kiso in NumPy: logsumexp over K with the max subtracted, minus log K."""
import numpy as np

rng = np.random.default_rng(0)
log_w = rng.normal(-1000, 5, (5000, 100))
total = 0.0
for i in range(200):
    top = log_w.max(axis=0)
    bound = top + np.log(np.exp(log_w - top).sum(axis=0)) - np.log(log_w.shape[0])
    total = total + bound.sum()
print(f"{total / 200:.6f}")
