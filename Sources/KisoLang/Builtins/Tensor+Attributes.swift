import KisoTensor

extension ObjectType {
    /// Tensors' attributes, declared once: `x.shape`, help, completion after `x.` and the docs
    /// come from here. A value being differentiated is a tensor too, so `.T` transposes it on the
    /// tape. Tensors' methods are not declared here: `x.f(…)` is every builtin whose first
    /// parameter takes a tensor; the methods declared here are the call forms of attributes
    /// (`x.size(0)` is PyTorch's while `x.size` is NumPy's), which a call prefers, and NumPy's
    /// in-place methods (`x.fill(v)`, `x.sort()`), which change the variable they are called on
    /// (see `Builtin.mutates`).
    static let tensor = ObjectType(
        "tensor", receiver: "x", doc: "An n-dimensional array with NumPy's semantics.",
        example: "x = zeros([2, 3]); x.shape",
        cast: { value -> Value? in
            switch value {
            case .tensor, .variable: return value
            default: return nil
            }
        }
    ) { t in
        t.attribute("shape", doc: "The length of each axis, as a tuple.", example: "zeros([2, 3]).shape") { x in
            .tuple(try Convert.tensor(x, "x").shape.map { .int($0) })
        }
        t.attribute("ndim", doc: "The number of axes.", example: "zeros([2, 3]).ndim") { x in
            .int(try Convert.tensor(x, "x").rank)
        }
        t.attribute("size", doc: "The number of elements.", example: "zeros([2, 3]).size") { x in
            .int(try Convert.tensor(x, "x").count)
        }
        t.attribute(
            "T", doc: "The axes in reverse order (a view; the transpose of a matrix).", example: "x.reshape(2, 3).T"
        ) { x in
            // Only a value being differentiated needs the tape; a tensor's transpose is a view.
            if case .tensor(let t) = x { return .tensor(t.T) }
            return .traced(try Convert.variable(x, "x").T)
        }
        t.method(
            "size", [param("dim", .int, .none)],
            doc:
                "PyTorch's call form: the shape as a tuple, or the length of axis dim (x.size uncalled is NumPy's count).",
            example: "zeros([2, 3]).size(1)", grad: .detaching
        ) { x, a in
            let shape = try Convert.tensor(x, "x").shape
            guard let dim = try a.optionalInt("dim") else { return .tuple(shape.map { .int($0) }) }
            return .int(shape[try normalizedAxis(dim, rank: shape.count, what: "dim", in: "size")])
        }
        t.attribute("dtype", doc: "The element kind: 'float64', 'int64' or 'bool'.", example: "arange(3).dtype") { x in
            .string(try Convert.tensor(x, "x").dtype.description)
        }
        t.method(
            "fill", [param("value", .number)],
            doc: "Sets every element to value, kept in x's dtype (the variable changes, as NumPy's x.fill does).",
            example: "y = zeros(3); y.fill(7); y", mutates: "x"
        ) { x, a in
            var filled = try Convert.tensor(x, "x")
            let value = try a.tensor("value")
            try filled.assign(value, at: [.ellipsis])
            try a.set("x", .tensor(filled))
            return .none
        }
        t.method(
            "sort", [param("axis", .axes, .int(-1))],
            doc:
                "Sorts x along axis, the last by default (the variable changes, as NumPy's x.sort does; sort(x) gives a sorted copy).",
            example: "y = [3, 1, 2]; y.sort(); y", mutates: "x"
        ) { x, a in
            try a.set("x", .tensor(try Convert.tensor(x, "x").sorted(axis: try a.axis("axis"))))
            return .none
        }
    }
}
