import KisoTensor

extension Registry {
    /// Registers a reduction `name(x, axis=none, keepdims=false)`.
    private func reduction(
        _ name: String, doc: String, example: String, grad: GradBehaviour = .notDifferentiable,
        _ body: @escaping (Tensor, [Int]?, Bool) throws -> Tensor
    ) {
        add(
            name, [param("x", .tensor), param("axis", .axes, .none), param("keepdims", .bool, .bool(false))], doc: doc,
            example: example, grad: grad
        ) { a in
            .tensor(try body(try a.tensor("x"), try a.axes("axis"), try a.bool("keepdims")))
        }
    }

    /// A reduction's behaviour under `grad`: the engine's `Variable` reduction `op`.
    static func tracedReduction(
        _ op: @escaping (Variable, [Int]?, Bool) throws -> Variable
    ) -> GradBehaviour {
        .traced { a in .traced(try op(try a.variable("x"), try a.axes("axis"), try a.bool("keepdims"))) }
    }

    func registerReductions() {
        section("Reductions")
        reduction(
            "sum", doc: "The sum of the elements (over axis).", example: "sum([[1, 2], [3, 4]], axis=0)",
            grad: Registry.tracedReduction { try $0.sum(axes: $1, keepdims: $2) }
        ) {
            try $0.sum(axes: $1, keepdims: $2)
        }
        reduction(
            "mean", doc: "The arithmetic mean (over axis).", example: "mean([1, 2, 3, 4])",
            grad: Registry.tracedReduction { try $0.mean(axes: $1, keepdims: $2) }
        ) {
            try $0.mean(axes: $1, keepdims: $2)
        }
        reduction(
            "prod", doc: "The product of the elements (over axis).", example: "prod([1, 2, 3, 4])",
            grad: Registry.tracedReduction { try $0.prod(axes: $1, keepdims: $2) }
        ) {
            try $0.prod(axes: $1, keepdims: $2)
        }
        extremum(
            "max", largest: true,
            doc:
                "The largest element (over axis); of two plain numbers or of other items (by key), the largest, as Python's max.",
            example: "max(d, key=d.get)", grad: Registry.tracedReduction { try $0.max(axes: $1, keepdims: $2) }
        ) { try $0.max(axes: $1, keepdims: $2) }
        extremum(
            "min", largest: false,
            doc:
                "The smallest element (over axis); of two plain numbers or of other items (by key), the smallest, as Python's min.",
            example: "min([3, 1, 2])", grad: Registry.tracedReduction { try $0.min(axes: $1, keepdims: $2) }
        ) { try $0.min(axes: $1, keepdims: $2) }
        reduction("any", doc: "Whether any element is true (over axis).", example: "any([0, 0, 1])", grad: .detaching) {
            try $0.any(axes: $1, keepdims: $2)
        }
        reduction("all", doc: "Whether every element is true (over axis).", example: "all([1, 1, 0])", grad: .detaching)
        {
            try $0.all(axes: $1, keepdims: $2)
        }
        reduction(
            "logsumexp", doc: "log(sum(exp(x))) computed without overflow (over axis).",
            example: "logsumexp([1000, 1000])",
            grad: Registry.tracedReduction { try $0.logsumexp(axes: $1, keepdims: $2) }
        ) { try $0.logsumexp(axes: $1, keepdims: $2) }
        for (name, isStd) in [("var", false), ("std", true)] {
            add(
                name,
                [
                    param("x", .tensor), param("axis", .axes, .none), param("ddof", .int, .int(0)),
                    param("keepdims", .bool, .bool(false)),
                ],
                doc: isStd ? "The standard deviation (divisor n - ddof)." : "The variance (divisor n - ddof).",
                example: "\(name)([1, 2, 3, 4])",
                grad: .tracedByBody
            ) { a in
                let x = try a.variable("x")
                let axes = try a.axes("axis")
                let ddof = try a.int("ddof")
                let keepdims = try a.bool("keepdims")
                return .traced(
                    isStd
                        ? try x.std(axes: axes, ddof: ddof, keepdims: keepdims)
                        : try x.variance(axes: axes, ddof: ddof, keepdims: keepdims))
            }
        }
        for (name, isMax) in [("argmax", true), ("argmin", false)] {
            add(
                name, [param("x", .tensor), param("axis", .axes, .none), param("keepdims", .bool, .bool(false))],
                doc:
                    "The position of the \(isMax ? "largest" : "smallest") element (of the flattened tensor when axis is none).",
                example: "\(name)([3, 7, 5])", grad: .detaching
            ) { a in
                let x = try a.tensor("x")
                let axis = try a.axis("axis")
                let keepdims = try a.bool("keepdims")
                return .tensor(
                    isMax ? try x.argmax(axis: axis, keepdims: keepdims) : try x.argmin(axis: axis, keepdims: keepdims))
            }
        }
        add(
            "cumsum", [param("x", .tensor), param("axis", .axes, .none)],
            doc: "Running sums (of the flattened tensor when axis is none).", example: "cumsum([1, 2, 3])",
            grad: .traced { a in .traced(try a.variable("x").cumsum(axis: try a.axis("axis"))) }
        ) { a in
            .tensor(try a.tensor("x").cumsum(axis: try a.axis("axis")))
        }
        add(
            "cumprod", [param("x", .tensor), param("axis", .axes, .none)], doc: "Running products.",
            example: "cumprod([1, 2, 3])",
            grad: .traced { a in .traced(try a.variable("x").cumprod(axis: try a.axis("axis"))) }
        ) { a in
            .tensor(try a.tensor("x").cumprod(axis: try a.axis("axis")))
        }
        add(
            "norm",
            [
                param("x", .tensor), param("ord", .any, .none), param("axis", .axes, .none),
                param("keepdims", .bool, .bool(false)),
            ],
            doc:
                "A vector or matrix norm (the 2-norm of all elements by default); ord: a number, inf, -inf, \"fro\", \"nuc\".",
            example: "norm([3, 4])", grad: .tracedByBody
        ) { a in
            .traced(
                try a.variable("x").norm(
                    try normOrder(try a["ord"]), axes: try a.axes("axis"), keepdims: try a.bool("keepdims")))
        }
    }
}

/// The norm order of `norm`'s `ord` argument.
func normOrder(_ value: Value) throws -> NormOrder? {
    switch value {
    case .none: return nil
    case .string("fro"): return .frobenius
    case .string("nuc"): return .nuclear
    default:
        let p = try Convert.number(value, "ord")
        return p == .infinity ? .infinity : (p == -.infinity ? .negativeInfinity : .p(p))
    }
}

/// `max(3.0, 4.0)`: two plain numbers compare as Python's `max` and `min` do (the first of equal
/// ones wins), where NumPy's reading — the second as an axis — would make no sense.
func pythonExtreme(_ a: Value, _ b: Value, largest: Bool) -> Value? {
    func plain(_ v: Value) -> Double? {
        switch v {
        case .number(let x): return x
        case .int(let n): return Double(n)
        default: return nil
        }
    }
    guard let x = plain(a), let y = plain(b) else { return nil }
    return (largest ? y > x : y < x) ? b : a
}
