"""Fixtures for autodiff and KisoNN's optimizers.

autodiff_jax.json: values and gradients of composite functions computed by JAX (float64, CPU),
    including a Hessian-vector product and second derivatives.
autodiff_optimizers.json: parameter trajectories of SGD, Adam and RMSprop, the global-norm
    gradient clipping and the learning-rate schedules, following PyTorch's update formulas
    (torch.optim.SGD / Adam / RMSprop, clip_grad_norm_, StepLR / ExponentialLR /
    CosineAnnealingLR closed forms) written out in NumPy.

Run: python3 scripts/gen_autodiff_fixtures.py   (needs jax: pip install jax)
"""
import math

import jax
import numpy as np

jax.config.update("jax_enable_x64", True)
import jax.numpy as jnp  # noqa: E402

from fixturelib import tensor, write  # noqa: E402

rng = np.random.default_rng(2024)


def normal(*shape):
    return rng.standard_normal(shape)


# ---------------------------------------------------------------- composite functions (JAX)


def mlp_bce(w1, b1, w2, b2, w3, b3, x, y):
    h = jnp.tanh(x @ w1 + b1)
    h = jax.nn.relu(h @ w2 + b2)
    z = (h @ w3 + b3)[:, 0]
    return jnp.mean(jax.nn.softplus(z) - z * y)


def softmax_cross_entropy(w, b, x, t):
    logits = x @ w + b
    logp = jax.nn.log_softmax(logits, axis=-1)
    return -jnp.mean(logp[jnp.arange(x.shape[0]), t])


def reductions(x):
    return (
        jax.scipy.special.logsumexp(x, axis=1).sum()
        + jnp.linalg.norm(x)
        + jnp.linalg.norm(x, ord=1, axis=0).sum()
        + jnp.var(x, axis=0).sum()
        + jnp.std(x, axis=1, ddof=1).sum()
        + jnp.max(x, axis=1).sum()
    )


def indexing(x):
    rows = jnp.array([0, 0, 2, 3, 0])
    return (x[rows] ** 2).sum() + jnp.sin(x[1:, ::2]).sum() + (x[rows, jnp.array([1, 1, 0, 2, 1])] * 3.0).sum()


def batched_matmul(a, b, v):
    return jnp.tanh(a @ b).mean() + jnp.cos(v @ b).sum() + jnp.exp(a @ v).sum() * 0.01


def selections(x, y):
    return (
        jnp.maximum(x, y).sum()
        + jnp.where(x > 0.2, x * y, jnp.sqrt(y * y + 1.0)).sum()
        + jnp.clip(x, -0.5, 0.5).sum()
        + jnp.minimum(x, 0.1).sum()
    )


def layer_norm_gelu(x, w, b):
    mean = x.mean(axis=-1, keepdims=True)
    var = x.var(axis=-1, keepdims=True)
    y = (x - mean) / jnp.sqrt(var + 1e-5) * w + b
    return (jax.nn.gelu(y, approximate=True) ** 2).sum() + jax.nn.gelu(y, approximate=False).sum()


def softmax_softplus(x):
    s = jax.nn.softmax(x, axis=0)
    return (s * jnp.log1p(x * x)).sum() + jax.nn.sigmoid(x).mean() + jax.nn.softplus(2.0 * x).sum() + (x / (1.0 + jnp.abs(x))).sum()


def hvp_target(x):
    return jnp.sum(jnp.sin(x) * x**3) + jnp.dot(x, x) ** 2


cases = []


def add(name, f, inputs, argnums):
    inputs = [np.asarray(a) for a in inputs]
    value, grads = jax.value_and_grad(f, argnums=tuple(argnums))(*[jnp.asarray(a) for a in inputs])
    cases.append(
        {
            "name": name,
            "argnums": argnums,
            "inputs": [tensor(a) for a in inputs],
            "value": float(value),
            "grads": [tensor(np.asarray(g)) for g in grads],
        }
    )


x_points = normal(20, 2)
add(
    "mlp_bce",
    mlp_bce,
    [normal(2, 16) * 0.8, normal(16) * 0.1, normal(16, 16) * 0.3, normal(16) * 0.1, normal(16, 1) * 0.3,
     normal(1) * 0.1, x_points, (rng.random(20) > 0.5).astype(np.float64)],
    [0, 1, 2, 3, 4, 5],
)
add("softmax_cross_entropy", softmax_cross_entropy,
    [normal(3, 4), normal(4), normal(6, 3), np.array([0, 3, 1, 1, 2, 3], dtype=np.int64)], [0, 1, 2])
add("reductions", reductions, [normal(4, 5)], [0])
add("indexing", indexing, [normal(4, 3)], [0])
add("batched_matmul", batched_matmul, [normal(2, 3, 4), normal(4, 5), normal(4)], [0, 1, 2])
add("selections", selections, [normal(3, 4), normal(4)], [0, 1])
add("layer_norm_gelu", layer_norm_gelu, [normal(3, 5), normal(5), normal(5)], [0, 1, 2])
add("softmax_softplus", softmax_softplus, [normal(4, 3)], [0])

