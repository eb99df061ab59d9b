import Glibc
import KisoTensor

/// Operators on numbers, tensors, strings and containers.
extension Interpreter {
    func binary(_ op: BinaryOperator, _ left: Value, _ right: Value, span: SourceSpan) throws -> Value {
        if op == .contains || op == .notContains {
            return .bool(try contains(right, left, span: span) == (op == .contains))
        }
        // Tensors first, read in place: the switches on pairs below copy both operands.
        if case .tensor(let a) = left {
            switch right {
            case .tensor(let b): return .tensor(try tensorBinary(op, a, b, span: span))
            case .number, .int: return .tensor(try tensorBinary(op, a, try operand(right, span), span: span))
            default: break
            }
        }
        switch (left, right) {
        case (.number(let a), .number(let b)): return try PythonNumbers.float(op, a, b, span: span)
        case (.int(let a), .int(let b)): return try PythonNumbers.int(op, a, b, span: span)
        case (.number(let a), .int(let b)): return try PythonNumbers.float(op, a, Double(b), span: span)
        case (.int(let a), .number(let b)): return try PythonNumbers.float(op, Double(a), b, span: span)
        default: break
        }
        if op == .add { try refuseListPlusTensor(left, right, span: span) }
        switch (left, right) {
        case (.variable, _), (_, .variable):
            return try variableBinary(op, left, right, span: span)
        case (.tensor, _), (_, .tensor):
            if op == .equal || op == .notEqual, isNoneValue(left) || isNoneValue(right) {
                return .bool(op == .notEqual)
            }
            return .tensor(try tensorBinary(op, try operand(left, span), try operand(right, span), span: span))
        case (.string(let a), .string(let b)):
            switch op {
            case .add: return .string(a + b)
            case .equal: return .bool(a == b)
            case .notEqual: return .bool(a != b)
            case .less: return .bool(a < b)
            case .lessEqual: return .bool(a <= b)
            case .greater: return .bool(a > b)
            case .greaterEqual: return .bool(a >= b)
            default: break
            }
        case (.string(let s), .int(let count)) where op == .multiply:
            guard count <= 10_000_000 else {
                throw KisoError(.memory, "string repetition of \(count) is too large", span: span)
            }
            return .string(String(repeating: s, count: Swift.max(0, count)))
        case (.list(let a), .list(let b)) where op == .add:
            return .list(a + b)
        case (.tuple(let a), .tuple(let b)) where op == .add:
            return .tuple(a + b)
        case (.bool, _), (_, .bool):
            if op == .equal || op == .notEqual, !isNumeric(left) || !isNumeric(right) {
                let same = try valuesEqual(left, right)
                return .bool(op == .equal ? same : !same)
            }
            // A bool in arithmetic is the int 0 or 1, as in Python.
            return try binary(op, boolAsInt(left), boolAsInt(right), span: span)
        case (.list, .number), (.number, .list), (.tuple, .number), (.number, .tuple), (.list, .list),
            (.list, .int), (.int, .list), (.tuple, .int), (.int, .tuple):
            // A list of numbers in arithmetic acts as the tensor it would be as a literal.
            if left.holdsTrackedVariable || right.holdsTrackedVariable {
                return try variableBinary(op, left, right, span: span)
            }
            if let l = try? Convert.tensor(left, "left"), let r = try? Convert.tensor(right, "right") {
                return .tensor(try tensorBinary(op, l, r, span: span))
            }
        default: break
        }
        if op == .equal || op == .notEqual {
            let same = try valuesEqual(left, right)
            return .bool(op == .equal ? same : !same)
        }
        throw KisoError(
            .type, "`\(op.rawValue)` does not apply to \(left.kindName) and \(right.kindName)", span: span,
            hint: operatorHint(op, left, right))
    }

    private func isNumeric(_ v: Value) -> Bool {
        switch v {
        case .number, .int, .bool, .tensor: return true
        default: return false
        }
    }

    private func boolAsInt(_ v: Value) -> Value {
        if case .bool(let b) = v { return .int(b ? 1 : 0) }
        return v
    }

