import Glibc
import KisoBase
import KisoVectorKernels

/// Reductions over one axis, several, or all (`axes == nil`), with `keepdims`.
extension Tensor {
    /// Where a reduction's inputs lie: the shape of the result, the storage position of the
    /// first input of each result element (row-major), and the reduced run's length and stride.
    struct ReductionLayout {
        var source: Tensor
        var outShape: [Int]
        var keptShape: [Int]
        var starts: [Int]
        var runLength: Int
        var runStride: Int
    }

    /// Lays out a reduction: the reduced axes are moved last and, when they cannot be walked
    /// with one stride, copied contiguous.
    func reductionLayout(axes: [Int]?, keepdims: Bool, op: String) throws -> ReductionLayout {
        let reduced = try axes.map { try Tensor.normalizeAxes($0, rank: rank, op: op) } ?? Array(0..<rank)
        let kept = (0..<rank).filter { !reduced.contains($0) }
        var permuted = try transposed(kept + reduced)
        let runLength = reduced.reduce(1) { $0 * shape[$1] }
        let runStride: Int
        if reduced.count == 1 {
            runStride = strides[reduced[0]]
        } else {
            // Several reduced axes: make them one contiguous run.
            permuted = permuted.contiguous()
            runStride = 1
        }
        let outer = Tensor(
            view: permuted.storage, shape: kept.map { shape[$0] },
            strides: Array(permuted.strides.prefix(kept.count)), offset: permuted.offset, dtype: dtype)
        var starts: [Int] = []
        starts.reserveCapacity(outer.count)
        outer.forEachOffset { starts.append($0) }
        let keptShape = (0..<rank).map { reduced.contains($0) ? 1 : shape[$0] }
        return ReductionLayout(
            source: permuted, outShape: keepdims ? keptShape : kept.map { shape[$0] }, keptShape: keptShape,
            starts: starts, runLength: runLength, runStride: runStride)
    }

