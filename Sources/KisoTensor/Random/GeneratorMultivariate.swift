import Glibc

/// NumPy `Generator`'s multivariate distributions.
extension Generator {
    /// Probability vectors drawn from a Dirichlet distribution (`rng.dirichlet(alpha, size)`):
    /// shape `size + [k]` for `k` concentrations. As in NumPy, normalised gammas, or stick-breaking
    /// with betas when every concentration is below 0.1 (where all gammas could underflow to 0).
    ///
    /// Throws when `alpha` is not 1-d or holds a negative value.
    public func dirichlet(alpha: Tensor, size: [Int]? = nil) throws -> Tensor {
        guard alpha.rank == 1 else {
            throw TensorError.shape(
                "dirichlet: alpha has shape \(formatShape(alpha.shape)); it must be 1-d",
                hint: "pass one concentration per category, e.g. [1, 1, 1]")
        }
        let concentrations = alpha.scalars
        if let negative = concentrations.first(where: { $0 < 0 }) {
            throw TensorError.value(
                "dirichlet: alpha contains \(negative), which is negative",
                hint: "concentrations must be 0 or more")
        }
        let k = concentrations.count
        let shape = (size ?? []) + [k]
        let count = try Tensor.checkedCount(of: shape, op: "dirichlet")
        var values = [Double](repeating: 0, count: count)
        guard k > 0 else { return RandomSupport.tensor(values, shape: shape) }
        if let largest = concentrations.max(), largest < 0.1 {
            // Right-to-left running sums: the stick left for categories j+1… .
            var tails = [Double](repeating: 0, count: k)
            var running = 0.0
            for j in stride(from: k - 1, through: 0, by: -1) {
                running += concentrations[j]
                tails[j] = running
            }
            if running > 0 {
                for start in stride(from: 0, to: count, by: k) {
                    var remaining = 1.0
                    for j in 0..<(k - 1) {
                        let v = GammaDraw.beta(concentrations[j], tails[j + 1], &bits)
                        values[start + j] = remaining * v
                        remaining *= 1.0 - v
                        if tails[j + 1] == 0 { break }
                    }
                    values[start + k - 1] = remaining
                }
            }
        } else {
            for start in stride(from: 0, to: count, by: k) {
                var total = 0.0
                for j in 0..<k {
                    values[start + j] = GammaDraw.standard(concentrations[j], &bits)
                    total = total + values[start + j]
                }
                let inverse = 1.0 / total
                for j in 0..<k { values[start + j] = values[start + j] * inverse }
            }
        }
        return RandomSupport.tensor(values, shape: shape)
    }

    /// How `multivariateNormal` factors the covariance.
    public enum CovarianceFactor: String, Sendable {
        /// U·√S from the singular value decomposition (NumPy's default).
        case svd
        /// U·√|Λ| from the symmetric eigendecomposition.
        case eigh
        /// The lower Cholesky factor.
        case cholesky
    }

    /// Multivariate normal vectors (`rng.multivariate_normal(mean, cov, size, method=…)`): shape
    /// `size + [d]`. As in NumPy, standard normals of that shape are drawn first (so the stream
    /// advances exactly as NumPy's) and mapped through `mean + z @ Aᵀ` with A·Aᵀ = cov.
    ///
    /// Throws when `mean` is not 1-d, `cov` is not a matching square matrix, or `cov` is not
    /// symmetric positive semi-definite (NumPy only warns; a sample from an invalid covariance
    /// means nothing).
    public func multivariateNormal(
        mean: Tensor, cov: Tensor, size: [Int]? = nil, method: CovarianceFactor = .svd
    ) throws -> Tensor {
        let op = "multivariate_normal"
        let d = try RandomSupport.dimension(mean: mean, cov: cov, op: op)
        let covariance = cov.cast(to: .float64)
        let factor = try covarianceFactor(covariance, method: method, op: op)
        let shape = (size ?? []) + [d]
        let z = try standardNormal(shape)
        let rows = try z.reshaped([-1, d])
        let mapped = try Tensor.add(mean.cast(to: .float64), try rows.matmul(try factor.transposed()))
        return try mapped.reshaped(shape)
    }

    /// A with A·Aᵀ = cov, by NumPy's construction for `method`; the semi-definiteness check uses
    /// NumPy's tolerance of 1e-8.
    private func covarianceFactor(_ cov: Tensor, method: CovarianceFactor, op: String) throws -> Tensor {
        let tolerance = 1e-8
        switch method {
        case .cholesky:
            return try Linalg.cholesky(cov)
        case .eigh:
            let decomposition = try Linalg.eigh(cov)
            if decomposition.eigenvalues.scalars.contains(where: { $0 < -tolerance }) {
                throw RandomSupport.notSemidefinite(op: op)
            }
            return try Tensor.multiply(decomposition.eigenvectors, decomposition.eigenvalues.abs().sqrt())
        case .svd:
            let (u, s, _) = try RandomSupport.semidefiniteSVD(cov, op: op)
            return try Tensor.multiply(u, s.sqrt())
        }
    }
}

extension RandomSupport {
    /// The length d of `mean`, checking that `mean` is 1-d and `cov` is d×d.
    static func dimension(mean: Tensor, cov: Tensor, op: String) throws -> Int {
        guard mean.rank == 1 else {
            throw TensorError.shape(
                "\(op): mean has shape \(formatShape(mean.shape)); it must be 1-d",
                hint: "pass a vector of d means")
        }
        let d = mean.shape[0]
        guard cov.shape == [d, d] else {
            throw TensorError.shape(
                "\(op): cov has shape \(formatShape(cov.shape)); a mean of length \(d) needs (\(d), \(d))",
                hint: "pass a square covariance matrix with one row per component of mean")
        }
        return d
    }

    static func notSemidefinite(op: String) -> TensorError {
        TensorError.value(
            "\(op): cov is not symmetric positive semi-definite",
            hint: "a covariance must be symmetric with eigenvalues ≥ 0, e.g. B @ B.T")
    }

    /// The SVD of a float64 covariance, checked as NumPy checks it: Vᵀ·diag(s)·V must equal
    /// `cov` to within 1e-8 (NumPy warns; a sample from an invalid covariance means nothing, so
    /// Kiso refuses it).
    static func semidefiniteSVD(_ cov: Tensor, op: String) throws -> (u: Tensor, s: Tensor, vh: Tensor) {
        let tolerance = 1e-8
        let decomposition = try Linalg.svd(cov)
        guard let u = decomposition.u, let vh = decomposition.vh else { throw notSemidefinite(op: op) }
        let s = decomposition.s
        let rebuilt = try Tensor.multiply(try vh.transposed(), s).matmul(vh)
        let close = try zip(rebuilt.scalars, cov.contiguous().scalars).allSatisfy { pair in
            guard pair.0.isFinite && pair.1.isFinite else { throw notSemidefinite(op: op) }
            return Swift.abs(pair.0 - pair.1) <= tolerance + tolerance * Swift.abs(pair.1)
        }
        if !close { throw notSemidefinite(op: op) }
        return (u, s, vh)
    }
}
