import CBLAS
import KisoBase

/// A matrix, or a stack of matrices, inside a tensor's storage, described the way BLAS reads it:
/// row-major (`transposed == false`) or column-major with a leading dimension, so transposed
/// views such as `a.T` reach `dgemm` without a copy.
struct GemmOperand {
    /// The tensor whose storage holds the matrices (a contiguous copy when the view's last two
    /// dimensions were neither row- nor column-major).
    var tensor: Tensor
    var rows: Int
    var cols: Int
    /// Whether each matrix is stored column-major (BLAS's `Trans`).
    var transposed: Bool
    /// The distance between consecutive rows (row-major) or columns (column-major).
    var leading: Int
    /// The dimensions before the last two.
    var batchShape: [Int]
    /// The storage steps of the batch dimensions.
    var batchStrides: [Int]
    /// Whether the view could not be read by BLAS as it was and was copied (NumPy then computes
    /// a product with a dimension of 1 by its own loop, not BLAS).
    var copied = false

    /// Describes `t`, which must have rank 2 or more and fit BLAS's 32-bit sizes.
    init(_ t: Tensor, op: String) throws {
        let r = t.rank
        let rows = t.shape[r - 2]
        let cols = t.shape[r - 1]
        var source = t
        var layout = GemmOperand.layout(
            rows: rows, cols: cols, rowStride: t.strides[r - 2], colStride: t.strides[r - 1])
        if layout == nil {
            source = t.contiguous()
            copied = true
            layout = GemmOperand.layout(
                rows: rows, cols: cols, rowStride: source.strides[r - 2], colStride: source.strides[r - 1])
        }
        let chosen = layout ?? (transposed: false, leading: Swift.max(1, cols))
        _ = try blasInt(rows, op: op)
        _ = try blasInt(cols, op: op)
        _ = try blasInt(chosen.leading, op: op)
        tensor = source
        self.rows = rows
        self.cols = cols
        transposed = chosen.transposed
        leading = chosen.leading
        batchShape = Array(source.shape.dropLast(2))
        batchStrides = Array(source.strides.dropLast(2))
    }

    /// How BLAS can read a `rows`×`cols` matrix with the given element steps, or nil when it
    /// cannot (a broadcast, reversed or gapped inner dimension).
    static func layout(
        rows: Int, cols: Int, rowStride: Int, colStride: Int
    )
        -> (transposed: Bool, leading: Int)?
    {
        // A dimension of size 1 is never stepped along, so its stride does not matter.
        if cols == 1 || colStride == 1 {
            if rows == 1 { return (false, Swift.max(1, cols)) }
            if rowStride >= Swift.max(1, cols) { return (false, rowStride) }
        }
        if rows == 1 || rowStride == 1 {
            if cols == 1 { return (true, Swift.max(1, rows)) }
            if colStride >= Swift.max(1, rows) { return (true, colStride) }
        }
        return nil
    }

