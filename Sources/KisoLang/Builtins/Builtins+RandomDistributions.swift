import KisoTensor

extension Registry {
    /// The Generator's distribution methods; each draws exactly NumPy's `Generator` values.
    func registerRandomDistributions() {
        method(
            "standard_exponential", [param("size", .shape, .none)], doc: "Exponential floats with mean 1.",
            example: "rng.standard_exponential(3)"
        ) { a in
            .tensor(try a.generator(0).standardExponential(try a.optionalShape(1)))
        }
        method(
            "exponential", [param("scale", .tensor, .int(1)), param("size", .shape, .none)],
            doc: "Exponential floats with mean scale (rate 1/scale).", example: "rng.exponential(2.0, [3])"
        ) { a in
            .tensor(try a.generator(0).exponential(scale: try a.tensor(1), size: try a.optionalShape(2)))
        }
        method(
            "standard_gamma", [param("shape", .tensor), param("size", .shape, .none)],
            doc: "Gamma floats with the given shape and scale 1.", example: "rng.standard_gamma(2.5, [3])"
        ) { a in
            .tensor(try a.generator(0).standardGamma(shape: try a.tensor(1), size: try a.optionalShape(2)))
        }
        method(
            "gamma", [param("shape", .tensor), param("scale", .tensor, .int(1)), param("size", .shape, .none)],
            doc: "Gamma floats with mean shape·scale (NumPy's parameters: scale = 1/rate).",
            example: "rng.gamma(2.0, 0.5, [3])"
        ) { a in
            .tensor(
                try a.generator(0).gamma(
                    shape: try a.tensor(1), scale: try a.tensor(2), size: try a.optionalShape(3)))
        }
        method(
            "beta", [param("a", .tensor), param("b", .tensor), param("size", .shape, .none)],
            doc: "Beta floats on [0, 1] with mean a/(a + b).", example: "rng.beta(2, 5, [3])"
        ) { a in
            .tensor(try a.generator(0).beta(a: try a.tensor(1), b: try a.tensor(2), size: try a.optionalShape(3)))
        }
        method(
            "poisson", [param("lam", .tensor, .int(1)), param("size", .shape, .none)],
            doc: "Poisson counts (int64) with mean lam.", example: "rng.poisson(3.5, [5])"
        ) { a in
            .tensor(try a.generator(0).poisson(lam: try a.tensor(1), size: try a.optionalShape(2)))
        }
        method(
            "binomial", [param("n", .tensor), param("p", .tensor), param("size", .shape, .none)],
            doc: "Binomial counts (int64): successes in n trials of probability p.",
            example: "rng.binomial(10, 0.3, [5])"
        ) { a in
            .tensor(try a.generator(0).binomial(n: try a.tensor(1), p: try a.tensor(2), size: try a.optionalShape(3)))
        }
        method(
            "dirichlet", [param("alpha", .tensor), param("size", .shape, .none)],
            doc: "Probability vectors from a Dirichlet distribution; shape size + [len(alpha)].",
            example: "rng.dirichlet([1, 2, 3], 4)"
        ) { a in
            .tensor(try a.generator(0).dirichlet(alpha: try a.tensor(1), size: try a.optionalShape(2)))
        }
        method(
            "multivariate_normal",
            [
                param("mean", .tensor), param("cov", .tensor), param("size", .shape, .none),
                param("method", .string, .string("svd")),
            ],
            doc: "Normal vectors with the given mean and covariance; method \"svd\", \"eigh\" or \"cholesky\".",
            example: "rng.multivariate_normal([0, 0], [[1, 0.5], [0.5, 1]], 3)"
        ) { a in
            let name = try a.string(4)
            guard let method = KisoTensor.Generator.CovarianceFactor(rawValue: name) else {
                throw KisoError(
                    .value, "`multivariate_normal` has no method \"\(name)\"", span: a.span,
                    hint: "use \"svd\" (NumPy's default), \"eigh\" or \"cholesky\"")
            }
            return .tensor(
                try a.generator(0).multivariateNormal(
                    mean: try a.tensor(1), cov: try a.tensor(2), size: try a.optionalShape(3), method: method))
        }
    }
}
