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
        "digitize": nil, "interp": nil, "gradient": nil, "rot90": nil, "fliplr": nil, "flipud": nil,
        "array_split": nil, "atleast_2d": nil, "asarray": nil,
        "empty": "zeros", "empty_like": "zeros_like",
        "identity": "eye", "logspace": nil, "geomspace": nil, "nanmean": nil, "nansum": nil,
        "nanmax": nil, "nanmin": nil, "flatnonzero": nil, "amax": "max", "amin": "min",
        "cbrt": nil, "exp2": nil, "hypot": nil, "arctan2": nil,
        "deg2rad": nil, "rad2deg": nil, "sinh": nil, "cosh": nil, "arcsinh": nil, "arccosh": nil, "arctanh": nil,
        "trunc": nil, "rint": nil, "fix": nil,
        "mod": nil, "remainder": nil, "fmod": nil, "gcd": nil, "lcm": nil,
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
        "permute_dims": "permute", "randn_like": nil, "rand_like": nil, "randperm": "permutation", "randint_like": nil,
        "manual_seed": "seed",
        "no_grad": "stop_gradient",
        "detach": "stop_gradient", "jit": nil,
    ]
}
