/// The triangles of a matrix (or of each matrix in a stack): NumPy's `triu` and `tril`.
extension Tensor {
    /// The elements on and above diagonal `k` (above the main one when k > 0); zeros below.
    public func triu(k: Int = 0) throws -> Tensor {
        try keepingTriangle(op: "triu") { row, column in column - row >= k }
    }

    /// The elements on and below diagonal `k` (above the main one when k > 0); zeros above.
    public func tril(k: Int = 0) throws -> Tensor {
        try keepingTriangle(op: "tril") { row, column in column - row <= k }
    }

    private func keepingTriangle(op: String, _ keep: (Int, Int) -> Bool) throws -> Tensor {
        guard rank >= 2 else {
            throw TensorError.shape(
                "\(op): needs a matrix (2 or more dimensions), got shape \(formatShape(shape))",
                hint: "for a vector, build the matrix first, e.g. outer(v, ones_like(v))")
        }
        var out = contiguous()
        let rows = shape[rank - 2]
        let columns = shape[rank - 1]
        let matrix = rows * columns
        guard matrix > 0 else { return out }
        for start in stride(from: 0, to: out.storage.count, by: matrix) {
            for r in 0..<rows {
                for c in 0..<columns where !keep(r, c) { out.storage[start + r * columns + c] = 0 }
            }
        }
        return out
    }
}
