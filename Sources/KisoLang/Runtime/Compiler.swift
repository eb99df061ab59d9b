/// A resolved expression compiled to a closure: evaluating it walks no syntax tree.
typealias CompiledExpression = (Interpreter, Frame?) throws -> Value
/// A resolved statement, or a block of them, compiled to a closure.
typealias CompiledStatement = (Interpreter, Frame?) throws -> Flow

/// Compiles resolved syntax to closures, once per function body and once per loop, so that
/// running them does not copy syntax nodes out of the tree, switch on their kinds or look up
/// call bindings again on every turn. Behaviour stays in the interpreter's semantic functions
/// (`binary`, `unary`, `truth`, `index`, `attribute`, `call`, `store`, `lookup`), which the
/// closures call; forms without a compiled shape are evaluated by the tree walker
/// (`Interpreter.evaluate` / `execute`), so every form keeps exactly one meaning.
struct Compiler {
    let interpreter: Interpreter

    // MARK: - Statements

    /// A block: runs the statements in order; the value of the last one is the block's value,
    /// and `break`, `continue` and `return` end it early.
    func block(_ statements: [Stmt]) -> CompiledStatement {
        let compiled = statements.map(statement)
        switch compiled.count {
        case 0: return { _, _ in .value(.none) }
        case 1: return compiled[0]
        default:
            return { i, f in
                var last: Value = .none
                for run in compiled {
                    let flow = try run(i, f)
                    guard case .value(let v) = flow else { return flow }
                    last = v
                }
                return .value(last)
            }
        }
    }

    func statement(_ s: Stmt) -> CompiledStatement {
        switch s.kind {
        case .expression(let e):
            let value = expression(e)
            return { i, f in .value(try value(i, f)) }
        case .assign(let target, let valueExpr):
            guard case .name(let ref) = target.kind else { return walked(s) }
            let value = expression(valueExpr)
            let store = storer(ref)
            return { i, f in
                try store(i, f, try value(i, f))
                return .value(.none)
            }
        case .ifChain(let branches, let otherwise):
            let conditions = branches.map { (test: expression($0.condition), span: $0.condition.span) }
            let bodies = branches.map { block($0.body) }
            let rest = otherwise.map(block)
            return { i, f in
                for k in conditions.indices where try i.truth(try conditions[k].test(i, f), span: conditions[k].span) {
                    return try bodies[k](i, f)
                }
                return try rest?(i, f) ?? .value(.none)
            }
        case .forLoop(let targets, let sequenceExpr, let body):
            return forLoop(targets, sequenceExpr, block(body), scalarBody: body)
        case .whileLoop(let condition, let body):
            let test = expression(condition)
            let run = block(body)
            let conditionSpan = condition.span
            let span = s.span
            let scalar = ScalarLoop(condition: condition, body: body, span: span)
            return { i, f in
                if let scalar, let flow = try scalar.runWhile(i, f) { return flow }
                while try i.truth(try test(i, f), span: conditionSpan) {
                    try i.checkInterrupt(span)
                    switch try run(i, f) {
                    case .breakLoop: return .value(.none)
                    case .returnValue(let v): return .returnValue(v)
                    default: continue
                    }
                }
                return .value(.none)
            }
        case .breakLoop:
            let span = s.span
            return { _, _ in .breakLoop(span) }
        case .continueLoop:
            let span = s.span
            return { _, _ in .continueLoop(span) }
        case .returnValue(let e):
            guard let e else { return { _, _ in .returnValue(.none) } }
            let value = expression(e)
            return { i, f in .returnValue(try value(i, f)) }
        default:
            return walked(s)
        }
    }

    /// A `for` loop. A single name walking a range is stored into directly; every other loop
    /// goes through `Interpreter.runFor`, which knows each kind of sequence.
    /// A comprehension's loops pass their compiled body alone; a `for` statement also passes
    /// its statements, `scalarBody`, so a number-only loop can run on typed registers.
    func forLoop(
        _ targets: [Expr], _ sequenceExpr: Expr, _ run: @escaping CompiledStatement, scalarBody: [Stmt]? = nil
    )
        -> CompiledStatement
    {
        let sequence = expression(sequenceExpr)
        let span = sequenceExpr.span
        guard targets.count == 1, case .name(let ref) = targets[0].kind else {
            return { i, f in try i.runFor(targets, try sequence(i, f), span: span, frame: f) { try run(i, f) } }
        }
        let store = storer(ref)
        let scalar = scalarBody.flatMap { ScalarLoop(variable: ref, body: $0, span: span) }
        return { i, f in
            let items = try sequence(i, f)
            guard case .range(let r) = items else {
                return try i.runFor(targets, items, span: span, frame: f) { try run(i, f) }
            }
            if let scalar, let flow = try scalar.run(range: r, i, f) { return flow }
            let n = r.count
            var k = 0
            while k < n {
                try i.checkInterrupt(span)
                try store(i, f, i.rangeItem(r, k))
                switch try run(i, f) {
                case .breakLoop: return .value(.none)
                case .returnValue(let v): return .returnValue(v)
                default: break
                }
                k += 1
            }
            return .value(.none)
        }
    }

