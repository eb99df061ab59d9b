/// Shape operations. Their pullbacks only move the cotangent back into the input's shape:
/// reshape undoes reshape, the inverse permutation undoes transpose, and `sum(toShape:)`
/// and `broadcast(to:)` undo each other.
extension Variable {
    /// The same elements in a new shape; one size may be -1.
    public func reshaped(_ newShape: [Int]) throws -> Variable {
        let inputShape = shape
        if newShape == inputShape { return self }
        // A constant skips making the pullback: reshaping is too cheap to pay for one.
        guard isTracked else { return Variable(try value.reshaped(newShape)) }
        return Variable.record(try value.reshaped(newShape), self) { g, _ in
            try g.reshaped(inputShape)
        }
    }

    /// The transpose: dimensions reversed, as a view. The reversal is its own inverse, so the
    /// pullback captures nothing and a constant's `x.T` costs what the tensor's does.
    public var T: Variable {
        Variable.record(value.T, self) { g, _ in g.T }
    }

    /// The dimensions in the order `axes` gives (all reversed when nil).
    public func transposed(_ axes: [Int]? = nil) throws -> Variable {
        let order = try axes.map { try $0.map { try Tensor.normalizeAxis($0, rank: rank, op: "transpose") } }
        let resolved = order ?? Array((0..<rank).reversed())
        var inverse = [Int](repeating: 0, count: resolved.count)
        for (position, axis) in resolved.enumerated() where axis < inverse.count { inverse[axis] = position }
        return Variable.record(try value.transposed(axes), self) { g, _ in
            try g.transposed(inverse)
        }
    }

    /// The transpose of the last two dimensions (a matrix's rows become columns), as in
    /// `swapaxes(x, -1, -2)`.
    ///
    /// Every matrix product's pullback transposes its operands, so this is a view made directly,
    /// without the axis checks of `transposed`; it is its own inverse.
    public func swappingLastTwoAxes() throws -> Variable {
        guard rank >= 2 else { return self }
        return Variable.record(value.swappingLastTwoAxes(), self) { g, _ in
            try g.swappingLastTwoAxes()
        }
    }

    /// A new size-1 dimension at `axis`.
    public func expandingDims(_ axis: Int) throws -> Variable {
        let inputShape = shape
        return Variable.record(try value.expandingDims(axis), self) { g, _ in
            try g.reshaped(inputShape)
        }
    }

    /// Size-1 dimensions removed: the given ones, or all when nil.
    public func squeezed(_ axes: [Int]? = nil) throws -> Variable {
        let inputShape = shape
        return Variable.record(try value.squeezed(axes), self) { g, _ in
            try g.reshaped(inputShape)
        }
    }

    /// This value read as `target` under broadcasting rules. The pullback sums the cotangent
    /// over the stretched dimensions.
    public func broadcast(to target: [Int]) throws -> Variable {
        let inputShape = shape
        if target == inputShape { return self }
        return Variable.record(try value.broadcast(to: target), self) { g, _ in
            try g.sum(toShape: inputShape)
        }
    }

    /// The sum over the dimensions that broadcasting `target` to this shape would stretch, so
    /// the result has shape `target` ("unbroadcast"). The pullback broadcasts back.
    public func sum(toShape target: [Int]) throws -> Variable {
        let inputShape = shape
        if target == inputShape { return self }
        return Variable.record(try value.sum(toShape: target), self) { g, _ in
            try g.broadcast(to: inputShape)
        }
    }
}

extension Tensor {
    /// The sum of this tensor over the dimensions that broadcasting `target` to its shape
    /// stretches: the leading extra dimensions, and those where `target` has size 1.
    func sum(toShape target: [Int]) throws -> Tensor {
        if target == shape { return self }
        let lead = rank - target.count
        guard lead >= 0 else {
            throw TensorError.shape(
                "sum_to: shape \(formatShape(shape)) has fewer dimensions than \(formatShape(target))",
                hint: "the target must broadcast to the tensor's shape")
        }
        var axes = Array(0..<lead)
        var keptAxis = false
        for (i, size) in target.enumerated() {
            if size == 1 && shape[lead + i] != 1 {
                axes.append(lead + i)
                keptAxis = true
            } else if size != shape[lead + i] {
                throw TensorError.shape(
                    "sum_to: shape \(formatShape(target)) does not broadcast to \(formatShape(shape))",
                    hint: "sizes must match or be 1 when aligned from the right")
            }
        }
        if axes.isEmpty { return try reshaped(target) }
        // Only leading dimensions summed away (a bias's gradient): the sum already has the
        // target's shape.
        if !keptAxis { return try sum(axes: axes, keepdims: false) }
        return try sum(axes: axes, keepdims: true).reshaped(target)
    }
}
