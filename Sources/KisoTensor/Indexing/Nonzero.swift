/// `nonzero` and `argwhere`: where a tensor's elements are not zero.

extension Tensor {
    /// NumPy's `nonzero()`: one int64 tensor per dimension holding the coordinates of the nonzero
    /// elements in row-major order, so that `x.subscripted(x.nonzero().map { .tensor($0) })`
    /// lists them. NaN counts as nonzero.
    ///
    /// Throws for a 0-d tensor, as NumPy 2 does.
    public func nonzero() throws -> [Tensor] {
        guard rank > 0 else {
            throw TensorError.value(
                "nonzero: a 0-d tensor has no dimensions to report positions along",
                hint: "reshape it to one element first, or use argwhere()")
        }
        return IndexPositions.coordinatesOfNonzero(self).map { list in
            Tensor(uncheckedShape: [list.count], storage: list.map(Double.init), dtype: .int64)
        }
    }

    /// NumPy's `argwhere()`: an int64 tensor of shape (N, rank) whose rows are the coordinates of
    /// the N nonzero elements, in row-major order. A 0-d tensor gives shape (1, 0) when nonzero
    /// and (0, 0) otherwise.
    public func argwhere() -> Tensor {
        if rank == 0 {
            let found = (scalar ?? 0) != 0 ? 1 : 0
            return Tensor(uncheckedShape: [found, 0], storage: [], dtype: .int64)
        }
        let coordinates = IndexPositions.coordinatesOfNonzero(self)
        let found = coordinates.first?.count ?? 0
        var rows: [Double] = []
        rows.reserveCapacity(found * rank)
        for row in 0..<found {
            for axis in 0..<rank { rows.append(Double(coordinates[axis][row])) }
        }
        return Tensor(uncheckedShape: [found, rank], storage: rows, dtype: .int64)
    }
}
