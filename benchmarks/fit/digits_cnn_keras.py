"""Epochs of a small CNN on the 8×8 digits in Keras 3: the peer of digits_cnn.kiso (same data,
same layers and starting weights, Adam's defaults, batch_size 32, not shuffled, verbose=0).

Keras runs in its default float32 on the backend KERAS_BACKEND names (torch on one thread, or jax).
A first, untimed fit of one epoch builds Keras's train function (and, on jax, compiles it); the
timed call is the fit of EPOCHS more epochs.
Prints the final loss; the fit's wall and CPU seconds go to standard error.
Run: KERAS_BACKEND=torch python3 digits_cnn_keras.py EPOCHS DIGITS_CSV
"""
import os
import sys
import time

os.environ.setdefault("KERAS_BACKEND", "torch")
import keras  # noqa: E402
import numpy as np  # noqa: E402

if keras.backend.backend() == "torch":
    import torch

    torch.set_num_threads(1)
epochs = int(sys.argv[1])
table = np.loadtxt(sys.argv[2], delimiter=",", dtype="int64")
images = table[:, :64].reshape(-1, 8, 8, 1) / 16.0
labels = table[:, 64]
rng = np.random.default_rng(0)
L = keras.layers
m = keras.Sequential(
    [
        keras.Input((8, 8, 1)),
        L.Conv2D(16, 3, activation="relu"),
        L.MaxPooling2D(2),
        L.Flatten(),
        L.Dense(10, activation="softmax"),
    ]
)
m.layers[0].set_weights([rng.normal(0, 0.3, (3, 3, 1, 16)), np.zeros(16)])
m.layers[3].set_weights([rng.normal(0, 0.1, (144, 10)), np.zeros(10)])
m.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
m.fit(images, labels, epochs=1, batch_size=32, shuffle=False, verbose=0)
start, cpu_start = time.perf_counter(), time.process_time()
m.fit(images, labels, epochs=epochs, batch_size=32, shuffle=False, verbose=0)
wall, cpu = time.perf_counter() - start, time.process_time() - cpu_start
print(f"{m.evaluate(images, labels, verbose=0):.6f}")
print(f"wall: {wall}\ncpu: {cpu}", file=sys.stderr)
