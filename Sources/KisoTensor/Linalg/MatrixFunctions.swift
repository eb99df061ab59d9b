extension Linalg {
    /// NumPy's `linalg.pinv` for one matrix: the Moore–Penrose pseudo-inverse from the SVD,
    /// dropping singular values at or below `rcond · max(s)` (NumPy's default `rcond` is
    /// `max(m, n) · ε`).
    public static func pinv(_ a: Tensor, rcond: Double? = nil) throws -> Tensor {
        guard a.rank == 2 else {
            throw TensorError.shape(
                "pinv: expected a matrix, got shape \(formatShape(a.shape))", hint: "give a 2-d tensor")
        }
        let (m, n) = (a.shape[0], a.shape[1])
        if m == 0 || n == 0 { return try Tensor(shape: [n, m], scalars: []) }
        let parts = try svd(a, fullMatrices: false)
        guard let u = parts.u, let vh = parts.vh else { throw TensorError.linalg("pinv: the SVD gave no vectors") }
        let s = parts.s.scalars
        let cutoff = (rcond ?? Double(Swift.max(m, n)) * Double.ulpOfOne) * (s.max() ?? 0)
        let inverted = s.map { $0 > cutoff ? 1 / $0 : 0 }
        // pinv = V · (diag(1/s) · Uᵀ), grouped as NumPy groups it.
        let scaled = try Tensor.multiply(try Tensor(shape: [inverted.count, 1], scalars: inverted), u.T)
        return try vh.T.matmul(scaled)
    }

    /// NumPy's `linalg.matrix_power`: a square matrix multiplied by itself `k` times by repeated
    /// squaring; `k = 0` gives the identity and a negative `k` powers the inverse.
    public static func matrixPower(_ a: Tensor, _ k: Int) throws -> Tensor {
        guard a.rank >= 2, a.shape[a.rank - 1] == a.shape[a.rank - 2] else {
            throw TensorError.shape(
                "matrix_power: expected a square matrix, got shape \(formatShape(a.shape))",
                hint: "only square matrices can be multiplied by themselves")
        }
        let n = a.shape[a.rank - 1]
        if k == 0 {
            let identity = try Tensor.eye(n)
            return try identity.broadcast(to: a.shape).contiguous().cast(to: a.dtype)
        }
        var base = k < 0 ? try inv(a) : a
        var exponent = k.magnitude
        var result: Tensor? = nil
        while exponent > 0 {
            if exponent & 1 == 1 { result = try result.map { try $0.matmul(base) } ?? base }
            exponent >>= 1
            if exponent > 0 { base = try base.matmul(base) }
        }
        return result ?? a
    }

    /// NumPy's `linalg.matrix_rank`: how many singular values exceed `tol` (by default
    /// `max(s) · max(m, n) · ε`).
    public static func matrixRank(_ a: Tensor, tol: Double? = nil) throws -> Tensor {
        if a.rank < 2 {
            let nonzero = a.scalars.contains { $0 != 0 }
            return Tensor(nonzero ? 1 : 0, dtype: .int64)
        }
        guard a.rank == 2 else {
            throw TensorError.shape(
                "matrix_rank: expected a matrix, got shape \(formatShape(a.shape))", hint: "give a 2-d tensor")
        }
        if a.count == 0 { return Tensor(0, dtype: .int64) }
        let s = try svd(a, computeUV: false).s.scalars
        let threshold = tol ?? (s.max() ?? 0) * Double(Swift.max(a.shape[0], a.shape[1])) * Double.ulpOfOne
        return Tensor(Double(s.filter { $0 > threshold }.count), dtype: .int64)
    }
}
