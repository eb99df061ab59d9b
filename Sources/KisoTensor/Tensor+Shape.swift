/// Operations that rearrange elements without computing new values: reshape, transpose,
/// squeeze, expand_dims, broadcast_to, flip, flatten. Most return views of the same storage.
extension Tensor {
    /// The same elements in a new shape; one dimension may be -1 and is inferred.
    public func reshaped(_ newShape: [Int]) throws -> Tensor {
        var target = newShape
        let inferred = newShape.indices.filter { newShape[$0] == -1 }
        guard inferred.count <= 1 else {
            throw TensorError.shape(
                "reshape: only one dimension can be -1, got \(formatShape(newShape))",
                hint: "give every size but one explicitly")
        }
        if let bad = newShape.first(where: { $0 < -1 }) {
            throw TensorError.value(
                "reshape: invalid size \(bad) in \(formatShape(newShape))",
                hint: "sizes are 0 or more, or -1 to infer one")
        }
        if let axis = inferred.first {
            let known = try Tensor.checkedProduct(
                newShape.enumerated().filter { $0.offset != axis }.map(\.element), op: "reshape")
            guard known > 0, count % known == 0 else {
                throw TensorError.shape(
                    "reshape: cannot reshape \(count) elements of shape \(formatShape(shape)) into \(formatShape(newShape))",
                    hint: "the sizes you give must divide \(count)")
            }
            target[axis] = count / known
        }
        let total = try Tensor.checkedCount(of: target, op: "reshape", allocating: false)
        guard total == count else {
            throw TensorError.shape(
                "reshape: cannot reshape \(count) elements of shape \(formatShape(shape)) into \(formatShape(newShape)) (\(total) elements)",
                hint: "the product of the new sizes must be \(count); use -1 for one size to have it inferred")
        }
        let source = isContiguous ? self : contiguous()
        return Tensor(
            view: source.storage, shape: target, strides: Tensor.contiguousStrides(for: target),
            offset: source.offset, dtype: dtype)
    }

    /// A 1-d copy of every element in row-major order.
    public func flattened() -> Tensor {
        Tensor(uncheckedShape: [count], storage: scalars, dtype: dtype)
    }

    /// The dimensions in the order `axes` gives (all of them reversed when nil), as a view.
    public func transposed(_ axes: [Int]? = nil) throws -> Tensor {
        let order: [Int]
        if let axes {
            guard axes.count == rank else {
                throw TensorError.axis(
                    "transpose: axes \(axes) do not match a tensor of rank \(rank)",
                    hint: "list each of the \(rank) axes exactly once")
            }
            let normalized = try axes.map { try Tensor.normalizeAxis($0, rank: rank, op: "transpose") }
            guard Set(normalized).count == rank else {
                throw TensorError.axis("transpose: axes \(axes) repeat an axis", hint: "list each axis exactly once")
            }
            order = normalized
        } else {
            order = Array((0..<rank).reversed())
        }
        return Tensor(
            view: storage, shape: order.map { shape[$0] }, strides: order.map { strides[$0] },
            offset: offset, dtype: dtype)
    }

    /// The transpose: dimensions reversed (a matrix's rows become columns).
    public var T: Tensor {
        Tensor(
            view: storage, shape: SmallIntArrays.shared(shape.lazy.reversed()),
            strides: SmallIntArrays.shared(strides.lazy.reversed()), offset: offset, dtype: dtype)
    }

    /// The last two dimensions exchanged (each matrix of a stack transposed), as a view; a
    /// tensor of rank below 2 is returned as it is.
    func swappingLastTwoAxes() -> Tensor {
        let r = rank
        guard r >= 2 else { return self }
        if r == 2 { return T }
        var newShape = shape
        var newStrides = strides
        newShape.swapAt(r - 1, r - 2)
        newStrides.swapAt(r - 1, r - 2)
        return Tensor(view: storage, shape: newShape, strides: newStrides, offset: offset, dtype: dtype)
    }

    /// `axis1` and `axis2` exchanged.
    public func swappedAxes(_ axis1: Int, _ axis2: Int) throws -> Tensor {
        let a = try Tensor.normalizeAxis(axis1, rank: rank, op: "swapaxes")
        let b = try Tensor.normalizeAxis(axis2, rank: rank, op: "swapaxes")
        var order = Array(0..<rank)
        order.swapAt(a, b)
        return try transposed(order)
    }

