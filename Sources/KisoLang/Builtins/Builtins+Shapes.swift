import KisoTensor

extension Registry {
    func registerShapes() {
        section("Shapes and joining")
        add(
            "reshape", [param("x", .tensor), rest("shape")],
            doc: "The same elements in a new shape; one size may be -1.", example: "reshape(arange(6), [2, 3])",
            grad: .traced { a in .traced(try a.variable("x").reshaped(try shapeArguments(try a["shape"], "shape"))) }
        ) { a in
            .tensor(try a.tensor("x").reshaped(try shapeArguments(try a["shape"], "shape")))
        }
        add(
            "view", [param("x", .tensor), rest("shape")],
            doc: "PyTorch's name for reshape: the same elements in a new shape; one size may be -1.",
            example: "arange(6).view(3, 2)",
            grad: .traced { a in .traced(try a.variable("x").reshaped(try shapeArguments(try a["shape"], "shape"))) }
        ) { a in
            .tensor(try a.tensor("x").reshaped(try shapeArguments(try a["shape"], "shape")))
        }
        add(
            "transpose", [param("x", .tensor), rest("axes")],
            doc:
                "The axes reversed, or permuted as axes says (a list, or one axis per argument as x.transpose(0, 2, 1)).",
            example: "zeros([2, 3, 4]).transpose(0, 2, 1).shape",
            grad: .traced { a in .traced(try a.variable("x").transposed(try transposeAxes(try a["axes"]))) }
        ) { a in
            .tensor(try a.tensor("x").transposed(try transposeAxes(try a["axes"])))
        }
        add(
            "permute", [param("x", .tensor), rest("dims")], doc: "The axes in the order dims (PyTorch's permute).",
            example: "permute(zeros([2, 3, 4]), 2, 0, 1).shape",
            grad: .traced { a in .traced(try a.variable("x").transposed(try shapeArguments(try a["dims"], "dims"))) }
        ) { a in
            .tensor(try a.tensor("x").transposed(try shapeArguments(try a["dims"], "dims")))
        }
        add(
            "swapaxes", [param("x", .tensor), param("axis1", .int), param("axis2", .int)], doc: "Two axes exchanged.",
            example: "swapaxes(zeros([2, 3]), 0, 1).shape", grad: .traced(tracedSwapaxes)
        ) { a in
            .tensor(try a.tensor("x").swappedAxes(try a.int("axis1"), try a.int("axis2")))
        }
        add(
            "squeeze", [param("x", .tensor), param("axis", .axes, .none)], doc: "Axes of size 1 removed.",
            example: "squeeze(zeros([1, 3, 1])).shape",
            grad: .traced { a in .traced(try a.variable("x").squeezed(try a.axes("axis"))) }
        ) { a in
            .tensor(try a.tensor("x").squeezed(try a.axes("axis")))
        }
        add(
            "expand_dims", [param("x", .tensor), param("axis", .int)], doc: "A new axis of size 1 at position axis.",
            example: "expand_dims([1, 2], 0).shape",
            grad: .traced { a in .traced(try a.variable("x").expandingDims(try a.int("axis"))) }
        ) { a in
            .tensor(try a.tensor("x").expandingDims(try a.int("axis")))
        }
        add(
            "unsqueeze", [param("x", .tensor), param("dim", .int)],
            doc: "PyTorch's name for expand_dims: a new axis of size 1 at position dim.",
            example: "zeros(3).unsqueeze(0).shape",
            grad: .traced { a in .traced(try a.variable("x").expandingDims(try a.int("dim"))) }
        ) { a in
            .tensor(try a.tensor("x").expandingDims(try a.int("dim")))
        }
        add(
            "flatten", [param("x", .tensor), param("start_dim", .int, .int(0)), param("end_dim", .int, .int(-1))],
            doc: "The axes start_dim through end_dim merged into one (by default all: the elements as one row).",
            example: "zeros([2, 3, 4]).flatten(1).shape",
            grad: .traced { a in
                let x = try a.variable("x")
                return .traced(
                    try x.reshaped(try flattenedShape(x.value.shape, try a.int("start_dim"), try a.int("end_dim"))))
            }
        ) { a in
            let x = try a.tensor("x")
            return .tensor(try x.reshaped(try flattenedShape(x.shape, try a.int("start_dim"), try a.int("end_dim"))))
        }
        add(
            "concatenate", [param("tensors", .tensors), param("axis", .int, .int(0))],
            doc: "Tensors joined along an existing axis.", example: "concatenate([zeros(2), ones(3)])",
            grad: .tracedByBody
        ) { a in .traced(try Variable.concatenate(try a.variables("tensors"), axis: try a.int("axis"))) }
        add(
            "stack", [param("tensors", .tensors), param("axis", .int, .int(0))],
            doc: "Equal-shaped tensors joined along a new axis.", example: "stack([[1, 2], [3, 4]], axis=1)",
            grad: .tracedByBody
        ) { a in .traced(try Variable.stack(try a.variables("tensors"), axis: try a.int("axis"))) }
        add(
            "split", [param("x", .tensor), param("indices_or_sections", .shape), param("axis", .int, .int(0))],
            doc: "Pieces cut along axis: a number of equal parts, or a list of cut positions.",
            example: "split(arange(6), 3)"
        ) { a in
            let points: Tensor.SplitPoints
            switch try a["indices_or_sections"] {
            case .list, .tuple, .tensor: points = .indices(try a.shape("indices_or_sections"))
            default: points = .parts(try a.int("indices_or_sections"))
            }
            return .list(try a.tensor("x").split(points, axis: try a.int("axis")).map(Value.tensor))
        }
        add(
            "tile", [param("x", .tensor), param("reps", .shape)],
            doc: "The tensor repeated reps times along each axis.", example: "tile([1, 2], 3)"
        ) { a in
            .tensor(try a.tensor("x").tiled(try a.shape("reps")))
        }
        add(
            "repeat", [param("x", .tensor), param("repeats", .shape), param("axis", .int, .none)],
            doc: "Each element repeated (along axis, or flattened).", example: "repeat([1, 2], 2)"
        ) { a in
            .tensor(try a.tensor("x").repeated(try a.shape("repeats"), axis: try a.optionalInt("axis")))
        }
        add(
            "flip", [param("x", .tensor), param("axis", .axes, .none)],
            doc: "The order of elements reversed along axis (all axes by default).", example: "flip([1, 2, 3])"
        ) { a in
            .tensor(try a.tensor("x").flipped(try a.axes("axis")))
        }
        add(
            "roll", [param("x", .tensor), param("shift", .axes), param("axis", .axes, .none)],
            doc: "Elements shifted by shift places along axis (the flattened tensor when none), wrapping around.",
            example: "roll([1, 2, 3, 4], 1)",
            grad: .traced { a in
                .traced(try a.variable("x").rolled(try a.axes("shift") ?? [], axes: try a.axes("axis")))
            }
        ) { a in
            .tensor(try a.tensor("x").rolled(try a.axes("shift") ?? [], axes: try a.axes("axis")))
        }
        add(
            "broadcast_to", [param("x", .tensor), param("shape", .shape)],
            doc: "The tensor stretched to shape by broadcasting.", example: "broadcast_to([1, 2], [3, 2])",
            grad: .traced { a in .traced(try a.variable("x").broadcast(to: try a.shape("shape"))) }
        ) { a in
            .tensor(try a.tensor("x").broadcast(to: try a.shape("shape")))
        }
        add(
            "pad",
            [
                param("x", .tensor), param("pad_width", .any), param("mode", .string, .string("constant")),
                param("constant_values", .number, .int(0)),
            ],
            doc:
                "A border added: pad_width is n, (before, after), or one pair per axis; mode \"constant\", \"edge\" or \"reflect\".",
            example: "pad([1, 2], 1)"
        ) { a in
            let widths = try padWidths(try a["pad_width"])
            guard let mode = Tensor.PadMode(rawValue: try a.string("mode")) else {
                throw KisoError(
                    .value, "pad: unknown mode \(quoteString(try a.string("mode")))",
                    hint: "use \"constant\", \"edge\" or \"reflect\"")
            }
            return .tensor(try a.tensor("x").padded(widths, mode: mode, value: try a.number("constant_values")))
        }
        add(
            "take", [param("x", .tensor), param("indices", .tensor), param("axis", .int, .none)],
            doc: "Elements at the given positions (along axis, or of the flattened tensor).",
            example: "take([10, 20, 30], [2, 0])",
            grad: .traced { a in
                .traced(try a.variable("x").take(try a.tensor("indices"), axis: try a.optionalInt("axis")))
            }
        ) { a in
            .tensor(try a.tensor("x").take(try a.tensor("indices"), axis: try a.optionalInt("axis")))
        }
        add(
            "nonzero", [param("x", .tensor)], doc: "The positions of non-zero elements, one index tensor per axis.",
            example: "nonzero([0, 3, 0, 5])", grad: .detaching
        ) { a in
            .tuple(try a.tensor("x").nonzero().map(Value.tensor))
        }
        add(
            "argwhere", [param("x", .tensor)], doc: "The positions of non-zero elements, one row each.",
            example: "argwhere([[0, 1], [1, 0]])", grad: .detaching
        ) { a in
            .tensor(try a.tensor("x").argwhere())
        }
    }
}

