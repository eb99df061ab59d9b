/// Reading through an index list: `x[...]`.

extension Tensor {
    /// The layout this tensor presents, for the index planner.
    var stridedLayout: StridedLayout {
        StridedLayout(shape: shape, strides: strides, offset: offset)
    }

    /// NumPy's `x[index]`: a view sharing storage when every entry is basic (integers, slices,
    /// `newAxis`, `ellipsis`), a gathered copy when any entry is a tensor. Indexing every
    /// dimension with an integer gives a 0-d tensor. The dtype is kept.
    ///
    /// Throws for an out-of-range position, a zero slice step, a second ellipsis, more indices
    /// than dimensions, a mask whose shape differs from the dimensions it covers, index arrays
    /// that do not broadcast together, or positions that are not whole numbers.
    public func subscripted(_ index: [TensorIndex]) throws -> Tensor {
        try select(index, op: "indexing")
    }

    /// `x[i, j, …]` with NumPy's meaning; see `subscripted(_:)`. Integer literals stand for
    /// `.int`, so `try x[0, .all, -1]` reads as `x[0, :, -1]`.
    public subscript(_ index: TensorIndex...) -> Tensor {
        get throws { try select(index, op: "indexing") }
    }

    /// `subscripted(_:)` with the operation's name for messages, shared with `take`.
    func select(_ index: [TensorIndex], op: String) throws -> Tensor {
        if let element = try elementView(index, op: op) { return element }
        switch try stridedLayout.select(index, op: op) {
        case .view(let layout):
            return Tensor(
                view: storage, shape: layout.shape, strides: layout.strides, offset: layout.offset,
                dtype: dtype)
        case .gather(let shape, let positions):
            var values: [Double] = []
            values.reserveCapacity(positions.count)
            for position in positions { values.append(storage[position]) }
            return Tensor(uncheckedShape: shape, storage: values, dtype: dtype)
        }
    }

    /// `x[i, j, …]` with one integer per dimension: the 0-d view of that element, found without
    /// planning a general index (nil for any other index list).
    private func elementView(_ index: [TensorIndex], op: String) throws -> Tensor? {
        guard index.count == rank, rank > 0 else { return nil }
        var position = offset
        for axis in 0..<rank {
            guard case .int(let raw) = index[axis] else { return nil }
            let i = try IndexPositions.normalize(raw, size: shape[axis], axis: axis, op: op)
            position &+= i &* strides[axis]
        }
        return Tensor(view: storage, shape: [], strides: [], offset: position, dtype: dtype)
    }
}