    /// `source` moved to position `destination`, the others keeping their order.
    public func movedAxis(_ source: Int, to destination: Int) throws -> Tensor {
        let s = try Tensor.normalizeAxis(source, rank: rank, op: "moveaxis")
        let d = try Tensor.normalizeAxis(destination, rank: rank, op: "moveaxis")
        var order = Array(0..<rank).filter { $0 != s }
        order.insert(s, at: d)
        return try transposed(order)
    }

    /// Removes size-1 dimensions: the given ones (which must be size 1), or all when nil.
    public func squeezed(_ axes: [Int]? = nil) throws -> Tensor {
        let drop: Set<Int>
        if let axes {
            let normalized = try Tensor.normalizeAxes(axes, rank: rank, op: "squeeze")
            for axis in normalized where shape[axis] != 1 {
                throw TensorError.shape(
                    "squeeze: axis \(axis) has size \(shape[axis]), not 1, in shape \(formatShape(shape))",
                    hint: "only size-1 dimensions can be squeezed")
            }
            drop = Set(normalized)
        } else {
            drop = Set(shape.indices.filter { shape[$0] == 1 })
        }
        let keep = shape.indices.filter { !drop.contains($0) }
        return Tensor(
            view: storage, shape: keep.map { shape[$0] }, strides: keep.map { strides[$0] },
            offset: offset, dtype: dtype)
    }

    /// A new size-1 dimension inserted at `axis` (which may be negative, counted in the result).
    public func expandingDims(_ axis: Int) throws -> Tensor {
        try Tensor.checkRank(rank + 1, op: "expand_dims")
        let position = try Tensor.normalizeAxis(axis, rank: rank + 1, op: "expand_dims")
        var newShape = shape
        var newStrides = strides
        newShape.insert(1, at: position)
        newStrides.insert(0, at: position)
        return Tensor(view: storage, shape: newShape, strides: newStrides, offset: offset, dtype: dtype)
    }

    /// This tensor read as `shape` under broadcasting rules, as a view.
    public func broadcast(to target: [Int]) throws -> Tensor {
        if target == shape { return self }
        guard target.count >= rank else {
            throw TensorError.shape(
                "broadcast_to: cannot broadcast shape \(formatShape(shape)) to fewer dimensions \(formatShape(target))",
                hint: "the target needs at least \(rank) dimensions")
        }
        let lead = target.count - rank
        for i in 0..<rank where shape[i] != 1 && shape[i] != target[lead + i] {
            throw TensorError.shape(
                "broadcast_to: cannot broadcast shape \(formatShape(shape)) to \(formatShape(target))",
                hint: "each size must equal the target's or be 1, aligned from the right")
        }
        _ = try Tensor.checkedCount(of: target, op: "broadcast_to", allocating: false)
        return Tensor(view: storage, shape: target, strides: broadcastStrides(to: target), offset: offset, dtype: dtype)
    }

    /// The elements in reverse order along `axes` (every axis when nil), as a view.
    public func flipped(_ axes: [Int]? = nil) throws -> Tensor {
        let flip = try axes.map { try Tensor.normalizeAxes($0, rank: rank, op: "flip") } ?? Array(0..<rank)
        var newStrides = strides
        var newOffset = offset
        for axis in flip where shape[axis] > 0 {
            newOffset += (shape[axis] - 1) * strides[axis]
            newStrides[axis] = -strides[axis]
        }
        return Tensor(view: storage, shape: shape, strides: newStrides, offset: newOffset, dtype: dtype)
    }

    /// The same values marked with another element kind (whole numbers truncated toward zero
    /// for int64, non-zero as 1 for bool), like `astype`.
    public func cast(to target: DType) -> Tensor {
        switch target {
        case .float64: return retagged(.float64)
        case .int64:
            if dtype != .float64 { return retagged(.int64) }
            return map(Kernel.TruncateToWhole.self, dtype: .int64)
        case .bool: return map(Kernel.NonZero.self, dtype: .bool)
        }
    }

    private func retagged(_ dtype: DType) -> Tensor {
        var copy = self
        copy.dtype = dtype
        return copy
    }
}
