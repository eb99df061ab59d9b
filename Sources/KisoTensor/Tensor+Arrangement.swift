/// NumPy's array-building conveniences: `diag`, `trace`, `kron`, `take_along_axis`,
/// `put_along_axis`, and 1-d `convolve` / `correlate`.
extension Tensor {
    /// From a 1-d tensor, the square matrix with it on diagonal `k`; from a matrix, its diagonal
    /// `k` (k > 0 above the main diagonal, k < 0 below).
    public func diagonal(k: Int = 0) throws -> Tensor {
        switch rank {
        case 1:
            let n = count + Swift.abs(k)
            _ = try Tensor.checkedCount(of: [n, n], op: "diag")
            var out = [Double](repeating: 0, count: n * n)
            let values = scalars
            for (i, v) in values.enumerated() {
                let row = k >= 0 ? i : i - k
                let column = k >= 0 ? i + k : i
                out[row * n + column] = v
            }
            return try Tensor(shape: [n, n], scalars: out, dtype: dtype)
        case 2:
            let (rows, columns) = (shape[0], shape[1])
            let start = k >= 0 ? (0, k) : (-k, 0)
            let length = Swift.max(0, Swift.min(rows - start.0, columns - start.1))
            let source = contiguous().scalars
            let values = (0..<length).map { source[(start.0 + $0) * columns + start.1 + $0] }
            return try Tensor(shape: [length], scalars: values, dtype: dtype)
        default:
            throw TensorError.shape(
                "diag: takes a 1-d tensor (to build a matrix) or a 2-d one (to read its diagonal), got shape \(formatShape(shape))",
                hint: "for a stack of matrices, index one matrix first")
        }
    }

    /// The sum of diagonal `offset` of a matrix.
    public func trace(offset: Int = 0) throws -> Tensor {
        guard rank == 2 else {
            throw TensorError.shape(
                "trace: takes a matrix (2-d), got shape \(formatShape(shape))",
                hint: "give a square or rectangular matrix")
        }
        let d = try diagonal(k: offset)
        return try d.sum().cast(to: dtype == .bool ? .int64 : dtype)
    }

    /// The Kronecker product: every element of `a` times the whole of `b`, as blocks.
    public static func kron(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        let rank = Swift.max(a.rank, b.rank)
        let x = try a.reshaped([Int](repeating: 1, count: rank - a.rank) + a.shape)
        let y = try b.reshaped([Int](repeating: 1, count: rank - b.rank) + b.shape)
        // x[..., i, newaxis] * y[newaxis, ..., j] interleaved, then merged pairwise.
        var xShape: [Int] = []
        var yShape: [Int] = []
        for d in 0..<rank {
            xShape += [x.shape[d], 1]
            yShape += [1, y.shape[d]]
        }
        let product = try multiply(try x.reshaped(xShape), try y.reshaped(yShape))
        return try product.reshaped((0..<rank).map { x.shape[$0] * y.shape[$0] })
    }

    /// The elements at `indices` along `axis`, which has the tensor's rank (NumPy's
    /// `take_along_axis`, e.g. with the result of `argsort`).
    public func takeAlongAxis(_ indices: Tensor, axis: Int) throws -> Tensor {
        let (resolved, positions, outShape) = try alongAxisPositions(indices, axis: axis, op: "take_along_axis")
        let source = scalars
        let values = positions.map { source[$0] }
        _ = resolved
        return try Tensor(shape: outShape, scalars: values, dtype: dtype)
    }

    /// A copy with `values` written at `indices` along `axis` (NumPy's `put_along_axis`, which
    /// writes in place; Kiso returns the new tensor).
    public func puttingAlongAxis(_ indices: Tensor, _ values: Tensor, axis: Int) throws -> Tensor {
        let (_, positions, outShape) = try alongAxisPositions(indices, axis: axis, op: "put_along_axis")
        let written = try values.broadcast(to: outShape).scalars
        var out = scalars
        for (p, v) in zip(positions, written) { out[p] = v }
        return try Tensor(shape: shape, scalars: out, dtype: Swift.max(dtype, values.dtype))
    }

