import KisoTensor

/// Checking an argument's kind by its case alone.
///
/// `ParameterKind.accepts` takes the value, and handing it an argument that lies in a call's
/// argument array copies the argument (for a tensor, its three buffers retained and released)
/// on every argument of every builtin call. For every kind but an object type's, whether a
/// value is accepted depends only on its case, so each builtin keeps, per parameter, the set of
/// cases its kind accepts as bits, found once by asking `accepts` itself about one value of each
/// case; a call reads the argument's case in place and asks `accepts` only about the rest.
extension Value {
    /// The value's case as a single bit, read without touching its payload.
    var caseBit: UInt32 {
        switch self {
        case .number: return 1 << 0
        case .int: return 1 << 1
        case .tensor: return 1 << 2
        case .string: return 1 << 3
        case .bool: return 1 << 4
        case .none: return 1 << 5
        case .list: return 1 << 6
        case .tuple: return 1 << 7
        case .dict: return 1 << 8
        case .range: return 1 << 9
        case .function: return 1 << 10
        case .builtin: return 1 << 11
        case .method: return 1 << 12
        case .plot: return 1 << 13
        case .variable: return 1 << 14
        case .object: return 1 << 15
        }
    }
}

extension BuiltinParameter {
    /// One value of each case that the kinds other than `.object` judge by case alone; the
    /// cases left out (functions, plots, objects) are always checked by `accepts`. Never
    /// changed after it is made, so sharing it between threads is safe.
    nonisolated(unsafe) private static let samples: [Value] = [
        .number(0), .int(0), .tensor(Tensor(0)), .string(""), .bool(false), .none, .list([]), .tuple([]),
        .dict(KisoDict()), .range(KisoRange(start: 0, stop: 0, step: 1)), .variable(Variable(Tensor(0))),
    ]

    /// The cases (`Value.caseBit`) of the arguments this parameter takes as they are; an
    /// argument of any other case is checked in full by `Builtin.checkKind`.
    var acceptedCases: UInt32 {
        // Variadic and keyword-gathering parameters hold a list or dict the call built.
        if variadic || gathersKeywords { return UInt32.max }
        if case .object = kind { return optional ? Value.none.caseBit : 0 }
        var cases: UInt32 = 0
        for sample in Self.samples where kind.accepts(sample) || (optional && isNoneValue(sample)) {
            cases |= sample.caseBit
        }
        return cases
    }
}
