"""An LSTM of 64 units over 50 steps of a batch of 32 in PyTorch eager (nn.LSTM, CPU, float64, one
thread), forward and backward: the peer of lstm.kiso."""
import math
import sys
import time

import numpy as np
import torch

torch.set_num_threads(1)
steps = int(sys.argv[1])
rng = np.random.default_rng(0)
x = torch.tensor(rng.normal(0, 1, (32, 50, 16)))
s = 1 / math.sqrt(64)
lstm = torch.nn.LSTM(16, 64, batch_first=True).double()
with torch.no_grad():
    for name, shape in [("weight_ih_l0", (256, 16)), ("weight_hh_l0", (256, 64)), ("bias_ih_l0", (256,)),
                        ("bias_hh_l0", (256,))]:
        getattr(lstm, name).copy_(torch.tensor(rng.uniform(-s, s, shape)))
params = list(lstm.parameters())
start = time.perf_counter()
for _ in range(steps):
    out = lstm(x)[0]
    g = torch.autograd.grad((out * out).sum(), params)
elapsed = time.perf_counter() - start
print(float(g[0].sum() + g[1].sum()))
print(f"seconds per step: {elapsed / steps}", file=sys.stderr)
