/// Indexing with NumPy's rules. The pullback of a selection adds the cotangent into zeros at
/// the selected positions; a position selected twice (a repeated integer index) receives the sum
/// of both cotangents. The pullback of that scatter-add is the selection again.
extension Variable {
    /// `x[index]` with NumPy's basic and advanced indexing (see `Tensor.subscripted(_:)`).
    public func subscripted(_ index: [TensorIndex]) throws -> Variable {
        let inputShape = shape
        return Variable.record(try value.subscripted(index), self) { g, _ in
            try g.scatterAdded(into: inputShape, at: index)
        }
    }

    /// `x[i, j, …]` with NumPy's meaning; see `subscripted(_:)`.
    public subscript(_ index: TensorIndex...) -> Variable {
        get throws { try subscripted(index) }
    }

    /// NumPy's `take(x, indices, axis)`: the elements at `indices` along `axis` (of the flattened
    /// value when nil).
    public func take(_ indices: Tensor, axis: Int? = nil) throws -> Variable {
        var positions = indices
        if positions.dtype == .bool { positions = positions.cast(to: .int64) }
        guard let axis else { return try reshaped([-1]).subscripted([.tensor(positions)]) }
        let resolved = try Tensor.normalizeAxis(axis, rank: rank, op: "take")
        return try subscripted([TensorIndex](repeating: .all, count: resolved) + [.tensor(positions)])
    }

    /// Zeros of `shape` with this value added at the positions `index` selects (repeated
    /// positions accumulate). This value must have the selection's shape.
    public func scatterAdded(into shape: [Int], at index: [TensorIndex]) throws -> Variable {
        let result = try value.scatterAdded(into: shape, at: index)
        return Variable.record(result, self) { g, _ in try g.subscripted(index) }
    }
}

extension Tensor {
    /// Zeros of `shape` with this tensor's elements added at the positions `index` selects; a
    /// position selected more than once receives the sum.
    func scatterAdded(into shape: [Int], at index: [TensorIndex]) throws -> Tensor {
        let op = "index gradient"
        let total = try Tensor.checkedCount(of: shape, op: op)
        let layout = StridedLayout(shape: shape, strides: Tensor.contiguousStrides(for: shape), offset: 0)
        let selection = try layout.select(index, op: op)
        guard selection.shape == self.shape else {
            throw TensorError.shape(
                "\(op): a cotangent of shape \(formatShape(self.shape)) for a selection of shape \(formatShape(selection.shape))",
                hint: "the cotangent must have the shape of the indexed result")
        }
        let positions = selection.positions
        var out = [Double](repeating: 0, count: total)
        var next = 0
        forEachOffset { source in
            let target = positions[next]
            if target >= 0 && target < total { out[target] += storage[source] }
            next += 1
        }
        return Tensor(uncheckedShape: shape, storage: out)
    }
}