    private func operatorHint(_ op: BinaryOperator, _ left: Value, _ right: Value) -> String? {
        if op == .modulo, case .string = left {
            return "Kiso formats text with f-strings: \"%d apples\" % n is f\"{n:d} apples\""
        }
        if case .string = left { return "convert with str(…) to join text, or float(…) to compute" }
        if case .string = right { return "convert with str(…) to join text, or float(…) to compute" }
        if case .none = left { return "a variable holds none; assign it a value first" }
        if case .none = right { return "a variable holds none; assign it a value first" }
        return nil
    }

    private func operand(_ value: Value, _ span: SourceSpan) throws -> Tensor {
        switch value {
        case .tensor(let t): return t
        case .number(let x): return Tensor(x, dtype: .float64)
        case .int(let n): return Tensor(Double(n), dtype: .int64)
        default:
            do {
                return try Convert.tensor(value, "operand")
            } catch var error as KisoError {
                error.span = error.span ?? span
                throw error
            }
        }
    }

    func tensorBinary(_ op: BinaryOperator, _ a: Tensor, _ b: Tensor, span: SourceSpan) throws -> Tensor {
        try engine(span) {
            switch op {
            case .add: return try Tensor.add(a, b)
            case .subtract: return try Tensor.subtract(a, b)
            case .multiply: return try Tensor.multiply(a, b)
            case .divide: return try Tensor.divide(a, b)
            case .floorDivide: return try Tensor.floorDivide(a, b)
            case .modulo: return try Tensor.mod(a, b)
            case .power: return try Tensor.power(a, b)
            case .equal: return try Tensor.equal(a, b)
            case .notEqual: return try Tensor.notEqual(a, b)
            case .less: return try Tensor.less(a, b)
            case .lessEqual: return try Tensor.lessEqual(a, b)
            case .greater: return try Tensor.greater(a, b)
            case .greaterEqual: return try Tensor.greaterEqual(a, b)
            case .matmul: return try KisoTensor.matmul(a, b)
            case .contains, .notContains:
                throw TensorError(.value, "`in` is not an elementwise operation")
            }
        }
    }

    func unary(_ op: UnaryOperator, _ value: Value, span: SourceSpan) throws -> Value {
        switch (op, value) {
        case (.not, _): return .bool(!(try truth(value, span: span)))
        case (.negate, .number(let x)): return .number(-x)
        case (.negate, .int(let n)): return try PythonNumbers.negate(n, span: span)
        case (.plus, .number), (.plus, .int): return value
        case (.plus, .bool(let b)): return .int(b ? 1 : 0)
        case (.plus, .tensor), (.plus, .variable): return value
        case (.negate, .bool(let b)): return .int(b ? -1 : 0)
        case (.negate, .tensor), (.negate, .variable), (.negate, .list), (.negate, .tuple):
            // Negation's pullback captures nothing, so a constant pays no more than the tensor's.
            let x = try variableOperand(value, span)
            return .traced(try engine(span) { try x.negated() })
        default:
            throw KisoError(.type, "unary `\(op.rawValue)` does not apply to \(value.kindName)", span: span)
        }
    }

    /// Whether a value counts as true in `if`, `while`, `and`, `or`, `not`.
    func truth(_ value: Value, span: SourceSpan) throws -> Bool {
        switch value {
        case .bool(let b): return b
        case .number(let x): return x != 0
        case .int(let n): return n != 0
        case .none: return false
        case .string(let s): return !s.isEmpty
        case .list(let xs), .tuple(let xs): return !xs.isEmpty
        case .dict(let d): return d.count > 0
        case .range(let r): return r.count > 0
        default:
            // Functions, plots and objects are true, as in Python; a tensor is its element's truth.
            guard let t = value.readableTensor else { return true }
            if let x = t.scalar { return x != 0 }
            throw KisoError(
                .value,
                "the truth of a tensor with \(t.count) elements (shape \(formatShape(t.shape))) is ambiguous",
                span: span, hint: "use any(…) or all(…) to ask about its elements")
        }
    }

