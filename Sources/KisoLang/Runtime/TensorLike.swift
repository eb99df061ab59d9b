import KisoTensor

extension Value {
    /// The tensor a tensor-like value holds — a tensor, or the current value of a variable
    /// being differentiated — for code that only reads it: printing, summaries, shapes,
    /// conversions to numbers, indices and keys. Asking this once replaces a pair of `.tensor`
    /// and `.variable` branches doing the same thing. Code whose result must stay on the tape
    /// (indexing, iterating, arithmetic) still tells the two apart.
    var readableTensor: Tensor? {
        switch self {
        case .tensor(let t): return t
        case .variable(let v): return v.value
        default: return nil
        }
    }
}
