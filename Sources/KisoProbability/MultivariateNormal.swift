import Glibc
import KisoTensor

/// The multivariate normal N(mean, cov) over vectors of length d, through the lower Cholesky
/// factor L of the covariance (cov = L·Lᵀ). The factor is computed with differentiable scalar
/// operations, so gradients reach `cov`. Like `torch.distributions`, the mean may be a batch of
/// vectors (shape `batch + [d]`) and the covariance a batch of matrices (`batch + [d, d]`); the
/// two batch shapes broadcast together into `batchShape`.
public struct MultivariateNormal: Distribution {
    /// The mean, broadcast to `batchShape + [d]`.
    public let loc: Variable
    /// The lower-triangular L with L·Lᵀ = cov, broadcast to `batchShape + [d, d]`.
    public let scaleTril: Variable
    public let batchShape: [Int]
    public var name: String { "MultivariateNormal" }
    public var eventShape: [Int] { [dimension] }
    public var parameters: [(name: String, value: Variable)] { [("mean", loc), ("cov", covariance)] }
    /// d, the length of each vector.
    public var dimension: Int { loc.shape[loc.rank - 1] }
    /// L·Lᵀ, for each distribution of the batch.
    public var covariance: Variable {
        (try? Variable.matmul(scaleTril, scaleTril.swappingLastTwoAxes())) ?? scaleTril
    }

    /// From a mean (or a batch of them) and a symmetric positive-definite covariance matrix (or a
    /// batch of them).
    public init(mean: Variable, cov: Variable) throws {
        let d = try MultivariateNormal.checkMean(mean)
        guard cov.rank >= 2, cov.shape[cov.rank - 2] == d, cov.shape[cov.rank - 1] == d else {
            throw TensorError(
                .shape, "MultivariateNormal: cov has shape \(cov.shape); a mean of length \(d) needs (…, \(d), \(d))",
                hint: "pass a d×d covariance matrix, or a batch of them")
        }
        try self.init(mean: mean, lower: try Triangular.cholesky(cov, op: "MultivariateNormal"))
    }

    /// From a mean and a lower-triangular factor with a positive diagonal (either may be a batch).
    public init(mean: Variable, scaleTril: Variable) throws {
        let d = try MultivariateNormal.checkMean(mean)
        guard scaleTril.rank >= 2, scaleTril.shape[scaleTril.rank - 2] == d, scaleTril.shape[scaleTril.rank - 1] == d
        else {
            throw TensorError(
                .shape, "MultivariateNormal: scale_tril has shape \(scaleTril.shape); expected (…, \(d), \(d))",
                hint: "pass a d×d lower-triangular matrix, or a batch of them")
        }
        let values = scaleTril.value.contiguous().scalars
        for start in stride(from: 0, to: values.count, by: d * d) {
            if let bad = (0..<d).map({ values[start + $0 * d + $0] }).first(where: { !($0 > 0) }) {
                throw TensorError(
                    .value, "MultivariateNormal: scale_tril's diagonal must be positive, got \(bad)",
                    hint: "the Cholesky factor of a covariance has a positive diagonal")
            }
        }
        let lower = try Tensor.where(
            Tensor(shape: [d, d], scalars: (0..<(d * d)).map { ($0 / d) >= ($0 % d) ? 1 : 0 }, dtype: .bool),
            Tensor(1.0), Tensor(0.0))
        try self.init(mean: mean, lower: try scaleTril * Variable(lower))
    }

    /// Broadcasts a mean and a lower factor into one batch.
    private init(mean: Variable, lower: Variable) throws {
        let d = mean.shape[mean.rank - 1]
        let meanBatch = Array(mean.shape.dropLast())
        let covarianceBatch = Array(lower.shape.dropLast(2))
        guard let batch = try? Tensor.broadcastShapes(meanBatch, covarianceBatch, op: "MultivariateNormal") else {
            throw TensorError(
                .shape,
                "MultivariateNormal: the mean's batch shape \(formatShape(meanBatch)) and the covariance's \(formatShape(covarianceBatch)) cannot be broadcast together",
                hint: "a mean of shape batch + (d,) and a covariance of shape batch + (d, d) need batch shapes that match or are 1 when aligned from the right")
        }
        let float = mean.dtype == .float64 ? mean : Variable(mean.value.cast(to: .float64))
        loc = float.shape == batch + [d] ? float : try float.broadcast(to: batch + [d])
        scaleTril = lower.shape == batch + [d, d] ? lower : try lower.broadcast(to: batch + [d, d])
        batchShape = batch
    }

    private static func checkMean(_ mean: Variable) throws -> Int {
        guard mean.rank >= 1, let d = mean.shape.last, d > 0 else {
            throw TensorError(
                .shape, "MultivariateNormal: mean has shape \(mean.shape); it must be a non-empty vector (or a batch of them)",
                hint: "pass a vector of d means")
        }
        return d
    }

    /// Σ log Lᵢᵢ = ½ log det cov, for each distribution of the batch.
    private func halfLogDeterminant() throws -> Variable {
        try Triangular.diagonal(scaleTril).log().sum(axes: [-1])
    }

