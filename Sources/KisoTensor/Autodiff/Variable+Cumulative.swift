/// Products and running totals. Each pullback is written with differentiable operations where
/// the inputs allow it, so second derivatives work; a product with a zero factor cannot divide
/// by its input, and its pullback is computed directly (first order only, exactly).
extension Variable {
    /// Running sums along `axis` (of the flattened tensor when nil); the cotangent of each input
    /// is the sum of the cotangents of every running sum that includes it.
    public func cumsum(axis: Int? = nil) throws -> Variable {
        guard let axis else { return try reshaped([count]).cumsum(axis: 0) }
        let a = try Tensor.normalizeAxis(axis, rank: rank, op: "cumsum")
        return Variable.record(try value.cumsum(axis: a), self) { g, _ in try g.reverseCumsum(axis: a) }
    }

    /// Running sums from the end of `axis` backwards: the adjoint of `cumsum`.
    func reverseCumsum(axis: Int) throws -> Variable {
        let summed = try value.flipped([axis]).cumsum(axis: axis).flipped([axis])
        return Variable.record(summed, self) { g, _ in try g.cumsum(axis: axis) }
    }

    /// Running products along `axis` (flattened when nil). With y = cumprod(x), the cotangent of
    /// xⱼ is Σ_{i≥j} gᵢ·yᵢ / xⱼ; with zeros in x, the products of the other factors directly.
    public func cumprod(axis: Int? = nil) throws -> Variable {
        guard let axis else { return try reshaped([count]).cumprod(axis: 0) }
        let a = try Tensor.normalizeAxis(axis, rank: rank, op: "cumprod")
        return Variable.record(try value.cumprod(axis: a), self) { g, out in
            if !self.value.scalars.contains(0) { return try (g * out).reverseCumsum(axis: a) / self }
            return Variable(try Variable.cumprodPullback(self.value, g.value, axis: a))
        }
    }

    /// The product of the elements (over `axes`); each input's cotangent is the product of the
    /// others times the output's cotangent.
    public func prod(axes: [Int]? = nil, keepdims: Bool = false) throws -> Variable {
        let kept = try keptShape(axes: axes, op: "prod")
        return Variable.record(try value.prod(axes: axes, keepdims: keepdims), self) { g, out in
            let spread = try g.reshaped(kept).broadcast(to: self.shape)
            if !self.value.scalars.contains(0) {
                return try spread * out.reshaped(kept).broadcast(to: self.shape) / self
            }
            return try spread * Variable(try Variable.productsOfOthers(self.value, axes: axes))
        }
    }

    /// For each element, the product of the other elements of its reduction group.
    static func productsOfOthers(_ x: Tensor, axes: [Int]?) throws -> Tensor {
        let reduced = try axes.map { try Tensor.normalizeAxes($0, rank: x.rank, op: "prod") } ?? Array(0..<x.rank)
        let kept = (0..<x.rank).filter { !reduced.contains($0) }
        let order = kept + reduced
        let moved = try x.transposed(order).contiguous()
        let groupSize = reduced.reduce(1) { $0 * x.shape[$1] }
        var values = moved.scalars
        var start = 0
        while start < values.count {
            let group = start..<Swift.min(values.count, start + Swift.max(groupSize, 1))
            let zeros = group.filter { values[$0] == 0 }
            let nonZeroProduct = group.reduce(1.0) { values[$1] == 0 ? $0 : $0 * values[$1] }
            for i in group {
                switch zeros.count {
                case 0: values[i] = nonZeroProduct / values[i]
                case 1: values[i] = i == zeros[0] ? nonZeroProduct : 0
                default: values[i] = 0
                }
            }
            start += Swift.max(groupSize, 1)
        }
        var inverse = [Int](repeating: 0, count: order.count)
        for (position, axis) in order.enumerated() { inverse[axis] = position }
        return try Tensor(shape: moved.shape, scalars: values).transposed(inverse).contiguous()
    }

    /// The cotangent of cumprod's input when it has zeros: for each xⱼ, Σ_{i≥j} gᵢ · Π_{k≤i, k≠j} xₖ.
    static func cumprodPullback(_ x: Tensor, _ g: Tensor, axis: Int) throws -> Tensor {
        let last = x.rank - 1
        let xs = try x.movedAxis(axis, to: last).contiguous().scalars
        let gs = try g.broadcast(to: x.shape).movedAxis(axis, to: last).contiguous().scalars
        let n = x.shape[axis]
        var out = [Double](repeating: 0, count: xs.count)
        var lane = 0
        while n > 0 && lane < xs.count {
            var prefix = 1.0
            for j in 0..<n {
                var running = prefix
                var total = gs[lane + j] * running
                for i in (j + 1)..<Swift.max(j + 1, n) {
                    running *= xs[lane + i]
                    total += gs[lane + i] * running
                }
                out[lane + j] = total
                prefix *= xs[lane + j]
            }
            lane += n
        }
        var movedShape = x.shape
        movedShape.remove(at: axis)
        movedShape.append(n)
        return try Tensor(shape: movedShape, scalars: out).movedAxis(last, to: axis).contiguous()
    }

    /// The elements sorted along `axis` (flattened when nil); each cotangent goes back to the
    /// position its element came from.
    public func sorted(axis: Int? = -1) throws -> Variable {
        guard let axis else { return try reshaped([count]).sorted(axis: 0) }
        let a = try Tensor.normalizeAxis(axis, rank: rank, op: "sort")
        return try gathered(along: a, permutation: try value.argsorted(axis: a))
    }

    /// The elements at `permutation` along `axis` (each lane a permutation of its positions).
    func gathered(along axis: Int, permutation: Tensor) throws -> Variable {
        Variable.record(try value.takeAlongAxis(permutation, axis: axis), self) { g, _ in
            try g.scattered(along: axis, permutation: permutation)
        }
    }

    /// The adjoint of `gathered`: each element written back to the position it was taken from.
    func scattered(along axis: Int, permutation: Tensor) throws -> Variable {
        let zeros = try Tensor.zeros(shape)
        return Variable.record(try zeros.puttingAlongAxis(permutation, value, axis: axis), self) { g, _ in
            try g.gathered(along: axis, permutation: permutation)
        }
    }
}
