/// The legacy `RandomState`'s Poisson and multivariate normal samplers, as numpy/random/mtrand.pyx
/// draws them: the same Poisson algorithm as `Generator` on the Mersenne Twister's doubles, and
/// multivariate normals through the SVD of the covariance applied to the legacy polar normals.
extension RandomState {
    /// Poisson counts with mean `lam` (`rs.poisson(lam, size)`), dtype int64: multiplication of
    /// uniforms below 10, Hörmann's PTRS from 10 on. `lam` broadcasts with `size`.
    ///
    /// Throws when a rate is negative, NaN, or too large for int64 counts.
    public func poisson(lam: Tensor = Tensor(1.0), size: [Int]? = nil) throws -> Tensor {
        try RandomSupport.drawEach(
            [lam], size: size, op: "poisson", dtype: .int64, checks: [{ try PoissonDraw.checkRate($0) }]
        ) { lam in Double(PoissonDraw.draw(lam[0], &bits)) }
    }

    /// Multivariate normal vectors (`rs.multivariate_normal(mean, cov, size)`): shape
    /// `size + [d]`. As NumPy's legacy code does, standard normals of that shape are drawn, then
    /// mapped through `z @ (√s[:, None] · Vh) + mean` with `(U, s, Vh)` the SVD of `cov`.
    ///
    /// Throws when `mean` is not 1-d, `cov` is not a matching square matrix, or `cov` is not
    /// symmetric positive semi-definite to within 1e-8 (where NumPy only warns).
    public func multivariateNormal(mean: Tensor, cov: Tensor, size: [Int]? = nil) throws -> Tensor {
        let op = "multivariate_normal"
        let d = try RandomSupport.dimension(mean: mean, cov: cov, op: op)
        let shape = (size ?? []) + [d]
        let z = try standardNormal(shape).reshaped([-1, d])
        let (_, s, vh) = try RandomSupport.semidefiniteSVD(cov.cast(to: .float64), op: op)
        let factor = try Tensor.multiply(try s.sqrt().reshaped([d, 1]), vh)
        let mapped = try Tensor.add(try z.matmul(factor), mean.cast(to: .float64))
        return try mapped.reshaped(shape)
    }
}
