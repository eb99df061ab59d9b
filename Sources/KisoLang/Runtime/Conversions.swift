import KisoTensor

/// Turning Kiso values into what engine calls take, with errors that name the argument.
enum Convert {
    /// "expected a tensor for `x`, got a string".
    static func mismatch(_ expected: String, _ what: String, _ value: Value) -> KisoError {
        KisoError(.type, "expected \(expected) for `\(what)`, got \(value.kindName)", hint: hintFor(expected, value))
    }

    private static func hintFor(_ expected: String, _ value: Value) -> String? {
        switch value {
        case .string(let s) where expected.contains("tensor") || expected.contains("number"):
            return "`\(s)` is text; remove the quotes if you meant a variable"
        case .none: return "give a value, or leave the argument out to take its default"
        default: return nil
        }
    }

    /// A one-element tensor as the Python scalar NumPy's `.item()` gives: an int, a float or a bool.
    static func scalarValue(_ t: Tensor) -> Value {
        let x = t.scalar ?? 0
        switch t.dtype {
        case .bool: return .bool(x != 0)
        case .int64: return .int(Int(exactly: x) ?? 0)
        case .float64: return .number(x)
        }
    }

    static func tensor(_ value: Value, _ what: String, depth: Int = 0) throws -> Tensor {
        if let t = value.readableTensor { return t }
        switch value {
        case .number(let x): return Tensor(x, dtype: .float64)
        case .int(let n): return Tensor(Double(n), dtype: .int64)
        case .bool(let b): return Tensor(b ? 1 : 0, dtype: .bool)
        case .list(let items), .tuple(let items):
            if items.isEmpty { return try Tensor(shape: [0], scalars: []) }
            if case .tensor(let t) = try Literal.collect(items, spans: nil) { return t }
            // Tuples and lists inside are sequences too, as np.array([(1, 2), x]) takes them.
            guard
                items.contains(where: { if case .tuple = $0 { true } else if case .list = $0 { true } else { false } })
            else { throw mismatch("a tensor", what, value) }
            if depth >= Nesting.limit { throw Nesting.tooDeep(what) }
            let rows = try items.map { item -> Value in
                switch item {
                case .list, .tuple: return .tensor(try tensor(item, what, depth: depth + 1))
                default: return item
                }
            }
            if case .tensor(let t) = try Literal.collect(rows, spans: nil) { return t }
            throw mismatch("a tensor", what, value)
        case .range(let r):
            guard r.count <= 100_000_000 else { throw rangeTooLarge(r) }
            return Tensor((0..<r.count).map { Double(r.element($0)) }, dtype: .int64)
        default:
            throw mismatch("a tensor", what, value)
        }
    }

    static func rangeTooLarge(_ r: KisoRange) -> KisoError {
        KisoError(
            .memory, "range of \(r.count) elements is too large to hold at once",
            hint: "iterate over it with `for` instead, or use a smaller range")
    }

    static func number(_ value: Value, _ what: String) throws -> Double {
        if let t = value.readableTensor {
            if let x = t.scalar { return x }
            throw KisoError(
                .type, "expected a number for `\(what)`, got a tensor of shape \(formatShape(t.shape))",
                hint: "pick one element, for example x[0], or reduce it with sum(x)")
        }
        switch value {
        case .number(let x): return x
        case .int(let n): return Double(n)
        case .bool(let b): return b ? 1 : 0
        default: throw mismatch("a number", what, value)
        }
    }

    static func int(_ value: Value, _ what: String) throws -> Int {
        if case .int(let n) = value { return n }
        let x = try number(value, what)
        guard x == x.rounded(), Swift.abs(x) < 9.2e18 else {
            throw KisoError(
                .type, "expected an integer for `\(what)`, got \(formatNumber(x))",
                hint: "round it first with int(…)")
        }
        return Int(x)
    }

    static func bool(_ value: Value, _ what: String) throws -> Bool {
        if let t = value.readableTensor, t.count == 1 { return (t.scalar ?? 0) != 0 }
        switch value {
        case .bool(let b): return b
        case .number(let x): return x != 0
        case .int(let n): return n != 0
        default: throw mismatch("true or false", what, value)
        }
    }

    static func string(_ value: Value, _ what: String) throws -> String {
        guard case .string(let s) = value else { throw mismatch("a string", what, value) }
        return s
    }

    /// An int, or a list / tuple / 1-d tensor of ints.
    /// `[n]` for small `n`, made once: `axis=-1` is read on every reduction call.
    private static let singleInts: [[Int]] = (-4...4).map { [$0] }

