import KisoTensor

/// Values being differentiated. Inside a function that `grad` is differentiating, the arguments
/// it differentiates arrive as `.variable` values; every operation on them dispatches to the
/// engine's differentiable `Variable` operations, and a result that no tape records any more
/// falls back to a plain tensor, so code outside `grad` keeps the plain, fast path.
extension Value {
    /// A variable as a Kiso value: `.variable` while some tape records it, else its tensor.
    static func traced(_ variable: Variable) -> Value {
        variable.isTracked ? .variable(variable) : .tensor(variable.value)
    }

    /// Whether the value is, or holds inside lists, tuples and dicts, a variable that a tape is
    /// still recording.
    var holdsTrackedVariable: Bool {
        switch self {
        // Asked of every argument of every builtin call: the common cases bind no payload,
        // since binding one copies the value.
        case .tensor, .number, .int, .bool, .string, .none, .range: return false
        case .variable(let v): return v.isTracked
        case .list(let items), .tuple(let items): return Value.anyHoldsTrackedVariable(items)
        case .dict(let d): return Value.anyHoldsTrackedVariable(d.values)
        default: return false
        }
    }

    /// The cases that can be or hold a variable.
    private static let casesHoldingVariables =
        Value.variable(Variable(0)).caseBit | Value.list([]).caseBit | Value.tuple([]).caseBit
        | Value.dict(KisoDict()).caseBit

    /// Whether any of `items` holds a tracked variable. Elements are tested by their case in
    /// place first: asking a copied element (as `contains` or a `for` loop does) retains and
    /// releases its buffers, and a dict of parameters is asked on every call that takes it.
    private static func anyHoldsTrackedVariable(_ items: [Value]) -> Bool {
        for i in items.indices where items[i].caseBit & casesHoldingVariables != 0 {
            if items[i].holdsTrackedVariable { return true }
        }
        return false
    }

    /// The same value with every variable replaced by its plain tensor: gradients stop here.
    var detachedDeep: Value {
        if !holdsTrackedVariable { return self }
        switch self {
        case .variable(let v): return .tensor(v.value)
        case .list(let items): return .list(items.map(\.detachedDeep))
        case .tuple(let items): return .tuple(items.map(\.detachedDeep))
        case .dict(let d): return .dict(d.mappingValues(\.detachedDeep))
        default: return self
        }
    }
}

extension Convert {
    /// A value as a differentiable variable: a variable as it is, anything tensor-like as a
    /// constant, and a list of variables stacked (so `[w1, w2]` differentiates through both).
    static func variable(_ value: Value, _ what: String) throws -> Variable {
        switch value {
        case .variable(let v): return v
        case .number(let x): return Variable(Tensor(x))
        case .list(let items) where value.holdsTrackedVariable:
            return try Variable.stack(items.map { try variable($0, what) }, axis: 0)
        case .tuple(let items) where value.holdsTrackedVariable:
            return try Variable.stack(items.map { try variable($0, what) }, axis: 0)
        default: return Variable(try tensor(value, what))
        }
    }

    /// A list of tensors or variables, each as a variable (a tensor's rows when given one).
    static func variables(_ value: Value, _ what: String) throws -> [Variable] {
        switch value {
        case .list(let items), .tuple(let items): return try items.map { try variable($0, what) }
        default:
            guard value.tensorRowCount != nil else { throw mismatch("a list of tensors", what, value) }
            let rows = try variable(value, what)
            return try (0..<rows.shape[0]).map { try rows.subscripted([.int($0)]) }
        }
    }
}

extension Arguments {
    /// Argument `i` as a differentiable variable.
    func variable(_ i: Int) throws -> Variable { try Convert.variable(values[i], builtin.parameters[i].name) }

    /// Argument `i` as a variable, or nil for none.
    func optionalVariable(_ i: Int) throws -> Variable? { isNone(i) ? nil : try variable(i) }

    /// Argument `i`, a list of tensors, as variables.
    func variables(_ i: Int) throws -> [Variable] { try Convert.variables(values[i], builtin.parameters[i].name) }
}

extension Interpreter {
    /// A binary operator with a variable on one side. Comparisons and `//` are piecewise
    /// constant, so they act on the values (a zero gradient, as in JAX); `%` keeps its
    /// gradient 1 in the dividend.
    func variableBinary(_ op: BinaryOperator, _ left: Value, _ right: Value, span: SourceSpan) throws -> Value {
        if op == .equal || op == .notEqual, isNoneValue(left) || isNoneValue(right) {
            return .bool(op == .notEqual)
        }
        switch op {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .floorDivide:
            return try binary(op, left.detachedDeep, right.detachedDeep, span: span)
        default: break
        }
        let a = try variableOperand(left, span)
        let b = try variableOperand(right, span)
        let result = try engine(span) { () throws -> Variable in
            switch op {
            case .add: return try Variable.add(a, b)
            case .subtract: return try Variable.subtract(a, b)
            case .multiply: return try Variable.multiply(a, b)
            case .divide: return try Variable.divide(a, b)
            case .power: return try Variable.power(a, b)
            case .matmul: return try Variable.matmul(a, b)
            case .modulo:
                // a mod b = a − ⌊a / b⌋·b with the floor held constant.
                let quotient = try Tensor.floorDivide(a.value, b.value)
                return try Variable.subtract(a, try Variable.multiply(Variable(quotient), b))
            default: return a
            }
        }
        return .traced(result)
    }

    /// A binary or unary operator's operand as a variable, an error located at `span`.
    func variableOperand(_ value: Value, _ span: SourceSpan) throws -> Variable {
        do {
            return try Convert.variable(value, "operand")
        } catch var error as KisoError {
            error.span = error.span ?? span
            throw error
        }
    }

    /// The error for writing into a tensor through an index while differentiating: the tape
    /// records values, and an in-place write would change a value it already recorded.
    func tracedAssignmentError(_ span: SourceSpan) -> KisoError {
        KisoError(
            .type, "cannot assign into a tensor through an index while differentiating it", span: span,
            hint: "build a new tensor instead, e.g. where(mask, new, x), concatenate(…) or stack(…)")
    }
}
