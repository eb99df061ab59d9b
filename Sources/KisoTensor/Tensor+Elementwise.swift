import KisoVectorKernels

/// The two element loops every arithmetic, comparison and math function is built on:
/// `mapElements` for one operand and `zipElements` for two, with NumPy broadcasting.

extension Tensor {
    /// A new tensor of the same shape holding `f` of each element (for functions with
    /// parameters; fixed functions use `map` with a kernel type, which compiles tighter).
    func mapElements(dtype: DType, _ f: (Double) -> Double) -> Tensor {
        mapBlocks(dtype: dtype) { src, dst, n in
            for i in 0..<n { dst[i] = f(src[i]) }
        }
    }

    /// A new tensor of the same shape holding `K.apply` of each element.
    func map<K: UnaryKernel>(_ kernel: K.Type, dtype: DType) -> Tensor {
        if let vectorized = K.vectorized, VectorMath.vectorKernelsAvailable {
            return mapBlocks(dtype: dtype) { src, dst, n in VectorArithmetic.apply(vectorized, src, dst, count: n) }
        }
        return mapBlocks(dtype: dtype) { src, dst, n in
            for i in 0..<n { dst[i] = K.apply(src[i]) }
        }
    }

    /// A new tensor of the same shape whose elements `kernel(source, destination, count)`
    /// computes a block at a time (for vectorised kernels).
    func mapBlocks(
        dtype: DType = .float64, _ kernel: (UnsafePointer<Double>, UnsafeMutablePointer<Double>, Int) -> Void
    ) -> Tensor {
        let source = isContiguous ? self : contiguous()
        let n = source.count
        let base = source.offset
        let out = Storage.make(count: n) { outPtr in
            source.storage.withUnsafeBufferPointer { input in
                guard let inPtr = input.baseAddress else { return }
                let src = UncheckedSendable(inPtr + base)
                let dst = UncheckedSendable(outPtr)
                Parallel.forRanges(n) { range in
                    kernel(src.value + range.lowerBound, dst.value + range.lowerBound, range.count)
                }
            }
        }
        return Tensor(uncheckedShape: shape, storage: out, dtype: dtype)
    }

    /// A new float64 tensor of `a`'s shape whose elements `kernel(a, b, destination, count)`
    /// computes a block at a time from corresponding elements of `a` and `b` (for vectorised
    /// kernels). The two must have the same shape; either is made contiguous first if it is not.
    static func zipBlocks(
        _ a: Tensor, _ b: Tensor,
        _ kernel: (UnsafePointer<Double>, UnsafePointer<Double>, UnsafeMutablePointer<Double>, Int) -> Void
    ) -> Tensor {
        let first = a.isContiguous ? a : a.contiguous()
        let second = b.isContiguous ? b : b.contiguous()
        let n = Swift.min(first.count, second.count)
        let out = Storage.make(count: n) { outPtr in
            first.storage.withUnsafeBufferPointer { pa in
                second.storage.withUnsafeBufferPointer { pb in
                    guard let xa = pa.baseAddress, let xb = pb.baseAddress else { return }
                    let x = UncheckedSendable(xa + first.offset)
                    let y = UncheckedSendable(xb + second.offset)
                    let dst = UncheckedSendable(outPtr)
                    Parallel.forRanges(n) { range in
                        kernel(
                            x.value + range.lowerBound, y.value + range.lowerBound, dst.value + range.lowerBound,
                            range.count)
                    }
                }
            }
        }
        return Tensor(uncheckedShape: first.shape, storage: out, dtype: .float64)
    }

