import CBLAS

extension Linalg {
    /// NumPy's `linalg.solve`: `x` with `a @ x == b` for square, non-singular `a`, by LAPACK's
    /// `dgesv`.
    ///
    /// As in NumPy 2, a 1-d `b` of shape `(n,)` is one right-hand side (the result has shape
    /// `a.shape[:-1]`); otherwise `b` is a matrix `(…, n, k)` of `k` right-hand sides, and the
    /// leading dimensions of `a` and `b` broadcast. A singular `a` throws a `.linalg` error.
    public static func solve(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        let op = "solve"
        let stack = try SquareStack(a, op: op)
        let n = stack.n
        guard b.rank >= 1 else {
            throw TensorError.shape(
                "\(op): b is 0-d; it must be a vector of length \(n) or a matrix with \(n) rows",
                hint: "to divide by a scalar use / instead")
        }
        let isVector = b.rank == 1
        let rowsB = isVector ? b.shape[0] : b.shape[b.rank - 2]
        guard rowsB == n else {
            throw TensorError.shape(
                "\(op): a has shape \(formatShape(a.shape)) but b has shape \(formatShape(b.shape)) — b needs \(n) \(isVector ? "elements" : "rows"), not \(rowsB)",
                hint: isVector
                    ? "b must have one entry per row of a"
                    : "b's second-to-last dimension must equal the order of a; for a single right-hand side pass a 1-d b"
            )
        }
        let k = isVector ? 1 : b.shape[b.rank - 1]
        let batchB = isVector ? [] : Array(b.shape.dropLast(2))
        let batch: [Int]
        do {
            batch = try Tensor.broadcastShapes(stack.batchShape, batchB, op: op)
        } catch {
            throw TensorError.shape(
                "\(op): a has shape \(formatShape(a.shape)) and b has shape \(formatShape(b.shape)) — batch dimensions \(formatShape(stack.batchShape)) and \(formatShape(batchB)) cannot be broadcast",
                hint: "dimensions before the last two must match or be 1 when aligned from the right")
        }
        let shape = batch + (isVector ? [n] : [n, k])
        let count = try Tensor.checkedCount(of: shape, op: op)
        if count == 0 { return Tensor(uncheckedShape: shape, storage: []) }
        let library = try BLASLibrary.shared(op: op)
        BLASThreads.prepare(library, multiplyAdds: BLASThreads.work(n, n, n + k))
        let offsetsA = batchOffsets(
            shape: batch,
            strides: broadcastBatchStrides(
                shape: stack.batchShape,
                strides: Tensor.contiguousStrides(for: stack.batchShape).map { $0 * n * n }, to: batch),
            base: 0)
        let offsetsB = batchOffsets(
            shape: batch,
            strides: broadcastBatchStrides(
                shape: batchB, strides: Tensor.contiguousStrides(for: batchB).map { $0 * n * k }, to: batch),
            base: 0)
        let elementsB = b.contiguous().scalars
        var columnsA = [Double](repeating: 0, count: n * n)
        var columnsB = [Double](repeating: 0, count: n * k)
        var pivots = [blasint](repeating: 0, count: n)
        var order = try blasInt(n, op: op)
        var lead = order
        var rightHandSides = try blasInt(k, op: op)
        var info: blasint = 0
        var solution = [Double](repeating: 0, count: count)
        for index in 0..<offsetsA.count {
            // LAPACK wants column-major copies of the matrix and of the right-hand sides.
            stack.elements.withUnsafeBufferPointer { source in
                columnsA.withUnsafeMutableBufferPointer { target in
                    guard let from = source.baseAddress, let to = target.baseAddress else { return }
                    transposeMatrix(from + offsetsA[index], rows: n, cols: n, into: to)
                }
            }
            elementsB.withUnsafeBufferPointer { source in
                columnsB.withUnsafeMutableBufferPointer { target in
                    guard let from = source.baseAddress, let to = target.baseAddress else { return }
                    transposeMatrix(from + offsetsB[index], rows: n, cols: k, into: to)
                }
            }
            info = try columnsB.withUnsafeMutableBufferPointer { columnsB in
                try InterruptibleCall.run(
                    op, work: BLASThreads.work(n, n, n + k), outputs: [UnsafeMutableRawBufferPointer(columnsB)]
                ) {
                    var info: blasint = 0
                    library.dgesv(
                        &order, &rightHandSides, &columnsA, &lead, &pivots, columnsB.baseAddress, &lead, &info)
                    return info
                }
            }
            if info < 0 { throw lapackArgumentError("dgesv", info: info, op: op) }
            if info > 0 {
                throw TensorError.linalg(
                    "\(op): matrix is singular\(offsetsA.count > 1 ? " (batch entry \(index) of shape \(formatShape(shape)))" : ""); U[\(info - 1),\(info - 1)] of its LU factorisation is exactly zero",
                    hint:
                        "a singular system has no unique solution; for a least-squares solution use Linalg.lstsq"
                )
            }
            columnsB.withUnsafeBufferPointer { source in
                solution.withUnsafeMutableBufferPointer { target in
                    guard let from = source.baseAddress, let to = target.baseAddress else { return }
                    transposeMatrix(from, rows: k, cols: n, into: to + index * n * k)
                }
            }
        }
        return Tensor(uncheckedShape: shape, storage: solution)
    }
}
