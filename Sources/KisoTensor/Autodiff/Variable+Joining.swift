/// Joining values: the pullback of `concatenate` slices the cotangent back into the pieces.
extension Variable {
    /// The values joined along an existing `axis`.
    public static func concatenate(_ values: [Variable], axis: Int = 0) throws -> Variable {
        let joined = try Tensor.concatenate(values.map(\.value), axis: axis)
        // Constants skip making the pullback, so joining them costs what joining tensors does.
        guard values.contains(where: \.isTracked) else { return Variable(joined) }
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
}