    /// A new tensor holding `K.apply(a, b)` for each pair of elements of `a` and `b` broadcast
    /// together.
    static func zipElements<K: BinaryKernel>(
        _ a: Tensor, _ b: Tensor, op: String, dtype: DType, _ kernel: K.Type
    ) throws -> Tensor {
        let shape = a.shape == b.shape ? a.shape : try broadcastShapes(a.shape, b.shape, op: op)
        let n = try checkedCount(of: shape, op: op)
        // Fast paths: equal contiguous shapes, one side a single value, or one side a row
        // repeated down the other (a bias added to a batch). Each takes the kernel's vectorised
        // form when it has one: the same operation per element, so the same bits.
        let vectorized = VectorMath.vectorKernelsAvailable ? K.vectorized : nil
        if a.shape == b.shape && a.isContiguous && b.isContiguous {
            return Tensor.fill(shape: shape, count: n, dtype: dtype) { dst, range in
                a.storage.withUnsafeBufferPointer { pa in
                    b.storage.withUnsafeBufferPointer { pb in
                        guard let xa = pa.baseAddress, let xb = pb.baseAddress else { return }
                        let x = xa + a.offset
                        let y = xb + b.offset
                        if let vectorized {
                            let i = range.lowerBound
                            VectorArithmetic.apply(vectorized, x + i, y + i, dst + i, count: range.count)
                        } else {
                            for i in range { dst[i] = K.apply(x[i], y[i]) }
                        }
                    }
                }
            }
        }
        if b.count == 1 && a.isContiguous && a.shape == shape {
            let y = b.storage[b.offset]
            return Tensor.fill(shape: shape, count: n, dtype: dtype) { dst, range in
                a.storage.withUnsafeBufferPointer { pa in
                    guard let xa = pa.baseAddress else { return }
                    let x = xa + a.offset
                    if let vectorized {
                        let i = range.lowerBound
                        VectorArithmetic.apply(vectorized, x + i, scalar: y, dst + i, count: range.count)
                    } else {
                        for i in range { dst[i] = K.apply(x[i], y) }
                    }
                }
            }
        }
        if a.count == 1 && b.isContiguous && b.shape == shape {
            let x = a.storage[a.offset]
            return Tensor.fill(shape: shape, count: n, dtype: dtype) { dst, range in
                b.storage.withUnsafeBufferPointer { pb in
                    guard let xb = pb.baseAddress else { return }
                    let y = xb + b.offset
                    if let vectorized {
                        let i = range.lowerBound
                        VectorArithmetic.apply(vectorized, scalar: x, y + i, dst + i, count: range.count)
                    } else {
                        for i in range { dst[i] = K.apply(x, y[i]) }
                    }
                }
            }
        }
        if a.isContiguous && a.shape == shape && b.isContiguous && isTrailingRow(b, of: shape) {
            return repeatedRow(a, row: b, rowFirst: false, shape: shape, count: n, dtype: dtype, kernel)
        }
        if b.isContiguous && b.shape == shape && a.isContiguous && isTrailingRow(a, of: shape) {
            return repeatedRow(b, row: a, rowFirst: true, shape: shape, count: n, dtype: dtype, kernel)
        }
        if shape.count <= 4 {
            return smallRankBroadcast(a, b, shape: shape, count: n, dtype: dtype, kernel)
        }
        // General case: walk the output in row-major order with each operand's broadcast strides.
        let sa = a.broadcastStrides(to: shape)
        let sb = b.broadcastStrides(to: shape)
        var out = [Double]()
        out.reserveCapacity(n)
        a.storage.withUnsafeBufferPointer { pa in
            b.storage.withUnsafeBufferPointer { pb in
                forEachBroadcastPair(shape: shape, stridesA: sa, offsetA: a.offset, stridesB: sb, offsetB: b.offset) {
                    out.append(K.apply(pa[$0], pb[$1]))
                }
            }
        }
        return Tensor(uncheckedShape: shape, storage: out, dtype: dtype)
    }

    /// Whether `row` holds the trailing dimensions of `shape` exactly (after any leading 1s), so
    /// that broadcasting repeats it, whole and in order, down the leading dimensions.
    private static func isTrailingRow(_ row: Tensor, of shape: [Int]) -> Bool {
        var first = 0
        while first < row.rank && row.shape[first] == 1 { first += 1 }
        let dims = row.rank - first
        guard dims >= 1, dims <= shape.count else { return false }
        for i in 0..<dims where row.shape[first + i] != shape[shape.count - dims + i] { return false }
        return true
    }

    /// `K.apply` between each element of the contiguous `full` and the element of `row` its
    /// position repeats (`row` on the left when `rowFirst`): a bias added to every row of a batch.
    private static func repeatedRow<K: BinaryKernel>(
        _ full: Tensor, row: Tensor, rowFirst: Bool, shape: [Int], count n: Int, dtype: DType, _ kernel: K.Type
    ) -> Tensor {
        let width = row.count
        let vectorized = VectorMath.vectorKernelsAvailable ? K.vectorized : nil
        return Tensor.fill(shape: shape, count: n, dtype: dtype) { dst, range in
            full.storage.withUnsafeBufferPointer { pf in
                row.storage.withUnsafeBufferPointer { pr in
                    guard let xf = pf.baseAddress, let xr = pr.baseAddress else { return }
                    let x = xf + full.offset
                    let y = xr + row.offset
                    var i = range.lowerBound
                    while i < range.upperBound {
                        let j = i % width
                        if let vectorized, j == 0, range.upperBound - i >= width {
                            // Whole rows in one call.
                            let rows = (range.upperBound - i) / width
                            VectorArithmetic.apply(
                                vectorized, x + i, row: y, rowFirst: rowFirst, dst + i, rows: rows, width: width)
                            i += rows * width
                            continue
                        }
                        // A partial row where the range starts or ends mid-row (or no vector form).
                        let run = Swift.min(width - j, range.upperBound - i)
                        if let vectorized {
                            if rowFirst {
                                VectorArithmetic.apply(vectorized, y + j, x + i, dst + i, count: run)
                            } else {
                                VectorArithmetic.apply(vectorized, x + i, y + j, dst + i, count: run)
                            }
                        } else if rowFirst {
                            for k in 0..<run { dst[i + k] = K.apply(y[j + k], x[i + k]) }
                        } else {
                            for k in 0..<run { dst[i + k] = K.apply(x[i + k], y[j + k]) }
                        }
                        i += run
                    }
                }
            }
        }
    }