    static func ints(_ value: Value, _ what: String) throws -> [Int] {
        if case .int(let n) = value, n >= -4, n <= 4 { return singleInts[n + 4] }
        if let t = value.readableTensor, t.rank <= 1 { return try t.scalars.map { try int(.number($0), what) } }
        switch value {
        case .number, .int, .bool: return [try int(value, what)]
        case .list(let items), .tuple(let items): return try items.map { try int($0, what) }
        case .range(let r):
            guard r.count <= 1 << 20 else { throw rangeTooLarge(r) }
            return (0..<r.count).map(r.element)
        default: throw mismatch("an integer or a list of integers", what, value)
        }
    }

    /// none (all axes), an int, or a list / tuple of ints.
    static func axes(_ value: Value, _ what: String) throws -> [Int]? {
        if case .none = value { return nil }
        return try ints(value, what)
    }

    static func tensors(_ value: Value, _ what: String) throws -> [Tensor] {
        if let t = value.readableTensor, t.rank >= 1 {
            return try (0..<t.shape[0]).map { try t.subscripted([.int($0)]) }
        }
        switch value {
        case .list(let items), .tuple(let items): return try items.map { try tensor($0, what) }
        default: throw mismatch("a list of tensors", what, value)
        }
    }

    /// A tensor result that is a single element of a 0-d tensor becomes a plain Kiso value only
    /// where the language promises a count; everything else keeps its dtype.
    static func count(_ n: Int) -> Value { .int(n) }
}

/// Building a list literal's value: numbers and equal-shaped tensors become a tensor, anything
/// else stays a list.
enum Literal {
    /// The value of `[items]`; `spans` (one per item) lets a ragged element be pointed at.
    ///
    /// A literal written out in numbers (`[[1, 2], [3]]`) must be rectangular; one that names
    /// tensors of different shapes (`[a, b]`) stays a list of
    /// tensors, as `concatenate([a, b])` needs.
    static func collect(_ items: [Value], spans: [SourceSpan]?, strict: Bool = true) throws -> Value {
        if items.isEmpty { return .list([]) }
        // Scalars only: the widest kind among them is the dtype, as NumPy does for `array([…])`.
        var scalarKind: DType? = .bool
        for item in items {
            switch item {
            case .number: scalarKind = scalarKind.map { Swift.max($0, .float64) }
            case .int: scalarKind = scalarKind.map { Swift.max($0, .int64) }
            case .bool: break
            case .tensor: scalarKind = nil
            case .variable: return try tracedLiteral(items)
            default: return .list(items)
            }
        }
        if let dtype = scalarKind {
            var values: [Double] = []
            values.reserveCapacity(items.count)
            for item in items {
                switch item {
                case .number(let x): values.append(x)
                case .int(let n): values.append(Double(n))
                case .bool(let b): values.append(b ? 1 : 0)
                default: break
                }
            }
            return .tensor(Tensor(values, dtype: dtype))
        }
        var tensors: [Tensor] = []
        tensors.reserveCapacity(items.count)
        for item in items {
            switch item {
            case .number, .int, .bool: tensors.append(try Convert.tensor(item, "element"))
            case .tensor(let t): tensors.append(t)
            default: return .list(items)
            }
        }
        let shape = tensors[0].shape
        for (i, t) in tensors.enumerated() where t.shape != shape {
            if !strict { return .list(items) }
            let span = spans.flatMap { i < $0.count ? $0[i] : nil }
            throw KisoError(
                .shape,
                "ragged list: element \(i) has shape \(formatShape(t.shape)) but element 0 has shape \(formatShape(shape))",
                span: span, hint: "every row of a tensor literal must have the same length and nesting")
        }
        do {
            return .tensor(try Tensor.stack(tensors, axis: 0))
        } catch let error as TensorError {
            throw KisoError(error, span: nil)
        }
    }

    /// `[items]` where some item is being differentiated: equal-shaped numbers, tensors and
    /// variables stack into one variable, so gradients flow through the literal; anything else
    /// stays a list.
    private static func tracedLiteral(_ items: [Value]) throws -> Value {
        var variables: [Variable] = []
        variables.reserveCapacity(items.count)
        for item in items {
            switch item {
            case .number, .int, .bool, .tensor, .variable: variables.append(try Convert.variable(item, "element"))
            default: return .list(items)
            }
        }
        guard variables.allSatisfy({ $0.shape == variables[0].shape }) else { return .list(items) }
        do {
            return .traced(try Variable.stack(variables, axis: 0))
        } catch let error as TensorError {
            throw KisoError(error, span: nil)
        }
    }
}
