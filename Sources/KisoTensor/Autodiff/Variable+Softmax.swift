import Glibc

/// softmax and log_softmax over one axis, with pullbacks written in terms of their results. The
/// one implementation: the language's `softmax` calls it for plain tensors too.
extension Variable {
    /// e^x / Σ e^x along `axis`, computed after subtracting the maximum (a 0-d value's softmax
    /// is the constant 1). Pullback: s ⊙ (g − Σ g ⊙ s).
    public func softmax(axis: Int = -1) throws -> Variable {
        guard rank > 0 else { return Variable(Tensor(1.0)) }
        let ax = try Tensor.normalizeAxis(axis, rank: rank, op: "softmax")
        let result: Tensor
        if ax == rank - 1 && count > 0 {
            result = try value.lastAxisSoftmax()
        } else {
            let shifted = try Tensor.subtract(value, value.max(axes: [ax], keepdims: true))
            let e = shifted.exp()
            result = try Tensor.divide(e, e.sum(axes: [ax], keepdims: true))
        }
        return Variable.record(result, self) { g, out in
            try out * (g - (g * out).sum(axes: [ax], keepdims: true))
        }
    }

    /// x − log Σ e^x along `axis`. Pullback: g − e^out ⊙ Σ g.
    public func logSoftmax(axis: Int = -1) throws -> Variable {
        let ax = try Tensor.normalizeAxis(axis, rank: rank, op: "log_softmax")
        let result = try Tensor.subtract(value, value.logsumexp(axes: [ax], keepdims: true))
        return Variable.record(result, self) { g, out in
            try g - out.exp() * g.sum(axes: [ax], keepdims: true)
        }
    }
}

extension Tensor {
    /// Softmax along the last axis in one pass over the elements, without intermediate tensors:
    /// the common case (attention rows, class scores).
    fileprivate func lastAxisSoftmax() throws -> Tensor {
        let n = shape[rank - 1]
        let source = scalars
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
        return try Tensor(shape: shape, scalars: out)
    }
}