    /// Storing into a name, with the slot or symbol found once.
    /// The value is consumed: storing it moves it into place instead of copying it.
    private func storer(_ ref: NameRef) -> (Interpreter, Frame?, consuming Value) throws -> Void {
        switch ref.scope {
        case .local(0, let slot):
            return { i, f, v in
                if let f { f.slots[slot] = consume v } else { try i.store(v, ref, frame: f) }
            }
        case .global(let id):
            return { i, _, v in i.setGlobal(id, v) }
        default:
            return { i, f, v in try i.store(v, ref, frame: f) }
        }
    }

    /// A statement without a compiled shape, run by the tree walker.
    private func walked(_ s: Stmt) -> CompiledStatement {
        { i, f in try i.execute(s, frame: f) }
    }

    // MARK: - Expressions

    func expression(_ e: Expr) -> CompiledExpression {
        let span = e.span
        switch e.kind {
        case .number, .integer, .string, .bool, .none:
            // A literal's value, computed once by the tree walker (which defines it).
            guard let value = try? interpreter.evaluate(e, frame: nil) else { return walked(e) }
            // A number, int or bool is built afresh: returning the captured `Value` copies it
            // through its value witness, which costs more than the few instructions of the case.
            switch value {
            case .number(let x): return { _, _ in .number(x) }
            case .int(let n): return { _, _ in .int(n) }
            case .bool(let b): return { _, _ in .bool(b) }
            default: return { _, _ in value }
            }
        case .name(let ref):
            switch ref.scope {
            case .local(0, let slot):
                return { i, f in
                    if let f, let value = f.slots[slot] { return value }
                    return try i.lookup(ref, span: span, frame: f)
                }
            case .global(let id):
                return { i, f in
                    if let value = i.globals[id] { return value }
                    return try i.lookup(ref, span: span, frame: f)
                }
            default:
                return { i, f in try i.lookup(ref, span: span, frame: f) }
            }
        case .binary(let op, let a, let b):
            let left = expression(a)
            let right = expression(b)
            return { i, f in
                let l = try left(i, f)
                return try i.binary(op, l, try right(i, f), rightOperand: b, span: span)
            }
        case .unary(let op, let a):
            let operand = expression(a)
            return { i, f in try i.unary(op, try operand(i, f), span: span) }
        case .and(let a, let b):
            let left = expression(a)
            let right = expression(b)
            let leftSpan = a.span
            return { i, f in
                let l = try left(i, f)
                return try i.truth(l, span: leftSpan) ? try right(i, f) : l
            }
        case .or(let a, let b):
            let left = expression(a)
            let right = expression(b)
            let leftSpan = a.span
            return { i, f in
                let l = try left(i, f)
                return try i.truth(l, span: leftSpan) ? l : try right(i, f)
            }
        case .call(let callee, let arguments):
            return call(callee, arguments, span: span)
        case .index(let base, let items):
            let container = expression(base)
            guard let positions = compiledTensorIndices(items) else {
                return { i, f in try i.index(try container(i, f), items, span: span, frame: f) }
            }
            return { i, f in try i.index(try container(i, f), items, compiled: positions, span: span, frame: f) }
        case .attribute(let base, let name, let nameSpan):
            let receiver = expression(base)
            // A tensor attribute (`K.T`, `x.shape`) is found once here, not by name on each read.
            if let declared = ObjectType.tensor.attribute(name) {
                return { i, f in try i.attribute(try receiver(i, f), name, declared: declared, span: nameSpan) }
            }
            return { i, f in try i.attribute(try receiver(i, f), name, span: nameSpan) }
        case .comprehension(let c):
            return comprehension(c, span: span)
        case .conditional(let valueExpr, let conditionExpr, let otherwiseExpr):
            let value = expression(valueExpr)
            let test = expression(conditionExpr)
            let otherwise = expression(otherwiseExpr)
            let conditionSpan = conditionExpr.span
            return { i, f in
                try i.truth(try test(i, f), span: conditionSpan) ? try value(i, f) : try otherwise(i, f)
            }
        default:
            return walked(e)
        }
    }

