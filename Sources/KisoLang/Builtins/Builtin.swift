import KisoTensor

/// What a builtin parameter accepts. Argument checking is derived from it.
enum ParameterKind: Equatable {
    /// Anything.
    case any
    /// A tensor, or anything that becomes one (a number, a bool, a list of numbers).
    case tensor
    /// A number or a tensor; numbers stay numbers (`sqrt(8)` is a number).
    case numeric
    /// A number (a one-element tensor is accepted).
    case number
    /// A whole number.
    case int
    /// true or false.
    case bool
    /// Text.
    case string
    /// none, an int, or a list of ints.
    case axes
    /// An int or a list of ints.
    case shape
    /// A list of tensors.
    case tensors
    /// A function.
    case function
    /// An object of the named `ObjectType` (the receiver of its methods, or an argument).
    case object(String)
    /// A tensor, or items to look through: a list, tuple, dict (its keys), string or range.
    case collection
    /// An element kind: its name ("float64", "int64", "bool") or the builtin float, int or bool.
    case dtype

    /// How a message names the kind.
    var expectation: String {
        switch self {
        case .any: return "a value"
        case .tensor: return "a tensor"
        case .numeric: return "a number or a tensor"
        case .number: return "a number"
        case .int: return "an integer"
        case .bool: return "true or false"
        case .string: return "a string"
        case .axes: return "an axis (an integer or a list of integers)"
        case .shape: return "a shape (an integer or a list of integers)"
        case .tensors: return "a list of tensors"
        case .function: return "a function"
        case .object(let typeName): return withArticle(typeName)
        case .collection: return "a tensor, list, tuple, dict, string or range"
        case .dtype: return "a dtype (\"float64\", \"int64\", \"bool\", or float, int, bool)"
        }
    }

    /// Whether `value` can serve; the implementation's conversion gives the precise error.
    func accepts(_ value: Value) -> Bool {
        // One switch per side, binding no payload: a tuple of the two would copy the value
        // (a tensor's three buffers retained and released) on every argument of every call.
        switch self {
        case .any: return true
        case .tensor:
            switch value {
            case .tensor, .number, .int, .bool, .list, .tuple, .range, .variable: return true
            default: return false
            }
        case .numeric:
            switch value {
            case .tensor, .number, .int, .bool, .list, .tuple, .variable: return true
            default: return false
            }
        case .number, .int, .bool:
            switch value {
            case .number, .int, .bool, .tensor, .variable: return true
            default: return false
            }
        case .string:
            if case .string = value { return true }
            return false
        case .dtype:
            switch value {
            case .string, .builtin: return true
            default: return false
            }
        case .axes:
            switch value {
            case .none, .number, .int, .list, .tuple, .tensor, .variable: return true
            default: return false
            }
        case .shape:
            switch value {
            case .number, .int, .list, .tuple, .tensor, .range, .variable: return true
            default: return false
            }
        case .tensors:
            switch value {
            case .list, .tuple, .tensor, .variable: return true
            default: return false
            }
        case .function: return value.isCallable
        case .collection: return ParameterKind.tensor.accepts(value) || value.isCollection
        case .object(let typeName):
            switch value {
            case .object(let object): return object.objectType.name == typeName
            // A tensor written as bracketed numbers also answers a list's methods (xs.append).
            case .tensor: return typeName == ObjectType.tensor.name || typeName == "list"
            case .variable: return typeName == ObjectType.tensor.name
            case .string, .dict, .list: return ObjectType.methods(of: value)?.name == typeName
            default: return false
            }
        }
    }
}

/// One parameter of a builtin.
struct BuiltinParameter {
    var name: String
    var kind: ParameterKind
    /// The default, or nil when the argument is required.
    var defaultValue: Value?
    /// Whether `none` is allowed besides `kind`.
    var optional: Bool
    /// Whether the parameter gathers every remaining positional argument into a list.
    var variadic: Bool
    /// Whether the parameter gathers every keyword argument no other parameter takes into a
    /// dict, in the order given (`p.log(loss=l, acc=a)`).
    var gathersKeywords = false

    var signatureText: String {
        if gathersKeywords { return "**\(name)" }
        if variadic { return "*\(name)" }
        guard let defaultValue else { return name }
        // A signature is Kiso source, so a bool default reads as the literal `true` / `false`.
        if case .bool(let b) = defaultValue { return "\(name)=\(b ? "true" : "false")" }
        return "\(name)=\(defaultValue.repr)"
    }
}

/// A Swift function exposed to Kiso: the single place where its name, parameters, defaults,
/// documentation, implementation and behaviour under `grad` meet.
final class Builtin {
    let name: String
    let parameters: [BuiltinParameter]
    let doc: String
    let example: String
    let category: String
    let body: (inout Arguments) throws -> Value
    /// Whether `x.name(…)` works on tensors (the first parameter takes a tensor).
    let isTensorMethod: Bool
    /// What it does when an argument is being differentiated.
    let grad: GradBehaviour
    /// The parameter whose argument the builtin changes, as Python's `xs.append(v)` or NumPy's
    /// `rng.shuffle(x)` change theirs: the body writes the new value into that argument's slot,
    /// and the call site stores it back into the variable (or element) the argument was read
    /// from. Nil for the builtins that change nothing (almost all).
    var mutates: Int? = nil
    /// Per parameter, the argument cases it takes without a closer look (see `acceptedCases`).
    let acceptedCases: [UInt32]

