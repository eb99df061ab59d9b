/// Names a learner brings from NumPy, PyTorch and JAX code, so that an undefined name can say
/// what it is instead of "assign it first". Data only: the hints that use it are in
/// `Interpreter+Hints.swift`.
enum ForeignNames {
    /// Module prefixes that Kiso's builtins do without: `np.zeros(3)` is `zeros(3)`.
    static let modulePrefixes: Set<String> = ["np", "numpy", "torch", "jnp", "jax", "scipy", "math", "tf"]

    /// Sub-modules that may follow a prefix (`np.linalg.norm`, `np.random.normal`).
    static let submodules: Set<String> = ["linalg", "random", "nn", "functional", "special", "fft", "numpy"]

    /// Well-known NumPy / PyTorch functions Kiso does not have, with Kiso's name for the same
    /// thing where there is one (PyTorch's `cat` is `concatenate`), else nil.
    static let functions: [String: String?] = [
        // NumPy
        "argsort": nil, "sort": nil, "unique": nil, "einsum": nil, "diag": nil, "trace": nil,
        "inv": nil, "det": nil, "svd": nil, "qr": nil, "cholesky": nil, "eig": nil, "eigh": nil,
        "pinv": nil, "kron": nil, "histogram": nil, "bincount": nil, "searchsorted": nil,
        "digitize": nil, "interp": nil, "percentile": nil, "quantile": nil, "median": nil,
        "average": nil, "corrcoef": nil, "cov": nil, "convolve": nil, "correlate": nil,
        "diff": nil, "gradient": nil, "roll": nil, "rot90": nil, "fliplr": nil, "flipud": nil,
        "vstack": "stack", "hstack": "concatenate", "column_stack": nil,
        "array_split": nil, "ravel": "flatten", "atleast_2d": nil, "asarray": nil,
        "astype": nil, "copy": nil, "empty": "zeros", "empty_like": "zeros_like",
        "identity": "eye", "logspace": nil, "geomspace": nil, "nanmean": nil, "nansum": nil,
        "nanmax": nil, "nanmin": nil, "isclose": nil, "allclose": nil, "array_equal": nil,
        "count_nonzero": nil, "flatnonzero": nil, "argwhere": nil, "amax": "max", "amin": "min",
        "power": nil, "square": nil, "cbrt": nil, "exp2": nil, "hypot": nil, "arctan2": nil,
        "deg2rad": nil, "rad2deg": nil, "sinh": nil, "cosh": nil, "arcsin": nil, "arccos": nil,
        "arcsinh": nil, "arccosh": nil, "arctanh": nil, "trunc": nil, "rint": nil, "fix": nil,
        "mod": nil, "remainder": nil, "fmod": nil, "divmod": nil, "gcd": nil, "lcm": nil,
        // numpy.random (np.random.beta and the like also answer through the module prefix)
        "binomial": nil, "exponential": nil, "dirichlet": nil, "lognormal": nil, "laplace": nil,
        "logistic": nil, "geometric": nil, "gumbel": nil, "hypergeometric": nil, "multinomial": nil,
        "negative_binomial": nil, "pareto": nil, "rayleigh": nil, "standard_cauchy": nil,
        "standard_exponential": nil, "standard_gamma": nil, "standard_t": nil, "triangular": nil,
        "vonmises": nil, "wald": nil, "weibull": nil, "zipf": nil, "chisquare": nil,
        "random_sample": "rand", "random_integers": "randint", "integers": "randint", "get_state": nil,
        "set_state": nil,
        // numpy.linalg
        "eigvals": nil, "eigvalsh": nil, "matrix_norm": "norm", "vector_norm": "norm", "cond": nil,
        "multi_dot": nil, "tensorinv": nil, "tensorsolve": nil, "svdvals": nil, "matrix_transpose": "transpose",
        // PyTorch and JAX
        "cat": "concatenate", "mm": "matmul", "bmm": "matmul",
        "permute_dims": "permute", "softplus": nil, "silu": nil, "elu": nil,
        "leaky_relu": nil, "dropout": nil, "embedding": nil, "linear": nil, "conv1d": nil,
        "conv2d": nil, "max_pool2d": nil, "avg_pool2d": nil, "batch_norm": nil,
        "nll_loss": nil, "l1_loss": nil, "smooth_l1_loss": nil, "kl_div": nil, "one_hot": nil,
        "randn_like": nil, "rand_like": nil, "randperm": "permutation", "randint_like": nil, "manual_seed": "seed",
        "no_grad": "stop_gradient",
        "detach": "stop_gradient", "jit": nil,
    ]
}
