/// softmax and log_softmax over one axis, with pullbacks written in terms of their results.
extension Variable {
    /// e^x / Σ e^x along `axis`, computed after subtracting the maximum.
    /// Pullback: s ⊙ (g − Σ g ⊙ s).
    public func softmax(axis: Int = -1) throws -> Variable {
        let ax = try Tensor.normalizeAxis(axis, rank: rank, op: "softmax")
        let shifted = try Tensor.subtract(value, value.max(axes: [ax], keepdims: true))
        let e = shifted.exp()
        let result = try Tensor.divide(e, e.sum(axes: [ax], keepdims: true))
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
