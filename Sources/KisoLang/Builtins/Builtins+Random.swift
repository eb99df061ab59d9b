import KisoTensor

extension Registry {
    func registerRandom() {
        section("Random numbers")
        add(
            "default_rng", [param("seed", .int, .none)],
            doc: "A random Generator (PCG64), seeded for reproducible draws.",
            example: "rng = default_rng(1); rng.normal(0, 1, [2, 3])"
        ) { a in
            if let seed = try a.optionalInt(0) {
                return .generator(GeneratorBox(generator: try KisoTensor.Generator(seed: seed), seed: String(seed)))
            }
            var entropy: [UInt32] = []
            var system = SystemRandomNumberGenerator()
            for _ in 0..<4 { entropy.append(UInt32.random(in: .min ... .max, using: &system)) }
            return .generator(GeneratorBox(generator: KisoTensor.Generator(entropy: entropy), seed: "entropy"))
        }
        add(
            "seed", [param("seed", .int)], doc: "Reseeds the global stream (NumPy's np.random.seed).",
            example: "seed(0); rand(2)"
        ) { a in
            try Random.seed(try a.int(0))
            return .none
        }
        add(
            "rand", [rest("shape")], doc: "Uniform floats on [0, 1) from the global stream, of the given shape.",
            example: "rand(2, 3)"
        ) { a in
            let shape = try shapeArguments(a[0], "shape")
            return .tensor(try Random.random(shape.isEmpty ? nil : shape))
        }
        add(
            "randn", [rest("shape")], doc: "Standard normal floats from the global stream, of the given shape.",
            example: "randn(2, 3)"
        ) { a in
            let shape = try shapeArguments(a[0], "shape")
            return .tensor(try Random.standardNormal(shape.isEmpty ? nil : shape))
        }
        add(
            "normal", [param("loc", .number, .int(0)), param("scale", .number, .int(1)), param("size", .shape, .none)],
            doc: "Normal draws from the global stream.", example: "normal(0, 2, [3])"
        ) { a in
            .tensor(try Random.normal(loc: try a.number(0), scale: try a.number(1), size: try a.optionalShape(2)))
        }
        add(
            "uniform", [param("low", .number, .int(0)), param("high", .number, .int(1)), param("size", .shape, .none)],
            doc: "Uniform draws on [low, high) from the global stream.", example: "uniform(-1, 1, [3])"
        ) { a in
            .tensor(try Random.uniform(low: try a.number(0), high: try a.number(1), size: try a.optionalShape(2)))
        }
        add(
            "randint", [param("low", .int), param("high", .int, .none), param("size", .shape, .none)],
            doc: "Random integers in [low, high) from the global stream.", example: "randint(0, 10, [5])"
        ) { a in
            .tensor(try Random.randint(try a.int(0), try a.optionalInt(1), size: try a.optionalShape(2)))
        }
        add(
            "permutation", [param("x", .tensor)],
            doc: "A random ordering of range(x) (a number) or of x's rows, from the global stream.",
            example: "permutation(5)"
        ) { a in
            if a[0].isScalarNumber { return .tensor(try Random.permutation(try a.int(0))) }
            return .tensor(try Random.permutation(try a.tensor(0)))
        }

        method(
            "random", [param("size", .shape, .none)], doc: "Uniform floats on [0, 1).", example: "rng.random([2, 2])"
        ) { a in
            .tensor(try a.generator(0).random(try a.optionalShape(1)))
        }
        method(
            "standard_normal", [param("size", .shape, .none)], doc: "Standard normal floats.",
            example: "rng.standard_normal(3)"
        ) { a in
            .tensor(try a.generator(0).standardNormal(try a.optionalShape(1)))
        }
        method(
            "normal", [param("loc", .tensor, .int(0)), param("scale", .tensor, .int(1)), param("size", .shape, .none)],
            doc: "Normal draws with mean loc and standard deviation scale.", example: "rng.normal(0, 1, [3, 6])"
        ) { a in
            let g = try a.generator(0)
            let size = try a.optionalShape(3)
            if a[1].isScalarNumber, a[2].isScalarNumber {
                return .tensor(try g.normal(loc: try a.number(1), scale: try a.number(2), size: size))
            }
            return .tensor(try g.normal(loc: try a.tensor(1), scale: try a.tensor(2), size: size))
        }
        method(
            "uniform", [param("low", .tensor, .int(0)), param("high", .tensor, .int(1)), param("size", .shape, .none)],
            doc: "Uniform draws on [low, high).", example: "rng.uniform(-1, 1, [3])"
        ) { a in
            let g = try a.generator(0)
            let size = try a.optionalShape(3)
            if a[1].isScalarNumber, a[2].isScalarNumber {
                return .tensor(try g.uniform(low: try a.number(1), high: try a.number(2), size: size))
            }
            return .tensor(try g.uniform(low: try a.tensor(1), high: try a.tensor(2), size: size))
        }
        method(
            "integers",
            [
                param("low", .int), param("high", .int, .none), param("size", .shape, .none),
                param("endpoint", .bool, .bool(false)),
            ], doc: "Random integers in [low, high) (or [low, high] with endpoint).",
            example: "rng.integers(0, 10, [5])"
        ) { a in
            .tensor(
                try a.generator(0).integers(
                    try a.int(1), try a.optionalInt(2), size: try a.optionalShape(3), endpoint: try a.bool(4)))
        }
        method(
            "choice",
            [
                param("a", .tensor), param("size", .shape, .none), param("replace", .bool, .bool(true)),
                param("p", .tensor, .none),
            ], doc: "Random elements of a (or of range(a) for a number).", example: "rng.choice(10, 3, replace=false)"
        ) { a in
            let g = try a.generator(0)
            let size = try a.optionalShape(2)
            let p = try a.optionalTensor(4)?.scalars
            if a[1].isScalarNumber {
                return .tensor(try g.choice(try a.int(1), size: size, replace: try a.bool(3), p: p))
            }
            return .tensor(try g.choice(try a.tensor(1), size: size, replace: try a.bool(3), p: p))
        }
        method(
            "permutation", [param("x", .tensor)], doc: "A random ordering of range(x) (a number) or of x's rows.",
            example: "rng.permutation(5)"
        ) { a in
            if a[1].isScalarNumber { return .tensor(try a.generator(0).permutation(try a.int(1))) }
            return .tensor(try a.generator(0).permutation(try a.tensor(1)))
        }
        method(
            "shuffle", [param("x", .tensor)],
            doc: "x with its rows in random order. Values are values: the result is returned, x is unchanged.",
            example: "x = rng.shuffle(x)"
        ) { a in
            var x = try a.tensor(1)
            try a.generator(0).shuffle(&x)
            return .tensor(x)
        }
    }
}