    init(
        name: String, parameters: [BuiltinParameter], doc: String, example: String, category: String,
        grad: GradBehaviour = .notDifferentiable, body: @escaping (inout Arguments) throws -> Value
    ) {
        self.name = name
        self.parameters = parameters
        self.doc = doc
        self.example = example
        self.category = category
        self.grad = grad
        self.body = body
        acceptedCases = parameters.map(\.acceptedCases)
        if let first = parameters.first, !first.variadic {
            isTensorMethod = first.kind == .tensor || first.kind == .numeric || first.kind == .collection
        } else {
            isTensorMethod = false
        }
    }

    /// `sum(x, axis=none, keepdims=false)`.
    var signature: String {
        "\(name)(" + parameters.map(\.signatureText).joined(separator: ", ") + ")"
    }
}

/// A builtin's arguments, bound to its parameters by position and name, defaults filled in.
struct Arguments {
    var values: [Value]
    let builtin: Builtin
    let interpreter: Interpreter
    let span: SourceSpan

    private func name(_ i: Int) -> String { builtin.parameters[i].name }

    subscript(_ i: Int) -> Value { values[i] }

    func isNone(_ i: Int) -> Bool {
        if case .none = values[i] { return true }
        return false
    }

    func tensor(_ i: Int) throws -> Tensor { try Convert.tensor(values[i], name(i)) }
    func optionalTensor(_ i: Int) throws -> Tensor? { isNone(i) ? nil : try tensor(i) }
    func number(_ i: Int) throws -> Double { try Convert.number(values[i], name(i)) }
    func int(_ i: Int) throws -> Int { try Convert.int(values[i], name(i)) }
    func optionalInt(_ i: Int) throws -> Int? { isNone(i) ? nil : try int(i) }
    func bool(_ i: Int) throws -> Bool { try Convert.bool(values[i], name(i)) }
    func string(_ i: Int) throws -> String { try Convert.string(values[i], name(i)) }
    func axes(_ i: Int) throws -> [Int]? { try Convert.axes(values[i], name(i)) }
    func shape(_ i: Int) throws -> [Int] { try Convert.ints(values[i], name(i)) }
    func optionalShape(_ i: Int) throws -> [Int]? { isNone(i) ? nil : try shape(i) }
    func tensors(_ i: Int) throws -> [Tensor] { try Convert.tensors(values[i], name(i)) }

    /// The single axis of an `axis` argument that must name one axis, or nil for none.
    func axis(_ i: Int) throws -> Int? {
        guard let axes = try axes(i) else { return nil }
        guard axes.count == 1 else {
            throw KisoError(
                .type, "`\(builtin.name)` takes one axis for `\(name(i))`, got \(axes.count)",
                hint: "give a single integer")
        }
        return axes[0]
    }
}

/// Binding call arguments to a builtin's parameters, with the checks every builtin shares.
extension Builtin {
    func bind(
        positional: [Value], keywords: [(label: String, value: Value, span: SourceSpan)], interpreter: Interpreter,
        span: SourceSpan
    ) throws -> Arguments {
        var slots = [Value?](repeating: nil, count: parameters.count)
        var index = 0
        let positionalCount = parameters.count - (parameters.last?.gathersKeywords == true ? 1 : 0)
        for value in positional {
            if index < parameters.count, parameters[index].gathersKeywords {
                throw KisoError(
                    .argument, "`\(name)` takes `\(parameters[index].name)` by name, as name=value",
                    span: span, hint: signature)
            }
            guard index < positionalCount else {
                throw KisoError(
                    .argument,
                    "`\(name)` takes at most \(positionalCount) positional argument\(positionalCount == 1 ? "" : "s"), got \(positional.count)",
                    span: span, hint: signature)
            }
            if parameters[index].variadic {
                if case .list(var items)? = slots[index] {
                    items.append(value)
                    slots[index] = .list(items)
                } else {
                    slots[index] = .list([value])
                }
                continue
            }
            slots[index] = value
            index += 1
        }
        let gatherer = parameters.firstIndex(where: \.gathersKeywords)
        var labelOfSlot: [Int: String] = [:]
        for (label, value, keywordSpan) in keywords {
            guard let i = parameterIndex(forKeyword: label) else {
                if let gatherer {
                    var gathered = KisoDict()
                    if case .dict(let d)? = slots[gatherer] { gathered = d }
                    if gathered[.string(label)] != nil {
                        throw KisoError(
                            .argument, "`\(name)` got `\(label)` twice", span: keywordSpan, hint: signature)
                    }
                    gathered.set(.string(label), value)
                    slots[gatherer] = .dict(gathered)
                    continue
                }
                let names = parameters.filter { !$0.variadic }.map(\.name)
                let suggestion = closestName(to: label, among: names)
                throw KisoError(
                    .argument, "`\(name)` has no parameter `\(label)`", span: keywordSpan,
                    hint: suggestion.map { "did you mean `\($0)`? \(signature)" } ?? signature)
            }
            if let earlier = labelOfSlot[i], earlier != label {
                throw KisoError(
                    .argument, "`\(name)` got both `\(earlier)` and `\(label)`, two names for one parameter",
                    span: keywordSpan, hint: "give only one of them: \(signature)")
            }
            if slots[i] != nil {
                throw KisoError(
                    .argument, "`\(name)` got `\(label)` twice, by position and by name", span: keywordSpan,
                    hint: signature)
            }
            // A variadic parameter given by name is its whole list: `transpose(x, axes=[1, 0])`.
            slots[i] = parameters[i].variadic ? .list([value]) : value
            labelOfSlot[i] = label
        }
        var values: [Value] = []
        values.reserveCapacity(parameters.count)
        for i in parameters.indices {
            values.append(try checkedArgument(i, slots[i], span: span))
        }
        return Arguments(values: values, builtin: self, interpreter: interpreter, span: span)
    }

