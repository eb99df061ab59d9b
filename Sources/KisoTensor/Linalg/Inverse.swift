import CBLAS

extension Linalg {
    /// NumPy's `linalg.inv`: the inverse of a square matrix, or of each matrix of a stack, by
    /// LAPACK's `dgesv` against the identity. A singular matrix throws a `.linalg` error; a
    /// nearly singular one returns large, inaccurate entries, as in NumPy.
    public static func inv(_ a: Tensor) throws -> Tensor {
        let op = "inv"
        var stack = try SquareStack(a, op: op)
        let n = stack.n
        let shape = stack.batchShape + [n, n]
        if stack.elements.isEmpty { return Tensor(uncheckedShape: shape, storage: []) }
        let library = try BLASLibrary.shared(op: op)
        BLASThreads.prepare(library, multiplyAdds: BLASThreads.work(n, n, n))
        var inverse = try zeroBuffer(stack.elements.count, op: op)
        var order = try blasInt(n, op: op)
        var lead = order
        var pivots = [blasint](repeating: 0, count: n)
        var info: blasint = 0
        let batch = stack.batchCount
        for m in 0..<batch {
            let start = m * n * n
            try stack.elements.withUnsafeMutableBufferPointer { matrices in
                try inverse.withUnsafeMutableBufferPointer { result in
                    guard let matrix = matrices.baseAddress, let identity = result.baseAddress else { return }
                    for i in 0..<n { identity[start + i * n + i] = 1 }
                    // The row-major buffer is Aᵀ to LAPACK, so this solves Aᵀ X = I; X = A⁻ᵀ,
                    // stored column-major, reads back row-major as A⁻¹.
                    let outputs = [UnsafeMutableRawBufferPointer(identity + start, count: n * n)]
                    info = try InterruptibleCall.run(op, work: BLASThreads.work(n, n, n), outputs: outputs) {
                        var info: blasint = 0
                        library.dgesv(
                            &order, &order, matrix + start, &lead, &pivots, identity + start, &lead, &info)
                        return info
                    }
                    if info < 0 { throw lapackArgumentError("dgesv", info: info, op: op) }
                    if info > 0 {
                        throw TensorError.linalg(
                            "\(op): matrix is singular\(batch > 1 ? " (matrix \(m) of the stack of shape \(formatShape(a.shape)))" : ""); U[\(info - 1),\(info - 1)] of its LU factorisation is exactly zero",
                            hint:
                                "a singular matrix has no inverse; for a least-squares solution use Linalg.lstsq")
                    }
                }
            }
        }
        return Tensor(uncheckedShape: shape, storage: inverse)
    }
}