    /// −½‖L⁻¹(x − mean)‖² − ½ log det cov − (d/2) log 2π, over the last axis of x.
    public func logProb(_ x: Variable) throws -> Variable {
        guard x.rank >= 1, x.shape.last == dimension else {
            throw TensorError(
                .shape,
                "MultivariateNormal.log_prob: x has shape \(x.shape); its last axis must have length \(dimension)",
                hint: "pass vectors of length \(dimension), one per row")
        }
        guard (try? Tensor.broadcastShapes(Array(x.shape.dropLast()), batchShape, op: "log_prob")) != nil else {
            throw TensorError(
                .shape,
                "MultivariateNormal.log_prob: x has shape \(formatShape(x.shape)), whose vectors cannot be broadcast against the batch shape \(formatShape(batchShape))",
                hint: "pass vectors of length \(dimension) whose leading axes end in the batch shape, e.g. one vector per member")
        }
        let z = try Triangular.solveLower(scaleTril, x - loc)
        let squared = try (z * z).sum(axes: [-1])
        return try squared * -0.5 - halfLogDeterminant() - 0.5 * Double(dimension) * Parameters.logTwoPi
    }

    public func mean() throws -> Variable { loc }
    /// The diagonal of the covariance.
    public func variance() throws -> Variable { try (scaleTril * scaleTril).sum(axes: [-1]) }
    public func entropy() throws -> Variable {
        try halfLogDeterminant() + 0.5 * Double(dimension) * (1 + Parameters.logTwoPi)
    }

    /// mean + L·z for standard normal z of shape `shape + batchShape + [d]` (for one
    /// distribution, NumPy's `multivariate_normal(mean, cov, shape, method="cholesky")`, to rounding).
    public func sample(_ rng: Generator, _ shape: [Int]) throws -> Tensor {
        try rsample(rng, shape).value
    }

    public func rsample(_ rng: Generator, _ shape: [Int]) throws -> Variable {
        let z = Variable(
            try rng.standardNormal(
                try Parameters.sampleShape(shape, batchShape, [dimension], op: "MultivariateNormal.sample")))
        if batchShape.isEmpty { return try loc + Variable.matmul(z, scaleTril.transposed()) }
        // (L·z)ᵢ = Σⱼ Lᵢⱼ zⱼ, each draw with its own distribution's factor.
        return try loc + (scaleTril * z.expandingDims(-2)).sum(axes: [-1])
    }
}

/// Triangular algebra written with scalar `Variable` operations, so that it is differentiable
/// (to any order) without a hand-written pullback; meant for the small matrices of covariances.
/// Matrices are the last two axes; any axes before them are a batch, computed all at once.
enum Triangular {
    /// m[…, i, j]: one entry of every matrix in the batch.
    static func entry(_ m: Variable, _ i: Int, _ j: Int) throws -> Variable {
        try m.subscripted(
            [TensorIndex](repeating: .slice(start: nil, stop: nil, step: nil), count: m.rank - 2) + [.int(i), .int(j)])
    }

    /// The diagonals of square matrices: shape `batch + [d]`.
    static func diagonal(_ m: Variable) throws -> Variable {
        let d = m.shape[m.rank - 1]
        return try Variable.stack((0..<d).map { try entry(m, $0, $0) }, axis: m.rank - 2)
    }

    /// The lower Cholesky factors of `a`'s matrices (only their lower triangles are read).
    static func cholesky(_ a: Variable, op: String) throws -> Variable {
        let d = a.shape[a.rank - 1]
        let batch = Array(a.shape.dropLast(2))
        if let bad = a.value.scalars.first(where: { !$0.isFinite }) {
            throw TensorError(.value, "\(op): cov contains \(bad)", hint: "the covariance must be finite")
        }
        let zero = Variable(try Tensor.zeros(batch))
        var l = [[Variable]](repeating: [Variable](repeating: zero, count: d), count: d)
        for i in 0..<d {
            for j in 0...i {
                var sum = try entry(a, i, j)
                for k in 0..<j { sum = try sum - l[i][k] * l[j][k] }
                if i == j {
                    if let pivot = sum.value.scalars.first(where: { !($0 > 0) }) {
                        throw TensorError(
                            .value, "\(op): cov is not positive definite (pivot \(i) is \(pivot))",
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
        return try Variable.stack(l.map { try Variable.stack($0, axis: batch.count) }, axis: batch.count)
    }

    /// z with L·z = b along b's last axis (forward substitution), for lower-triangular L; the
    /// batch axes of L broadcast against the axes of b before its last.
    static func solveLower(_ l: Variable, _ b: Variable) throws -> Variable {
        let d = l.shape[l.rank - 1]
        let lastAxis = b.rank - 1
        func component(_ v: Variable, _ i: Int) throws -> Variable {
            try v.subscripted(
                [TensorIndex](repeating: .slice(start: nil, stop: nil, step: nil), count: lastAxis) + [.int(i)])
        }
        var z: [Variable] = []
        for i in 0..<d {
            var residual = try component(b, i)
            for j in 0..<i { residual = try residual - entry(l, i, j) * z[j] }
            z.append(try residual / entry(l, i, i))
        }
        return try Variable.stack(z, axis: z[0].rank)
    }
}
