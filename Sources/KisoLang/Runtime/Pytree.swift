import KisoTensor

/// Kiso values as pytrees: lists, tuples and dicts whose leaves are numbers and tensors (and
/// `none`, an empty subtree, as in JAX). Gradients and optimizer steps come back in the
/// structure they were given, rebuilt from the original value as a template.
enum Pytree {
    /// The leaves of `value` as a tree of variables, for differentiating argument `argnum`.
    static func variables(_ value: Value, argnum: Int) throws -> Tree<Variable> {
        try tree(value) { leaf in
            switch leaf {
            case .number(let x): return Variable(Tensor(x))
            // An int point is differentiated as the same float point: grad(f)(2) is f'(2.0).
            case .int(let n): return Variable(Tensor(Double(n)))
            case .tensor(let t) where t.dtype == .int64: return Variable(t.cast(to: .float64))
            case .tensor(let t): return Variable(t)
            case .variable(let v): return v
            default:
                throw KisoError(
                    .type, "grad: argument \(argnum) holds \(leaf.kindName), which cannot be differentiated",
                    hint:
                        "differentiate with respect to numbers, float tensors, or lists, tuples and dicts of them; leave this argument out of argnums"
                )
            }
        }
    }

    private static func tree<Leaf>(_ value: Value, depth: Int = 0, _ leaf: (Value) throws -> Leaf) throws -> Tree<Leaf>
    {
        if depth >= Nesting.limit && value.holdsValues { throw Nesting.tooDeep("pytree") }
        switch value {
        case .list(let items): return .list(try items.map { try tree($0, depth: depth + 1, leaf) })
        case .tuple(let items): return .tuple(try items.map { try tree($0, depth: depth + 1, leaf) })
        case .none: return .tuple([])
        case .dict(let d):
            // The keys only shape the tree; rebuilding takes them from the original value.
            return .dict(try d.values.map { (key: "", value: try tree($0, depth: depth + 1, leaf)) })
        default: return .leaf(try leaf(value))
        }
    }

    /// The leaves of `value` as tensors, in the order `rebuild` fills them (`what` names it in errors).
    static func tensorLeaves(_ value: Value, _ what: String) throws -> [Tensor] {
        var leaves: [Tensor] = []
        func walk(_ value: Value, _ depth: Int) throws {
            if depth >= Nesting.limit && value.holdsValues { throw Nesting.tooDeep(what) }
            switch value {
            // forEach lends each element; a `for` loop would copy it.
            case .list(let items), .tuple(let items): try items.forEach { try walk($0, depth + 1) }
            case .none: break
            case .dict(let d): try d.values.forEach { try walk($0, depth + 1) }
            case .number(let x): leaves.append(Tensor(x))
            case .int(let n): leaves.append(Tensor(Double(n)))
            default:
                if let t = value.readableTensor {
                    leaves.append(t)
                    return
                }
                throw KisoError(
                    .type, "`\(what)` holds \(value.kindName); expected numbers and tensors",
                    hint: "pass the parameters as a tensor, or a list, tuple or dict of tensors")
            }
        }
        try walk(value, 0)
        return leaves
    }

    /// Whether two values nest the same way: the same container kinds, lengths and dict keys.
    /// Past ``Nesting/limit`` levels the answer is no: the walks that would follow refuse such values.
    static func sameStructure(_ a: Value, _ b: Value, depth: Int = 0) -> Bool {
        if depth >= Nesting.limit && (a.holdsValues || b.holdsValues) { return false }
        switch (a, b) {
        case (.list(let x), .list(let y)), (.tuple(let x), .tuple(let y)):
            return x.count == y.count && x.indices.allSatisfy { sameStructure(x[$0], y[$0], depth: depth + 1) }
        case (.dict(let x), .dict(let y)):
            return x.keys == y.keys
                && x.values.indices.allSatisfy { sameStructure(x.values[$0], y.values[$0], depth: depth + 1) }
        case (.none, .none): return true
        case (.list, _), (.tuple, _), (.dict, _), (.none, _), (_, .list), (_, .tuple), (_, .dict), (_, .none):
            return false
        default: return true
        }
    }

    /// `template`'s structure holding `leaves` in order; `transform` receives each original
    /// leaf with its replacement, so a number can come back as a number.
    static func rebuild<Leaf>(
        _ template: Value, leaves: [Leaf], _ transform: (Value, Leaf) throws -> Value
    ) throws -> Value {
        var next = 0
        func walk(_ value: Value, _ depth: Int) throws -> Value {
            if depth >= Nesting.limit && value.holdsValues { throw Nesting.tooDeep("pytree") }
            switch value {
            case .list(let items): return .list(try items.map { try walk($0, depth + 1) })
            case .tuple(let items): return .tuple(try items.map { try walk($0, depth + 1) })
            case .none: return .none
            case .dict(let d):
                return .dict(try d.mappingValues { try walk($0, depth + 1) })
            default:
                guard next < leaves.count else {
                    throw KisoError(.value, "a structure of \(leaves.count) leaves cannot fill this value")
                }
                defer { next += 1 }
                return try transform(value, leaves[next])
            }
        }
        return try walk(template, 0)
    }

    /// A result leaf: a number where the original was a number and nothing records the
    /// result, else the tensor (or variable).
    static func leafValue(_ original: Value, _ result: Variable) -> Value {
        if original.isScalarNumber, !result.isTracked, let x = result.value.scalar { return .number(x) }
        return .traced(result)
    }
}
