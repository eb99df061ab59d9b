/// Writing through an index list: `x[...] = value`.

extension Tensor {
    /// NumPy's `x[index] = value`: `value` broadcasts to the shape `subscripted(index)` would
    /// have and is cast to this tensor's dtype (toward zero for int64, `value != 0` for bool).
    /// Where an integer array repeats a position, the last write wins.
    ///
    /// Only this tensor changes: tensors that shared its storage keep their values. Throws, and
    /// leaves the tensor untouched, for any index error `subscripted(_:)` reports, for a value
    /// that does not broadcast, and for a non-finite or out-of-range value stored into int64.
    public mutating func assign(_ value: Tensor, at index: [TensorIndex]) throws {
        let op = "assign"
        // Writes go through storage positions, so every element must own its position; a
        // broadcast view, or one that sees only part of its storage, is first laid out afresh.
        let ownsStorage = storage.count == count && hasDistinctPositions
        let layout =
            ownsStorage
            ? stridedLayout
            : StridedLayout(shape: shape, strides: Tensor.contiguousStrides(for: shape), offset: 0)
        let selection = try layout.select(index, op: op)
        let source = try value.broadcastForAssignment(to: selection.shape, op: op)
        if dtype == .int64 && source.dtype == .float64 {
            try source.checkRepresentableAsInt64(op: op)
        }
        let positions = selection.positions
        if !ownsStorage { self = contiguous() }

        let target = dtype
        var next = 0
        source.forEachOffset { sourcePosition in
            storage[positions[next]] = Tensor.cast(source.storage[sourcePosition], to: target)
            next += 1
        }
    }

    /// Whether no two elements share a storage position: with the dimensions sorted by stride,
    /// each stride must step past everything the smaller ones reach.
    var hasDistinctPositions: Bool {
        var reach = 1
        let dimensions = zip(shape, strides).filter { $0.0 > 1 }.sorted {
            $0.1.magnitude < $1.1.magnitude
        }
        for (size, stride) in dimensions {
            let step = Int(clamping: stride.magnitude)
            guard step >= reach else { return false }
            let (span, overflow) = step.multipliedReportingOverflow(by: size - 1)
            guard !overflow else { return false }
            let (next, overflowAgain) = reach.addingReportingOverflow(span)
            guard !overflowAgain else { return false }
            reach = next
        }
        return true
    }

    /// This tensor read as `target` shape for assignment: leading size-1 dimensions may be
    /// dropped, then NumPy's broadcasting stretches sizes of 1.
    func broadcastForAssignment(to target: [Int], op: String) throws -> Tensor {
        var ownShape = shape
        var ownStrides = strides
        while ownShape.count > target.count && ownShape.first == 1 {
            ownShape.removeFirst()
            ownStrides.removeFirst()
        }
        let lead = target.count - ownShape.count
        let fits =
            lead >= 0
            && ownShape.indices.allSatisfy { ownShape[$0] == target[lead + $0] || ownShape[$0] == 1 }
        guard fits else {
            throw TensorError.shape(
                "\(op): value of shape \(formatShape(shape)) cannot be broadcast to the indexed shape \(formatShape(target))",
                hint:
                    "the value must broadcast to the selection: match its sizes or use 1 where it should repeat"
            )
        }
        var result = [Int](repeating: 0, count: target.count)
        for i in ownShape.indices where ownShape[i] == target[lead + i] && target[lead + i] != 1 {
            result[lead + i] = ownStrides[i]
        }
        return Tensor(view: storage, shape: target, strides: result, offset: offset, dtype: dtype)
    }

    /// Throws when some element cannot become an int64: NaN, an infinity, or a value whose
    /// truncation lies outside the int64 range.
    func checkRepresentableAsInt64(op: String) throws {
        var offending: Double?
        forEachOffset { position in
            let value = storage[position]
            if offending == nil && !(value >= -0x1p63 && value < 0x1p63) {
                offending = value
            }
        }
        if let offending {
            throw TensorError.value(
                "\(op): cannot store \(offending) in an int64 tensor",
                hint: "replace non-finite or huge values first, or make the tensor float64")
        }
    }

    /// A value as the given dtype stores it: truncated toward zero for int64 (without a negative
    /// zero), 0 or 1 for bool.
    static func cast(_ value: Double, to dtype: DType) -> Double {
        switch dtype {
        case .float64: return value
        case .int64: return value.rounded(.towardZero) + 0.0
        case .bool: return value != 0 ? 1 : 0
        }
    }
}
