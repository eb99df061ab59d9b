import KisoTensor

/// Calling Kiso functions, builtins and methods.
extension Interpreter {
    func evaluateCall(_ calleeExpr: Expr, _ arguments: [Argument], span: SourceSpan, frame: Frame?) throws -> Value {
        var callee: Value
        var receiver: Value? = nil
        if case .attribute(let base, let name, let nameSpan) = calleeExpr.kind {
            let object = try evaluate(base, frame: frame)
            callee = try calledMember(object, name, span: nameSpan)
            if case .method(let m) = callee {
                receiver = m.receiver
                callee = .builtin(m.builtin)
            }
        } else {
            callee = try evaluate(calleeExpr, frame: frame)
        }
        var place: Expr? = nil
        if case .builtin(let builtin) = callee, builtin.mutates != nil {
            place = try mutationTarget(
                builtin, calleeExpr: calleeExpr, arguments: arguments, hasReceiver: !receiver.isAbsent, span: span)
        }
        if place == nil, case .builtin(let builtin) = callee, !arguments.contains(where: \.isSpread),
            let slots = builtin.directSlots(hasReceiver: !receiver.isAbsent, labels: arguments.map(\.label))
        {
            return try callBuiltin(
                builtin, receiver: receiver, argumentCount: arguments.count, slot: { slots[$0] },
                argument: { try evaluate(arguments[$0].value, frame: frame) }, span: span)
        }
        var positional: [Value] = []
        positional.reserveCapacity(arguments.count + 1)
        if let receiver { positional.append(receiver) }
        var keywords: [(label: String, value: Value, span: SourceSpan)] = []
        for argument in arguments {
            if case .spread(let inner, let spreadsKeywords) = argument.value.kind {
                let value = try evaluate(inner, frame: frame)
                try spread(
                    value, keywords: spreadsKeywords, span: argument.span, positional: &positional, named: &keywords)
                continue
            }
            let value = try evaluate(argument.value, frame: frame)
            if let label = argument.label {
                keywords.append((label, value, argument.span))
            } else {
                positional.append(value)
            }
        }
        if let place, case .builtin(let builtin) = callee {
            return try callMutating(builtin, positional, keywords, place: place, span: span, frame: frame)
        }
        return try call(callee, positional, keywords, span: span)
    }

    /// `*xs` adds xs's items as positional arguments; `**d` adds d's entries as keyword ones.
    func spread(
        _ value: Value, keywords: Bool, span: SourceSpan, positional: inout [Value],
        named: inout [(label: String, value: Value, span: SourceSpan)]
    ) throws {
        guard keywords else {
            do {
                positional += try iterationItems(value, span: span)
            } catch {
                throw KisoError(
                    .type, "`*` spreads a list, tuple or tensor into arguments, not \(value.kindName)", span: span,
                    hint: "randn(*x.shape)")
            }
            return
        }
        guard case .dict(let d) = value else {
            throw KisoError(
                .type, "`**` spreads a dict into keyword arguments, not \(value.kindName)", span: span,
                hint: "f(**{\"axis\": 0})")
        }
        for (key, item) in zip(d.keys, d.values) {
            guard case .string(let label) = key.value else {
                throw KisoError(
                    .type, "`**` needs string keys to name arguments; this dict has the key \(key.value.repr)",
                    span: span, hint: "use keys like \"axis\"")
            }
            if named.contains(where: { $0.label == label }) {
                throw KisoError(
                    .argument, "keyword argument `\(label)` is given twice", span: span, hint: "give each argument once"
                )
            }
            named.append((label, item, span))
        }
    }