    /// `zipElements`' general case for ranks up to four, with the walk's counters and strides
    /// held inline (no arrays): row-major over `shape`, padded in front with ones to rank 4.
    private static func smallRankBroadcast<K: BinaryKernel>(
        _ a: Tensor, _ b: Tensor, shape: [Int], count n: Int, dtype: DType, _ kernel: K.Type
    ) -> Tensor {
        let r = shape.count
        let lead = 4 - r
        var size = SmallIntArrays.Key(count: 4, a: 1, b: 1, c: 1, d: 1)
        for i in 0..<r { size[lead + i] = shape[i] }
        // An operand's steps, aligned on the right; 0 along the axes it is stretched over.
        func steps(_ t: Tensor) -> SmallIntArrays.Key {
            var key = SmallIntArrays.Key(count: 4)
            let start = 4 - t.rank
            for i in 0..<t.rank where t.shape[i] != 1 { key[start + i] = t.strides[i] }
            return key
        }
        let sa = steps(a)
        let sb = steps(b)
        let out = Storage.make(count: n) { dst in
            a.storage.withUnsafeBufferPointer { pa in
                b.storage.withUnsafeBufferPointer { pb in
                    guard let xa = pa.baseAddress, let xb = pb.baseAddress else { return }
                    var k = 0
                    var p0 = a.offset
                    var q0 = b.offset
                    for _ in 0..<size.a {
                        var p1 = p0
                        var q1 = q0
                        for _ in 0..<size.b {
                            var p2 = p1
                            var q2 = q1
                            for _ in 0..<size.c {
                                var p3 = p2
                                var q3 = q2
                                for _ in 0..<size.d {
                                    dst[k] = K.apply(xa[p3], xb[q3])
                                    k &+= 1
                                    p3 &+= sa.d
                                    q3 &+= sb.d
                                }
                                p2 &+= sa.c
                                q2 &+= sb.c
                            }
                            p1 &+= sa.b
                            q1 &+= sb.b
                        }
                        p0 &+= sa.a
                        q0 &+= sb.a
                    }
                }
            }
        }
        return Tensor(uncheckedShape: shape, storage: out, dtype: dtype)
    }

    /// A tensor of `count` elements whose values `body` writes, range by range, possibly on
    /// several threads.
    static func fill(
        shape: [Int], count n: Int, dtype: DType,
        _ body: (UnsafeMutablePointer<Double>, Range<Int>) -> Void
    ) -> Tensor {
        let out = Storage.make(count: n) { base in
            let dst = UncheckedSendable(base)
            Parallel.forRanges(n) { range in body(dst.value, range) }
        }
        return Tensor(uncheckedShape: shape, storage: out, dtype: dtype)
    }
}

/// Calls `body` with the storage positions of both operands for every index of `shape`, in
/// row-major order.
@inline(__always)
func forEachBroadcastPair(
    shape: [Int], stridesA: [Int], offsetA: Int, stridesB: [Int], offsetB: Int,
    _ body: (Int, Int) -> Void
) {
    let r = shape.count
    if shape.contains(0) { return }
    if r == 0 {
        body(offsetA, offsetB)
        return
    }
    let inner = shape[r - 1]
    let ia = stridesA[r - 1]
    let ib = stridesB[r - 1]
    var index = [Int](repeating: 0, count: r)
    var baseA = offsetA
    var baseB = offsetB
    while true {
        var pa = baseA
        var pb = baseB
        for _ in 0..<inner {
            body(pa, pb)
            pa &+= ia
            pb &+= ib
        }
        var axis = r - 2
        while axis >= 0 {
            index[axis] &+= 1
            baseA &+= stridesA[axis]
            baseB &+= stridesB[axis]
            if index[axis] < shape[axis] { break }
            baseA &-= stridesA[axis] &* shape[axis]
            baseB &-= stridesB[axis] &* shape[axis]
            index[axis] = 0
            axis -= 1
        }
        if axis < 0 { return }
    }
}
