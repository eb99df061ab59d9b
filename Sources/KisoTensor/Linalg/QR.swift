import CBLAS

/// The factors of `a = q @ r`, as `Linalg.qr` returns them.
public struct QRResult: Sendable {
    /// Orthonormal columns: `(…, m, k)` (reduced) or `(…, m, m)` (complete); nil in mode `r`.
    public var q: Tensor?
    /// Upper triangular: `(…, k, n)`, or `(…, m, n)` in complete mode; `k = min(m, n)`.
    public var r: Tensor
}

extension Linalg {
    /// Which factors `qr` returns, as NumPy's `mode`.
    public enum QRMode: String, Sendable, CaseIterable {
        /// Q with min(m, n) columns and R with min(m, n) rows.
        case reduced
        /// A square Q and R with m rows.
        case complete
        /// Only R, as in reduced mode.
        case r
    }

    /// NumPy's `linalg.qr`: a = Q R with orthonormal Q and upper-triangular R, batched over
    /// leading dimensions, by LAPACK's Householder factorisation (`dgeqrf`) and the product of
    /// its reflectors (`dorgqr`), exactly as NumPy calls them, so the signs are NumPy's: R's
    /// diagonal is negative wherever the reflector flipped the column.
    ///
    /// NaN and infinities propagate, as in NumPy (the factorisation does not iterate).
    ///
    /// Throws when `a` has fewer than two dimensions.
    public static func qr(_ a: Tensor, mode: QRMode = .reduced) throws -> QRResult {
        let op = "qr"
        guard a.rank >= 2 else {
            throw TensorError.shape(
                "\(op): expected a matrix or a stack of them, got a \(a.rank)-d tensor of shape \(formatShape(a.shape))",
                hint: "qr needs at least two dimensions; reshape a vector into an n×1 matrix first")
        }
        let batchShape = Array(a.shape.dropLast(2))
        let m = a.shape[a.rank - 2]
        let n = a.shape[a.rank - 1]
        let k = Swift.min(m, n)
        // Q's columns and R's rows: NumPy's `mc`.
        let qCols = mode == .complete ? m : k
        let rShape = batchShape + [qCols, n]
        let qShape = batchShape + [m, qCols]
        let batch = batchShape.reduce(1, *)
        var r = try zeroBuffer(Tensor.checkedCount(of: rShape, op: op), op: op)
        var q = mode == .r ? [] : try zeroBuffer(Tensor.checkedCount(of: qShape, op: op), op: op)
        if k == 0 {
            // Nothing to factor: Q is the identity's first columns, as dorgqr would leave it.
            if mode != .r {
                for b in 0..<batch { for i in 0..<qCols { q[b * m * qCols + i * qCols + i] = 1 } }
            }
        } else {
            let elements = a.contiguous().scalars
            let library = try BLASLibrary.shared(op: op)
            let work = BLASThreads.work(m, n, k)
            BLASThreads.prepare(library, multiplyAdds: work)
            var factored = try zeroBuffer(m * n, op: op)
            var tau = [Double](repeating: 0, count: k)
            for b in 0..<batch {
                // LAPACK is column-major: the matrix goes in transposed.
                elements.withUnsafeBufferPointer { source in
                    factored.withUnsafeMutableBufferPointer { target in
                        guard let from = source.baseAddress, let to = target.baseAddress else { return }
                        transposeMatrix(from + b * m * n, rows: m, cols: n, into: to)
                    }
                }
                try householder(library, &factored, &tau, m: m, n: n, work: work, op: op)
                // R: the upper triangle of the factored matrix's first rows.
                for i in 0..<Swift.min(qCols, n) {
                    for j in i..<n { r[b * qCols * n + i * n + j] = factored[j * m + i] }
                }
                if mode == .r { continue }
                var basis = try zeroBuffer(m * qCols, op: op)
                for i in 0..<(m * Swift.min(n, qCols)) { basis[i] = factored[i] }
                try orthonormalBasis(library, &basis, tau, m: m, columns: qCols, k: k, work: work, op: op)
                for i in 0..<m {
                    for j in 0..<qCols { q[b * m * qCols + i * qCols + j] = basis[j * m + i] }
                }
            }
        }
        return QRResult(
            q: mode == .r ? nil : Tensor(uncheckedShape: qShape, storage: q),
            r: Tensor(uncheckedShape: rShape, storage: r))
    }

    /// `dgeqrf` on one column-major m×n matrix: R above the diagonal, the reflectors below it.
    private static func householder(
        _ library: BLASLibrary, _ matrix: inout [Double], _ tau: inout [Double], m: Int, n: Int, work: Int,
        op: String
    ) throws {
        var rows = try blasInt(m, op: op)
        var cols = try blasInt(n, op: op)
        var lead = rows
        var query = 0.0
        var queryLength: blasint = -1
        var info: blasint = 0
        library.dgeqrf(&rows, &cols, &matrix, &lead, &tau, &query, &queryLength, &info)
        guard info == 0 else { throw lapackArgumentError("dgeqrf", info: info, op: op) }
        var length = try workspaceCount(query, op: op)
        var workspace = try zeroBuffer(Int(length), op: op)
        info = try matrix.withUnsafeMutableBufferPointer { a in
            try tau.withUnsafeMutableBufferPointer { t in
                let outputs = [UnsafeMutableRawBufferPointer(a), UnsafeMutableRawBufferPointer(t)]
                return try InterruptibleCall.run(op, work: work, outputs: outputs) {
                    var info: blasint = 0
                    library.dgeqrf(
                        &rows, &cols, a.baseAddress, &lead, t.baseAddress, &workspace, &length, &info)
                    return info
                }
            }
        }
        guard info == 0 else { throw lapackArgumentError("dgeqrf", info: info, op: op) }
    }

    /// `dorgqr`: the first `columns` columns of the product of the `k` reflectors stored in the
    /// column-major m×columns `basis`, in place.
    private static func orthonormalBasis(
        _ library: BLASLibrary, _ basis: inout [Double], _ tau: [Double], m: Int, columns: Int, k: Int,
        work: Int, op: String
    ) throws {
        var rows = try blasInt(m, op: op)
        var cols = try blasInt(columns, op: op)
        var reflectors = try blasInt(k, op: op)
        var lead = rows
        var query = 0.0
        var queryLength: blasint = -1
        var info: blasint = 0
        library.dorgqr(&rows, &cols, &reflectors, &basis, &lead, tau, &query, &queryLength, &info)
        guard info == 0 else { throw lapackArgumentError("dorgqr", info: info, op: op) }
        var length = try workspaceCount(query, op: op)
        var workspace = try zeroBuffer(Int(length), op: op)
        info = try basis.withUnsafeMutableBufferPointer { q in
            let outputs = [UnsafeMutableRawBufferPointer(q)]
            return try InterruptibleCall.run(op, work: work, outputs: outputs) {
                var info: blasint = 0
                library.dorgqr(
                    &rows, &cols, &reflectors, q.baseAddress, &lead, tau, &workspace, &length, &info)
                return info
            }
        }
        guard info == 0 else { throw lapackArgumentError("dorgqr", info: info, op: op) }
    }
}