    /// The product of every pair of matrices of `a` and `b` over the broadcast `batchShape`,
    /// row-major, `count` = batch × a.rows × b.cols elements (checked by the caller and > 0).
    static func multiply(
        _ a: GemmOperand, _ b: GemmOperand, batchShape: [Int], count: Int, op: String
    ) throws -> [Double] {
        let m = a.rows
        let k = a.cols
        let n = b.cols
        if k == 0 { return [Double](repeating: 0, count: count) }
        let library = try BLASLibrary.shared(op: op)
        // One pair of matrices (the common case) needs no table of offsets.
        let single = batchShape.isEmpty
        let offsetsA =
            single
            ? []
            : batchOffsets(
                shape: batchShape,
                strides: broadcastBatchStrides(shape: a.batchShape, strides: a.batchStrides, to: batchShape),
                base: a.tensor.offset)
        let offsetsB =
            single
            ? []
            : batchOffsets(
                shape: batchShape,
                strides: broadcastBatchStrides(shape: b.batchShape, strides: b.batchStrides, to: batchShape),
                base: b.tensor.offset)
        let batches = single ? 1 : offsetsA.count
        let firstA = single ? a.tensor.offset : offsetsA[0]
        let firstB = single ? b.tensor.offset : offsetsB[0]
        let matrixSize = m * n
        let work = BLASThreads.work(m, n, k)
        if (m == 1 || n == 1 || k == 1) && !(m == 1 && n == 1) {
            BLASThreads.prepare(library, multiplyAdds: work)
            return try thinProducts(
                a, b, library: library, m: m, n: n, k: k, count: count, op: op,
                offsetsA: single ? [firstA] : offsetsA, offsetsB: single ? [firstB] : offsetsB)
        }
        // Medium products: OpenBLAS 0.3.21 keeps most of one on a single core (or wakes its
        // threads slowly), so Kiso splits the rows itself and runs one single-threaded product per
        // core.
        let rowParts =
            batches == 1 && work >= BLASThreads.selfSplitMinimum && work <= BLASThreads.selfSplitWork
                && m >= 128 ? Parallel.coreCount : 1
        BLASThreads.prepare(library, multiplyAdds: rowParts > 1 ? 0 : work)
        // A large product runs as bands of rows of about `interruptBlock` multiply-adds each,
        // with a check for Ctrl-C between bands: one 6000³ call would run for seconds.
        let bands = rowParts > 1 ? 1 : Swift.max(1, Swift.min(m, work / BLASThreads.interruptBlock))
        var interrupted = false
        let result = [Double](unsafeUninitializedCapacity: count) { out, initialized in
            a.tensor.storage.withUnsafeBufferPointer { storageA in
                b.tensor.storage.withUnsafeBufferPointer { storageB in
                    guard let baseA = storageA.baseAddress, let baseB = storageB.baseAddress,
                        let baseC = out.baseAddress
                    else {
                        out.initialize(repeating: 0)
                        return
                    }
                    if rowParts > 1 {
                        let pointers = UncheckedSendable((baseA + firstA, baseB + firstB, baseC))
                        Parallel.forChunks(rowParts) { part in
                            let first = m * part / rowParts
                            let rows = m * (part + 1) / rowParts - first
                            let (pa, pb, pc) = pointers.value
                            // Row `first` of A: a row-major A advances by its leading dimension per
                            // row; a transposed one by one element.
                            let rowA = pa + (a.transposed ? first : first * a.leading)
                            library.dgemm(
                                CblasRowMajor,
                                a.transposed ? CblasTrans : CblasNoTrans,
                                b.transposed ? CblasTrans : CblasNoTrans,
                                blasint(rows), blasint(n), blasint(k), 1.0,
                                rowA, blasint(a.leading),
                                pb, blasint(b.leading), 0.0,
                                pc + first * n, blasint(Swift.max(1, n)))
                        }
                        return
                    }
                    for batch in 0..<batches {
                        if batches > 1 && Interruption.requested.load(ordering: .relaxed) {
                            interrupted = true
                            break
                        }
                        for band in 0..<bands {
                            if bands > 1 && Interruption.requested.load(ordering: .relaxed) {
                                interrupted = true
                                break
                            }
                            let first = m * band / bands
                            let rows = m * (band + 1) / bands - first
                            library.dgemm(
                                CblasRowMajor,
                                a.transposed ? CblasTrans : CblasNoTrans,
                                b.transposed ? CblasTrans : CblasNoTrans,
                                blasint(rows), blasint(n), blasint(k), 1.0,
                                baseA + (single ? firstA : offsetsA[batch])
                                    + (a.transposed ? first : first * a.leading),
                                blasint(a.leading),
                                baseB + (single ? firstB : offsetsB[batch]), blasint(b.leading), 0.0,
                                baseC + batch * matrixSize + first * n, blasint(Swift.max(1, n)))
                        }
                        if interrupted { break }
                    }
                }
            }
            initialized = count
        }
        if interrupted { try Interruption.check(op) }
        return result
    }