/// `swapaxes` on a value being differentiated: the transpose that exchanges the two axes.
private func tracedSwapaxes(_ a: inout Arguments) throws -> Value {
    let x = try a.variable("x")
    var order = Array(0..<x.rank)
    let first = try a.int("axis1")
    let second = try a.int("axis2")
    let i = first < 0 ? first + x.rank : first
    let j = second < 0 ? second + x.rank : second
    guard order.indices.contains(i), order.indices.contains(j) else {
        throw KisoError(
            .index, "swapaxes: axes \(first) and \(second) for a tensor of rank \(x.rank)",
            hint: "axes run from -\(x.rank) to \(x.rank - 1)")
    }
    order.swapAt(i, j)
    return .traced(try x.transposed(order))
}

/// A shape given as separate integers (`reshape(x, 2, 3)`) or as one list (`reshape(x, [2, 3])`).
/// transpose's axes: none (every axis reversed), one list, or one axis per argument.
func transposeAxes(_ gathered: Value) throws -> [Int]? {
    guard case .list(let items) = gathered else { return try Convert.axes(gathered, "axes") }
    if items.isEmpty { return nil }
    if items.count == 1 { return try Convert.axes(items[0], "axes") }
    return try items.map { try Convert.int($0, "axes") }
}

/// The shape with axes `start` through `end` (negative from the end) merged into one.
func flattenedShape(_ shape: [Int], _ start: Int, _ end: Int) throws -> [Int] {
    if shape.isEmpty { return [1] }
    let first = try normalizedAxis(start, rank: shape.count, what: "start_dim", in: "flatten")
    let last = try normalizedAxis(end, rank: shape.count, what: "end_dim", in: "flatten")
    guard first <= last else {
        throw KisoError(
            .value, "flatten: start_dim (\(start)) comes after end_dim (\(end))",
            hint: "give start_dim ≤ end_dim, e.g. flatten(x, 1) merges every axis from 1 on")
    }
    let merged = shape[first...last].reduce(1, *)
    return Array(shape[..<first]) + [merged] + Array(shape[(last + 1)...])
}

