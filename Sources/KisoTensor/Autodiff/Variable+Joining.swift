/// Joining values: the pullback of `concatenate` slices the cotangent back into the pieces.
extension Variable {
    /// The values joined along an existing `axis`.
    public static func concatenate(_ values: [Variable], axis: Int = 0) throws -> Variable {
        let joined = try Tensor.concatenate(values.map(\.value), axis: axis)
        let ax = try Tensor.normalizeAxis(axis, rank: joined.rank, op: "concatenate")
        var bounds: [Int] = [0]
        for value in values { bounds.append((bounds.last ?? 0) + value.shape[ax]) }
        return record(joined, values) { g, _, needs in
            try needs.indices.map { i -> Variable? in
                guard needs[i] else { return nil }
                var index = [TensorIndex](repeating: .all, count: ax)
                index.append(.slice(start: bounds[i], stop: bounds[i + 1], step: 1))
                return try g.subscripted(index)
            }
        }
    }

    /// The values, which must share one shape, joined along a new `axis` (`Tensor.stack` calls
    /// this for plain tensors: one implementation).
    public static func stack(_ values: [Variable], axis: Int = 0) throws -> Variable {
        guard let first = values.first else {
            throw TensorError.value("stack: needs at least one tensor", hint: "pass a list of tensors")
        }
        for (i, v) in values.enumerated() where v.shape != first.shape {
            throw TensorError.shape(
                "stack: tensor \(i) has shape \(formatShape(v.shape)) but tensor 0 has \(formatShape(first.shape))",
                hint: "stack needs equal shapes; use concatenate to join along an existing axis")
        }
        let ax = try Tensor.normalizeAxis(axis, rank: first.rank + 1, op: "stack")
        return try concatenate(values.map { try $0.expandingDims(ax) }, axis: ax)
    }

    /// NumPy's `vstack`: rows on top of each other — a 0-d value becomes a 1×1 matrix and a 1-d
    /// value a row — joined along axis 0.
    public static func vstack(_ values: [Variable]) throws -> Variable {
        let rows = try values.map { v in
            v.rank == 0 ? try v.reshaped([1, 1]) : v.rank == 1 ? try v.reshaped([1, v.count]) : v
        }
        return try concatenate(rows, axis: 0)
    }

    /// NumPy's `hstack`: side by side — 1-d values joined end to end, others along axis 1.
    public static func hstack(_ values: [Variable]) throws -> Variable {
        let parts = try values.map { v in v.rank == 0 ? try v.reshaped([1]) : v }
        guard let first = parts.first else {
            throw TensorError.value("hstack: needs at least one tensor", hint: "give a list of tensors")
        }
        return try concatenate(parts, axis: first.rank == 1 ? 0 : 1)
    }

    /// NumPy's `column_stack`: 0-d and 1-d values as the columns of a matrix, 2-d ones joined as
    /// they are.
    public static func columnStack(_ values: [Variable]) throws -> Variable {
        let columns = try values.map { v in v.rank <= 1 ? try v.reshaped([v.count, 1]) : v }
        return try concatenate(columns, axis: 1)
    }
}
