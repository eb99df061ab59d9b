import KisoTensor

/// A Kiso value. Containers are Swift values, so assignment copies (`b = a; b[0] = 9` leaves
/// `a` alone); tensors share storage until one side writes.
enum Value {
    case number(Double)
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
    /// `grad` calls. Only tracked variables live here; see `Value.traced`. Boxed, like plots,
    /// to keep every other value small.
    indirect case variable(Variable)
    /// An object: a random Generator, an optimizer, … — whatever its `ObjectType` declares.
    case object(any KisoObject)

    /// The kind as a learner reads it: "a number", "a tensor", ….
    var kindName: String {
        switch self {
        case .number: return "a number"
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
        case .number: return "number"
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

/// The values a dict key may take.
enum DictKey: Hashable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case none
    case tuple([DictKey])

    var value: Value {
        switch self {
        case .string(let s): return .string(s)
        case .number(let n): return .number(n)
        case .bool(let b): return .bool(b)
        case .none: return .none
        case .tuple(let items): return .tuple(items.map(\.value))
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
