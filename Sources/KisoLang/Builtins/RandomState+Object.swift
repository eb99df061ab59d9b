import KisoTensor

/// NumPy's legacy `RandomState` (MT19937) as a Kiso object, for reproducing code written with
/// `np.random.RandomState(seed)`: `rs = RandomState(0); rs.randn(2, 3)`.
extension RandomState: KisoObject {
    static let objectType = ObjectType(
        "RandomState", of: RandomState.self, receiver: "rs",
        doc: "NumPy's legacy random generator (MT19937), with its own stream; made by RandomState(seed).",
        example: "rs = RandomState(0); rs.randn(2, 3)"
    ) { t in
        t.text { _ in "RandomState(MT19937)" }
        t.method(
            "seed", [param("seed", .int)], doc: "Reseeds this generator in place.",
            example: "rs = RandomState(0); rs.seed(1); rs.rand(2)"
        ) { rs, a in
            try rs.seed(try a.int("seed"))
            return .none
        }
        t.method(
            "rand", [rest("shape")], doc: "Uniform floats on [0, 1), the dimensions given as arguments.",
            example: "rs = RandomState(0); rs.rand(2, 3)"
        ) { rs, a in
            let shape = try shapeArguments(try a["shape"], "shape")
            return .tensor(try rs.randomSample(shape.isEmpty ? nil : shape))
        }
        t.method(
            "randn", [rest("shape")], doc: "Standard normal floats, the dimensions given as arguments.",
            example: "rs = RandomState(0); rs.randn(2, 3)"
        ) { rs, a in
            let shape = try shapeArguments(try a["shape"], "shape")
            return .tensor(try rs.standardNormal(shape.isEmpty ? nil : shape))
        }
        t.method(
            "random", [param("size", .shape, .none)], doc: "Uniform floats on [0, 1).",
            example: "rs = RandomState(0); rs.random([2, 2])"
        ) { rs, a in
            .tensor(try rs.random(try a.optionalShape("size")))
        }
        t.method(
            "standard_normal", [param("size", .shape, .none)], doc: "Standard normal floats (the polar method).",
            example: "rs = RandomState(0); rs.standard_normal(3)"
        ) { rs, a in
            .tensor(try rs.standardNormal(try a.optionalShape("size")))
        }
        t.method(
            "normal", [param("loc", .tensor, .int(0)), param("scale", .tensor, .int(1)), param("size", .shape, .none)],
            doc: "Normal draws with mean loc and standard deviation scale.",
            example: "rs = RandomState(0); rs.normal(0, 2, [3])"
        ) { rs, a in
            let size = try a.optionalShape("size")
            if try a["loc"].isScalarNumber, try a["scale"].isScalarNumber {
                let loc = try a.number("loc")
                let scale = try a.number("scale")
                return .tensor(try rs.normal(loc: loc, scale: scale, size: size))
            }
            return .tensor(try rs.normal(loc: try a.tensor("loc"), scale: try a.tensor("scale"), size: size))
        }
        t.method(
            "uniform", [param("low", .tensor, .int(0)), param("high", .tensor, .int(1)), param("size", .shape, .none)],
            doc: "Uniform draws on [low, high).", example: "rs = RandomState(0); rs.uniform(-1, 1, [3])"
        ) { rs, a in
            let size = try a.optionalShape("size")
            if try a["low"].isScalarNumber, try a["high"].isScalarNumber {
                let low = try a.number("low")
                let high = try a.number("high")
                return .tensor(try rs.uniform(low: low, high: high, size: size))
            }
            return .tensor(try rs.uniform(low: try a.tensor("low"), high: try a.tensor("high"), size: size))
        }
        t.method(
            "randint", [param("low", .int), param("high", .int, .none), param("size", .shape, .none)],
            doc: "Random integers in [low, high) (in [0, low) without high).",
            example: "rs = RandomState(0); rs.randint(0, 10, [5])"
        ) { rs, a in
            .tensor(try rs.randint(try a.int("low"), try a.optionalInt("high"), size: try a.optionalShape("size")))
        }
        t.method(
            "choice",
            [
                param("a", .tensor), param("size", .shape, .none), param("replace", .bool, .bool(true)),
                param("p", .tensor, .none),
            ], doc: "Random elements of a 1-d a (or of range(a) for a number).",
            example: "rs = RandomState(0); rs.choice(10, 3, replace=false)"
        ) { rs, a in
            .tensor(try legacyChoice(rs, a))
        }
        t.method(
            "poisson", [param("lam", .tensor, .int(1)), param("size", .shape, .none)],
            doc: "Poisson counts (int64) with mean lam.", example: "rs = RandomState(0); rs.poisson(3.5, [5])"
        ) { rs, a in
            .tensor(try rs.poisson(lam: try a.tensor("lam"), size: try a.optionalShape("size")))
        }
        t.method(
            "multivariate_normal", [param("mean", .tensor), param("cov", .tensor), param("size", .shape, .none)],
            doc: "Normal vectors with the given mean and covariance (through the SVD of cov, as NumPy's legacy code).",
            example: "rs = RandomState(0); rs.multivariate_normal([0, 0], [[1, 0.5], [0.5, 1]], 3)"
        ) { rs, a in
            .tensor(
                try rs.multivariateNormal(
                    mean: try a.tensor("mean"), cov: try a.tensor("cov"), size: try a.optionalShape("size")))
        }
        t.method(
            "permutation", [param("x", .tensor)], doc: "A random ordering of range(x) (a number) or of x's rows.",
            example: "rs = RandomState(0); rs.permutation(5)"
        ) { rs, a in
            if try a["x"].isScalarNumber { return .tensor(try rs.permutation(try a.int("x"))) }
            return .tensor(try rs.permutation(try a.tensor("x")))
        }
        t.method(
            "shuffle", [param("x", .collection)],
            doc:
                "Puts x's rows (or a list's items) in random order; the variable x changes, as NumPy's shuffle changes it in place.",
            example: "rs = RandomState(0); y = arange(5); rs.shuffle(y); y", mutates: "x"
        ) { rs, a in
            try a.set("x", try shuffled(a["x"], span: a.span) { try rs.shuffle(&$0) })
            return .none
        }
    }
}

/// NumPy's legacy `choice(a, size, replace, p)` drawn from `rs`, for `rs.choice` and the global
/// `choice`: indices into range(a) for a number, elements of a for a tensor.
func legacyChoice(_ rs: RandomState, _ a: Arguments) throws -> Tensor {
    let size = try a.optionalShape("size")
    let p = try a.optionalTensor("p")?.scalars
    let replace = try a.bool("replace")
    if try a["a"].isScalarNumber {
        return try rs.choice(try a.int("a"), size: size, replace: replace, p: p)
    }
    return try rs.choice(try a.tensor("a"), size: size, replace: replace, p: p)
}
