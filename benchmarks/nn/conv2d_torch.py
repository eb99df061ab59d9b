"""conv2d forward and backward in PyTorch eager (CPU, float64, one thread): the peer of conv2d.kiso."""
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

torch.set_num_threads(1)
steps = int(sys.argv[1])
rng = np.random.default_rng(0)
x = torch.tensor(rng.normal(0, 1, (32, 1, 28, 28)))
w = torch.tensor(rng.normal(0, 0.3, (8, 1, 3, 3)), requires_grad=True)
b = torch.zeros(8, dtype=torch.float64, requires_grad=True)
start = time.perf_counter()
for _ in range(steps):
    y = F.conv2d(x, w, b, padding=1)
    gw, gb = torch.autograd.grad((y * y).sum(), [w, b])
elapsed = time.perf_counter() - start
print(float(gw.sum() + gb.sum()))
print(f"seconds per step: {elapsed / steps}", file=sys.stderr)
