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
            if case .number(let x) = a[0] { return .number(x > 0 ? x : (x.isNaN ? x : 0)) }
            if case .int(let n) = a[0] { return .int(Swift.max(n, 0)) }
            return .tensor(try a.tensor(0).relu())
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
            let precision = try a.optionalInt(0)
            let threshold = try a.optionalInt(1)
            let edgeitems = try a.optionalInt(2)
            let linewidth = try a.optionalInt(3)
            let suppress = a.isNone(4) ? nil : try a.bool(4)
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