    /// For each entry of `indices` (broadcast against the other axes), its flat position in this
    /// tensor.
    private func alongAxisPositions(_ indices: Tensor, axis: Int, op: String) throws -> (Int, [Int], [Int]) {
        guard indices.rank == rank else {
            throw TensorError.shape(
                "\(op): indices must have the tensor's rank \(rank), got shape \(formatShape(indices.shape))",
                hint: "use keepdims=true in argmax/argsort, or add axes with expand_dims")
        }
        guard indices.dtype != .float64 || indices.scalars.allSatisfy({ $0 == $0.rounded() }) else {
            throw TensorError.value("\(op): indices must be integers", hint: "use the result of argsort or argmax")
        }
        let resolved = try Tensor.normalizeAxis(axis, rank: rank, op: op)
        var outShape = try Tensor.broadcastShapes(
            shape.enumerated().map { $0.offset == resolved ? 1 : $0.element },
            indices.shape.enumerated().map { $0.offset == resolved ? 1 : $0.element }, op: op)
        outShape[resolved] = indices.shape[resolved]
        let index = try indices.broadcast(to: outShape).scalars
        var strides = [Int](repeating: 1, count: rank)
        for d in stride(from: rank - 2, through: 0, by: -1) { strides[d] = strides[d + 1] * shape[d + 1] }
        var positions: [Int] = []
        positions.reserveCapacity(index.count)
        var coordinate = [Int](repeating: 0, count: rank)
        for raw in index {
            let length = shape[resolved]
            // A position that no Int holds (inf, 1e300) is out of bounds, not a trap.
            guard let whole = Int(exactly: raw.rounded(.towardZero)) else {
                throw TensorError.index(
                    "\(op): index \(raw) is out of bounds for axis \(axis) of length \(length)")
            }
            var i = whole
            if i < 0 { i += length }
            guard i >= 0 && i < length else {
                throw TensorError.index(
                    "\(op): index \(whole) is out of bounds for axis \(axis) of length \(length)")
            }
            var flat = 0
            for d in 0..<rank {
                let c = d == resolved ? i : (shape[d] == 1 ? 0 : coordinate[d])
                flat += c * strides[d]
            }
            positions.append(flat)
            var d = rank - 1
            while d >= 0 {
                coordinate[d] += 1
                if coordinate[d] < outShape[d] { break }
                coordinate[d] = 0
                d -= 1
            }
        }
        return (resolved, positions, outShape)
    }

    /// How `convolve` and `correlate` trim their full result.
    public enum ConvolutionMode: String, Sendable {
        /// Every overlap, length n + m − 1.
        case full
        /// The centre, as long as the longer input.
        case same
        /// Only complete overlaps, length max(n, m) − min(n, m) + 1.
        case valid
    }

    /// NumPy's `correlate(a, v, mode)`: c[k] = Σₙ a[n + k] · v[n], sliding `v` along `a`.
    public static func correlate(_ a: Tensor, _ v: Tensor, mode: ConvolutionMode = .valid) throws -> Tensor {
        try slidingProducts(a, v, mode: mode, flip: false, op: "correlate")
    }

    /// NumPy's `convolve(a, v, mode)`: like `correlate` with `v` reversed — the kernel is flipped.
    public static func convolve(_ a: Tensor, _ v: Tensor, mode: ConvolutionMode = .full) throws -> Tensor {
        try slidingProducts(a, v, mode: mode, flip: true, op: "convolve")
    }

    private static func slidingProducts(
        _ a: Tensor, _ v: Tensor, mode: ConvolutionMode, flip: Bool, op: String
    ) throws -> Tensor {
        guard a.rank <= 1, v.rank <= 1 else {
            throw TensorError.shape(
                "\(op): takes two 1-d tensors, got shapes \(formatShape(a.shape)) and \(formatShape(v.shape))",
                hint: "for images use conv2d")
        }
        guard a.count > 0, v.count > 0 else {
            throw TensorError.value("\(op): neither input may be empty", hint: "give at least one element each")
        }
        var x = a.scalars
        var kernel = v.scalars
        if flip { kernel.reverse() }
        // NumPy slides the shorter input along the longer; for correlate that reverses the result.
        var reverseResult = false
        if kernel.count > x.count {
            swap(&x, &kernel)
            if flip {
                x.reverse()
                kernel.reverse()
            } else {
                reverseResult = true
            }
        }
        let n = x.count
        let m = kernel.count
        let full = n + m - 1
        var values = [Double](repeating: 0, count: full)
        for k in 0..<full {
            // Output k pairs x[k − (m − 1) + j] with kernel[j].
            var total = 0.0
            for j in 0..<m {
                let i = k - (m - 1) + j
                if i >= 0 && i < n { total += x[i] * kernel[j] }
            }
            values[k] = total
        }
        var trimmed: [Double]
        switch mode {
        case .full: trimmed = values
        case .valid: trimmed = Array(values[(m - 1)..<n])
        case .same:
            let start = (m - 1) / 2
            trimmed = Array(values[start..<(start + n)])
        }
        // Trimmed first, then reversed, as NumPy does.
        if reverseResult { trimmed.reverse() }
        let dtype = Swift.max(a.dtype, v.dtype) == .bool ? DType.int64 : Swift.max(a.dtype, v.dtype)
        return try Tensor(shape: [trimmed.count], scalars: trimmed, dtype: dtype)
    }
}