    /// A call. The callee is found afresh each time (a name may be rebound), but how the
    /// arguments bind to a builtin's parameters is worked out once per builtin and kept.
    private func call(_ calleeExpr: Expr, _ arguments: [Argument], span: SourceSpan) -> CompiledExpression {
        if let append = appendInPlace(calleeExpr, arguments, span: span) { return append }
        // `*xs` and `**d` compile to their collection; the call spreads it.
        let values = arguments.map { argument -> CompiledExpression in
            if case .spread(let inner, _) = argument.value.kind { return expression(inner) }
            return expression(argument.value)
        }
        let spreads = arguments.map { argument -> Bool? in
            if case .spread(_, let keywords) = argument.value.kind { return keywords }
            return nil
        }
        let hasSpread = arguments.contains(where: \.isSpread)
        let labels = arguments.map(\.label)
        let plan = BindingCache()
        let method: (base: CompiledExpression, name: String, span: SourceSpan)?
        let callee: CompiledExpression
        if case .attribute(let base, let name, let nameSpan) = calleeExpr.kind {
            method = (expression(base), name, nameSpan)
            callee = { _, _ in .none }
        } else {
            method = nil
            callee = expression(calleeExpr)
        }
        return { i, f in
            var target: Value
            var receiver: Value? = nil
            if let method {
                target = try i.calledMember(try method.base(i, f), method.name, span: method.span)
                if case .method(let m) = target {
                    receiver = m.receiver
                    target = .builtin(m.builtin)
                }
            } else {
                target = try callee(i, f)
            }
            var place: Expr? = nil
            if case .builtin(let builtin) = target, builtin.mutates != nil {
                place = try i.mutationTarget(
                    builtin, calleeExpr: calleeExpr, arguments: arguments, hasReceiver: !receiver.isAbsent,
                    span: span)
            }
            if place == nil, !hasSpread, case .builtin(let builtin) = target,
                let slots = plan.slots(for: builtin, hasReceiver: !receiver.isAbsent, labels: labels)
            {
                return try i.callBuiltin(
                    builtin, receiver: receiver, argumentCount: values.count, slot: { slots[$0] },
                    argument: { try values[$0](i, f) }, span: span, site: plan)
            }
            var positional: [Value] = []
            positional.reserveCapacity(values.count + 1)
            if let receiver { positional.append(receiver) }
            var keywords: [(label: String, value: Value, span: SourceSpan)] = []
            for k in values.indices {
                let value = try values[k](i, f)
                if let spreadsKeywords = spreads[k] {
                    try i.spread(
                        value, keywords: spreadsKeywords, span: arguments[k].span, positional: &positional,
                        named: &keywords)
                } else if let label = labels[k] {
                    keywords.append((label, value, arguments[k].span))
                } else {
                    positional.append(value)
                }
            }
            if let place, case .builtin(let builtin) = target {
                return try i.callMutating(builtin, positional, keywords, place: place, span: span, frame: f)
            }
            return try i.call(target, positional, keywords, span: span)
        }
    }

    /// The items of `x[i, j]` compiled, when each is a plain expression (no slice, no `...`).
    private func compiledTensorIndices(_ items: [IndexItem]) -> [(CompiledExpression, SourceSpan)]? {
        var compiled: [(CompiledExpression, SourceSpan)] = []
        for item in items {
            guard case .expression(let e) = item else { return nil }
            if case .ellipsis = e.kind { return nil }
            compiled.append((expression(e), e.span))
        }
        return compiled
    }

    /// An expression without a compiled shape, evaluated by the tree walker.
    private func walked(_ e: Expr) -> CompiledExpression {
        { i, f in try i.evaluate(e, frame: f) }
    }
}

/// The parameter slot of each argument of one call site, for the builtin it last called
/// (a call site almost always calls the same builtin), and the site's argument array.
final class BindingCache {
    private var builtin: Builtin?
    private var hasReceiver = false
    private var cached: [Int]?
    private var spare: [Value] = []

    /// The site's empty argument array, with its capacity; a call nested inside the builtin
    /// (a callback reaching the same site) finds none and makes its own.
    func takeArguments() -> [Value] {
        var taken: [Value] = []
        swap(&taken, &spare)
        return taken
    }

    /// Keeps an emptied argument array for the next call.
    func keepArguments(_ values: inout [Value]) {
        swap(&values, &spare)
    }

    /// The slots for `builtin`, or nil when the call's form does not bind directly.
    func slots(for builtin: Builtin, hasReceiver: Bool, labels: [String?]) -> [Int]? {
        if builtin === self.builtin && hasReceiver == self.hasReceiver { return cached }
        self.builtin = builtin
        self.hasReceiver = hasReceiver
        cached = builtin.directSlots(hasReceiver: hasReceiver, labels: labels)
        return cached
    }
}
