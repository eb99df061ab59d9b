import CBLAS

/// The singular value decomposition `a = u @ diag(s) @ vh` of a matrix (or a stack of them), as
/// `Linalg.svd` returns.
public struct SVDResult: Sendable {
    /// The left singular vectors as columns: `(…, m, m)`, or `(…, m, k)` when reduced; nil when
    /// they were not asked for.
    public var u: Tensor?
    /// The singular values in descending order, `(…, k)` with `k = min(m, n)`.
    public var s: Tensor
    /// The right singular vectors as rows: `(…, n, n)`, or `(…, k, n)` when reduced; nil when
    /// they were not asked for.
    public var vh: Tensor?
}

extension Linalg {
    /// NumPy's `linalg.svd`, batched over leading dimensions, by LAPACK's `dgesdd`.
    ///
    /// With `fullMatrices` (the default) `u` and `vh` are square; otherwise they keep only the
    /// `min(m, n)` vectors that pair with a singular value. With `computeUV: false` only the
    /// singular values are computed. Each pair of singular vectors is determined only up to a
    /// common sign.
    public static func svd(
        _ a: Tensor, fullMatrices: Bool = true, computeUV: Bool = true
    ) throws
        -> SVDResult
    {
        let op = "svd"
        guard a.rank >= 2 else {
            throw TensorError.shape(
                "\(op): expected a matrix or a stack of them, got a \(a.rank)-d tensor of shape \(formatShape(a.shape))",
                hint: "svd needs at least two dimensions; reshape a vector into a 1×n or n×1 matrix first")
        }
        let batchShape = Array(a.shape.dropLast(2))
        let m = a.shape[a.rank - 2]
        let n = a.shape[a.rank - 1]
        let k = Swift.min(m, n)
        let uCols = fullMatrices ? m : k
        let vRows = fullMatrices ? n : k
        let uShape = batchShape + [m, uCols]
        let sShape = batchShape + [k]
        let vShape = batchShape + [vRows, n]
        var singular = try zeroBuffer(Tensor.checkedCount(of: sShape, op: op), op: op)
        var left = computeUV ? try zeroBuffer(Tensor.checkedCount(of: uShape, op: op), op: op) : []
        var right = computeUV ? try zeroBuffer(Tensor.checkedCount(of: vShape, op: op), op: op) : []
        let batch = batchShape.reduce(1, *)
        if k == 0 {
            // Nothing to decompose; the full bases of an empty matrix are identities, as in NumPy.
            if computeUV {
                for b in 0..<batch {
                    for i in 0..<uCols { left[b * m * uCols + i * uCols + i] = 1 }
                    for i in 0..<vRows { right[b * vRows * n + i * n + i] = 1 }
                }
            }
        } else {
            var elements = a.contiguous().scalars
            try requireFinite(elements, op: op)
            try decompose(
                &elements, batch: batch, m: m, n: n, job: !computeUV ? 78 : fullMatrices ? 65 : 83,
                singular: &singular, left: &left, right: &right, op: op, shape: a.shape)
        }
        return SVDResult(
            u: computeUV ? Tensor(uncheckedShape: uShape, storage: left) : nil,
            s: Tensor(uncheckedShape: sShape, storage: singular),
            vh: computeUV ? Tensor(uncheckedShape: vShape, storage: right) : nil)
    }

    /// Runs `dgesdd` on every matrix. The row-major `m`×`n` buffer is, to LAPACK, the
    /// column-major `n`×`m` transpose; its decomposition `Aᵀ = U′ S V′ᵀ` gives `A = V′ S U′ᵀ`,
    /// and LAPACK's column-major `V′ᵀ` and `U′`, read row-major, are exactly `u` and `vh`.
    private static func decompose(
        _ elements: inout [Double], batch: Int, m: Int, n: Int, job: CChar,
        singular: inout [Double], left: inout [Double], right: inout [Double], op: String, shape: [Int]
    ) throws {
        let library = try BLASLibrary.shared(op: op)
        BLASThreads.prepare(library, multiplyAdds: BLASThreads.work(m, n, Swift.max(m, n)))
        let k = Swift.min(m, n)
        var job = job
        let vectors = job != 78
        let full = job == 65
        var rowsT = try blasInt(n, op: op)
        var colsT = try blasInt(m, op: op)
        var lead = rowsT
        // U′ is n×n or n×k (leading n); V′ᵀ is m×m (leading m) or k×m (leading k).
        var leadU: blasint = vectors ? rowsT : 1
        var leadVT: blasint = vectors ? (full ? colsT : try blasInt(k, op: op)) : 1
        let uCount = vectors ? n * (full ? n : k) : 0
        let vtCount = vectors ? m * (full ? m : k) : 0
        var iwork = [blasint](repeating: 0, count: try Tensor.checkedCount(of: [8, k], op: op))
        var info: blasint = 0
        var workQuery = 0.0
        var queryLength: blasint = -1
        var scratchU = [0.0]
        var scratchVT = [0.0]
        library.dgesdd(
            &job, &rowsT, &colsT, &elements, &lead, &singular, &scratchU, &leadU, &scratchVT, &leadVT,
            &workQuery, &queryLength, &iwork, &info, 1)
        guard info == 0 else { throw lapackArgumentError("dgesdd", info: info, op: op) }
        var workLength = try workspaceCount(workQuery, op: op)
        var workspace = try zeroBuffer(Int(workLength), op: op)
        let work = BLASThreads.work(m, n, Swift.max(m, n))
        for b in 0..<batch {
            try elements.withUnsafeMutableBufferPointer { matrices in
                try singular.withUnsafeMutableBufferPointer { values in
                    try left.withUnsafeMutableBufferPointer { uOut in
                        try right.withUnsafeMutableBufferPointer { vhOut in
                            guard let matrix = matrices.baseAddress, let s = values.baseAddress else { return }
                            // With no vectors requested LAPACK never touches these.
                            let vt = uOut.baseAddress.map { $0 + b * vtCount } ?? s
                            let u = vhOut.baseAddress.map { $0 + b * uCount } ?? s
                            var outputs = [UnsafeMutableRawBufferPointer(s + b * k, count: k)]
                            if vectors {
                                outputs += [
                                    UnsafeMutableRawBufferPointer(u, count: uCount),
                                    UnsafeMutableRawBufferPointer(vt, count: vtCount),
                                ]
                            }
                            let info = try InterruptibleCall.run(op, work: work, outputs: outputs) {
                                var info: blasint = 0
                                library.dgesdd(
                                    &job, &rowsT, &colsT, matrix + b * m * n, &lead, s + b * k, u, &leadU, vt,
                                    &leadVT, &workspace, &workLength, &iwork, &info, 1)
                                return info
                            }
                            if info < 0 { throw lapackArgumentError("dgesdd", info: info, op: op) }
                            if info > 0 {
                                throw TensorError.linalg(
                                    "\(op): SVD did not converge for matrix \(b) of shape \(formatShape(shape))",
                                    hint: "check the input for NaN or infinite values")
                            }
                        }
                    }
                }
            }
        }
    }
}
