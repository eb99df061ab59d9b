"""Fixtures for derivatives of NumPy's products, running totals, sorting and elementary
functions, and for JAX's function transformations (jacrev, hessian, vmap).

autodiff_transforms.json: each case is a Kiso expression ("kiso") and the array JAX computes for
    the same thing (float64, CPU), e.g. grad(x -> sum(cumprod(x) * w))(x) against
    jax.grad(lambda x: jnp.sum(jnp.cumprod(x) * w))(x).

Run: python3 scripts/gen_transform_fixtures.py   (needs jax: pip install jax)
"""
import jax
import numpy as np

jax.config.update("jax_enable_x64", True)
import jax.numpy as jnp  # noqa: E402

from fixturelib import tensor, write  # noqa: E402

rng = np.random.default_rng(77)
cases = []


def lit(a):
    """A Kiso literal for a float array, every digit kept."""
    a = np.asarray(a, dtype=np.float64)
    if a.ndim == 0:
        return repr(float(a))
    return "[" + ", ".join(lit(x) for x in a) + "]"


def case(kiso, value):
    cases.append({"kiso": kiso, "expected": tensor(np.asarray(value, dtype=np.float64))})


x3 = rng.uniform(0.5, 2.0, 3)
x4 = rng.uniform(-1.5, 1.5, 4)
m23 = rng.uniform(0.5, 1.5, (2, 3))
w3 = rng.normal(size=3)
w23 = rng.normal(size=(2, 3))
withzero = np.array([1.5, 0.0, -2.0, 0.5])
twozeros = np.array([0.0, 3.0, 0.0])

# Gradients of the newly differentiable functions.
case(f"grad(x -> prod(x))({lit(x3)})", jax.grad(lambda x: jnp.prod(x))(x3))
case(f"grad(x -> prod(x))({lit(withzero)})", jax.grad(lambda x: jnp.prod(x))(withzero))
case(f"grad(x -> prod(x))({lit(twozeros)})", jax.grad(lambda x: jnp.prod(x))(twozeros))
case(f"grad(x -> sum(prod(x, axis=1) * {lit(w23[:, 0])}))({lit(m23)})",
     jax.grad(lambda x: jnp.sum(jnp.prod(x, axis=1) * w23[:, 0]))(m23))
case(f"grad(x -> sum(prod(x, axis=0, keepdims=true) ^ 2))({lit(m23)})",
     jax.grad(lambda x: jnp.sum(jnp.prod(x, axis=0, keepdims=True) ** 2))(m23))
case(f"grad(x -> sum(cumsum(x) * {lit(w3)}))({lit(x3)})", jax.grad(lambda x: jnp.sum(jnp.cumsum(x) * w3))(x3))
case(f"grad(x -> sum(cumsum(x, axis=1) * {lit(w23)}))({lit(m23)})",
     jax.grad(lambda x: jnp.sum(jnp.cumsum(x, axis=1) * w23))(m23))
case(f"grad(x -> sum(cumsum(x) ^ 2))({lit(m23)})", jax.grad(lambda x: jnp.sum(jnp.cumsum(x) ** 2))(m23))
case(f"grad(x -> sum(cumprod(x) * {lit(w3)}))({lit(x3)})", jax.grad(lambda x: jnp.sum(jnp.cumprod(x) * w3))(x3))
case(f"grad(x -> sum(cumprod(x) * [1.0, 2.0, 3.0, 4.0]))({lit(withzero)})",
     jax.grad(lambda x: jnp.sum(jnp.cumprod(x) * jnp.array([1.0, 2.0, 3.0, 4.0])))(withzero))
case(f"grad(x -> sum(cumprod(x, axis=0) * {lit(w23)}))({lit(m23)})",
     jax.grad(lambda x: jnp.sum(jnp.cumprod(x, axis=0) * w23))(m23))
case(f"grad(x -> sum(tan(x)))({lit(x4)})", jax.grad(lambda x: jnp.sum(jnp.tan(x)))(x4))
case(f"grad(x -> sum(log2(x) * {lit(w3)}))({lit(x3)})", jax.grad(lambda x: jnp.sum(jnp.log2(x) * w3))(x3))
case(f"grad(x -> sum(log10(x) * {lit(w3)}))({lit(x3)})", jax.grad(lambda x: jnp.sum(jnp.log10(x) * w3))(x3))
case(f"grad(x -> sum(expm1(x)))({lit(x4)})", jax.grad(lambda x: jnp.sum(jnp.expm1(x)))(x4))
case(f"grad(x -> sum(arcsin(x / 2)))({lit(x4)})", jax.grad(lambda x: jnp.sum(jnp.arcsin(x / 2)))(x4))
case(f"grad(x -> sum(arccos(x / 2)))({lit(x4)})", jax.grad(lambda x: jnp.sum(jnp.arccos(x / 2)))(x4))
case(f"grad(x -> sum(arctan(x)))({lit(x4)})", jax.grad(lambda x: jnp.sum(jnp.arctan(x)))(x4))
case(f"grad(x -> sum(sort(x) * [1.0, 2.0, 3.0, 4.0]))({lit(x4)})",
     jax.grad(lambda x: jnp.sum(jnp.sort(x) * jnp.array([1.0, 2.0, 3.0, 4.0])))(x4))
