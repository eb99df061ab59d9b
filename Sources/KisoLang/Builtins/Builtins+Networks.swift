import KisoTensor

extension Registry {
    func registerNetworks() {
        section("Neural-network functions")
        add(
            "softmax", [param("x", .tensor), param("axis", .int, .int(-1))],
            doc: "exp(x) normalised to sum to 1 along axis, computed stably.", example: "softmax([1, 2, 3])",
            grad: .tracedByBody
        ) { a in .traced(try a.variable("x").softmax(axis: try a.int("axis"))) }
        add(
            "log_softmax", [param("x", .tensor), param("axis", .int, .int(-1))],
            doc: "log(softmax(x)) computed stably.", example: "log_softmax([1, 2, 3])", grad: .tracedByBody
        ) { a in .traced(try a.variable("x").logSoftmax(axis: try a.int("axis"))) }
        add(
            "relu", [param("x", .numeric)], doc: "max(x, 0), elementwise.", example: "relu([-1, 0, 2])",
            grad: .unary { try $0.relu() }
        ) { a in
            if case .number(let x) = try a["x"] { return .number(x > 0 ? x : (x.isNaN ? x : 0)) }
            if case .int(let n) = try a["x"] { return .int(Swift.max(n, 0)) }
            return .tensor(try a.tensor("x").relu())
        }
        add(
            "set_printoptions",
            [
                param("precision", .int, .none), param("threshold", .int, .none), param("edgeitems", .int, .none),
                param("linewidth", .int, .none), param("suppress", .bool, .none),
            ],
            doc: "Changes how tensors print (NumPy's set_printoptions); arguments left out keep their value.",
            example: "set_printoptions(precision=3)"
        ) { a in
            let precision = try a.optionalInt("precision")
            let threshold = try a.optionalInt("threshold")
            let edgeitems = try a.optionalInt("edgeitems")
            let linewidth = try a.optionalInt("linewidth")
            let suppress = try a.isNone("suppress") ? nil : try a.bool("suppress")
            if let p = precision, p < 0 { throw KisoError(.value, "precision must be 0 or more, got \(p)") }
            let session = a.interpreter.printOptions
            if let precision { session.options.precision = precision }
            if let threshold { session.options.threshold = threshold }
            if let edgeitems { session.options.edgeitems = edgeitems }
            if let linewidth { session.options.linewidth = linewidth }
            if let suppress { session.options.suppress = suppress }
            return .none
        }
    }
}
