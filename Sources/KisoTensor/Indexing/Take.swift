/// `take`: NumPy's gather along one axis.

extension Tensor {
    /// NumPy's `take(x, indices, axis)`: the elements at `indices` along `axis`, so the result
    /// has shape `shape[..<axis] + indices.shape + shape[(axis+1)...]`. With `axis` nil the
    /// tensor is read flattened and the result has the shape of `indices`. Negative positions
    /// count from the end; a boolean `indices` tensor is read as the positions 0 and 1, as
    /// NumPy does.
    ///
    /// Throws for an axis outside the tensor, a position out of bounds, or a position that is
    /// not a whole number.
    public func take(_ indices: Tensor, axis: Int? = nil) throws -> Tensor {
        let op = "take"
        var positions = indices
        if positions.dtype == .bool { positions.dtype = .int64 }
        guard let axis else {
            let flat = contiguous()
            let line = Tensor(
                view: flat.storage, shape: [flat.count], strides: [1], offset: 0, dtype: dtype)
            return try line.select([.tensor(positions)], op: op)
        }
        let resolved = try Tensor.normalizeAxis(axis, rank: rank, op: op)
        let leading = [TensorIndex](repeating: .all, count: resolved)
        return try select(leading + [.tensor(positions)], op: op)
    }
}
