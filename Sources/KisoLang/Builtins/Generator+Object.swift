import KisoTensor

/// NumPy's `Generator` (PCG64) as a Kiso object: `rng = default_rng(1); rng.normal(0, 1, [3])`.
extension KisoTensor.Generator: KisoObject {
    static let objectType = ObjectType(
        "Generator", of: KisoTensor.Generator.self, receiver: "rng",
        doc: "A random Generator (PCG64) with NumPy's draws; made by default_rng(seed).",
        example: "rng = default_rng(1); rng.normal(0, 1, [2, 3])"
    ) { t in
        t.text { _ in "Generator(PCG64)" }
        t.method(
            "random", [param("size", .shape, .none)], doc: "Uniform floats on [0, 1).", example: "rng.random([2, 2])"
        ) { g, a in
            .tensor(try g.random(try a.optionalShape("size")))
        }
        t.method(
            "standard_normal", [param("size", .shape, .none)], doc: "Standard normal floats.",
            example: "rng.standard_normal(3)"
        ) { g, a in
            .tensor(try g.standardNormal(try a.optionalShape("size")))
        }
        t.method(
            "normal", [param("loc", .tensor, .int(0)), param("scale", .tensor, .int(1)), param("size", .shape, .none)],
            doc: "Normal draws with mean loc and standard deviation scale.", example: "rng.normal(0, 1, [3, 6])"
        ) { g, a in
            let size = try a.optionalShape("size")
            if try a["loc"].isScalarNumber, try a["scale"].isScalarNumber {
                let loc = try a.number("loc")
                let scale = try a.number("scale")
                return .tensor(try g.normal(loc: loc, scale: scale, size: size))
            }
            return .tensor(try g.normal(loc: try a.tensor("loc"), scale: try a.tensor("scale"), size: size))
        }
        t.method(
            "uniform", [param("low", .tensor, .int(0)), param("high", .tensor, .int(1)), param("size", .shape, .none)],
            doc: "Uniform draws on [low, high).", example: "rng.uniform(-1, 1, [3])"
        ) { g, a in
            let size = try a.optionalShape("size")
            if try a["low"].isScalarNumber, try a["high"].isScalarNumber {
                let low = try a.number("low")
                let high = try a.number("high")
                return .tensor(try g.uniform(low: low, high: high, size: size))
            }
            return .tensor(try g.uniform(low: try a.tensor("low"), high: try a.tensor("high"), size: size))
        }
        t.method(
            "integers",
            [
                param("low", .int), param("high", .int, .none), param("size", .shape, .none),
                param("endpoint", .bool, .bool(false)),
            ], doc: "Random integers in [low, high) (or [low, high] with endpoint).",
            example: "rng.integers(0, 10, [5])"
        ) { g, a in
            .tensor(
                try g.integers(
                    try a.int("low"), try a.optionalInt("high"), size: try a.optionalShape("size"),
                    endpoint: try a.bool("endpoint")))
        }
        t.method(
            "choice",
            [
                param("a", .tensor), param("size", .shape, .none), param("replace", .bool, .bool(true)),
                param("p", .tensor, .none),
            ], doc: "Random elements of a (or of range(a) for a number).", example: "rng.choice(10, 3, replace=false)"
        ) { g, a in
            let size = try a.optionalShape("size")
            let p = try a.optionalTensor("p")?.scalars
            let replace = try a.bool("replace")
            if try a["a"].isScalarNumber {
                return .tensor(try g.choice(try a.int("a"), size: size, replace: replace, p: p))
            }
            return .tensor(try g.choice(try a.tensor("a"), size: size, replace: replace, p: p))
        }
        t.method(
            "permutation", [param("x", .tensor)], doc: "A random ordering of range(x) (a number) or of x's rows.",
            example: "rng.permutation(5)"
        ) { g, a in
            if try a["x"].isScalarNumber { return .tensor(try g.permutation(try a.int("x"))) }
            return .tensor(try g.permutation(try a.tensor("x")))
        }
        t.method(
            "shuffle", [param("x", .collection)],
            doc:
                "Puts x's rows (or a list's items) in random order; the variable x changes, as NumPy's shuffle changes it in place.",
            example: "x = arange(5); rng.shuffle(x); x", mutates: "x"
        ) { g, a in
            try a.set("x", try shuffled(a["x"], span: a.span) { try g.shuffle(&$0) })
            return .none
        }
        t.declareDistributions()
    }
}

/// `x` with its rows, or a list's items, put in random order by `shuffle` (a generator's
/// in-place shuffle of a tensor). A list moves its items as a tensor of their positions moves,
/// which are the draws NumPy's shuffle makes for a list.
func shuffled(_ x: Value, span: SourceSpan, _ shuffle: (inout Tensor) throws -> Void) throws -> Value {
    switch x {
    case .list(let items):
        var order = Tensor((0..<items.count).map(Double.init), dtype: .int64)
        try shuffle(&order)
        return .list(order.scalars.map { items[Int($0)] })
    case .tuple:
        throw KisoError(
            .type, "shuffle: a tuple cannot change", span: span, hint: "shuffle a list or tensor, or use permutation(…)"
        )
    default:
        var t = try Convert.tensor(x, "x")
        try shuffle(&t)
        return .tensor(t)
    }
}
