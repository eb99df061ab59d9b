/// Building tensors from pieces and pieces from tensors: concatenate, stack, split, tile,
/// repeat, pad.
extension Tensor {
    /// The tensors joined along an existing `axis`; all other sizes must agree.
    public static func concatenate(_ tensors: [Tensor], axis: Int = 0) throws -> Tensor {
        guard let first = tensors.first else {
            throw TensorError.value("concatenate: needs at least one tensor", hint: "pass a list of tensors")
        }
        guard first.rank > 0 else {
            throw TensorError.shape(
                "concatenate: 0-d tensors cannot be concatenated", hint: "use stack to join scalars into a vector")
        }
        let ax = try normalizeAxis(axis, rank: first.rank, op: "concatenate")
        var total = 0
        for (i, t) in tensors.enumerated() {
            guard t.rank == first.rank else {
                throw TensorError.shape(
                    "concatenate: tensor \(i) has rank \(t.rank) (shape \(formatShape(t.shape))) but tensor 0 has rank \(first.rank) (shape \(formatShape(first.shape)))",
                    hint: "all inputs need the same number of dimensions; add one with expand_dims")
            }
            for d in 0..<first.rank where d != ax && t.shape[d] != first.shape[d] {
                throw TensorError.shape(
                    "concatenate: tensor \(i) has shape \(formatShape(t.shape)) but tensor 0 has \(formatShape(first.shape)); they differ on axis \(d), not only on the joining axis \(ax)",
                    hint: "every size except along axis \(ax) must match")
            }
            total += t.shape[ax]
        }
        var shape = first.shape
        shape[ax] = total
        let n = try checkedCount(of: shape, op: "concatenate")
        let dtype = tensors.dropFirst().reduce(first.dtype) { $0 == $1.dtype ? $0 : DType.promote($0, $1.dtype) }
        // Each output row (everything before `ax`) is the pieces' rows laid side by side.
        let outer = shape[..<ax].reduce(1, *)
        let pieces = tensors.map { $0.scalars }
        let widths = tensors.map { $0.shape[ax...].reduce(1, *) }
        var out = [Double]()
        out.reserveCapacity(n)
        for row in 0..<outer {
            for (p, w) in zip(pieces, widths) where w > 0 {
                out.append(contentsOf: p[(row * w)..<(row * w + w)])
            }
        }
        return Tensor(uncheckedShape: shape, storage: out, dtype: dtype)
    }

    /// The tensors, which must share one shape, joined along a new `axis`.
    public static func stack(_ tensors: [Tensor], axis: Int = 0) throws -> Tensor {
        try Variable.stack(tensors.map { Variable($0) }, axis: axis).value
    }

    /// How to cut an axis in `split`: into equal parts, or at given positions.
    public enum SplitPoints: Sendable {
        /// This many equal parts; the axis size must divide evenly.
        case parts(Int)
        /// Cut before each of these positions.
        case indices([Int])
    }

    /// The pieces of this tensor cut along `axis`.
    public func split(_ points: SplitPoints, axis: Int = 0) throws -> [Tensor] {
        let ax = try Tensor.normalizeAxis(axis, rank: rank, op: "split")
        let size = shape[ax]
        let cuts: [Int]
        switch points {
        case .parts(let n):
            guard n > 0 else {
                throw TensorError.value(
                    "split: number of sections must be positive, got \(n)", hint: "ask for 1 or more parts")
            }
            guard size % n == 0, n <= Swift.max(size, 1) || n <= 1 << 16 else {
                throw TensorError.shape(
                    "split: axis \(ax) of size \(size) does not divide into \(n) equal parts",
                    hint: "choose a divisor of \(size), or give the split positions as a list")
            }
            cuts = (1..<n).map { $0 * (size / n) }
        case .indices(let positions):
            cuts = positions.map { p in
                let q = p < 0 ? p + size : p
                return Swift.min(Swift.max(q, 0), size)
            }
        }
        // Piece i is this[bounds[i] ..< bounds[i + 1]] with Python's slice clamping: a cut before
        // the previous one gives an empty piece.
        let bounds = [0] + cuts + [size]
        var pieces: [Tensor] = []
        for i in 0..<(bounds.count - 1) {
            let start = bounds[i]
            let stop = Swift.max(bounds[i + 1], start)
            var shape = self.shape
            shape[ax] = stop - start
            pieces.append(
                Tensor(
                    view: storage, shape: shape, strides: strides, offset: offset + start * strides[ax], dtype: dtype
                )
                .contiguous())
        }
        return pieces
    }

    /// The tensor repeated `reps` times along each dimension (NumPy's `tile`).
    public func tiled(_ reps: [Int]) throws -> Tensor {
        if let bad = reps.first(where: { $0 < 0 }) {
            throw TensorError.value("tile: repetitions must be 0 or more, got \(bad)", hint: "use non-negative counts")
        }
        let r = Swift.max(rank, reps.count)
        let base = try reshaped(Array(repeating: 1, count: r - rank) + shape)
        let fullReps = Array(repeating: 1, count: r - reps.count) + reps
        // Insert a repeat axis before each dimension, broadcast it, then merge the pairs.
        var expandedShape: [Int] = []
        var interleaved: [Int] = []
        for d in 0..<r {
            expandedShape += [1, base.shape[d]]
            interleaved += [fullReps[d], base.shape[d]]
        }
        let merged = try zip(fullReps, base.shape).map { try Tensor.checkedProduct([$0, $1], op: "tile") }
        _ = try Tensor.checkedCount(of: merged, op: "tile")
        return try base.reshaped(expandedShape).broadcast(to: interleaved).contiguous().reshaped(merged)
    }

