import KisoTensor

/// Sorting, searching and counting, with NumPy's names and semantics.
extension Registry {
    func registerSorting() {
        section("Sorting and searching")
        add(
            "sort", [param("x", .tensor), param("axis", .axes, .int(-1))],
            doc: "The elements sorted ascending along axis (the last by default; none sorts all of them); NaN last.",
            example: "sort([3, 1, 2])",
            grad: .traced { a in .traced(try a.variable("x").sorted(axis: try a.axis("axis"))) }
        ) { a in
            .tensor(try a.tensor("x").sorted(axis: try a.axis("axis")))
        }
        add(
            "argsort", [param("x", .tensor), param("axis", .axes, .int(-1))],
            doc: "The positions that would sort x along axis; equal elements keep their order (stable).",
            example: "argsort([30, 10, 20])", grad: .detaching
        ) { a in
            .tensor(try a.tensor("x").argsorted(axis: try a.axis("axis")))
        }
        add(
            "unique",
            [
                param("x", .tensor), param("return_index", .bool, .bool(false)),
                param("return_inverse", .bool, .bool(false)), param("return_counts", .bool, .bool(false)),
            ],
            doc:
                "The sorted distinct elements; with return_index / return_inverse / return_counts also their first positions, where each element went, and how often each occurs (a tuple in that order).",
            example: "values, counts = unique([3, 1, 3, 2, 3], return_counts=true)", grad: .detaching
        ) { a in
            let found = try a.tensor("x").unique()
            var parts: [Value] = [.tensor(found.values)]
            if try a.bool("return_index") { parts.append(.tensor(found.firstIndices)) }
            if try a.bool("return_inverse") { parts.append(.tensor(found.inverse)) }
            if try a.bool("return_counts") { parts.append(.tensor(found.counts)) }
            return parts.count == 1 ? parts[0] : .tuple(parts)
        }
        add(
            "searchsorted", [param("a", .tensor), param("v", .tensor), param("side", .string, .string("left"))],
            doc:
                "Where each value of v would be inserted into the sorted 1-d a to keep it sorted; side \"left\" goes before equal elements, \"right\" after.",
            example: "searchsorted([1, 3, 5, 7], [4, 5])", grad: .detaching
        ) { a in
            let side = try a.string("side")
            guard side == "left" || side == "right" else {
                throw KisoError(
                    .value, "`searchsorted` takes side=\"left\" or side=\"right\", got \"\(side)\"", span: a.span)
            }
            return .tensor(try a.tensor("a").searchSorted(try a.tensor("v"), right: side == "right"))
        }
        add(
            "topk",
            [
                param("x", .tensor), param("k", .int), param("axis", .int, .int(-1)),
                param("largest", .bool, .bool(true)),
            ],
            doc: "The k largest elements along axis and their positions, largest first (PyTorch's topk).",
            example: "values, indices = topk([0.1, 0.7, 0.2], 2)", grad: .detaching
        ) { a in
            let (values, indices) = try a.tensor("x").topk(
                try a.int("k"), axis: try a.int("axis"), largest: try a.bool("largest"))
            return .tuple([.tensor(values), .tensor(indices)])
        }
        add(
            "count_nonzero",
            [param("x", .tensor), param("axis", .axes, .none), param("keepdims", .bool, .bool(false))],
            doc: "How many elements are not zero (true counts as 1), in all or along axis.",
            example: "count_nonzero([[0, 1, 2], [3, 0, 0]], axis=1)", grad: .detaching
        ) { a in
            .tensor(try a.tensor("x").countNonzero(axes: try a.axes("axis"), keepdims: try a.bool("keepdims")))
        }
    }
}