    func call(
        _ callee: Value, _ positional: [Value], _ keywords: [(label: String, value: Value, span: SourceSpan)] = [],
        span: SourceSpan
    ) throws -> Value {
        switch callee {
        case .builtin(let builtin):
            if builtin.mutates != nil { throw detachedMutation(builtin, span: span) }
            return try callBuiltin(builtin, positional, keywords, span: span)
        case .method(let m):
            if m.builtin.mutates != nil { throw detachedMutation(m.builtin, span: span) }
            return try callBuiltin(m.builtin, [m.receiver] + positional, keywords, span: span)
        case .function(let closure):
            return try callClosure(closure, positional, keywords, span: span)
        case .object(let object) where object.objectType.method("call") != nil:
            // An object with a `call` method (a layer, a model) is called like a function.
            guard let method = object.objectType.method("call") else { fallthrough }
            return try callBuiltin(method, [callee] + positional, keywords, span: span)
        default:
            throw KisoError(
                .type, "\(callee.kindName) is not a function", span: span,
                hint: callee.kindName == "a tensor" ? "to multiply, write `*` explicitly: `2 * (x + 1)`" : nil)
        }
    }

    func callBuiltin(
        _ builtin: Builtin, _ positional: [Value], _ keywords: [(label: String, value: Value, span: SourceSpan)],
        span: SourceSpan
    ) throws -> Value {
        do {
            var arguments = try builtin.bind(positional: positional, keywords: keywords, interpreter: self, span: span)
            return try run(builtin, &arguments)
        } catch let error as TensorError {
            throw KisoError(error, span: span)
        } catch var error as KisoError {
            if error.span == nil { error.span = span }
            throw error
        }
    }

    /// A call of a builtin whose argument slots `Builtin.directSlots` has found: each argument
    /// is evaluated (in source order, as always) straight into its parameter's slot, so the
    /// call allocates one array instead of four.
    func callBuiltin(
        _ builtin: Builtin, receiver: Value?, argumentCount: Int, slot: (Int) -> Int,
        argument: (Int) throws -> Value, span: SourceSpan, site: BindingCache? = nil
    ) throws -> Value {
        let parameters = builtin.parameters
        // A call site keeps its argument array between calls: allocating one costs a heap
        // allocation and, on Linux, a generic-metadata look-up on every call.
        var values = site?.takeArguments() ?? []
        values.reserveCapacity(parameters.count)
        for _ in parameters.indices { values.append(.none) }
        var given: UInt64 = 0
        if let receiver {
            values[0] = receiver
            given = 1
        }
        for k in 0..<argumentCount {
            let i = slot(k)
            values[i] = try argument(k)
            given |= 1 << UInt64(i)
        }
        do {
            for i in parameters.indices {
                // A given argument is checked where it lies; copying it out and back would
                // retain and release a tensor's three buffers.
                if given & (1 << UInt64(i)) != 0 {
                    try builtin.checkKind(i, values[i], span: span)
                } else {
                    values[i] = try builtin.checkedArgument(i, nil, span: span)
                }
            }
            var bound = Arguments(values: values, builtin: builtin, interpreter: self, span: span)
            values = []
            let result = try run(builtin, &bound)
            if let site {
                // Element by element: `removeAll(keepingCapacity:)` goes through the generic
                // `replaceSubrange`, which costs more than the few removals.
                while !bound.values.isEmpty { bound.values.removeLast() }
                site.keepArguments(&bound.values)
            }
            return result
        } catch let error as TensorError {
            throw KisoError(error, span: span)
        } catch var error as KisoError {
            if error.span == nil { error.span = span }
            throw error
        }
    }

    /// Runs a builtin on bound arguments: its differentiable body when one is being traced.
    @inline(__always)
    private func run(_ builtin: Builtin, _ arguments: inout Arguments) throws -> Value {
        for k in arguments.values.indices where arguments.values[k].holdsTrackedVariable {
            return try callTraced(builtin, &arguments)
        }
        return try builtin.body(&arguments)
    }

