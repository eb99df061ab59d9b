import KisoTensor

/// A Kiso value. Containers are Swift values, so assignment copies (`b = a; b[0] = 9` leaves
/// `a` alone); tensors share storage until one side writes.
enum Value {
    /// A Python float.
    case number(Double)
    /// A Python int, held in 64 bits; arithmetic that would overflow is an error, never a wrap.
    case int(Int)
    case tensor(Tensor)
    case string(String)
    case bool(Bool)
    case none
    case list([Value])
    case tuple([Value])
    case dict(KisoDict)
    case range(KisoRange)
    case function(Closure)
    case builtin(Builtin)
    case method(BoundMethod)
    /// Boxed: a plot is large, and a `Value` is as large as its largest inline case, so an
    /// inline plot would make every number and tensor the interpreter copies a plot's size.
    indirect case plot(PlotValue)
    /// A tensor being differentiated: the value plus its place on the tapes of the enclosing
    /// `grad` calls. Only tracked variables live here; see `Value.traced`. A `Variable` is a
    /// reference already, so it needs no box.
    case variable(Variable)
    /// An object: a random Generator, an optimizer, … — whatever its `ObjectType` declares.
    case object(any KisoObject)

    /// The kind as a learner reads it: "a number", "a tensor", ….
    var kindName: String {
        switch self {
        case .number: return "a float"
        case .int: return "an int"
        case .tensor: return "a tensor"
        case .string: return "a string"
        case .bool: return "a bool"
        case .none: return "none"
        case .list: return "a list"
        case .tuple: return "a tuple"
        case .dict: return "a dict"
        case .range: return "a range"
        case .function, .method: return "a function"
        case .builtin: return "a builtin function"
        case .plot: return "a plot"
        case .variable: return "a tensor"
        case .object(let o): return o.objectType.kindName
        }
    }

    /// The bare kind, for `:vars`.
    var shortKind: String {
        switch self {
        case .number: return "float"
        case .int: return "int"
        case .tensor(let t): return "tensor \(t.dtype)"
        case .string: return "string"
        case .bool: return "bool"
        case .none: return "none"
        case .list: return "list"
        case .tuple: return "tuple"
        case .dict: return "dict"
        case .range: return "range"
        case .function, .method: return "function"
        case .builtin: return "builtin"
        case .plot: return "plot"
        case .variable(let v): return "tensor \(v.dtype)"
        case .object(let o): return o.objectType.name
        }
    }

    /// Whether the value is a Python scalar number: an int, a float or a bool.
    var isScalarNumber: Bool {
        switch self {
        case .number, .int, .bool: return true
        default: return false
        }
    }

    var isCallable: Bool {
        switch self {
        case .function, .builtin, .method: return true
        default: return false
        }
    }
}

/// A dict that remembers insertion order, with value semantics.
struct KisoDict {
    private(set) var keys: [DictKey] = []
    private(set) var values: [Value] = []
    private var positions: [DictKey: Int] = [:]

    var count: Int { keys.count }

    subscript(key: DictKey) -> Value? {
        positions[key].map { values[$0] }
    }

    /// Moves the values out, leaving an inconsistent dict that must be dropped next: for
    /// ``ValueRelease``, which frees deeply nested values without recursion.
    mutating func takeValues() -> [Value] {
        defer { values = [] }
        return values
    }

    /// The same keys, in the same order, each holding `transform` of its value. The keys and
    /// their index are shared with this dict rather than hashed again.
    func mappingValues(_ transform: (Value) throws -> Value) rethrows -> KisoDict {
        var result = self
        result.values = try values.map(transform)
        return result
    }

    mutating func set(_ key: DictKey, _ value: Value) {
        if let i = positions[key] {
            values[i] = value
        } else {
            positions[key] = keys.count
            keys.append(key)
            values.append(value)
        }
    }
}

/// The values a dict key may take. As in Python, keys that compare equal are one key:
/// `1`, `1.0` and `true` find the same entry.
enum DictKey: Hashable {
    case string(String)
    case number(Double)
    case int(Int)
    case bool(Bool)
    case none
    case tuple([DictKey])

    var value: Value {
        switch self {
        case .string(let s): return .string(s)
        case .number(let n): return .number(n)
        case .int(let n): return .int(n)
        case .bool(let b): return .bool(b)
        case .none: return .none
        case .tuple(let items): return .tuple(items.map(\.value))
        }
    }

    /// The key's numeric value when it is a number or a bool.
    private var numeric: Double? {
        switch self {
        case .number(let x): return x
        case .int(let n): return Double(n)
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    static func == (a: DictKey, b: DictKey) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): return x == y
        case (.none, .none): return true
        case (.tuple(let x), .tuple(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        default:
            guard let x = a.numeric, let y = b.numeric else { return false }
            return x == y
        }
    }

    func hash(into hasher: inout Hasher) {
        switch self {
        case .string(let s): hasher.combine(s)
        case .none: hasher.combine(0)
        case .tuple(let items): hasher.combine(items)
        case .int(let n): hasher.combine(Double(n))
        default: hasher.combine(numeric ?? 0)
        }
    }
}

/// `range(start, stop, step)`, walked lazily so `range(10^12)` costs nothing until iterated.
struct KisoRange {
    var start: Int
    var stop: Int
    var step: Int

    var count: Int {
        if step > 0 {
            return start >= stop ? 0 : (stop &- start &- 1) / step &+ 1
        }
        return start <= stop ? 0 : (start &- stop &- 1) / (-step) &+ 1
    }

    func element(_ i: Int) -> Int { start &+ i &* step }
}

/// A function written in Kiso, with the frame it closes over and its evaluated defaults.
final class Closure {
    let decl: FunctionDecl
    let frame: Frame?
    let defaults: [Value?]

    init(decl: FunctionDecl, frame: Frame?, defaults: [Value?]) {
        self.decl = decl
        self.frame = frame
        self.defaults = defaults
    }
}

/// The local variables of one call; closures keep their defining frame alive.
final class Frame {
    var slots: [Value?]
    let parent: Frame?

    init(slotCount: Int, parent: Frame?) {
        slots = [Value?](repeating: nil, count: slotCount)
        self.parent = parent
    }

    deinit {
        ValueRelease.clear(&slots)
    }
}

/// A builtin with its first argument already supplied: `x.sum` or `rng.normal`.
final class BoundMethod {
    let receiver: Value
    let builtin: Builtin

    init(receiver: Value, builtin: Builtin) {
        self.receiver = receiver
        self.builtin = builtin
    }
}