    func valuesEqual(_ a: Value, _ b: Value, depth: Int = 0) throws -> Bool {
        if depth >= Nesting.limit && a.holdsValues && b.holdsValues { throw Nesting.tooDeep("==") }
        switch (a, b) {
        case (.number(let x), .number(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.number(let x), .int(let y)), (.int(let y), .number(let x)): return x == Double(y)
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .bool(let y)), (.bool(let y), .number(let x)): return x == (y ? 1 : 0)
        case (.int(let x), .bool(let y)), (.bool(let y), .int(let x)): return x == (y ? 1 : 0)
        case (.string(let x), .string(let y)): return x == y
        case (.none, .none): return true
        case (.list(let x), .list(let y)), (.tuple(let x), .tuple(let y)):
            return try x.count == y.count && zip(x, y).allSatisfy { try valuesEqual($0, $1, depth: depth + 1) }
        case (.dict(let x), .dict(let y)):
            return try x.keys == y.keys
                && zip(x.values, y.values).allSatisfy { try valuesEqual($0, $1, depth: depth + 1) }
        case (.range(let x), .range(let y)): return x.start == y.start && x.stop == y.stop && x.step == y.step
        case (.function(let x), .function(let y)): return x === y
        case (.builtin(let x), .builtin(let y)): return x === y
        case (.object(let x), .object(let y)): return x === y
        default:
            // A tensor equals a tensor, whether or not either is being differentiated.
            guard let x = a.readableTensor, let y = b.readableTensor else { return false }
            return x.shape == y.shape && x.scalars == y.scalars
        }
    }

    // MARK: - Indexing

    func tensorIndices(_ items: [IndexItem], frame: Frame?) throws -> [TensorIndex] {
        var indices: [TensorIndex] = []
        indices.reserveCapacity(items.count)
        for item in items {
            switch item {
            case .expression(let e):
                if case .ellipsis = e.kind {
                    indices.append(.ellipsis)
                    continue
                }
                indices.append(try tensorIndex(of: try evaluate(e, frame: frame), span: e.span))
            case .slice(let a, let b, let c, let span):
                func bound(_ e: Expr?) throws -> Int? {
                    guard let e else { return nil }
                    let v = try evaluate(e, frame: frame)
                    if case .none = v { return nil }
                    do {
                        return try Convert.int(v, "slice bound")
                    } catch var error as KisoError {
                        error.span = e.span
                        throw error
                    }
                }
                _ = span
                indices.append(.slice(start: try bound(a), stop: try bound(b), step: try bound(c)))
            }
        }
        return indices
    }

    func sequenceIndex(_ items: [IndexItem], count: Int, span: SourceSpan, frame: Frame?) throws -> Int {
        guard items.count == 1, case .expression(let e) = items[0] else {
            throw KisoError(.index, "a list takes one index here", span: span, hint: "xs[0]")
        }
        let i = try Convert.int(try evaluate(e, frame: frame), "index")
        let resolved = i < 0 ? i + count : i
        guard resolved >= 0 && resolved < count else {
            throw KisoError(
                .index, "index \(i) is out of range for \(count) element\(count == 1 ? "" : "s")", span: e.span,
                hint: count == 0 ? "it is empty" : "valid indices are -\(count)…\(count - 1)")
        }
        return resolved
    }

    /// `container[items]` where every item is a plain expression, compiled to `positions` (each
    /// with its span): a tensor evaluates them without walking their syntax; anything else is
    /// indexed by `index(_:_:span:frame:)`.
    func index(
        _ container: Value, _ items: [IndexItem], compiled positions: [(CompiledExpression, SourceSpan)],
        span: SourceSpan, frame: Frame?
    ) throws -> Value {
        switch container {
        case .tensor, .variable:
            var indices: [TensorIndex] = []
            indices.reserveCapacity(positions.count)
            for (position, itemSpan) in positions {
                indices.append(try tensorIndex(of: try position(self, frame), span: itemSpan))
            }
            return try tensorSubscript(container, indices, span: span)
        default:
            return try index(container, items, span: span, frame: frame)
        }
    }