/// `axis` counted from the end when negative, or an error naming the axis and the rank.
func normalizedAxis(_ axis: Int, rank: Int, what: String, in function: String) throws -> Int {
    let resolved = axis < 0 ? axis + rank : axis
    guard resolved >= 0, resolved < rank else {
        throw KisoError(
            .value, "\(function): \(what) \(axis) is out of range for \(rank) axes",
            hint: rank == 0 ? "a scalar has no axes" : "give an axis from \(-rank) to \(rank - 1)")
    }
    return resolved
}

func shapeArguments(_ gathered: Value, _ what: String) throws -> [Int] {
    guard case .list(let items) = gathered else { return try Convert.ints(gathered, what) }
    if items.count == 1 { return try Convert.ints(items[0], what) }
    return try items.map { try Convert.int($0, what) }
}

/// NumPy's pad_width forms: n, (before, after), or ((b0, a0), (b1, a1), …).
func padWidths(_ value: Value) throws -> [(Int, Int)] {
    switch value {
    case .number, .int, .bool:
        let n = try Convert.int(value, "pad_width")
        return [(n, n)]
    case .list(let items), .tuple(let items):
        if items.allSatisfy(\.isScalarNumber) {
            let ns = try items.map { try Convert.int($0, "pad_width") }
            if ns.count == 1 { return [(ns[0], ns[0])] }
            if ns.count == 2 { return [(ns[0], ns[1])] }
        }
        return try items.map { item in
            let pair = try Convert.ints(item, "pad_width")
            guard pair.count == 2 || pair.count == 1 else {
                throw KisoError(
                    .value, "pad_width pairs need two numbers, got \(pair.count)", hint: "write [[before, after], …]")
            }
            return (pair[0], pair.count == 2 ? pair[1] : pair[0])
        }
    case .tensor(let t):
        let ns = try t.scalars.map { try Convert.int(.number($0), "pad_width") }
        if t.rank <= 1 {
            if ns.count == 1 { return [(ns[0], ns[0])] }
            if ns.count == 2 { return [(ns[0], ns[1])] }
        }
        if t.rank == 2 && t.shape[1] == 2 { return stride(from: 0, to: ns.count, by: 2).map { (ns[$0], ns[$0 + 1]) } }
        throw KisoError(
            .value, "pad_width of shape \(formatShape(t.shape)) is not understood",
            hint: "give n, [before, after], or one pair per axis")
    default:
        throw Convert.mismatch("a number or pairs of numbers", "pad_width", value)
    }
}
