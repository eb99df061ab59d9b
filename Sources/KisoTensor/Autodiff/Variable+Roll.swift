/// NumPy's `roll`: elements shifted along axes, those pushed off one end coming back at the
/// other. A roll is a selection of every element once, so its pullback is the opposite roll,
/// which the selection's own pullback computes.
extension Variable {
    /// The value rolled by `shifts[i]` places along `axes[i]`; a single shift applies to every
    /// axis, an axis named twice rolls by the sum. Without axes the flattened value rolls by
    /// the sum of the shifts and keeps its shape, as NumPy's `roll(x, shift)` does.
    public func rolled(_ shifts: [Int], axes: [Int]?) throws -> Variable {
        guard let axes else {
            let total = shifts.reduce(0) { $0 &+ $1 % Swift.max(count, 1) }
            return try reshaped([-1]).rolled([total], axes: [0]).reshaped(shape)
        }
        guard shifts.count == axes.count || shifts.count == 1 else {
            throw TensorError.value(
                "roll: \(shifts.count) shifts for \(axes.count) axes",
                hint: "give one shift per axis, or one shift for all of them")
        }
        var result = self
        for (i, axis) in axes.enumerated() {
            let resolved = try Tensor.normalizeAxis(axis, rank: rank, op: "roll")
            let size = shape[resolved]
            guard size > 0 else { continue }
            let shift = shifts.count == 1 ? shifts[0] : shifts[i]
            let places = (shift % size + size) % size
            guard places != 0 else { continue }
            // Element j of the result is element j - places of the input, modulo the size.
            let sources = (0..<size).map { Double(($0 - places + size) % size) }
            let indices = Tensor(uncheckedShape: [size], storage: sources, dtype: .int64)
            result = try result.subscripted(
                [TensorIndex](repeating: .all, count: resolved) + [.tensor(indices)])
        }
        return result
    }
}

extension Tensor {
    /// NumPy's `roll` (see `Variable.rolled(_:axes:)`, the one implementation).
    public func rolled(_ shifts: [Int], axes: [Int]?) throws -> Tensor {
        try Variable(self).rolled(shifts, axes: axes).value
    }
}
