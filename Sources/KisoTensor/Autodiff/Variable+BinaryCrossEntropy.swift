/// The binary cross-entropy of probabilities, with PyTorch's clipping and derivative.
extension Variable {
    /// −(t·log p + (1 − t)·log(1 − p)) elementwise, each logarithm clipped below at −100 so that
    /// p = 0 or 1 gives a finite loss (PyTorch's `binary_cross_entropy` before reduction).
    /// The derivative in p is PyTorch's (p − t)/max(p(1 − p), 10⁻¹²), finite at the ends; in t it
    /// is log(1 − p) − log p with the same clipping.
    public static func binaryCrossEntropy(_ p: Variable, _ t: Variable) throws -> Variable {
        let logP = try Tensor.maximum(p.value.log(), Tensor(-100))
        let logQ = try Tensor.maximum(Tensor.subtract(Tensor(1), p.value).log(), Tensor(-100))
        let value = try Tensor.add(
            Tensor.multiply(t.value, logP), Tensor.multiply(Tensor.subtract(Tensor(1), t.value), logQ)
        ).negated()
        return record(value, p, t) { g, _, needsP, needsT in
            (
                needsP ? try g * (p - t) / maximum(p * (1 - p), Variable(1e-12)) : nil,
                needsT ? try g * Variable(try Tensor.subtract(logQ, logP)) : nil
            )
        }
    }
}
