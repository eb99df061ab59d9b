import Glibc
import KisoTensor

extension Registry {
    func registerNetworks() {
        section("Neural-network functions")
        add(
            "softmax", [param("x", .tensor), param("axis", .int, .int(-1))],
            doc: "exp(x) normalised to sum to 1 along axis, computed stably.", example: "softmax([1, 2, 3])",
            grad: .traced { a in .traced(try a.variable("x").softmax(axis: try a.int("axis"))) }
        ) { a in
            .tensor(try softmax(try a.tensor(0), axis: try a.int(1)))
        }
        add(
            "log_softmax", [param("x", .tensor), param("axis", .int, .int(-1))],
            doc: "log(softmax(x)) computed stably.", example: "log_softmax([1, 2, 3])",
            grad: .traced { a in .traced(try a.variable("x").logSoftmax(axis: try a.int("axis"))) }
        ) { a in
            let x = try a.tensor(0)
            let axis = try a.int(1)
            return .tensor(try Tensor.subtract(x, try x.logsumexp(axes: [axis], keepdims: true)))
        }
        add(
            "relu", [param("x", .numeric)], doc: "max(x, 0), elementwise.", example: "relu([-1, 0, 2])",
            grad: .unary { try $0.relu() }
        ) { a in
            if case .number(let x) = a[0] { return .number(x > 0 ? x : (x.isNaN ? x : 0)) }
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

/// Softmax along `axis`; the common case (the last axis of a contiguous tensor) runs in one
/// pass over the elements without intermediate tensors.
func softmax(_ x: Tensor, axis: Int) throws -> Tensor {
    let rank = x.rank
    let resolved = axis < 0 ? axis + rank : axis
    guard rank > 0, resolved == rank - 1, x.count > 0 else {
        guard rank > 0 else { return Tensor(1.0) }
        let shifted = try Tensor.subtract(x, try x.max(axes: [axis], keepdims: true))
        let e = shifted.exp()
        return try Tensor.divide(e, try e.sum(axes: [axis], keepdims: true))
    }
    let n = x.shape[rank - 1]
    let source = x.scalars
    let count = source.count
    let out = [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
        source.withUnsafeBufferPointer { input in
            var row = 0
            while row < count {
                var m = -Double.infinity
                for i in row..<(row + n) where input[i] > m || input[i].isNaN { m = input[i] }
                var total = 0.0
                for i in row..<(row + n) {
                    let e = Glibc.exp(input[i] - m)
                    buffer[i] = e
                    total += e
                }
                let scale = 1 / total
                for i in row..<(row + n) { buffer[i] *= scale }
                row += n
            }
        }
        initialized = count
    }
    return try Tensor(shape: x.shape, scalars: out)
}
