/// The batched matrix product the differentiable `matmul` is built on: operands of rank 2 or
/// more, batch dimensions broadcasting as in NumPy, computed by the engine's BLAS `matmul`.
extension Tensor {
    /// `a @ b` for `a` of shape (…, m, k) and `b` of shape (…, k, n); `shapes` names the
    /// operands as the caller wrote them, for messages.
    static func batchedMatrixProduct(_ a: Tensor, _ b: Tensor, shapes: ([Int], [Int])) throws -> Tensor {
        let op = "matmul"
        let k = a.shape[a.rank - 1]
        let rowsB = b.shape[b.rank - 2]
        guard k == rowsB else {
            let (shapeA, shapeB) = shapes
            let hint =
                shapeB.count >= 2 && shapeB[shapeB.count - 1] == k
                ? "did you mean b.T?"
                : "the last dimension of a must equal the second-to-last dimension of b (or b's length when b is 1-d)"
            throw TensorError.shape(
                "\(op): \(formatShape(shapeA)) @ \(formatShape(shapeB)) — inner sizes \(k) and \(rowsB) differ",
                hint: hint)
        }
        return try KisoTensor.matmul(a, b)
    }
}
