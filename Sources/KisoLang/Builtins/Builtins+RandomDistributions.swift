import KisoTensor

extension ObjectMembers where Object == KisoTensor.Generator {
    /// The Generator's distribution methods; each draws exactly NumPy's `Generator` values.
    mutating func declareDistributions() {
        self.method(
            "standard_exponential", [param("size", .shape, .none)], doc: "Exponential floats with mean 1.",
            example: "rng.standard_exponential(3)"
        ) { g, a in
            .tensor(try g.standardExponential(try a.optionalShape("size")))
        }
        self.method(
            "exponential", [param("scale", .tensor, .int(1)), param("size", .shape, .none)],
            doc: "Exponential floats with mean scale (rate 1/scale).", example: "rng.exponential(2.0, [3])"
        ) { g, a in
            .tensor(try g.exponential(scale: try a.tensor("scale"), size: try a.optionalShape("size")))
        }
        self.method(
            "standard_gamma", [param("shape", .tensor), param("size", .shape, .none)],
            doc: "Gamma floats with the given shape and scale 1.", example: "rng.standard_gamma(2.5, [3])"
        ) { g, a in
            .tensor(try g.standardGamma(shape: try a.tensor("shape"), size: try a.optionalShape("size")))
        }
        self.method(
            "gamma", [param("shape", .tensor), param("scale", .tensor, .int(1)), param("size", .shape, .none)],
            doc: "Gamma floats with mean shape·scale (NumPy's parameters: scale = 1/rate).",
            example: "rng.gamma(2.0, 0.5, [3])"
        ) { g, a in
            .tensor(
                try g.gamma(
                    shape: try a.tensor("shape"), scale: try a.tensor("scale"), size: try a.optionalShape("size")))
        }
        self.method(
            "beta", [param("a", .tensor), param("b", .tensor), param("size", .shape, .none)],
            doc: "Beta floats on [0, 1] with mean a/(a + b).", example: "rng.beta(2, 5, [3])"
        ) { g, a in
            .tensor(try g.beta(a: try a.tensor("a"), b: try a.tensor("b"), size: try a.optionalShape("size")))
        }
        self.method(
            "poisson", [param("lam", .tensor, .int(1)), param("size", .shape, .none)],
            doc: "Poisson counts (int64) with mean lam.", example: "rng.poisson(3.5, [5])"
        ) { g, a in
            .tensor(try g.poisson(lam: try a.tensor("lam"), size: try a.optionalShape("size")))
        }
        self.method(
            "binomial", [param("n", .tensor), param("p", .tensor), param("size", .shape, .none)],
            doc: "Binomial counts (int64): successes in n trials of probability p.",
            example: "rng.binomial(10, 0.3, [5])"
        ) { g, a in
            .tensor(try g.binomial(n: try a.tensor("n"), p: try a.tensor("p"), size: try a.optionalShape("size")))
        }
        self.method(
            "standard_t", [param("df", .tensor), param("size", .shape, .none)],
            doc: "Student's t floats with df degrees of freedom.", example: "rng.standard_t(3, [3])"
        ) { g, a in
            .tensor(try g.standardT(df: try a.tensor("df"), size: try a.optionalShape("size")))
        }
        self.method(
            "laplace",
            [param("loc", .tensor, .int(0)), param("scale", .tensor, .int(1)), param("size", .shape, .none)],
            doc: "Laplace (double exponential) floats centred on loc.", example: "rng.laplace(0, 1, [3])"
        ) { g, a in
            .tensor(
                try g.laplace(loc: try a.tensor("loc"), scale: try a.tensor("scale"), size: try a.optionalShape("size"))
            )
        }
        self.method(
            "dirichlet", [param("alpha", .tensor), param("size", .shape, .none)],
            doc: "Probability vectors from a Dirichlet distribution; shape size + [len(alpha)].",
            example: "rng.dirichlet([1, 2, 3], 4)"
        ) { g, a in
            .tensor(try g.dirichlet(alpha: try a.tensor("alpha"), size: try a.optionalShape("size")))
        }
        self.method(
            "multivariate_normal",
            [
                param("mean", .tensor), param("cov", .tensor), param("size", .shape, .none),
                param("method", .string, .string("svd")),
            ],
            doc: "Normal vectors with the given mean and covariance; method \"svd\", \"eigh\" or \"cholesky\".",
            example: "rng.multivariate_normal([0, 0], [[1, 0.5], [0.5, 1]], 3)"
        ) { g, a in
            let name = try a.string("method")
            guard let method = KisoTensor.Generator.CovarianceFactor(rawValue: name) else {
                throw KisoError(
                    .value, "`multivariate_normal` has no method \"\(name)\"", span: a.span,
                    hint: "use \"svd\" (NumPy's default), \"eigh\" or \"cholesky\"")
            }
            return .tensor(
                try g.multivariateNormal(
                    mean: try a.tensor("mean"), cov: try a.tensor("cov"), size: try a.optionalShape("size"),
                    method: method))
        }
    }
}