    /// Applies `kernel(first, count, stride)` to every reduced run.
    func reduce(
        axes: [Int]?, keepdims: Bool, op: String, dtype: DType,
        _ kernel: (UnsafePointer<Double>, Int, Int) throws -> Double
    ) throws -> Tensor {
        if let fast = try reduceLastAxis(axes: axes, keepdims: keepdims, op: op, dtype: dtype, kernel) {
            return fast
        }
        let layout = try reductionLayout(axes: axes, keepdims: keepdims, op: op)
        var out = [Double](repeating: 0, count: layout.starts.count)
        if layout.runLength == 0 || layout.source.storage.isEmpty {
            // Nothing to read: give the kernel a valid dummy address and no elements.
            var dummy = 0.0
            for i in out.indices { out[i] = try kernel(&dummy, 0, 1) }
        } else {
            try layout.source.storage.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                let run = layout.runLength
                let step = layout.runStride
                if layout.starts.count >= 64 && run * layout.starts.count >= Parallel.minimumParallelCount {
                    // Many independent runs: share them between cores, a block of about 2²⁴
                    // elements at a time with a look for Ctrl-C between blocks. Kernels throw
                    // only for empty runs, and these runs are not empty.
                    let starts = layout.starts
                    let src = UncheckedSendable(base)
                    let block = Swift.max(64, (1 << 24) / run)
                    try out.withUnsafeMutableBufferPointer { o in
                        guard let dst = o.baseAddress else { return }
                        let target = UncheckedSendable(dst)
                        for first in stride(from: 0, to: starts.count, by: block) {
                            try Interruption.check(op)
                            let end = Swift.min(starts.count, first + block)
                            // Split by runs, not elements: a few long runs are plenty of work per core.
                            let chunks = Swift.min(Parallel.coreCount, end - first)
                            Parallel.forChunks(chunks) { chunk in
                                let lo = first + (end - first) * chunk / chunks
                                let hi = first + (end - first) * (chunk + 1) / chunks
                                for i in lo..<hi {
                                    target.value[i] = (try? kernel(src.value + starts[i], run, step)) ?? .nan
                                }
                            }
                        }
                    }
                } else {
                    for (i, start) in layout.starts.enumerated() {
                        if run >= 1 << 16 { try Interruption.check(op) } else { try Interruption.check(op, every: i) }
                        out[i] = try kernel(base + start, run, step)
                    }
                }
            }
        }
        return Tensor(uncheckedShape: layout.outShape, storage: out, dtype: dtype)
    }

    /// `reduce` over the last axis of a small contiguous tensor (softmax's `axis=-1`): the runs
    /// are the rows, read in place, with no layout to build. The kernel sees exactly the runs
    /// the general path would give it, so results are the same to the bit.
    private func reduceLastAxis(
        axes: [Int]?, keepdims: Bool, op: String, dtype: DType,
        _ kernel: (UnsafePointer<Double>, Int, Int) throws -> Double
    ) throws -> Tensor? {
        guard let axes, axes.count == 1, rank >= 1, count > 0, count < Parallel.minimumParallelCount,
            try Tensor.normalizeAxis(axes[0], rank: rank, op: op) == rank - 1, isContiguous
        else { return nil }
        let run = shape[rank - 1]
        let rows = count / run
        // Fewer than `Parallel.minimumParallelCount` elements, so at most that many rows.
        let out = try Storage.small(count: rows) { dst in
            try storage.withUnsafeBufferPointer { source in
                guard let base = source.baseAddress else { return }
                var first = base + offset
                for i in 0..<rows {
                    dst[i] = try kernel(first, run, 1)
                    first += run
                }
            }
        }
        let outShape: [Int]
        if rank <= 4 {
            // The key written directly: a lazily mapped shape would allocate its closure's context.
            var key = SmallIntArrays.Key(count: keepdims ? rank : rank - 1)
            for axis in 0..<(rank - 1) { key[axis] = shape[axis] }
            if keepdims { key[rank - 1] = 1 }
            outShape = SmallIntArrays.array(key)
        } else {
            outShape = keepdims ? Array(shape.dropLast()) + [1] : Array(shape.dropLast())
        }
        return Tensor(uncheckedShape: outShape, storage: out, dtype: dtype)
    }

    private var accumulationType: DType { dtype == .float64 ? .float64 : .int64 }

    /// The sum of the elements (0 for none).
    public func sum(axes: [Int]? = nil, keepdims: Bool = false) throws -> Tensor {
        if let fast = try sumLeadingAxis(axes: axes, keepdims: keepdims) { return fast }
        return try reduce(axes: axes, keepdims: keepdims, op: "sum", dtype: accumulationType) { p, n, s in
            n == 0 ? 0 : pairwiseSum(p, count: n, stride: s)
        }
    }

    /// Summing down the first axis of a row-major tensor: row after row is added into the
    /// result, which reads memory in order (as NumPy does), split across cores by columns.
    private func sumLeadingAxis(axes: [Int]?, keepdims: Bool) throws -> Tensor? {
        guard let axes, axes.count == 1, rank >= 2, isContiguous,
            try Tensor.normalizeAxis(axes[0], rank: rank, op: "sum") == 0, shape[0] > 0
        else { return nil }
        let rows = shape[0]
        let width = count / rows
        var out = [Double](repeating: 0, count: width)
        try storage.withUnsafeBufferPointer { buffer in
            try out.withUnsafeMutableBufferPointer { o in
                guard let base = buffer.baseAddress, let dst = o.baseAddress else { return }
                let src = UncheckedSendable(base + offset)
                let target = UncheckedSendable(dst)
                let chunks = rows * width >= Parallel.minimumParallelCount ? Swift.min(Parallel.coreCount, width) : 1
                for j in 0..<width { dst[j] = src.value[j] }
                // Rows are added in blocks of about 2²⁴ elements, with a look for Ctrl-C between.
                let block = Swift.max(1, (1 << 24) / Swift.max(width, 1))
                for first in stride(from: 1, to: rows, by: block) {
                    try Interruption.check("sum")
                    let end = Swift.min(rows, first + block)
                    Parallel.forChunks(chunks) { chunk in
                        let lo = width * chunk / chunks
                        let hi = width * (chunk + 1) / chunks
                        let acc = target.value
                        if VectorMath.vectorKernelsAvailable {
                            // Row after row, each column's sum in the same order: the same bits.
                            VectorArithmetic.accumulate(
                                rows: src.value + first * width + lo, count: end - first, width: hi - lo, stride: width,
                                into: acc + lo)
                        } else {
                            for r in first..<end {
                                let row = src.value + r * width
                                for j in lo..<hi { acc[j] += row[j] }
                            }
                        }
                    }
                }
            }
        }
        var outShape = Array(shape.dropFirst())
        if keepdims { outShape.insert(1, at: 0) }
        return Tensor(uncheckedShape: outShape, storage: out, dtype: accumulationType)
    }

    /// The arithmetic mean (nan for no elements).
    public func mean(axes: [Int]? = nil, keepdims: Bool = false) throws -> Tensor {
        let total = try sum(axes: axes, keepdims: keepdims)
        let n = Double(count / Swift.max(total.count, 1))
        let divisor = count == 0 ? 0 : n
        return total.mapElements(dtype: .float64) { $0 / divisor }
    }

    /// The variance with `ddof` delta degrees of freedom: Σ(x − mean)² / (n − ddof).
    public func variance(axes: [Int]? = nil, ddof: Int = 0, keepdims: Bool = false) throws -> Tensor {
        try Variable(self).variance(axes: axes, ddof: ddof, keepdims: keepdims).value
    }

    /// The standard deviation: the square root of `variance`.
    public func std(axes: [Int]? = nil, ddof: Int = 0, keepdims: Bool = false) throws -> Tensor {
        try Variable(self).std(axes: axes, ddof: ddof, keepdims: keepdims).value
    }

    /// The product of the elements (1 for none).
    public func prod(axes: [Int]? = nil, keepdims: Bool = false) throws -> Tensor {
        try reduce(axes: axes, keepdims: keepdims, op: "prod", dtype: accumulationType) { p, n, s in
            var result = 1.0
            for i in 0..<n { result *= p[i * s] }
            return result
        }
    }

    /// The largest element; nan if any is nan. An empty reduction is an error.
    public func max(axes: [Int]? = nil, keepdims: Bool = false) throws -> Tensor {
        try extreme(axes: axes, keepdims: keepdims, op: "max") { $0 > $1 }
    }

    /// The smallest element; nan if any is nan. An empty reduction is an error.
    public func min(axes: [Int]? = nil, keepdims: Bool = false) throws -> Tensor {
        try extreme(axes: axes, keepdims: keepdims, op: "min") { $0 < $1 }
    }

    private func extreme(
        axes: [Int]?, keepdims: Bool, op: String, _ better: @escaping (Double, Double) -> Bool
    ) throws -> Tensor {
        try reduce(axes: axes, keepdims: keepdims, op: op, dtype: dtype) { p, n, s in
            guard n > 0 else { throw emptyReduction(op) }
            var best = p[0]
            if best.isNaN { return best }
            for i in 1..<Swift.max(n, 1) {
                let v = p[i * s]
                if v.isNaN { return v }
                if better(v, best) { best = v }
            }
            return best
        }
    }

    /// The position of the largest element along `axis` (of the flattened tensor when nil);
    /// the first one on ties, and the first nan if there is one.
    public func argmax(axis: Int? = nil, keepdims: Bool = false) throws -> Tensor {
        try argExtreme(axis: axis, keepdims: keepdims, op: "argmax") { $0 > $1 }
    }

    /// The position of the smallest element along `axis` (of the flattened tensor when nil).
    public func argmin(axis: Int? = nil, keepdims: Bool = false) throws -> Tensor {
        try argExtreme(axis: axis, keepdims: keepdims, op: "argmin") { $0 < $1 }
    }

    private func argExtreme(
        axis: Int?, keepdims: Bool, op: String, _ better: @escaping (Double, Double) -> Bool
    ) throws -> Tensor {
        let source = axis == nil ? flattened() : self
        let result = try source.reduce(axes: [axis ?? 0], keepdims: keepdims, op: op, dtype: .int64) { p, n, s in
            guard n > 0 else { throw emptyReduction(op) }
            var best = p[0]
            var index = 0
            if best.isNaN { return 0 }
            for i in 1..<Swift.max(n, 1) {
                let v = p[i * s]
                if v.isNaN { return Double(i) }
                if better(v, best) {
                    best = v
                    index = i
                }
            }
            return Double(index)
        }
        if axis == nil && keepdims { return try result.reshaped(Array(repeating: 1, count: rank)) }
        return result
    }

    /// Whether any element is non-zero.
    public func any(axes: [Int]? = nil, keepdims: Bool = false) throws -> Tensor {
        try reduce(axes: axes, keepdims: keepdims, op: "any", dtype: .bool) { p, n, s in
            for i in 0..<n where p[i * s] != 0 { return 1 }
            return 0
        }
    }

    /// Whether every element is non-zero.
    public func all(axes: [Int]? = nil, keepdims: Bool = false) throws -> Tensor {
        try reduce(axes: axes, keepdims: keepdims, op: "all", dtype: .bool) { p, n, s in
            for i in 0..<n where p[i * s] == 0 { return 0 }
            return 1
        }
    }

    /// log Σ eˣ, computed stably by shifting by the maximum (as scipy's `logsumexp`).
    public func logsumexp(axes: [Int]? = nil, keepdims: Bool = false) throws -> Tensor {
        try reduce(axes: axes, keepdims: keepdims, op: "logsumexp", dtype: .float64) { p, n, s in
            guard n > 0 else { return -.infinity }
            var m = -Double.infinity
            for i in 0..<n {
                let v = p[i * s]
                if v.isNaN { return v }
                if v > m { m = v }
            }
            if !m.isFinite { m = m == .infinity ? m : 0 }
            if m == .infinity { return .infinity }
            var total = 0.0
            for i in 0..<n { total += Glibc.exp(p[i * s] - m) }
            return Glibc.log(total) + m
        }
    }

    /// Running sums along `axis` (of the flattened tensor when nil).
    public func cumsum(axis: Int? = nil) throws -> Tensor {
        try accumulate(axis: axis, op: "cumsum", initial: 0) { $0 + $1 }
    }

    /// Running products along `axis` (of the flattened tensor when nil).
    public func cumprod(axis: Int? = nil) throws -> Tensor {
        try accumulate(axis: axis, op: "cumprod", initial: 1) { $0 * $1 }
    }

    private func accumulate(
        axis: Int?, op: String, initial: Double, _ combine: (Double, Double) -> Double
    ) throws -> Tensor {
        let source = axis == nil ? flattened() : contiguous()
        let ax = try Tensor.normalizeAxis(axis ?? 0, rank: source.rank, op: op)
        var out = source.storage
        let size = source.shape[ax]
        let inner = source.shape[(ax + 1)...].reduce(1, *)
        let outer = source.shape[..<ax].reduce(1, *)
        for o in 0..<outer {
            for j in 0..<inner {
                if size >= 1 << 16 {
                    try Interruption.check(op)
                } else {
                    try Interruption.check(op, every: o * inner + j)
                }
                var running = initial
                for i in 0..<size {
                    let k = (o * size + i) * inner + j
                    running = combine(running, out[k])
                    out[k] = running
                }
            }
        }
        return Tensor(uncheckedShape: source.shape, storage: out, dtype: accumulationType)
    }
}

/// The error for max, min, argmax or argmin over no elements.
func emptyReduction(_ op: String) -> TensorError {
    TensorError(
        .empty, "\(op): cannot take the \(op) of an empty sequence (a zero-size reduction has no identity)",
        hint: "check the axis you reduce over has at least one element")
}