    func callClosure(
        _ closure: Closure, _ positional: [Value], _ keywords: [(label: String, value: Value, span: SourceSpan)],
        span: SourceSpan
    ) throws -> Value {
        let decl = closure.decl
        try checkInterrupt(span)
        callDepth += 1
        defer { callDepth -= 1 }
        if callDepth > Interpreter.maxCallDepth {
            throw KisoError(
                .recursion,
                "too deep a recursion: more than \(Interpreter.maxCallDepth) calls are active (in `\(decl.name)`)",
                span: span, hint: "check that the recursion reaches its base case")
        }
        let frame = Frame(slotCount: decl.slotCount, parent: closure.frame)
        let parameters = decl.parameters
        var (positional, keywords) = (positional, keywords)
        if decl.collectsArguments { collectExtraArguments(decl, frame, &positional, &keywords) }
        guard positional.count <= parameters.count else {
            throw KisoError(
                .argument,
                "`\(decl.name)` takes \(parameters.count) argument\(parameters.count == 1 ? "" : "s"), got \(positional.count)",
                span: span, hint: signature(of: decl))
        }
        for (i, value) in positional.enumerated() { frame.slots[i] = value }
        for (label, value, keywordSpan) in keywords {
            guard let i = parameters.firstIndex(where: { $0.name == label }) else {
                let near = closestName(to: label, among: parameters.map(\.name))
                throw KisoError(
                    .argument, "`\(decl.name)` has no parameter `\(label)`", span: keywordSpan,
                    hint: near.map { "did you mean `\($0)`? \(signature(of: decl))" } ?? signature(of: decl))
            }
            if !frame.slots[i].isAbsent {
                throw KisoError(
                    .argument, "`\(decl.name)` got `\(label)` twice, by position and by name", span: keywordSpan,
                    hint: signature(of: decl))
            }
            frame.slots[i] = value
        }
        for i in parameters.indices where frame.slots[i].isAbsent {
            guard let value = closure.defaults[i] else {
                throw KisoError(
                    .argument, "`\(decl.name)` is missing its argument `\(parameters[i].name)`", span: span,
                    hint: signature(of: decl))
            }
            frame.slots[i] = value
        }
        // The `:shapes` tracer sees every evaluation only in the tree walker.
        let body: CompiledStatement
        if trace != nil {
            body = { i, f in try i.execute(decl.body, frame: f) }
        } else if let compiled = decl.compiled {
            body = compiled
        } else {
            body = Compiler(interpreter: self).block(decl.body)
            decl.compiled = body
        }
        let flow: Flow
        do {
            flow = try body(self, frame)
        } catch var error as KisoError {
            // The error keeps its own span (inside this function); the call joins the stack.
            if error.span == nil { error.span = span } else { error.callSites.append(span) }
            throw error
        }
        switch flow {
        case .value(let v), .returnValue(let v): return v
        case .breakLoop(let s), .continueLoop(let s):
            throw KisoError(
                .syntax, "`break` or `continue` outside a loop", span: s, hint: "use them inside for or while")
        }
    }

    func signature(of decl: FunctionDecl) -> String {
        "\(decl.name)("
            + decl.parameters.map { p in
                switch p.collects {
                case .positional: return "*" + p.name
                case .keywords: return "**" + p.name
                case nil: return p.defaultValue == nil ? p.name : "\(p.name)=…"
                }
            }.joined(separator: ", ") + ")"
    }

    /// `def f(x, *args, **kwargs)`: puts the positional arguments past the others into `args` (a
    /// tuple) and the keyword arguments no other parameter takes into `kwargs` (a dict), leaving
    /// the rest to bind as usual.
    private func collectExtraArguments(
        _ decl: FunctionDecl, _ frame: Frame, _ positional: inout [Value],
        _ keywords: inout [(label: String, value: Value, span: SourceSpan)]
    ) {
        let parameters = decl.parameters
        let regular = parameters.filter { $0.collects == nil }.count
        if let k = parameters.firstIndex(where: { $0.collects == .positional }) {
            frame.slots[k] = .tuple(Array(positional.dropFirst(regular)))
            positional = Array(positional.prefix(regular))
        }
        if let k = parameters.firstIndex(where: { $0.collects == .keywords }) {
            var extra = KisoDict()
            keywords = keywords.filter { keyword in
                if parameters.contains(where: { $0.name == keyword.label && $0.collects == nil }) { return true }
                extra.set(.string(keyword.label), keyword.value)
                return false
            }
            frame.slots[k] = .dict(extra)
        }
    }
}
