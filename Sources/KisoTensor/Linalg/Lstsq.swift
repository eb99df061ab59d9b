import CBLAS

/// A least-squares solution, as `Linalg.lstsq` returns it (NumPy's four results).
public struct LstsqResult: Sendable {
    /// The `x` minimising `‖b - a @ x‖`, of shape `(n,)` or `(n, k)` like `b`; the one of
    /// least norm when `a` is rank-deficient.
    public var solution: Tensor
    /// The squared residual norm of each column of `b`, shape `(k,)` (`(1,)` for a 1-d `b`);
    /// empty, as in NumPy, unless `a` has full column rank `n` and more rows than columns.
    public var residuals: Tensor
    /// The effective rank of `a`.
    public var rank: Int
    /// The singular values of `a`, descending, shape `(min(m, n),)`.
    public var singularValues: Tensor
}

extension Linalg {
    /// NumPy's `linalg.lstsq`: the least-squares solution of `a @ x = b` for an `m`×`n` matrix
    /// `a` and a vector `(m,)` or matrix `(m, k)` `b`, by LAPACK's SVD-based `dgelsd`.
    ///
    /// Singular values at most `rcond` times the largest are treated as zero; by default
    /// `rcond` is machine epsilon times `max(m, n)`, NumPy's `rcond=None`.
    public static func lstsq(_ a: Tensor, _ b: Tensor, rcond: Double? = nil) throws -> LstsqResult {
        let op = "lstsq"
        guard a.rank == 2, b.rank == 1 || b.rank == 2 else {
            throw TensorError.shape(
                "\(op): a has shape \(formatShape(a.shape)) and b has shape \(formatShape(b.shape)); expected a 2-d a and a 1-d or 2-d b",
                hint: "lstsq solves one system at a time: a is (m, n), b is (m,) or (m, k)")
        }
        let m = a.shape[0]
        let n = a.shape[1]
        let isVector = b.rank == 1
        guard b.shape[0] == m else {
            throw TensorError.shape(
                "\(op): a has shape \(formatShape(a.shape)) but b has shape \(formatShape(b.shape)) — b needs \(m) rows, not \(b.shape[0])",
                hint: "a and b must have the same number of rows (one per equation)")
        }
        let k = isVector ? 1 : b.shape[1]
        let library = try BLASLibrary.shared(op: op)
        BLASThreads.prepare(library, multiplyAdds: BLASThreads.work(m, n, Swift.max(m, n)))
        // LAPACK cannot take zero right-hand sides; solve for one zero column and drop it, as NumPy.
        let columns = Swift.max(k, 1)
        let leadB = Swift.max(1, m, n)
        var rows = try blasInt(m, op: op)
        var cols = try blasInt(n, op: op)
        var rightHandSides = try blasInt(columns, op: op)
        var leadA = try blasInt(Swift.max(1, m), op: op)
        var leadRHS = try blasInt(leadB, op: op)
        var matrix = try zeroBuffer(Tensor.checkedCount(of: [m, n], op: op), op: op)
        var rhs = try zeroBuffer(Tensor.checkedCount(of: [leadB, columns], op: op), op: op)
        let elementsA = a.contiguous().scalars
        let elementsB = b.contiguous().scalars
        try requireFinite(elementsA, op: op, name: "a")
        try requireFinite(elementsB, op: op, name: "b")
        for i in 0..<m {
            for j in 0..<n { matrix[j * m + i] = elementsA[i * n + j] }
            for j in 0..<k { rhs[j * leadB + i] = elementsB[i * k + j] }
        }
        var singular = [Double](repeating: 0, count: Swift.min(m, n))
        var threshold = rcond ?? Double.ulpOfOne * Double(Swift.max(m, n))
        var rank: blasint = 0
        var info: blasint = 0
        var workQuery = 0.0
        var iworkQuery: blasint = 0
        var queryLength: blasint = -1
        library.dgelsd(
            &rows, &cols, &rightHandSides, &matrix, &leadA, &rhs, &leadRHS, &singular, &threshold, &rank,
            &workQuery, &queryLength, &iworkQuery, &info)
        guard info == 0 else { throw lapackArgumentError("dgelsd", info: info, op: op) }
        var workLength = try workspaceCount(workQuery, op: op)
        var work = try zeroBuffer(Int(workLength), op: op)
        var iwork = [blasint](repeating: 0, count: Int(Swift.max(iworkQuery, 1)))
        info = try rhs.withUnsafeMutableBufferPointer { rhs in
            try singular.withUnsafeMutableBufferPointer { singular in
                try withUnsafeMutableBytes(of: &rank) { rankBytes in
                    let outputs = [
                        UnsafeMutableRawBufferPointer(rhs), UnsafeMutableRawBufferPointer(singular), rankBytes,
                    ]
                    let rank = rankBytes.baseAddress?.assumingMemoryBound(to: blasint.self)
                    return try InterruptibleCall.run(
                        op, work: BLASThreads.work(m, n, Swift.max(m, n)), outputs: outputs
                    ) {
                        var info: blasint = 0
                        library.dgelsd(
                            &rows, &cols, &rightHandSides, &matrix, &leadA, rhs.baseAddress, &leadRHS,
                            singular.baseAddress, &threshold, rank, &work, &workLength, &iwork, &info)
                        return info
                    }
                }
            }
        }
        if info < 0 { throw lapackArgumentError("dgelsd", info: info, op: op) }
        if info > 0 {
            throw TensorError.linalg(
                "\(op): SVD did not converge in linear least squares for a of shape \(formatShape(a.shape))",
                hint: "check the inputs for NaN or infinite values")
        }
        var solution = [Double](repeating: 0, count: n * k)
        if m > 0 {
            for i in 0..<n {
                for j in 0..<k { solution[i * k + j] = rhs[j * leadB + i] }
            }
        }
        // The rows of b beyond n hold the residual of each column once a has full column rank.
        var residuals: [Double] = []
        if Int(rank) == n && m > n {
            residuals = (0..<k).map { j in
                (n..<m).reduce(0.0) { sum, i in sum + rhs[j * leadB + i] * rhs[j * leadB + i] }
            }
        }
        return LstsqResult(
            solution: Tensor(uncheckedShape: isVector ? [n] : [n, k], storage: solution),
            residuals: Tensor(uncheckedShape: [residuals.count], storage: residuals),
            rank: Int(rank),
            singularValues: Tensor(uncheckedShape: [singular.count], storage: singular))
    }
}
