import KisoTensor

extension Registry {
    func registerLinearAlgebra() {
        section("Linear algebra")
        add(
            "matmul", [param("x1", .tensor), param("x2", .tensor)],
            doc: "The matrix product (same as @), batched and broadcast like NumPy's.",
            example: "matmul(eye(2), [1, 2])", grad: .binary(Variable.matmul)
        ) { a in .tensor(try KisoTensor.matmul(try a.tensor("x1"), try a.tensor("x2"))) }
        add(
            "dot", [param("a", .tensor), param("b", .tensor)],
            doc: "The dot product of vectors, or NumPy's dot for matrices and higher ranks.",
            example: "dot([1, 2], [3, 4])", grad: .tracedByBody
        ) { a in .traced(try Variable.dot(try a.variable("a"), try a.variable("b"))) }
        add(
            "outer", [param("a", .tensor), param("b", .tensor)],
            doc: "The outer product: every element of a times every element of b.", example: "outer([1, 2], [3, 4, 5])",
            grad: .binary(Variable.outer)
        ) { a in .tensor(try KisoTensor.outer(try a.tensor("a"), try a.tensor("b"))) }
        add(
            "inner", [param("a", .tensor), param("b", .tensor)],
            doc: "The inner product over the last axes.", example: "inner([1, 2], [3, 4])",
            grad: .binary(Variable.inner)
        ) { a in .tensor(try KisoTensor.inner(try a.tensor("a"), try a.tensor("b"))) }
        add(
            "eigh", [param("a", .tensor)],
            doc: "Eigenvalues (ascending) and eigenvectors (columns) of a symmetric matrix.",
            example: "values, vectors = eigh([[2, 1], [1, 2]])"
        ) { a in
            let r = try Linalg.eigh(try a.tensor("a"))
            return .tuple([.tensor(r.eigenvalues), .tensor(r.eigenvectors)])
        }
        add(
            "eig", [param("a", .tensor)],
            doc: "Eigenvalues and eigenvectors (columns) of a square matrix with a real spectrum.",
            example: "values, vectors = eig([[2, 0], [1, 3]])"
        ) { a in
            let r = try Linalg.eig(try a.tensor("a"))
            return .tuple([.tensor(r.eigenvalues), .tensor(r.eigenvectors)])
        }
        add(
            "svd", [param("a", .tensor), param("full_matrices", .bool, .bool(true))],
            doc: "The singular value decomposition a = U @ diag(S) @ Vh, returned as (U, S, Vh).",
            example: "U, S, Vh = svd([[3, 0], [0, 4], [0, 0]])"
        ) { a in
            let r = try Linalg.svd(try a.tensor("a"), fullMatrices: try a.bool("full_matrices"))
            return .tuple([r.u.map(Value.tensor) ?? .none, .tensor(r.s), r.vh.map(Value.tensor) ?? .none])
        }
        add(
            "qr", [param("a", .tensor), param("mode", .string, .string("reduced"))],
            doc:
                "a = Q @ R with orthonormal Q and upper-triangular R, as (Q, R); mode \"reduced\", \"complete\" or \"r\" (R alone).",
            example: "Q, R = qr([[3, 1], [4, 2]])"
        ) { a in
            let name = try a.string("mode")
            guard let mode = Linalg.QRMode(rawValue: name) else {
                throw KisoError(
                    .value, "qr: mode must be \"reduced\", \"complete\" or \"r\", got \"\(name)\"", span: a.span,
                    hint: "reduced gives Q with min(m, n) columns, complete a square Q, r only R")
            }
            let result = try Linalg.qr(try a.tensor("a"), mode: mode)
            guard let q = result.q else { return .tensor(result.r) }
            return .tuple([.tensor(q), .tensor(result.r)])
        }
        add(
            "cholesky", [param("a", .tensor), param("upper", .bool, .bool(false))],
            doc:
                "The lower-triangular L with L @ L.T = a, for a symmetric positive-definite a (with upper=true, U = L.T).",
            example: "cholesky([[4, 2], [2, 3]])"
        ) { a in
            let factor = try Linalg.cholesky(try a.tensor("a"))
            return .tensor(try a.bool("upper") ? try factor.swappedAxes(-1, -2) : factor)
        }
        add(
            "inv", [param("a", .tensor)], doc: "The inverse of a square matrix (an error if it is singular).",
            example: "inv([[2, 0], [0, 4]])"
        ) { a in .tensor(try Linalg.inv(try a.tensor("a"))) }
        add(
            "det", [param("a", .tensor)], doc: "The determinant of a square matrix.", example: "det([[1, 2], [3, 4]])"
        ) { a in .tensor(try Linalg.det(try a.tensor("a"))) }
        add(
            "solve", [param("a", .tensor), param("b", .tensor)],
            doc: "The x with a @ x = b, for a square, non-singular a.", example: "solve([[2, 0], [0, 4]], [2, 8])"
        ) { a in .tensor(try Linalg.solve(try a.tensor("a"), try a.tensor("b"))) }
        add(
            "lstsq", [param("a", .tensor), param("b", .tensor)],
            doc: "The least-squares solution of a @ x ≈ b, as (x, residuals, rank, singular values).",
            example: "x, res, rank, sv = lstsq([[1, 0], [1, 1], [1, 2]], [1, 2, 2])"
        ) { a in
            let r = try Linalg.lstsq(try a.tensor("a"), try a.tensor("b"))
            return .tuple([
                .tensor(r.solution), .tensor(r.residuals), .int(r.rank), .tensor(r.singularValues),
            ])
        }
    }
}
