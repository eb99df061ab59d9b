"""The circles MLP in JAX, as the course writes it (jit-compiled grad), in float64 so its losses
can be compared digit for digit with circles.kiso and circles_numpy.py."""
import jax

jax.config.update("jax_enable_x64", True)

import jax.numpy as jnp
import numpy as np
from sklearn.datasets import make_circles

X, y = make_circles(n_samples=500, noise=0.1, factor=0.5, random_state=42)
X, y = jnp.array(X), jnp.array(y, dtype=jnp.float64)

# The same initial weights as circles.kiso: NumPy's default_rng(0) is Kiso's default_rng(0).
rng = np.random.default_rng(0)
params = {
    "W1": jnp.array(rng.normal(0, 1, (2, 16)) * 0.5),
    "b1": jnp.zeros(16),
    "W2": jnp.array(rng.normal(0, 1, (16, 16)) * 0.5),
    "b2": jnp.zeros(16),
    "W3": jnp.array(rng.normal(0, 1, (16, 1)) * 0.5),
    "b3": jnp.zeros(1),
}


def forward(params, x):
    h = jax.nn.relu(x @ params["W1"] + params["b1"])
    h = jax.nn.relu(h @ params["W2"] + params["b2"])
    logit = (h @ params["W3"] + params["b3"]).squeeze(1)
    return jax.nn.sigmoid(logit)


def loss_fn(params, X, y):
    pred = forward(params, X)
    return -jnp.mean(y * jnp.log(pred + 1e-7) + (1 - y) * jnp.log(1 - pred + 1e-7))


grad_fn = jax.jit(jax.grad(loss_fn))
lr = 0.1
for step in range(2000):
    grads = grad_fn(params, X, y)
    params = {k: params[k] - lr * grads[k] for k in params}

accuracy = jnp.mean((forward(params, X) > 0.5) == y)
print(f"final loss {float(loss_fn(params, X, y)):.10f}")
print(f"accuracy {float(accuracy):.4f}")
