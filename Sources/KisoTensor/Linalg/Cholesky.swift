import Glibc
import KisoBase

extension Linalg {
    /// NumPy's `linalg.cholesky`: the lower-triangular L with L·Lᵀ = a for symmetric
    /// positive-definite matrices, batched over leading dimensions. Only the lower triangle of
    /// `a` is read, as LAPACK's `potrf` reads it.
    ///
    /// Computed row by row in Swift (Cholesky–Banachiewicz) rather than by LAPACK: the matrices
    /// Kiso factors are small (covariances), and a fixed summation order keeps the factor the
    /// same on every machine.
    ///
    /// Throws when a matrix is not square, holds a non-finite value, or is not positive definite.
    public static func cholesky(_ a: Tensor) throws -> Tensor {
        let op = "cholesky"
        let stack = try SquareStack(a, op: op)
        try requireFinite(stack.elements, op: op)
        let n = stack.n
        var factor = [Double](repeating: 0, count: stack.elements.count)
        for m in 0..<stack.batchCount {
            let base = m * n * n
            for i in 0..<n {
                // A row costs i²/2 multiply-adds: checking before each keeps Ctrl-C prompt.
                try Interruption.check(op)
                for j in 0...i {
                    var sum = stack.elements[base + i * n + j]
                    for k in 0..<j { sum -= factor[base + i * n + k] * factor[base + j * n + k] }
                    if i == j {
                        guard sum > 0 else {
                            throw TensorError.linalg(
                                "cholesky: matrix \(stack.batchCount > 1 ? "\(m) " : "")is not positive definite (pivot \(i) is \(sum))",
                                hint:
                                    "a covariance must be symmetric with positive eigenvalues; add a small multiple of the identity if it is only semi-definite"
                            )
                        }
                        factor[base + i * n + i] = sqrt(sum)
                    } else {
                        factor[base + i * n + j] = sum / factor[base + j * n + j]
                    }
                }
            }
        }
        return Tensor(uncheckedShape: a.shape, storage: factor)
    }
}
