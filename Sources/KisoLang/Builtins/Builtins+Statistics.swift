import KisoTensor

/// Order statistics, differences, weighted means, counts and closeness, with NumPy's names.
extension Registry {
    func registerStatistics() {
        section("Statistics")
        add(
            "median", [param("x", .tensor), param("axis", .axes, .none), param("keepdims", .bool, .bool(false))],
            doc: "The middle value (the mean of the two middle ones for an even count), in all or along axis.",
            example: "median([3, 1, 4, 1, 5])"
        ) { a in
            .tensor(try a.tensor("x").median(axis: try a.axis("axis"), keepdims: try a.bool("keepdims")))
        }
        add(
            "quantile",
            [
                param("x", .tensor), param("q", .tensor), param("axis", .axes, .none),
                param("keepdims", .bool, .bool(false)),
            ],
            doc: "The q-quantiles (q in [0, 1], a number or a list) by linear interpolation, as NumPy's default.",
            example: "quantile([1, 2, 3, 4], [0.25, 0.5])"
        ) { a in
            .tensor(
                try a.tensor("x").quantile(
                    try a.tensor("q"), axis: try a.axis("axis"), keepdims: try a.bool("keepdims")))
        }
        add(
            "percentile",
            [
                param("x", .tensor), param("q", .tensor), param("axis", .axes, .none),
                param("keepdims", .bool, .bool(false)),
            ],
            doc: "The q-th percentiles (q in [0, 100]) by linear interpolation, as NumPy's default.",
            example: "percentile([1, 2, 3, 4], 50)"
        ) { a in
            let q = try Tensor.divide(try a.tensor("q").cast(to: .float64), Tensor(100))
            return .tensor(
                try a.tensor("x").quantile(
                    q, axis: try a.axis("axis"), keepdims: try a.bool("keepdims"), op: "percentile"))
        }
        add(
            "ptp", [param("x", .tensor), param("axis", .axes, .none), param("keepdims", .bool, .bool(false))],
            doc: "The range, maximum − minimum (\"peak to peak\"), in all or along axis.", example: "ptp([4, 9, 1])"
        ) { a in
            .tensor(try a.tensor("x").peakToPeak(axes: try a.axes("axis"), keepdims: try a.bool("keepdims")))
        }
        add(
            "diff", [param("x", .tensor), param("n", .int, .int(1)), param("axis", .int, .int(-1))],
            doc: "Differences of neighbours along axis, x[1:] − x[:-1], applied n times.",
            example: "diff([1, 4, 9, 16])"
        ) { a in
            .tensor(try a.tensor("x").difference(n: try a.int("n"), axis: try a.int("axis")))
        }
        add(
            "average", [param("x", .tensor), param("axis", .axes, .none), param("weights", .tensor, .none)],
            doc: "The mean, weighted by weights when given: Σ wᵢxᵢ / Σ wᵢ.",
            example: "average([1, 2, 3], weights=[3, 1, 0])"
        ) { a in
            .tensor(
                try a.tensor("x").cast(to: .float64).average(
                    weights: try a.optionalTensor("weights"), axis: try a.axis("axis")))
        }
        add(
            "cov",
            [
                param("m", .tensor), param("y", .tensor, .none), param("rowvar", .bool, .bool(true)),
                param("bias", .bool, .bool(false)), param("ddof", .int, .none), param("fweights", .tensor, .none),
                param("aweights", .tensor, .none),
            ],
            doc:
                "The covariance matrix of m's rows (columns with rowvar=false) as variables, divided by n − 1 (n with bias=true).",
            example: "cov([[1, 2, 3, 4], [2, 4, 5, 9]])", grad: .tracedByBody
        ) { a in
            .traced(
                try a.variable("m").covariance(
                    try a.optionalVariable("y"), rowvar: try a.bool("rowvar"), bias: try a.bool("bias"),
                    ddof: try a.optionalInt("ddof"), frequencyWeights: try a.optionalTensor("fweights"),
                    analyticWeights: try a.optionalTensor("aweights")))
        }
        add(
            "corrcoef", [param("x", .tensor), param("y", .tensor, .none), param("rowvar", .bool, .bool(true))],
            doc: "Pearson correlation coefficients of x's rows (columns with rowvar=false): cov / (σᵢ σⱼ), in [−1, 1].",
            example: "corrcoef([1, 2, 3, 4], [2, 4, 5, 9])", grad: .tracedByBody
        ) { a in
            .traced(try a.variable("x").correlation(try a.optionalVariable("y"), rowvar: try a.bool("rowvar")))
        }
        add(
            "histogram",
            [
                param("a", .tensor), param("bins", .any, .int(10)), param("range", .tensor, .none),
                param("density", .bool, .bool(false)), param("weights", .tensor, .none),
            ],
            doc:
                "(counts, edges) of a's elements in bins equal-width bins (or between given edges); the last bin includes its right edge.",
            example: "counts, edges = histogram([1, 2, 2, 3, 3, 3], bins=3)", grad: .detaching
        ) { a in
            if case .string(let name) = try a["bins"] {
                throw KisoError(
                    .value, "histogram: bins=\"\(name)\" names one of NumPy's bin estimators, which Kiso does not have",
                    span: a.span, hint: "give a number of bins (bins=10) or the edges (bins=[0, 0.5, 1])")
            }
            let bins = try a.tensor("bins")
            let spec: Tensor.HistogramBins
            if bins.rank == 0 {
                guard bins.dtype == .int64, let count = bins.scalar.flatMap({ Int(exactly: $0) }) else {
                    throw KisoError(
                        .type,
                        "histogram: bins must be a whole number of bins or a list of edges, got \(formatScalar(bins.scalar ?? .nan))",
                        span: a.span, hint: "write bins=10, or bins=[0, 0.5, 1]")
                }
                spec = .count(count)
            } else {
                spec = .edges(bins)
            }
            var range: (Double, Double)?
            if let bounds = try a.optionalTensor("range") {
                guard bounds.shape == [2] else {
                    throw KisoError(
                        .value,
                        "histogram: range must be two numbers (low, high), got shape \(formatShape(bounds.shape))",
                        span: a.span, hint: "write range=(0, 1)")
                }
                range = (bounds.scalars[0], bounds.scalars[1])
            }
            let (counts, edges) = try a.tensor("a").histogram(
                bins: spec, range: range, density: try a.bool("density"), weights: try a.optionalTensor("weights"))
            return .tuple([.tensor(counts), .tensor(edges)])
        }
        add(
            "bincount", [param("x", .tensor), param("weights", .tensor, .none), param("minlength", .int, .int(0))],
            doc: "How often each non-negative integer occurs in x (with weights: their sum per integer).",
            example: "bincount([0, 1, 1, 3])", grad: .detaching
        ) { a in
            .tensor(
                try a.tensor("x").binCount(weights: try a.optionalTensor("weights"), minLength: try a.int("minlength")))
        }
        add(
            "isclose",
            [
                param("a", .tensor), param("b", .tensor), param("rtol", .number, .number(1e-5)),
                param("atol", .number, .number(1e-8)), param("equal_nan", .bool, .bool(false)),
            ],
            doc: "Elementwise |a − b| ≤ atol + rtol·|b| (NumPy's isclose).", example: "isclose([1.0, 2.0], [1.0, 2.1])",
            grad: .detaching
        ) { a in
            let close = try Tensor.isClose(
                try a.tensor("a"), try a.tensor("b"), rtol: try a.number("rtol"), atol: try a.number("atol"),
                equalNaN: try a.bool("equal_nan"))
            return .tensor(close)
        }
        add(
            "allclose",
            [
                param("a", .tensor), param("b", .tensor), param("rtol", .number, .number(1e-5)),
                param("atol", .number, .number(1e-8)), param("equal_nan", .bool, .bool(false)),
            ],
            doc: "Whether every element of a is close to b (see isclose).",
            example: "allclose([1.0, 2.0], [1.0, 2.0000001])",
            grad: .detaching
        ) { a in
            .bool(
                try Tensor.allClose(
                    try a.tensor("a"), try a.tensor("b"), rtol: try a.number("rtol"), atol: try a.number("atol"),
                    equalNaN: try a.bool("equal_nan")))
        }
        add(
            "array_equal", [param("a", .tensor), param("b", .tensor), param("equal_nan", .bool, .bool(false))],
            doc: "Whether a and b have the same shape and the same elements.", example: "array_equal([1, 2], [1, 2])",
            grad: .detaching
        ) { a in
            .bool(Tensor.arrayEqual(try a.tensor("a"), try a.tensor("b"), equalNaN: try a.bool("equal_nan")))
        }
    }
}