    func index(_ container: Value, _ items: [IndexItem], span: SourceSpan, frame: Frame?) throws -> Value {
        switch container {
        case .tensor, .variable:
            let indices = try tensorIndices(items, frame: frame)
            return try tensorSubscript(container, indices, span: span)
        case .list(let xs), .tuple(let xs):
            let isTuple: Bool
            if case .tuple = container { isTuple = true } else { isTuple = false }
            if items.count == 1, case .slice(let a, let b, let c, _) = items[0] {
                let picked = try sliceElements(xs.count, a, b, c, frame: frame, span: span).map { xs[$0] }
                return isTuple ? .tuple(picked) : .list(picked)
            }
            return xs[try sequenceIndex(items, count: xs.count, span: span, frame: frame)]
        case .string(let s):
            let chars = Array(s)
            if items.count == 1, case .slice(let a, let b, let c, _) = items[0] {
                return .string(
                    String(try sliceElements(chars.count, a, b, c, frame: frame, span: span).map { chars[$0] }))
            }
            return .string(String(chars[try sequenceIndex(items, count: chars.count, span: span, frame: frame)]))
        case .range(let r):
            let n = r.count
            return .int(r.element(try sequenceIndex(items, count: n, span: span, frame: frame)))
        case .dict(let d):
            guard items.count == 1, case .expression(let keyExpr) = items[0] else {
                throw KisoError(.index, "a dict takes one key", span: span, hint: "d[\"key\"]")
            }
            let key = try dictKey(try evaluate(keyExpr, frame: frame), span: keyExpr.span)
            if let value = d[key] { return value }
            var hint = "the keys are " + d.keys.prefix(8).map { $0.value.repr }.joined(separator: ", ")
            if case .string(let s) = key,
                let near = closestName(
                    to: s, among: d.keys.compactMap { if case .string(let k) = $0 { return k } else { return nil } })
            {
                hint = "did you mean \(quoteString(near))?"
            }
            throw KisoError(
                .index, "key \(key.value.repr) is not in the dict", span: keyExpr.span,
                hint: d.count == 0 ? "the dict is empty" : hint)
        default:
            throw KisoError(
                .type, "cannot index \(container.kindName)", span: span,
                hint: "only tensors, lists, tuples, strings and dicts take `[…]`")
        }
    }

    private func sliceElements(
        _ count: Int, _ a: Expr?, _ b: Expr?, _ c: Expr?, frame: Frame?, span: SourceSpan
    ) throws
        -> [Int]
    {
        func bound(_ e: Expr?) throws -> Int? {
            guard let e else { return nil }
            let v = try evaluate(e, frame: frame)
            if case .none = v { return nil }
            return try Convert.int(v, "slice bound")
        }
        let step = try bound(c) ?? 1
        guard step != 0 else { throw KisoError(.value, "slice step cannot be zero", span: span) }
        func clamp(_ x: Int?, _ fallback: Int, low: Int, high: Int) -> Int {
            guard var v = x else { return fallback }
            if v < 0 { v += count }
            return Swift.min(Swift.max(v, low), high)
        }
        var out: [Int] = []
        if step > 0 {
            var i = clamp(try bound(a), 0, low: 0, high: count)
            let stop = clamp(try bound(b), count, low: 0, high: count)
            while i < stop {
                out.append(i)
                i += step
            }
        } else {
            var i = clamp(try bound(a), count - 1, low: -1, high: count - 1)
            let stop = clamp(try bound(b), -1, low: -1, high: count - 1)
            while i > stop {
                out.append(i)
                i += step
            }
        }
        return out
    }

    // MARK: - Attributes