    /// Products with a dimension of 1, computed as NumPy's `matmul` computes them, so that the
    /// bits are NumPy's: a matrix times a column (or a row times a matrix) by `dgemv`, and a
    /// column times a row (k = 1), or any of them with an operand BLAS cannot read as it lies, by
    /// NumPy's own loop (0 plus the products in order). dgemm sums in another order and packs its
    /// operands, which for these shapes costs more than the arithmetic.
    private static func thinProducts(
        _ a: GemmOperand, _ b: GemmOperand, library: BLASLibrary, m: Int, n: Int, k: Int, count: Int, op: String,
        offsetsA: [Int], offsetsB: [Int]
    ) throws -> [Double] {
        // Steps between consecutive elements of a single row of A and a single column of B.
        let stepAlongRowA = a.transposed ? a.leading : 1
        let stepDownColumnA = a.transposed ? 1 : a.leading
        let stepDownColumnB = b.transposed ? 1 : b.leading
        let stepAlongRowB = b.transposed ? b.leading : 1
        let matrixSize = m * n
        var interrupted = false
        let result = [Double](unsafeUninitializedCapacity: count) { out, initialized in
            a.tensor.storage.withUnsafeBufferPointer { storageA in
                b.tensor.storage.withUnsafeBufferPointer { storageB in
                    guard let baseA = storageA.baseAddress, let baseB = storageB.baseAddress,
                        let baseC = out.baseAddress
                    else {
                        out.initialize(repeating: 0)
                        return
                    }
                    for batch in 0..<offsetsA.count {
                        if offsetsA.count > 1 && Interruption.requested.load(ordering: .relaxed) {
                            interrupted = true
                            out.initialize(repeating: 0)
                            return
                        }
                        let pa = baseA + offsetsA[batch]
                        let pb = baseB + offsetsB[batch]
                        let pc = baseC + batch * matrixSize
                        if k == 1 || a.copied || b.copied {
                            // NumPy's loop without BLAS (for k = 1, and for operands BLAS could not
                            // read as they were): each element starts at 0 and adds the products in
                            // order of p (so a single product of −0 gives +0, as there). Running j
                            // innermost keeps that order for every element and lets the row of C
                            // be updated as a vector. The indices stay inside the two storages,
                            // whose sizes are Ints, so the arithmetic cannot overflow.
                            // The first product is added to 0 as it is written, which is what
                            // zeroing the row first would give.
                            for i in 0..<m {
                                let row = pc + i &* n
                                let rowA = pa + i &* stepDownColumnA
                                for p in 0..<k {
                                    let factor = rowA[p &* stepAlongRowA]
                                    let rowB = pb + p &* stepDownColumnB
                                    switch (p == 0, stepAlongRowB == 1) {
                                    case (true, true):
                                        for j in 0..<n { (row + j).initialize(to: 0 + factor * rowB[j]) }
                                    case (true, false):
                                        for j in 0..<n {
                                            (row + j).initialize(to: 0 + factor * rowB[j &* stepAlongRowB])
                                        }
                                    case (false, true):
                                        for j in 0..<n { row[j] += factor * rowB[j] }
                                    case (false, false):
                                        for j in 0..<n { row[j] += factor * rowB[j &* stepAlongRowB] }
                                    }
                                }
                            }
                        } else if n == 1 {
                            // y = A·x, x a column of B.
                            library.dgemv(
                                CblasRowMajor, a.transposed ? CblasTrans : CblasNoTrans,
                                blasint(a.transposed ? k : m), blasint(a.transposed ? m : k), 1.0,
                                pa, blasint(a.leading), pb, blasint(stepDownColumnB), 0.0, pc, 1)
                        } else {
                            // m == 1: y = Bᵀ·x, x the row of A.
                            library.dgemv(
                                CblasRowMajor, b.transposed ? CblasNoTrans : CblasTrans,
                                blasint(b.transposed ? n : k), blasint(b.transposed ? k : n), 1.0,
                                pb, blasint(b.leading), pa, blasint(stepAlongRowA), 0.0, pc, 1)
                        }
                    }
                }
            }
            initialized = count
        }
        if interrupted { try Interruption.check(op) }
        return result
    }
}