# Hessian-vector product and a second derivative, by differentiating JAX's own gradient.
hx, hv = normal(5), normal(5)
hvp = jax.grad(lambda x: jnp.vdot(jax.grad(hvp_target)(x), hv))(jnp.asarray(hx))
second = jax.grad(jax.grad(lambda s: jnp.tanh(s) * s**3))(0.7)
extra = {
    "hvp": {"x": tensor(hx), "v": tensor(hv), "result": tensor(np.asarray(hvp)),
            "value": float(hvp_target(jnp.asarray(hx)))},
    "second_derivative_tanh_cube": {"x": 0.7, "result": float(second)},
}
write("autodiff_jax", cases, jax_version=jax.__version__, **extra)

# ---------------------------------------------------------------- optimizers (PyTorch formulas)

STEPS = 6
shapes = [(3, 2), (4,)]
params0 = [normal(*s) for s in shapes]
grad_steps = [[normal(*s) for s in shapes] for _ in range(STEPS)]


def run_sgd(lr, momentum=0.0, dampening=0.0, nesterov=False, weight_decay=0.0):
    params = [p.copy() for p in params0]
    bufs = [None] * len(params)
    out = []
    for grads in grad_steps:
        for k, (p, g) in enumerate(zip(params, grads)):
            d = g + weight_decay * p if weight_decay != 0 else g.copy()
            if momentum != 0:
                if bufs[k] is None:
                    bufs[k] = d.copy()
                else:
                    bufs[k] = momentum * bufs[k] + (1 - dampening) * d
                d = d + momentum * bufs[k] if nesterov else bufs[k]
            params[k] = p - lr * d
        out.append([q.copy() for q in params])
    return out


def run_adam(lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.0):
    params = [p.copy() for p in params0]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    out = []
    for t, grads in enumerate(grad_steps, start=1):
        step_size = lr / (1 - beta1**t)
        c2 = math.sqrt(1 - beta2**t)
        for k, (p, g) in enumerate(zip(params, grads)):
            d = g + weight_decay * p if weight_decay != 0 else g
            m[k] = m[k] + (1 - beta1) * (d - m[k])  # exp_avg.lerp_(grad, 1 - beta1)
            v[k] = v[k] * beta2 + (1 - beta2) * d * d
            denom = np.sqrt(v[k]) / c2 + eps
            params[k] = p - step_size * (m[k] / denom)
        out.append([q.copy() for q in params])
    return out


def run_rmsprop(lr=1e-2, alpha=0.99, eps=1e-8, momentum=0.0, centered=False, weight_decay=0.0):
    params = [p.copy() for p in params0]
    sq = [np.zeros_like(p) for p in params]
    ga = [np.zeros_like(p) for p in params]
    buf = [np.zeros_like(p) for p in params]
    out = []
    for grads in grad_steps:
        for k, (p, g) in enumerate(zip(params, grads)):
            d = g + weight_decay * p if weight_decay != 0 else g
            sq[k] = sq[k] * alpha + (1 - alpha) * d * d
            if centered:
                ga[k] = ga[k] + (1 - alpha) * (d - ga[k])
                avg = np.sqrt(sq[k] - ga[k] * ga[k])
            else:
                avg = np.sqrt(sq[k])
            avg = avg + eps
            if momentum > 0:
                buf[k] = buf[k] * momentum + d / avg
                params[k] = p - lr * buf[k]
            else:
                params[k] = p - lr * (d / avg)
        out.append([q.copy() for q in params])
    return out


opt_cases = []


def add_opt(kind, options, trajectory):
    opt_cases.append({"kind": kind, "options": options,
                      "trajectory": [[tensor(p) for p in step] for step in trajectory]})


add_opt("sgd", {"lr": 0.1}, run_sgd(0.1))
add_opt("sgd", {"lr": 0.05, "momentum": 0.9}, run_sgd(0.05, momentum=0.9))
add_opt("sgd", {"lr": 0.05, "momentum": 0.9, "nesterov": True}, run_sgd(0.05, momentum=0.9, nesterov=True))
add_opt("sgd", {"lr": 0.02, "momentum": 0.5, "dampening": 0.1, "weight_decay": 0.01},
        run_sgd(0.02, momentum=0.5, dampening=0.1, weight_decay=0.01))
add_opt("adam", {}, run_adam())
add_opt("adam", {"lr": 0.01, "beta1": 0.8, "beta2": 0.99, "eps": 1e-6, "weight_decay": 0.1},
        run_adam(0.01, 0.8, 0.99, 1e-6, 0.1))
add_opt("rmsprop", {}, run_rmsprop())
add_opt("rmsprop", {"lr": 0.001, "alpha": 0.9, "momentum": 0.9}, run_rmsprop(0.001, 0.9, momentum=0.9))
add_opt("rmsprop", {"centered": True, "weight_decay": 0.05}, run_rmsprop(centered=True, weight_decay=0.05))

clip = []
for max_norm in [0.5, 100.0]:
    grads = grad_steps[0]
    total = float(np.linalg.norm(np.array([np.linalg.norm(g) for g in grads])))
    coef = min(max_norm / (total + 1e-6), 1.0)
    clip.append({"max_norm": max_norm, "total_norm": total, "grads": [tensor(g * coef) for g in grads]})

steps = list(range(0, 25))
schedules = {
    "step": [0.1 * 0.5 ** (s // 7) for s in steps],
    "exponential": [0.1 * 0.9**s for s in steps],
    "cosine": [0.001 + (0.1 - 0.001) * (1 + math.cos(math.pi * s / 20)) / 2 for s in steps],
}
write("autodiff_optimizers", opt_cases, params=[tensor(p) for p in params0],
      grads=[[tensor(g) for g in step] for step in grad_steps], clip=clip, schedules=schedules)
