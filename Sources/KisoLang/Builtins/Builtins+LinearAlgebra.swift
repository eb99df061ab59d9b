import KisoTensor

/// The matrix product behind `@`.
enum LinearAlgebra {
    static func matmul(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        guard a.rank >= 1, b.rank >= 1, a.rank <= 2, b.rank <= 2 else {
            throw TensorError(
                .shape,
                "matmul: operands must be 1-d or 2-d here, got \(formatShape(a.shape)) @ \(formatShape(b.shape))")
        }
        let (m, k) = a.rank == 2 ? (a.shape[0], a.shape[1]) : (1, a.shape[0])
        let (k2, n) = b.rank == 2 ? (b.shape[0], b.shape[1]) : (b.shape[0], 1)
        guard k == k2 else {
            throw TensorError(
                .shape, "matmul: \(formatShape(a.shape)) @ \(formatShape(b.shape)) — inner sizes \(k) and \(k2) differ",
                hint: "the last axis of the left operand must match the first of the right")
        }
        let x = a.scalars
        let y = b.scalars
        var out = [Double](repeating: 0, count: m * n)
        for i in 0..<m {
            for p in 0..<k {
                let v = x[i * k + p]
                for j in 0..<n { out[i * n + j] += v * y[p * n + j] }
            }
        }
        var shape: [Int] = []
        if a.rank == 2 { shape.append(m) }
        if b.rank == 2 { shape.append(n) }
        return try Tensor(shape: shape, scalars: out)
    }
}

extension Registry {
    func registerLinearAlgebra() {
        section("Linear algebra")
        add(
            "matmul", [param("x1", .tensor), param("x2", .tensor)], doc: "The matrix product (same as @).",
            example: "matmul(eye(2), [1, 2])"
        ) { a in
            .tensor(try LinearAlgebra.matmul(try a.tensor(0), try a.tensor(1)))
        }
        add(
            "dot", [param("a", .tensor), param("b", .tensor)],
            doc: "The dot product of vectors, or the matrix product.", example: "dot([1, 2], [3, 4])"
        ) { a in
            .tensor(try LinearAlgebra.matmul(try a.tensor(0), try a.tensor(1)))
        }
    }
}
