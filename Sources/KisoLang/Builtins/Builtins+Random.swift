import KisoTensor

extension Registry {
    func registerRandom() {
        section("Random numbers")
        register(KisoTensor.Generator.self)
        register(RandomState.self)
        add(
            "default_rng", [param("seed", .int, .none)],
            doc: "A random Generator (PCG64), seeded for reproducible draws.",
            example: "rng = default_rng(1); rng.normal(0, 1, [2, 3])"
        ) { a in
            if let seed = try a.optionalInt("seed") { return .object(try KisoTensor.Generator(seed: seed)) }
            var entropy: [UInt32] = []
            var system = SystemRandomNumberGenerator()
            for _ in 0..<4 { entropy.append(UInt32.random(in: .min ... .max, using: &system)) }
            return .object(KisoTensor.Generator(entropy: entropy))
        }
        add(
            "RandomState", [param("seed", .int, .none)],
            doc: "NumPy's legacy generator (MT19937) with its own stream, as np.random.RandomState(seed).",
            example: "rs = RandomState(0); rs.randn(2, 3)"
        ) { a in
            if let seed = try a.optionalInt("seed") { return .object(try RandomState(seed: seed)) }
            return .object(RandomState())
        }
        add(
            "seed", [param("seed", .int)], doc: "Reseeds the global stream (NumPy's np.random.seed).",
            example: "seed(0); rand(2)"
        ) { a in
            try Random.seed(try a.int("seed"))
            return .none
        }
        add(
            "rand", [rest("shape")], doc: "Uniform floats on [0, 1) from the global stream, of the given shape.",
            example: "rand(2, 3)"
        ) { a in
            let shape = try shapeArguments(try a["shape"], "shape")
            return .tensor(try Random.random(shape.isEmpty ? nil : shape))
        }
        add(
            "randn", [rest("shape")], doc: "Standard normal floats from the global stream, of the given shape.",
            example: "randn(2, 3)"
        ) { a in
            let shape = try shapeArguments(try a["shape"], "shape")
            return .tensor(try Random.standardNormal(shape.isEmpty ? nil : shape))
        }
        add(
            "normal", [param("loc", .number, .int(0)), param("scale", .number, .int(1)), param("size", .shape, .none)],
            doc: "Normal draws from the global stream.", example: "normal(0, 2, [3])"
        ) { a in
            .tensor(
                try Random.normal(
                    loc: try a.number("loc"), scale: try a.number("scale"), size: try a.optionalShape("size")))
        }
        add(
            "uniform", [param("low", .number, .int(0)), param("high", .number, .int(1)), param("size", .shape, .none)],
            doc: "Uniform draws on [low, high) from the global stream.", example: "uniform(-1, 1, [3])"
        ) { a in
            .tensor(
                try Random.uniform(
                    low: try a.number("low"), high: try a.number("high"), size: try a.optionalShape("size")))
        }
        add(
            "randint", [param("low", .int), param("high", .int, .none), param("size", .shape, .none)],
            doc: "Random integers in [low, high) from the global stream.", example: "randint(0, 10, [5])"
        ) { a in
            .tensor(try Random.randint(try a.int("low"), try a.optionalInt("high"), size: try a.optionalShape("size")))
        }
        add(
            "choice",
            [
                param("a", .tensor), param("size", .shape, .none), param("replace", .bool, .bool(true)),
                param("p", .tensor, .none),
            ],
            doc:
                "Random elements of a 1-d a (or of range(a) for a number) from the global stream, p their probabilities.",
            example: "seed(0); choice(10, 3, replace=false)"
        ) { a in
            let arguments = a
            return .tensor(try Random.withState { try legacyChoice($0, arguments) })
        }
        add(
            "shuffle", [param("x", .any)],
            doc:
                "Puts x's rows (or a list's items) in random order from the global stream; the variable x changes, as NumPy's shuffle changes it in place.",
            example: "seed(0); y = arange(5); shuffle(y); y", mutates: "x"
        ) { a in
            try a.set("x", try shuffled(try a["x"], span: a.span) { try Random.shuffle(&$0) })
            return .none
        }
        add(
            "poisson", [param("lam", .tensor, .int(1)), param("size", .shape, .none)],
            doc: "Poisson counts (int64) with mean lam from the global stream, as NumPy's legacy sampler draws them.",
            example: "seed(0); poisson(3.5, [5])"
        ) { a in
            .tensor(try Random.poisson(lam: try a.tensor("lam"), size: try a.optionalShape("size")))
        }
        add(
            "multivariate_normal", [param("mean", .tensor), param("cov", .tensor), param("size", .shape, .none)],
            doc:
                "Normal vectors with the given mean and covariance from the global stream (NumPy's legacy SVD method).",
            example: "seed(0); multivariate_normal([0, 0], [[1, 0.5], [0.5, 1]], 3)"
        ) { a in
            .tensor(
                try Random.multivariateNormal(
                    mean: try a.tensor("mean"), cov: try a.tensor("cov"), size: try a.optionalShape("size")))
        }
        add(
            "permutation", [param("x", .tensor)],
            doc: "A random ordering of range(x) (a number) or of x's rows, from the global stream.",
            example: "permutation(5)"
        ) { a in
            if (try a["x"]).isScalarNumber { return .tensor(try Random.permutation(try a.int("x"))) }
            return .tensor(try Random.permutation(try a.tensor("x")))
        }
    }
}
