import CBLAS

/// The eigen-decomposition of a symmetric matrix (or a stack of them), as `Linalg.eigh` returns.
public struct EighResult: Sendable {
    /// The eigenvalues in ascending order, shape `(…, n)`.
    public var eigenvalues: Tensor
    /// The orthonormal eigenvectors as columns, shape `(…, n, n)`: `eigenvectors[…, :, i]`
    /// belongs to `eigenvalues[…, i]`.
    public var eigenvectors: Tensor
}

extension Linalg {
    /// NumPy's `linalg.eigh`: eigenvalues (ascending) and eigenvectors of real symmetric
    /// matrices, batched over leading dimensions, by LAPACK's `dsyevd`.
    ///
    /// Only one triangle is read, as in NumPy: the lower one for `uplo: "L"` (the default), the
    /// upper for `"U"`. Each eigenvector is determined only up to sign.
    public static func eigh(_ a: Tensor, uplo: String = "L") throws -> EighResult {
        let (values, vectors) = try symmetricEigen(a, uplo: uplo, vectors: true, op: "eigh")
        return EighResult(eigenvalues: values, eigenvectors: vectors)
    }

    /// NumPy's `linalg.eigvalsh`: the eigenvalues (ascending) of real symmetric matrices.
    public static func eigvalsh(_ a: Tensor, uplo: String = "L") throws -> Tensor {
        try symmetricEigen(a, uplo: uplo, vectors: false, op: "eigvalsh").values
    }

    private static func symmetricEigen(
        _ a: Tensor, uplo: String, vectors: Bool, op: String
    ) throws
        -> (values: Tensor, vectors: Tensor)
    {
        guard uplo == "L" || uplo == "U" else {
            throw TensorError.value(
                "\(op): uplo must be \"L\" or \"U\", got \"\(uplo)\"",
                hint: "\"L\" reads the lower triangle, \"U\" the upper")
        }
        var stack = try SquareStack(a, op: op)
        try requireFinite(stack.elements, op: op)
        let n = stack.n
        let batch = stack.batchCount
        let valueCount = try Tensor.checkedCount(of: stack.batchShape + [n], op: op)
        var values = [Double](repeating: 0, count: valueCount)
        if valueCount == 0 {
            let vectorShape = stack.batchShape + [n, n]
            return (
                Tensor(uncheckedShape: stack.batchShape + [n], storage: []),
                Tensor(uncheckedShape: vectorShape, storage: [])
            )
        }
        let library = try BLASLibrary.shared(op: op)
        BLASThreads.prepare(library, multiplyAdds: BLASThreads.work(n, n, n))
        // LAPACK reads the row-major buffer as the transpose, whose lower triangle is the
        // upper one of the matrix: swap the triangle so the one the caller chose is read.
        var triangle: CChar = uplo == "L" ? 85 : 76  // "U" : "L"
        var job: CChar = vectors ? 86 : 78  // "V" : "N"
        var order = try blasInt(n, op: op)
        var lead = order
        var info: blasint = 0
        var workQuery = 0.0
        var iworkQuery: blasint = 0
        var queryLength: blasint = -1
        library.dsyevd(
            &job, &triangle, &order, &stack.elements, &lead, &values, &workQuery, &queryLength,
            &iworkQuery, &queryLength, &info, 1, 1)
        guard info == 0 else { throw lapackArgumentError("dsyevd", info: info, op: op) }
        var workLength = try workspaceCount(workQuery, op: op)
        var iworkLength = Swift.max(iworkQuery, 1)
        var work = try zeroBuffer(Int(workLength), op: op)
        var iwork = [blasint](repeating: 0, count: Int(iworkLength))
        var vectorStorage = vectors ? try zeroBuffer(stack.elements.count, op: op) : []
        for m in 0..<batch {
            let matrixStart = m * n * n
            try stack.elements.withUnsafeMutableBufferPointer { matrices in
                try values.withUnsafeMutableBufferPointer { eigenvalues in
                    guard let matrix = matrices.baseAddress, let w = eigenvalues.baseAddress else { return }
                    let outputs = [
                        UnsafeMutableRawBufferPointer(matrix + matrixStart, count: n * n),
                        UnsafeMutableRawBufferPointer(w + m * n, count: n),
                    ]
                    let info = try InterruptibleCall.run(op, work: BLASThreads.work(n, n, n), outputs: outputs) {
                        var info: blasint = 0
                        library.dsyevd(
                            &job, &triangle, &order, matrix + matrixStart, &lead, w + m * n, &work,
                            &workLength, &iwork, &iworkLength, &info, 1, 1)
                        return info
                    }
                    if info < 0 { throw lapackArgumentError("dsyevd", info: info, op: op) }
                    if info > 0 {
                        throw TensorError.linalg(
                            "\(op): eigenvalues did not converge for matrix \(m) of shape \(formatShape(a.shape))",
                            hint: "check the input for NaN or infinite values")
                    }
                    // Column-major eigenvectors read row-major are transposed: undo that.
                    if vectors {
                        vectorStorage.withUnsafeMutableBufferPointer { out in
                            guard let target = out.baseAddress else { return }
                            transposeMatrix(
                                matrix + matrixStart, rows: n, cols: n, into: target + matrixStart)
                        }
                    }
                }
            }
        }
        return (
            Tensor(uncheckedShape: stack.batchShape + [n], storage: values),
            Tensor(uncheckedShape: stack.batchShape + [n, n], storage: vectorStorage)
        )
    }
}