case(f"grad(x -> sum(sort(x, axis=0) * {lit(w23)}))({lit(m23)})",
     jax.grad(lambda x: jnp.sum(jnp.sort(x, axis=0) * w23))(m23))
case(f"grad(x -> sum(sort(x, axis=none) * {lit(np.arange(6.0))}))({lit(m23)})",
     jax.grad(lambda x: jnp.sum(jnp.sort(x, axis=None) * jnp.arange(6.0)))(m23))
a34 = rng.normal(size=(3, 4))
b45 = rng.normal(size=(4, 5))
case(f"grad((a, b) -> sum(tensordot(a, b, axes=1) ^ 2))({lit(a34)}, {lit(b45)})",
     jax.grad(lambda a, b: jnp.sum(jnp.tensordot(a, b, axes=1) ** 2))(a34, b45))
case(f"grad((a, b) -> sum(tensordot(a, b, axes=1) ^ 2), argnums=1)({lit(a34)}, {lit(b45)})",
     jax.grad(lambda a, b: jnp.sum(jnp.tensordot(a, b, axes=1) ** 2), argnums=1)(a34, b45))
# Second derivatives through the new pullbacks.
case(f"hessian(x -> prod(x))({lit(x3)})", jax.hessian(lambda x: jnp.prod(x))(x3))
case(f"hessian(x -> sum(cumprod(x)))({lit(x3)})", jax.hessian(lambda x: jnp.sum(jnp.cumprod(x)))(x3))
case(f"hessian(x -> sum(tan(x)))({lit(x4)})", jax.hessian(lambda x: jnp.sum(jnp.tan(x)))(x4))
case(f"hessian(x -> sum(sort(x) ^ 3))({lit(x4)})", jax.hessian(lambda x: jnp.sum(jnp.sort(x) ** 3))(x4))

# Jacobians, Hessians and vmap.
A = rng.normal(size=(2, 3))
case(f"jacobian(x -> {lit(A)} @ tanh(x))({lit(x3)})", jax.jacrev(lambda x: jnp.asarray(A) @ jnp.tanh(x))(x3))
case(f"jacobian(x -> softmax(x))({lit(x4)})", jax.jacrev(jax.nn.softmax)(x4))
case(f"jacobian(x -> x * x)({lit(m23)})", jax.jacrev(lambda x: x * x)(m23))
case(f"jacobian(x -> sum(x ^ 3))({lit(x3)})", jax.jacrev(lambda x: jnp.sum(x ** 3))(x3))
case(f"jacobian((w, x) -> tanh(x @ w), argnums=0)({lit(w23.T)}, {lit(x3)})",
     jax.jacrev(lambda w, x: jnp.tanh(x @ w), argnums=0)(w23.T, x3))
case(f"hessian(x -> sum(exp(x) * sin(x)))({lit(x3)})", jax.hessian(lambda x: jnp.sum(jnp.exp(x) * jnp.sin(x)))(x3))
case(f"hessian(x -> logsumexp(x))({lit(x4)})", jax.hessian(jax.scipy.special.logsumexp)(x4))
case(f"hessian(x -> x[0] ^ 2 * x[1] + x[2] * x[1])({lit(x3)})",
     jax.hessian(lambda x: x[0] ** 2 * x[1] + x[2] * x[1])(x3))
case(f"vmap(v -> dot(v, v))({lit(m23)})", jax.vmap(lambda v: jnp.dot(v, v))(m23))
case(f"vmap(v -> v / norm(v), in_axes=1)({lit(m23)})", jax.vmap(lambda v: v / jnp.linalg.norm(v), in_axes=1)(m23))
case(f"vmap((v, w) -> sum(v * w), in_axes=[0, none])({lit(m23)}, {lit(w3)})",
     jax.vmap(lambda v, w: jnp.sum(v * w), in_axes=(0, None))(m23, w3))
case(f"vmap(jacobian(x -> sin(x) * x))({lit(m23)})", jax.vmap(jax.jacrev(lambda x: jnp.sin(x) * x))(m23))
case(f"grad(x -> sum(vmap(v -> prod(v))(x)))({lit(m23)})",
     jax.grad(lambda x: jnp.sum(jax.vmap(jnp.prod)(x)))(m23))

write("autodiff_transforms", cases, jax_version=jax.__version__)
