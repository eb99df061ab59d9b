import KisoTensor

/// NumPy's array-building helpers and the matrix functions beyond `inv`/`det`.
extension Registry {
    func registerArrays() {
        section("Building arrays")
        add(
            "vstack", [param("tensors", .tensors)],
            doc: "Rows on top of each other (1-d tensors become rows).", example: "vstack([[1, 2], [3, 4]])",
            grad: .traced { a in .traced(try Variable.vstack(try a.variables("tensors"))) }
        ) { a in
            .tensor(try Tensor.vstack(try a.tensors("tensors")))
        }
        add(
            "hstack", [param("tensors", .tensors)],
            doc: "Side by side: 1-d tensors end to end, matrices along their columns.",
            example: "hstack([[1, 2], [3, 4]])",
            grad: .traced { a in .traced(try Variable.hstack(try a.variables("tensors"))) }
        ) { a in
            .tensor(try Tensor.hstack(try a.tensors("tensors")))
        }
        add(
            "column_stack", [param("tensors", .tensors)],
            doc: "1-d tensors as the columns of a matrix.", example: "column_stack([[1, 2], [3, 4]])",
            grad: .traced { a in .traced(try Variable.columnStack(try a.variables("tensors"))) }
        ) { a in
            .tensor(try Tensor.columnStack(try a.tensors("tensors")))
        }
        add(
            "diag", [param("v", .tensor), param("k", .int, .int(0))],
            doc: "A 1-d tensor as the diagonal k of a square matrix; a matrix's diagonal k as a 1-d tensor.",
            example: "diag([1, 2, 3])"
        ) { a in
            .tensor(try a.tensor("v").diagonal(k: try a.int("k")))
        }
        add(
            "trace", [param("a", .tensor), param("offset", .int, .int(0))],
            doc: "The sum of a matrix's diagonal (diagonal offset with offset).", example: "trace([[1, 2], [3, 4]])"
        ) { a in
            .tensor(try a.tensor("a").trace(offset: try a.int("offset")))
        }
        add(
            "moveaxis", [param("x", .tensor), param("source", .int), param("destination", .int)],
            doc: "The axis at source moved to destination, the others keeping their order.",
            example: "moveaxis(zeros([2, 3, 4]), 0, -1).shape"
        ) { a in
            .tensor(try a.tensor("x").movedAxis(try a.int("source"), to: try a.int("destination")))
        }
        add(
            "ravel", [param("x", .tensor)], doc: "The elements as one row (the same as flatten).",
            example: "ravel([[1, 2], [3, 4]])"
        ) { a in
            .tensor(try a.tensor("x").flattened())
        }
        add(
            "kron", [param("a", .tensor), param("b", .tensor)],
            doc: "The Kronecker product: a block matrix of a[i, j] · b.",
            example: "kron([[1, 0], [0, 2]], [[1, 1], [1, 1]])"
        ) { a in
            .tensor(try Tensor.kron(try a.tensor("a"), try a.tensor("b")))
        }
        add(
            "take_along_axis", [param("x", .tensor), param("indices", .tensor), param("axis", .int)],
            doc: "The elements at indices along axis (indices of the same rank, e.g. from argsort).",
            example: "take_along_axis([[30, 10, 20]], argsort([[30, 10, 20]]), axis=1)"
        ) { a in
            .tensor(try a.tensor("x").takeAlongAxis(try a.tensor("indices"), axis: try a.int("axis")))
        }
        add(
            "put_along_axis",
            [param("x", .tensor), param("indices", .tensor), param("values", .tensor), param("axis", .int)],
            doc: "A copy of x with values written at indices along axis (NumPy writes in place; Kiso returns it).",
            example: "put_along_axis([[0, 0, 0]], [[1]], 9, axis=1)"
        ) { a in
            .tensor(
                try a.tensor("x").puttingAlongAxis(
                    try a.tensor("indices"), try a.tensor("values"), axis: try a.int("axis")))
        }
        add(
            "tensordot", [param("a", .tensor), param("b", .tensor), param("axes", .int, .int(2))],
            doc: "Sums of products over the last axes of a and the first axes of b.",
            example: "tensordot(ones([2, 3, 4]), ones([3, 4, 5]), axes=2).shape",
            grad: .traced { a in
                .traced(try Variable.tensordot(try a.variable("a"), try a.variable("b"), axes: try a.int("axes")))
            }
        ) { a in
            .tensor(try Tensor.tensordot(try a.tensor("a"), try a.tensor("b"), axes: try a.int("axes")))
        }
        add(
            "einsum", [param("subscripts", .string), rest("operands")],
            doc:
                "Sums of products named by index letters: \"ij,jk->ik\" is a matrix product, \"ii\" a trace, \"bij->bji\" a transpose; ... stands for leading axes.",
            example: "einsum(\"ij,j->i\", [[1, 2], [3, 4]], [1, 1])",
            grad: .tracedByBody
        ) { a in
            .traced(try Variable.einsum(try a.string("subscripts"), try a.variables("operands")))
        }
        for (name, isConvolution) in [("convolve", true), ("correlate", false)] {
            add(
                name,
                [
                    param("a", .tensor), param("v", .tensor),
                    param("mode", .string, .string(isConvolution ? "full" : "valid")),
                ],
                doc: isConvolution
                    ? "The 1-d convolution of a and v (v is flipped); mode \"full\", \"same\" or \"valid\"."
                    : "The 1-d cross-correlation of a and v (v is not flipped); mode \"valid\", \"same\" or \"full\".",
                example: "\(name)([1, 2, 3, 4, 5], [1, 0, -1], mode=\"valid\")"
            ) { a in
                let modeName = try a.string("mode")
                guard let mode = Tensor.ConvolutionMode(rawValue: modeName) else {
                    throw KisoError(
                        .value, "`\(name)` has no mode \"\(modeName)\"", span: a.span,
                        hint: "use \"full\", \"same\" or \"valid\"")
                }
                let x = try a.tensor("a")
                let v = try a.tensor("v")
                return .tensor(
                    isConvolution ? try Tensor.convolve(x, v, mode: mode) : try Tensor.correlate(x, v, mode: mode))
            }
        }

        section("Linear algebra")
        add(
            "pinv", [param("a", .tensor)], doc: "The Moore–Penrose pseudo-inverse of a matrix, from its SVD.",
            example: "pinv([[1, 2], [2, 4]])"
        ) { a in
            .tensor(try Linalg.pinv(try a.tensor("a")))
        }
        add(
            "matrix_power", [param("a", .tensor), param("n", .int)],
            doc: "A square matrix multiplied by itself n times (n = 0: the identity; n < 0: powers of the inverse).",
            example: "matrix_power([[1, 1], [1, 0]], 10)"
        ) { a in
            .tensor(try Linalg.matrixPower(try a.tensor("a"), try a.int("n")))
        }
        add(
            "matrix_rank", [param("a", .tensor), param("tol", .number, .none)],
            doc: "How many singular values exceed tol (by default max(s) · max(m, n) · machine epsilon).",
            example: "matrix_rank([[1, 2], [2, 4]])"
        ) { a in
            .tensor(try Linalg.matrixRank(try a.tensor("a"), tol: try a.isNone("tol") ? nil : try a.number("tol")))
        }
        add(
            "slogdet", [param("a", .tensor)],
            doc: "The sign and log|det| of a square matrix, which stay finite when det itself overflows.",
            example: "sign, logdet = slogdet([[2, 0], [0, 3]])"
        ) { a in
            let parts = try Linalg.slogdet(try a.tensor("a"))
            return .tuple([.tensor(parts.sign), .tensor(parts.logabsdet)])
        }
    }
}