    /// Each element repeated `repeats` times along `axis` (the flattened tensor when nil).
    public func repeated(_ repeats: [Int], axis: Int? = nil) throws -> Tensor {
        let source = axis == nil ? flattened() : self
        let ax = try Tensor.normalizeAxis(axis ?? 0, rank: source.rank, op: "repeat")
        let size = source.shape[ax]
        let counts: [Int]
        if repeats.count == 1 {
            counts = Array(repeating: repeats[0], count: size)
        } else if repeats.count == size {
            counts = repeats
        } else {
            throw TensorError.shape(
                "repeat: \(repeats.count) repeat counts for an axis of size \(size)",
                hint: "give one count for all elements or one per element")
        }
        if let bad = counts.first(where: { $0 < 0 }) {
            throw TensorError.value("repeat: counts must be 0 or more, got \(bad)", hint: "use non-negative counts")
        }
        var shape = source.shape
        shape[ax] = try counts.reduce(0) { try Tensor.checkedSum($0, $1, op: "repeat") }
        let n = try Tensor.checkedCount(of: shape, op: "repeat")
        let flat = source.scalars
        let outer = source.shape[..<ax].reduce(1, *)
        let inner = source.shape[(ax + 1)...].reduce(1, *)
        var out = [Double]()
        out.reserveCapacity(n)
        for o in 0..<outer {
            for (i, c) in counts.enumerated() {
                let start = (o * size + i) * inner
                for _ in 0..<c { out.append(contentsOf: flat[start..<(start + inner)]) }
            }
        }
        return Tensor(uncheckedShape: shape, storage: out, dtype: source.dtype)
    }

    /// How `pad` fills the new border.
    public enum PadMode: String, Sendable {
        /// A constant value.
        case constant
        /// The nearest edge value repeated.
        case edge
        /// A mirror image that does not repeat the edge (`[1,2,3]` → `[3,2,1,2,3,2,1]`).
        case reflect
    }

    /// The tensor with `widths[d] = (before, after)` elements added on each side of dimension
    /// `d` (one pair for every dimension, or a single pair used for all).
    public func padded(_ widths: [(Int, Int)], mode: PadMode = .constant, value: Double = 0) throws -> Tensor {
        let pairs: [(Int, Int)]
        if widths.count == 1 {
            pairs = Array(repeating: widths[0], count: rank)
        } else if widths.count == rank {
            pairs = widths
        } else {
            throw TensorError.shape(
                "pad: \(widths.count) (before, after) pairs for a tensor of rank \(rank)",
                hint: "give one pair per dimension, or one pair for all")
        }
        if pairs.contains(where: { $0.0 < 0 || $0.1 < 0 }) {
            throw TensorError.value("pad: widths must be 0 or more", hint: "use non-negative pad widths")
        }
        var result = self
        for (axis, pair) in pairs.enumerated() where pair.0 > 0 || pair.1 > 0 {
            result = try result.paddedAxis(axis, before: pair.0, after: pair.1, mode: mode, value: value)
        }
        return result
    }

    private func paddedAxis(_ axis: Int, before: Int, after: Int, mode: PadMode, value: Double) throws -> Tensor {
        let size = shape[axis]
        var newShape = shape
        newShape[axis] = try Tensor.checkedSum(try Tensor.checkedSum(size, before, op: "pad"), after, op: "pad")
        _ = try Tensor.checkedCount(of: newShape, op: "pad")
        func sourceIndex(_ i: Int) throws -> Int? {
            let j = i - before
            if j >= 0 && j < size { return j }
            switch mode {
            case .constant: return nil
            case .edge:
                guard size > 0 else {
                    throw TensorError.value(
                        "pad: cannot extend an empty axis with mode 'edge'", hint: "use mode 'constant'")
                }
                return j < 0 ? 0 : size - 1
            case .reflect:
                guard size > 1 else { return size == 1 ? 0 : nil }
                let period = 2 * (size - 1)
                var k = j % period
                if k < 0 { k += period }
                return k < size ? k : period - k
            }
        }
        var pieces: [Tensor] = []
        pieces.reserveCapacity(newShape[axis])
        var sliceShape = shape
        sliceShape[axis] = 1
        let constant = try Tensor.full(sliceShape, value: value).cast(to: dtype)
        for i in 0..<newShape[axis] {
            if let j = try sourceIndex(i) {
                pieces.append(
                    Tensor(
                        view: storage, shape: sliceShape, strides: strides, offset: offset + j * strides[axis],
                        dtype: dtype))
            } else {
                pieces.append(constant)
            }
        }
        return try Tensor.concatenate(pieces, axis: axis)
    }
}