    /// `receiver.name`: an attribute's value or a bound method, as the receiver's `ObjectType`
    /// declares them; on tensors also every builtin whose first parameter takes a tensor.
    func attribute(_ receiver: Value, _ name: String, span: SourceSpan) throws -> Value {
        do {
            switch receiver {
            case .object(let namespace as LibraryNamespace):
                return try namespace.member(name)
            case .object(let object):
                let type = object.objectType
                if let member = try type.member(name, of: receiver) { return member }
                throw type.unknownMember(name)
            case .tensor, .variable:
                let type = ObjectType.tensor
                if let member = try type.member(name, of: receiver) { return member }
                if let builtin = registry.byName[name], builtin.isTensorMethod {
                    return .method(BoundMethod(receiver: receiver, builtin: builtin))
                }
                if ["append", "extend", "insert", "pop", "remove"].contains(name) {
                    // Python's list habit meeting Kiso's rule that numbers in brackets are a
                    // tensor: the tensor changes as the list it was written as would.
                    if case .tensor(let t) = receiver, t.rank >= 1,
                        let member = try ObjectType.list.member(name, of: receiver)
                    {
                        return member
                    }
                    throw KisoError(
                        .type, "\(receiver.kindName) of rank 0 or under differentiation has no `.\(name)`",
                        hint: "grow a list started from `xs = []`, or join tensors with concatenate([x, [v]])")
                }
                if ["backward", "grad", "requires_grad", "zero_grad"].contains(name) {
                    throw KisoError(
                        .name, "a tensor has no `.\(name)`: Kiso differentiates functions, as JAX does",
                        hint:
                            "write the loss as a function of the parameters and call grad(loss)(w) for its gradient at w"
                    )
                }
                throw type.unknownMember(name, extra: tensorMethodNames, more: "and methods such as .sum()")
            default:
                if let type = ObjectType.methods(of: receiver) {
                    if let member = try type.member(name, of: receiver) { return member }
                    // A list of numbers built by `append` is a tensor to the tensor methods.
                    if case .list = receiver, let builtin = registry.byName[name], builtin.isTensorMethod,
                        builtin.parameters[0].kind.accepts(receiver)
                    {
                        return .method(BoundMethod(receiver: receiver, builtin: builtin))
                    }
                    throw type.unknownMember(name)
                }
                if let builtin = registry.byName[name], builtin.isTensorMethod,
                    builtin.parameters[0].kind.accepts(receiver)
                {
                    return .method(BoundMethod(receiver: receiver, builtin: builtin))
                }
                let suggestion = closestName(to: name, among: ObjectType.tensor.memberNames + tensorMethodNames)
                throw KisoError(
                    .type, "\(receiver.kindName) has no attribute `\(name)`",
                    hint: suggestion.map { "did you mean `\($0)`?" })
            }
        } catch let error as TensorError {
            throw KisoError(error, span: span)
        } catch var error as KisoError {
            if error.span == nil { error.span = span }
            throw error
        }
    }

    /// `receiver.name` where `declared` is the tensor attribute of that name: the attribute's
    /// value for a tensor, `attribute(_:_:span:)` for anything else.
    func attribute(_ receiver: Value, _ name: String, declared: ObjectAttribute, span: SourceSpan) throws -> Value {
        switch receiver {
        case .tensor, .variable:
            do {
                return try declared.get(receiver)
            } catch let error as TensorError {
                throw KisoError(error, span: span)
            } catch var error as KisoError {
                if error.span == nil { error.span = span }
                throw error
            }
        default:
            return try attribute(receiver, name, span: span)
        }
    }

    /// The callee of `receiver.name(…)`: the attribute as `attribute` finds it, except that on a
    /// tensor a declared method wins over an attribute of the same name, so `x.size(0)` is
    /// PyTorch's call while `x.size` stays NumPy's element count.
    func calledMember(_ receiver: Value, _ name: String, span: SourceSpan) throws -> Value {
        switch receiver {
        case .tensor, .variable:
            if let method = ObjectType.tensor.method(name) {
                return .method(BoundMethod(receiver: receiver, builtin: method))
            }
        default: break
        }
        return try attribute(receiver, name, span: span)
    }

    /// `xs + [v]` where xs is a list: a Python learner means joining lists, but `[v]` is a
    /// tensor in Kiso, and a list meets a tensor as the tensor it would be, so `[] + [0.5]` would
    /// broadcast to an empty tensor. Said plainly instead of computed.
    private func refuseListPlusTensor(_ left: Value, _ right: Value, span: SourceSpan) throws {
        let list: [Value]
        switch (left, right) {
        case (.list(let xs), .tensor), (.list(let xs), .variable), (.tensor, .list(let xs)), (.variable, .list(let xs)):
            list = xs
        default: return
        }
        let trap =
            list.isEmpty
            ? "`+` of an empty list and a tensor would broadcast to an empty tensor, not join them"
            : "`+` of a list and a tensor is ambiguous: Python would join them, NumPy would add elementwise"
        throw KisoError(
            .type, trap, span: span,
            hint:
                "numbers in brackets are a tensor in Kiso; to add an item to a list write `xs.append(v)`, to join tensors `concatenate([x, y])`, to add elementwise `array(xs) + y`"
        )
    }

    /// The builtins `x.f(…)` reaches on a tensor.
    var tensorMethodNames: [String] { registry.functions.filter(\.isTensorMethod).map(\.name) }
}
