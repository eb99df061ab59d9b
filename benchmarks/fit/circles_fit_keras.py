"""fit of the course's circles model in Keras 3: the peer of circles_fit.kiso (same data, same
starting weights, Adam's defaults, full-batch epochs, default shuffling, verbose=0).

Keras runs in its default float32 on the backend KERAS_BACKEND names (torch on one thread, or jax).
A first, untimed fit of one epoch builds Keras's train function (and, on jax, compiles it); the
timed call is the fit of EPOCHS more epochs, as in circles_fit.kiso.
Prints the final loss; the fit's wall and CPU seconds go to standard error.
Run: KERAS_BACKEND=torch python3 circles_fit_keras.py EPOCHS  (a second argument, if given, is ignored)
"""
import os
import sys
import time

os.environ.setdefault("KERAS_BACKEND", "torch")
import keras  # noqa: E402
import numpy as np  # noqa: E402
from sklearn.datasets import make_circles  # noqa: E402

if keras.backend.backend() == "torch":
    import torch

    torch.set_num_threads(1)
epochs = int(sys.argv[1])
X, y = make_circles(n_samples=500, noise=0.1, factor=0.5, random_state=42)
y = y.astype("float64")
rng = np.random.default_rng(0)
L = keras.layers
m = keras.Sequential(
    [keras.Input((2,)), L.Dense(16, activation="relu"), L.Dense(16, activation="relu"), L.Dense(1, activation="sigmoid")]
)
for layer, (fan_in, fan_out) in zip(m.layers, [(2, 16), (16, 16), (16, 1)]):
    layer.set_weights([rng.normal(0, 0.5, (fan_in, fan_out)), np.zeros(fan_out)])
m.compile(optimizer="adam", loss="binary_crossentropy")
m.fit(X, y, epochs=1, batch_size=500, verbose=0)
start, cpu_start = time.perf_counter(), time.process_time()
m.fit(X, y, epochs=epochs, batch_size=500, verbose=0)
wall, cpu = time.perf_counter() - start, time.process_time() - cpu_start
print(f"{m.evaluate(X, y, verbose=0):.6f}")
print(f"wall: {wall}\ncpu: {cpu}", file=sys.stderr)
