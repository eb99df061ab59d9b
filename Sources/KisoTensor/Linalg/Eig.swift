import CBLAS

/// The eigen-decomposition of a general square matrix (or a stack of them), as `Linalg.eig`
/// returns.
public struct EigResult: Sendable {
    /// The eigenvalues in the order LAPACK finds them (not sorted), shape `(…, n)`.
    public var eigenvalues: Tensor
    /// The right eigenvectors as columns, each of Euclidean norm 1, shape `(…, n, n)`:
    /// `a @ eigenvectors[…, :, i] == eigenvalues[…, i] * eigenvectors[…, :, i]`.
    public var eigenvectors: Tensor
}

extension Linalg {
    /// NumPy's `linalg.eig` for matrices with real spectra: eigenvalues and right eigenvectors,
    /// batched over leading dimensions, by LAPACK's `dgeev`.
    ///
    /// Kiso's tensors are real, so a matrix with a complex eigenvalue is refused with a `.linalg`
    /// error (symmetric matrices, whose spectra are always real, are better served by `eigh`).
    public static func eig(_ a: Tensor) throws -> EigResult {
        let (values, vectors) = try generalEigen(a, vectors: true, op: "eig")
        return EigResult(eigenvalues: values, eigenvectors: vectors)
    }

    /// NumPy's `linalg.eigvals` for matrices with real spectra (see `eig`).
    public static func eigvals(_ a: Tensor) throws -> Tensor {
        try generalEigen(a, vectors: false, op: "eigvals").values
    }

    private static func generalEigen(
        _ a: Tensor, vectors: Bool, op: String
    ) throws
        -> (values: Tensor, vectors: Tensor)
    {
        let stack = try SquareStack(a, op: op)
        try requireFinite(stack.elements, op: op)
        let n = stack.n
        let valueShape = stack.batchShape + [n]
        let valueCount = try Tensor.checkedCount(of: valueShape, op: op)
        if valueCount == 0 {
            return (
                Tensor(uncheckedShape: valueShape, storage: []),
                Tensor(uncheckedShape: stack.batchShape + [n, n], storage: [])
            )
        }
        let library = try BLASLibrary.shared(op: op)
        BLASThreads.prepare(library, multiplyAdds: BLASThreads.work(n, n, n))
        var noLeft: CChar = 78  // "N"
        var right: CChar = vectors ? 86 : 78  // "V" : "N"
        var order = try blasInt(n, op: op)
        var lead = order
        var queryInfo: blasint = 0
        var matrix = try zeroBuffer(n * n, op: op)
        var real = [Double](repeating: 0, count: n)
        var imaginary = [Double](repeating: 0, count: n)
        var unusedLeft = [0.0]
        var one: blasint = 1
        var rightVectors = try zeroBuffer(vectors ? n * n : 1, op: op)
        var rightLead: blasint = vectors ? order : 1
        var workQuery = 0.0
        var queryLength: blasint = -1
        library.dgeev(
            &noLeft, &right, &order, &matrix, &lead, &real, &imaginary, &unusedLeft, &one,
            &rightVectors, &rightLead, &workQuery, &queryLength, &queryInfo, 1, 1)
        guard queryInfo == 0 else { throw lapackArgumentError("dgeev", info: queryInfo, op: op) }
        var workLength = try workspaceCount(workQuery, op: op)
        var work = try zeroBuffer(Int(workLength), op: op)
        var vectorStorage = vectors ? try zeroBuffer(stack.elements.count, op: op) : []
        var values = [Double](repeating: 0, count: valueCount)
        for m in 0..<stack.batchCount {
            let start = m * n * n
            // dgeev needs the matrix itself in column-major order, not its transpose.
            stack.elements.withUnsafeBufferPointer { source in
                matrix.withUnsafeMutableBufferPointer { target in
                    guard let from = source.baseAddress, let to = target.baseAddress else { return }
                    transposeMatrix(from + start, rows: n, cols: n, into: to)
                }
            }
            let info = try real.withUnsafeMutableBufferPointer { real in
                try imaginary.withUnsafeMutableBufferPointer { imaginary in
                    try rightVectors.withUnsafeMutableBufferPointer { rightVectors in
                        let outputs = [
                            UnsafeMutableRawBufferPointer(real), UnsafeMutableRawBufferPointer(imaginary),
                            UnsafeMutableRawBufferPointer(rightVectors),
                        ]
                        return try InterruptibleCall.run(op, work: BLASThreads.work(n, n, n), outputs: outputs) {
                            var info: blasint = 0
                            library.dgeev(
                                &noLeft, &right, &order, &matrix, &lead, real.baseAddress, imaginary.baseAddress,
                                &unusedLeft, &one, rightVectors.baseAddress, &rightLead, &work, &workLength, &info,
                                1, 1)
                            return info
                        }
                    }
                }
            }
            if info < 0 { throw lapackArgumentError("dgeev", info: info, op: op) }
            if info > 0 {
                throw TensorError.linalg(
                    "\(op): the QR algorithm did not converge for matrix \(m) of shape \(formatShape(a.shape))",
                    hint: "check the input for NaN or infinite values")
            }
            if let k = imaginary.firstIndex(where: { $0 != 0 }) {
                throw TensorError.linalg(
                    "\(op): matrix \(m) of shape \(formatShape(a.shape)) has a complex spectrum (eigenvalue \(real[k]) \(imaginary[k] < 0 ? "-" : "+") \(abs(imaginary[k]))i)",
                    hint:
                        "Kiso's tensors are real, so eig handles only real spectra; for a symmetric matrix use Linalg.eigh"
                )
            }
            for i in 0..<n { values[m * n + i] = real[i] }
            if vectors {
                rightVectors.withUnsafeBufferPointer { source in
                    vectorStorage.withUnsafeMutableBufferPointer { target in
                        guard let from = source.baseAddress, let to = target.baseAddress else { return }
                        transposeMatrix(from, rows: n, cols: n, into: to + start)
                    }
                }
            }
        }
        return (
            Tensor(uncheckedShape: valueShape, storage: values),
            Tensor(uncheckedShape: stack.batchShape + [n, n], storage: vectorStorage)
        )
    }
}
