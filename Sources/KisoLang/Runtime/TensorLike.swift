import KisoTensor

/// Tensor-like values: a tensor, or a variable being differentiated (`.variable`, whose value is
/// a tensor on the tapes of the enclosing `grad` calls). The few questions whose answer differs
/// between the two are answered here, once, so the interpreter and the builtins ask them instead
/// of switching on both cases.
extension Value {
    /// The tensor a tensor-like value holds — a tensor, or the current value of a variable
    /// being differentiated — for code that only reads it: printing, summaries, shapes,
    /// conversions to numbers, indices and keys.
    var readableTensor: Tensor? {
        switch self {
        case .tensor(let t): return t
        case .variable(let v): return v.value
        default: return nil
        }
    }

    /// `self[indices]` of a tensor-like value, or nil for anything else: a view of a tensor, or
    /// the variable's subscript recorded on its tapes. A tensor takes the engine's call directly,
    /// so plain indexing — the interpreter's most frequent tensor operation — records nothing.
    func tensorSubscript(_ indices: [TensorIndex]) throws -> Value? {
        switch self {
        case .tensor(let t): return .tensor(try t.subscripted(indices))
        case .variable(let v): return .traced(try v.subscripted(indices))
        default: return nil
        }
    }

    /// The number of rows of a tensor-like value of rank 1 or more; nil for anything else.
    var tensorRowCount: Int? {
        guard let t = readableTensor, t.rank >= 1 else { return nil }
        return t.shape[0]
    }
}

extension Interpreter {
    /// `value[indices]` of a tensor-like value, on the tapes when it is being differentiated;
    /// an engine error is located at `span`.
    func tensorSubscript(_ value: Value, _ indices: [TensorIndex], span: SourceSpan) throws -> Value {
        guard let picked = try engine(span, { try value.tensorSubscript(indices) }) else {
            throw KisoError(.type, "cannot index \(value.kindName) as a tensor", span: span)
        }
        return picked
    }

    /// Row `i` of a tensor-like value (`x[i]`), on the tapes when it is being differentiated.
    func tensorRow(_ value: Value, _ i: Int, span: SourceSpan) throws -> Value {
        try tensorSubscript(value, [.int(i)], span: span)
    }

    /// The rows of a tensor-like value of rank 1 or more, as a `for` loop visits them; nil for
    /// anything else (a 0-d tensor included).
    func tensorRows(_ value: Value, span: SourceSpan) throws -> [Value]? {
        guard let n = value.tensorRowCount else { return nil }
        return try (0..<n).map { try tensorRow(value, $0, span: span) }
    }
}
