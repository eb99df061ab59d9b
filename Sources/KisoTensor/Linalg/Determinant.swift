import CBLAS
import Glibc

/// The sign and the natural logarithm of the absolute value of a determinant, as
/// `Linalg.slogdet` returns them.
public struct SlogdetResult: Sendable {
    /// 1, -1, or 0 for a singular matrix; shape `(…)`.
    public var sign: Tensor
    /// `log|det|`, or -inf for a singular matrix; shape `(…)`.
    public var logabsdet: Tensor
}

extension Linalg {
    /// NumPy's `linalg.det`: the determinant of a square matrix, or of each matrix of a stack,
    /// from an LU factorisation (`dgetrf`). A singular matrix gives 0, not an error; the
    /// determinant of a 0×0 matrix is 1.
    public static func det(_ a: Tensor) throws -> Tensor {
        let parts = try signAndLogDeterminant(a, op: "det")
        // As NumPy does, sign · exp(log|det|): the log-sum does not overflow midway.
        var values = [Double](repeating: 0, count: parts.signs.count)
        for i in values.indices { values[i] = parts.signs[i] * exp(parts.logs[i]) }
        return Tensor(uncheckedShape: parts.batchShape, storage: values)
    }

    /// NumPy's `linalg.slogdet`: the sign and log-absolute-value of the determinant, which stay
    /// representable when the determinant itself would overflow or underflow.
    public static func slogdet(_ a: Tensor) throws -> SlogdetResult {
        let parts = try signAndLogDeterminant(a, op: "slogdet")
        return SlogdetResult(
            sign: Tensor(uncheckedShape: parts.batchShape, storage: parts.signs),
            logabsdet: Tensor(uncheckedShape: parts.batchShape, storage: parts.logs))
    }

    private static func signAndLogDeterminant(
        _ a: Tensor, op: String
    ) throws
        -> (batchShape: [Int], signs: [Double], logs: [Double])
    {
        var stack = try SquareStack(a, op: op)
        let n = stack.n
        let batch = stack.batchCount
        var signs = [Double](repeating: 1, count: batch)
        var logs = [Double](repeating: 0, count: batch)
        if n == 0 || batch == 0 { return (stack.batchShape, signs, logs) }
        let library = try BLASLibrary.shared(op: op)
        BLASThreads.prepare(library, multiplyAdds: BLASThreads.work(n, n, n))
        var order = try blasInt(n, op: op)
        var lead = order
        var pivots = [blasint](repeating: 0, count: n)
        var info: blasint = 0
        for m in 0..<batch {
            let start = m * n * n
            // The factorisation of Aᵀ: det(Aᵀ) = det(A).
            try stack.elements.withUnsafeMutableBufferPointer { matrices in
                guard let matrix = matrices.baseAddress else { return }
                info = try pivots.withUnsafeMutableBufferPointer { pivots in
                    let outputs = [
                        UnsafeMutableRawBufferPointer(matrix + start, count: n * n),
                        UnsafeMutableRawBufferPointer(pivots),
                    ]
                    return try InterruptibleCall.run(op, work: BLASThreads.work(n, n, n), outputs: outputs) {
                        var info: blasint = 0
                        library.dgetrf(&order, &order, matrix + start, &lead, pivots.baseAddress, &info)
                        return info
                    }
                }
                if info < 0 { throw lapackArgumentError("dgetrf", info: info, op: op) }
                if info > 0 {
                    signs[m] = 0
                    logs[m] = -.infinity
                    return
                }
                var sign = 1.0
                var log = 0.0
                for i in 0..<n {
                    let diagonal = matrix[start + i * n + i]
                    if pivots[i] != blasint(i + 1) { sign = -sign }
                    if diagonal < 0 { sign = -sign }
                    log += Glibc.log(abs(diagonal))
                }
                signs[m] = sign
                logs[m] = log
            }
        }
        return (stack.batchShape, signs, logs)
    }
}
