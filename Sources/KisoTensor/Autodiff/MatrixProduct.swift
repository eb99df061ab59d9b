/// The batched matrix product the differentiable `matmul` is built on: operands of rank 2 or
/// more, batch dimensions broadcasting as in NumPy. A plain row-by-row kernel whose inner loop
/// the compiler vectorises; ample for the small layers of the course's networks.
extension Tensor {
    /// `a @ b` for `a` of shape (…, m, k) and `b` of shape (…, k, n); `shapes` names the
    /// operands as the caller wrote them, for messages.
    static func batchedMatrixProduct(_ a: Tensor, _ b: Tensor, shapes: ([Int], [Int])) throws -> Tensor {
        let op = "matmul"
        let m = a.shape[a.rank - 2]
        let k = a.shape[a.rank - 1]
        let rowsB = b.shape[b.rank - 2]
        let n = b.shape[b.rank - 1]
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
        let batchA = Array(a.shape.dropLast(2))
        let batchB = Array(b.shape.dropLast(2))
        let batch = batchA == batchB ? batchA : try Tensor.broadcastShapes(batchA, batchB, op: op)
        let outShape = batch + [m, n]
        let total = try Tensor.checkedCount(of: outShape, op: op)
        let left = try a.broadcast(to: batch + [m, k]).contiguous()
        let right = try b.broadcast(to: batch + [k, n]).contiguous()
        let batches = batch.reduce(1, *)
        var out = [Double](repeating: 0, count: total)
        if total == 0 || k == 0 { return Tensor(uncheckedShape: outShape, storage: out) }
        left.storage.withUnsafeBufferPointer { pa in
            right.storage.withUnsafeBufferPointer { pb in
                out.withUnsafeMutableBufferPointer { pc in
                    guard let baseA = pa.baseAddress, let baseB = pb.baseAddress, let baseC = pc.baseAddress
                    else { return }
                    for t in 0..<batches {
                        let x = baseA + t * m * k
                        let y = baseB + t * k * n
                        let z = baseC + t * m * n
                        if n == 1 {
                            // A matrix times a column: one dot product per row, no inner loop of 1.
                            for i in 0..<m {
                                let row = x + i * k
                                var total = 0.0
                                for p in 0..<k { total += row[p] * y[p] }
                                z[i] = total
                            }
                            continue
                        }
                        for i in 0..<m {
                            let row = z + i * n
                            for p in 0..<k {
                                let factor = x[i * k + p]
                                let source = y + p * n
                                for j in 0..<n { row[j] += factor * source[j] }
                            }
                        }
                    }
                }
            }
        }
        return Tensor(uncheckedShape: outShape, storage: out)
    }
}