    /// Parameter `i`'s argument: the one given, else the default; checked against its kind.
    @inline(__always)
    func checkedArgument(_ i: Int, _ given: Value?, span: SourceSpan) throws -> Value {
        let parameter = parameters[i]
        guard
            let value = given ?? parameter.defaultValue ?? (parameter.variadic ? .list([]) : nil)
                ?? (parameter.gathersKeywords ? .dict(KisoDict()) : nil)
        else {
            throw KisoError(
                .argument, "`\(name)` is missing its argument `\(parameter.name)`", span: span, hint: signature)
        }
        try checkKind(i, value, span: span)
        return value
    }

    /// Checks `value` against the kind of parameter `i`.
    @inline(__always)
    func checkKind(_ i: Int, _ value: Value, span: SourceSpan) throws {
        // Most arguments are settled by their case, read in place without copying the value.
        if acceptedCases[i] & value.caseBit != 0 { return }
        // Fields read in place: a copy of the parameter would retain its strings and default.
        if !parameters[i].variadic, !parameters[i].gathersKeywords, !(parameters[i].optional && isNoneValue(value)),
            !parameters[i].kind.accepts(value)
        {
            let parameter = parameters[i]
            throw KisoError(
                .type,
                "`\(name)` expected \(parameter.kind.expectation) for `\(parameter.name)`, got \(value.kindName)",
                span: span, hint: signature)
        }
    }

    /// PyTorch's names for NumPy's parameters, accepted wherever the NumPy name is a parameter
    /// and the PyTorch name is not: `sum(x, dim=0)` is `sum(x, axis=0)`. Declared once, here.
    static let keywordAliases: [String: String] = ["dim": "axis", "keepdim": "keepdims"]

    /// The parameter a keyword argument `label` names: the parameter of that name, else the
    /// one it is an alias of; nil when there is none (or it gathers the keywords).
    func parameterIndex(forKeyword label: String) -> Int? {
        if let i = parameters.firstIndex(where: { $0.name == label }) {
            return parameters[i].gathersKeywords ? nil : i
        }
        guard let target = Builtin.keywordAliases[label] else { return nil }
        return parameters.firstIndex { $0.name == target && !$0.gathersKeywords }
    }

    /// The parameter slot of each argument of a call, when the call's form fits this builtin:
    /// no more positional arguments than parameters, every label a parameter not already given
    /// by position, none twice, and no variadic parameter (a receiver takes slot 0). Nil
    /// otherwise; then `bind` reports what is wrong. Decided from the call's form alone, before
    /// any argument is evaluated, so a call can evaluate its arguments straight into place.
    func directSlots(hasReceiver: Bool, labels: [String?]) -> [Int]? {
        guard parameters.count <= 64 else { return nil }
        for parameter in parameters where parameter.variadic || parameter.gathersKeywords { return nil }
        var next = hasReceiver ? 1 : 0
        for label in labels where label == nil { next += 1 }
        guard next <= parameters.count else { return nil }
        var taken: UInt64 = next == 64 ? ~0 : (1 << UInt64(next)) &- 1
        next = hasReceiver ? 1 : 0
        var slots: [Int] = []
        slots.reserveCapacity(labels.count)
        for label in labels {
            guard let label else {
                slots.append(next)
                next += 1
                continue
            }
            guard let i = parameterIndex(forKeyword: label) else { return nil }
            let bit: UInt64 = 1 << UInt64(i)
            if taken & bit != 0 { return nil }
            taken |= bit
            slots.append(i)
        }
        return slots
    }
}

func isNoneValue(_ value: Value) -> Bool {
    if case .none = value { return true }
    return false
}
