import Glibc
import KisoTensor

/// The multivariate normal N(mean, cov) over vectors of length d, through the lower Cholesky
/// factor L of the covariance (cov = L·Lᵀ). The factor is computed with differentiable scalar
/// operations, so gradients reach `cov`; mean is a vector and cov one matrix (no batch).
public struct MultivariateNormal: Distribution {
    public let loc: Variable
    /// The lower-triangular L with L·Lᵀ = cov.
    public let scaleTril: Variable
    public var name: String { "MultivariateNormal" }
    public var batchShape: [Int] { [] }
    public var eventShape: [Int] { [dimension] }
    public var parameters: [(name: String, value: Variable)] { [("mean", loc), ("cov", covariance)] }
    /// d, the length of each vector.
    public var dimension: Int { loc.shape[0] }
    /// L·Lᵀ.
    public var covariance: Variable {
        (try? Variable.matmul(scaleTril, scaleTril.transposed())) ?? scaleTril
    }

    /// From a mean vector and a symmetric positive-definite covariance matrix.
    public init(mean: Variable, cov: Variable) throws {
        let d = try MultivariateNormal.checkMean(mean)
        guard cov.shape == [d, d] else {
            throw TensorError(
                .shape, "MultivariateNormal: cov has shape \(cov.shape); a mean of length \(d) needs (\(d), \(d))",
                hint: "pass a d×d covariance matrix")
        }
        loc = mean
        scaleTril = try Triangular.cholesky(cov, op: "MultivariateNormal")
    }

    /// From a mean and a lower-triangular factor with a positive diagonal.
    public init(mean: Variable, scaleTril: Variable) throws {
        let d = try MultivariateNormal.checkMean(mean)
        guard scaleTril.shape == [d, d] else {
            throw TensorError(
                .shape, "MultivariateNormal: scale_tril has shape \(scaleTril.shape); expected (\(d), \(d))",
                hint: "pass a d×d lower-triangular matrix")
        }
        let diagonal = (0..<d).map { scaleTril.value.scalars[$0 * d + $0] }
        if let bad = diagonal.first(where: { !($0 > 0) }) {
            throw TensorError(
                .value, "MultivariateNormal: scale_tril's diagonal must be positive, got \(bad)",
                hint: "the Cholesky factor of a covariance has a positive diagonal")
        }
        let lower = try Tensor.where(
            Tensor(shape: [d, d], scalars: (0..<(d * d)).map { ($0 / d) >= ($0 % d) ? 1 : 0 }, dtype: .bool),
            Tensor(1.0), Tensor(0.0))
        loc = mean.dtype == .float64 ? mean : Variable(mean.value.cast(to: .float64))
        self.scaleTril = try scaleTril * Variable(lower)
    }

    private static func checkMean(_ mean: Variable) throws -> Int {
        guard mean.rank == 1, mean.shape[0] > 0 else {
            throw TensorError(
                .shape, "MultivariateNormal: mean has shape \(mean.shape); it must be a non-empty vector",
                hint: "pass a vector of d means")
        }
        return mean.shape[0]
    }

    /// Σ log Lᵢᵢ = ½ log det cov.
    private func halfLogDeterminant() throws -> Variable {
        try Triangular.diagonal(scaleTril).log().sum()
    }

    /// −½‖L⁻¹(x − mean)‖² − ½ log det cov − (d/2) log 2π, over the last axis of x.
    public func logProb(_ x: Variable) throws -> Variable {
        guard x.shape.last == dimension else {
            throw TensorError(
                .shape,
                "MultivariateNormal.log_prob: x has shape \(x.shape); its last axis must have length \(dimension)",
                hint: "pass vectors of length \(dimension), one per row")
        }
        let z = try Triangular.solveLower(scaleTril, x - loc)
        let squared = try (z * z).sum(axes: [-1])
        return try squared * -0.5 - halfLogDeterminant() - 0.5 * Double(dimension) * Parameters.logTwoPi
    }

    public func mean() throws -> Variable { loc }
    /// The diagonal of the covariance.
    public func variance() throws -> Variable { try (scaleTril * scaleTril).sum(axes: [1]) }
    public func entropy() throws -> Variable {
        try halfLogDeterminant() + 0.5 * Double(dimension) * (1 + Parameters.logTwoPi)
    }

    /// mean + z·Lᵀ for standard normal z of shape `shape + [d]` (NumPy's
    /// `multivariate_normal(mean, cov, shape, method="cholesky")`, to rounding).
    public func sample(_ rng: Generator, _ shape: [Int]) throws -> Tensor {
        try rsample(rng, shape).value
    }

    public func rsample(_ rng: Generator, _ shape: [Int]) throws -> Variable {
        let z = try rng.standardNormal(
            try Parameters.sampleShape(shape, [], [dimension], op: "MultivariateNormal.sample"))
        return try loc + Variable.matmul(Variable(z), scaleTril.transposed())
    }
}

/// Triangular algebra written with scalar `Variable` operations, so that it is differentiable
/// (to any order) without a hand-written pullback; meant for the small matrices of covariances.
enum Triangular {
    /// The diagonal of a square matrix.
    static func diagonal(_ m: Variable) throws -> Variable {
        let d = m.shape[0]
        return try Variable.stack((0..<d).map { try m.subscripted([.int($0), .int($0)]) })
    }

    /// The lower Cholesky factor of `a` (only its lower triangle is read).
    static func cholesky(_ a: Variable, op: String) throws -> Variable {
        let d = a.shape[0]
        let values = a.value.scalars
        if let bad = values.first(where: { !$0.isFinite }) {
            throw TensorError(.value, "\(op): cov contains \(bad)", hint: "the covariance must be finite")
        }
        let zero = Variable(0.0)
        var l = [[Variable]](repeating: [Variable](repeating: zero, count: d), count: d)
        for i in 0..<d {
            for j in 0...i {
                var sum = try a.subscripted([.int(i), .int(j)])
                for k in 0..<j { sum = try sum - l[i][k] * l[j][k] }
                if i == j {
                    guard sum.value.scalars[0] > 0 else {
                        throw TensorError(
                            .value, "\(op): cov is not positive definite (pivot \(i) is \(sum.value.scalars[0]))",
                            hint:
                                "a covariance must be symmetric with positive eigenvalues, e.g. B @ B.T + 1e-6 * eye(d)"
                        )
                    }
                    l[i][i] = try sum.sqrt()
                } else {
                    l[i][j] = try sum / l[j][j]
                }
            }
        }
        return try Variable.stack(l.map { try Variable.stack($0) })
    }

    /// z with L·z = b along b's last axis (forward substitution), for lower-triangular L.
    static func solveLower(_ l: Variable, _ b: Variable) throws -> Variable {
        let d = l.shape[0]
        let lastAxis = b.rank - 1
        func component(_ v: Variable, _ i: Int) throws -> Variable {
            try v.subscripted(
                [TensorIndex](repeating: .slice(start: nil, stop: nil, step: nil), count: lastAxis) + [.int(i)])
        }
        var z: [Variable] = []
        for i in 0..<d {
            var residual = try component(b, i)
            for j in 0..<i { residual = try residual - l.subscripted([.int(i), .int(j)]) * z[j] }
            z.append(try residual / l.subscripted([.int(i), .int(i)]))
        }
        return try Variable.stack(z, axis: lastAxis)
    }
}
