/// Selections between values: `where`, `maximum`, `minimum`, `clip`.
extension Variable {
    /// `x` where `condition` is non-zero, else `y`, all broadcast together. The condition is a
    /// constant; each branch receives the cotangent where it was chosen and 0 elsewhere.
    public static func `where`(_ condition: Tensor, _ x: Variable, _ y: Variable) throws -> Variable {
        let value = try Tensor.where(condition, x.value, y.value)
        let zero = Variable(0)
        return record(value, x, y) { g, _, needsX, needsY in
            (
                needsX ? try Variable.where(condition, g, zero).sum(toShape: x.shape) : nil,
                needsY ? try Variable.where(condition, zero, g).sum(toShape: y.shape) : nil
            )
        }
    }

    /// The elementwise larger value. Where the two are equal each receives half the cotangent,
    /// as in JAX.
    public static func maximum(_ a: Variable, _ b: Variable) throws -> Variable {
        try extreme(a, b, value: Tensor.maximum(a.value, b.value), aWins: Tensor.greater(a.value, b.value))
    }

    /// The elementwise smaller value. Where the two are equal each receives half the cotangent.
    public static func minimum(_ a: Variable, _ b: Variable) throws -> Variable {
        try extreme(a, b, value: Tensor.minimum(a.value, b.value), aWins: Tensor.less(a.value, b.value))
    }

    private static func extreme(_ a: Variable, _ b: Variable, value: Tensor, aWins: Tensor) throws -> Variable {
        let tie = try Tensor.equal(a.value, b.value)
        // The share of the cotangent each side receives: 1 where it was chosen, ½ on a tie.
        let shareA = try Tensor.add(aWins.cast(to: .float64), Tensor.multiply(tie, Tensor(0.5)))
        let shareB = try Tensor.subtract(Tensor(1), shareA)
        return record(value, a, b) { g, _, needsA, needsB in
            (
                needsA ? try (g * Variable(shareA)).sum(toShape: a.shape) : nil,
                needsB ? try (g * Variable(shareB)).sum(toShape: b.shape) : nil
            )
        }
    }

    /// Every element limited to `[low, high]` (either may be nil for no limit), as
    /// `minimum(maximum(x, low), high)`.
    public func clip(_ low: Variable?, _ high: Variable?) throws -> Variable {
        var result = self
        if let low { result = try Variable.maximum(result, low) }
        if let high { result = try Variable.minimum(result, high) }
        return result
    }

    /// Every element limited to `[low, high]` given as numbers.
    public func clip(_ low: Double?, _ high: Double?) throws -> Variable {
        try clip(low.map { Variable($0) }, high.map { Variable($0) })
    }
}
