import KisoTensor

/// Calls of the builtins that change an argument in place (`xs.append(v)`, `d.update(e)`,
/// `x.fill(0)`, `rng.shuffle(x)`). Kiso's values are values, so "in place" means: the builtin
/// computes the changed value, and the call stores it back into the variable, or the element
/// of one (`d["k"].append(v)`), that the argument was read from. Other names holding the old
/// value keep it, as they do after any assignment.
extension Interpreter {
    /// Where the changed argument of `builtin` goes at this call site; an error (before the call
    /// runs) when that argument is not written as a variable or an element of one.
    func mutationTarget(
        _ builtin: Builtin, calleeExpr: Expr, arguments: [Argument], hasReceiver: Bool, span: SourceSpan
    ) throws -> Expr {
        let k = builtin.mutates ?? 0
        var target: Expr?
        if hasReceiver && k == 0 {
            if case .attribute(let base, _, _) = calleeExpr.kind { target = base }
        } else if let labeled = arguments.first(where: { $0.label == builtin.parameters[k].name }) {
            target = labeled.value
        } else if !arguments.contains(where: \.isSpread) {
            let positional = arguments.filter { $0.label == nil }
            let p = k - (hasReceiver ? 1 : 0)
            if p >= 0 && p < positional.count { target = positional[p].value }
        }
        if let target, Interpreter.isPlace(target) { return target }
        let parameter = builtin.parameters[k].name
        if hasReceiver && k == 0 {
            throw KisoError(
                .type, "`.\(builtin.name)(…)` changes the variable it is called on, and this is not a variable",
                span: target?.span ?? span,
                hint:
                    "assign the value to a variable first, then call the method on it: `xs = …` then `xs.\(builtin.name)(…)`"
            )
        }
        let call = hasReceiver ? "\(builtin.parameters[0].name).\(builtin.name)" : builtin.name
        throw KisoError(
            .type,
            "`\(builtin.name)` changes its argument `\(parameter)` in place, so `\(parameter)` must be a variable",
            span: target?.span ?? span,
            hint: "assign it to a variable first: `\(parameter) = …` then `\(call)(\(parameter))`")
    }

    /// Whether `expr` names a place a value can be stored: a variable, or an element of one.
    static func isPlace(_ expr: Expr) -> Bool {
        switch expr.kind {
        case .name: return true
        case .index(let base, _): return isPlace(base)
        default: return false
        }
    }

    /// Runs a mutating builtin on bound arguments and stores its changed argument into `place`.
    func callMutating(
        _ builtin: Builtin, _ positional: [Value], _ keywords: [(label: String, value: Value, span: SourceSpan)],
        place: Expr, span: SourceSpan, frame: Frame?
    ) throws -> Value {
        let k = builtin.mutates ?? 0
        let result: Value
        let changed: Value
        do {
            var arguments = try builtin.bind(positional: positional, keywords: keywords, interpreter: self, span: span)
            result = try builtin.body(&arguments)
            changed = arguments.values[k]
        } catch let error as TensorError {
            throw KisoError(error, span: span)
        } catch var error as KisoError {
            if error.span == nil { error.span = span }
            throw error
        }
        try assign(changed, to: place, frame: frame)
        return result
    }

    /// `name.append(value)` with the value already evaluated, for whatever `name` holds: the
    /// general call that `Compiler.appendInPlace` stands in for when it holds a list.
    func append(
        _ value: Value, to place: Expr, _ ref: NameRef, nameSpan: SourceSpan, span: SourceSpan, frame: Frame?
    ) throws -> Value {
        let receiver = try lookup(ref, span: place.span, frame: frame)
        let callee = try attribute(receiver, "append", span: nameSpan)
        if case .method(let m) = callee, m.builtin.mutates == 0 {
            return try callMutating(m.builtin, [m.receiver, value], [], place: place, span: span, frame: frame)
        }
        return try call(callee, [value], span: span)
    }

    /// The error for a mutating method reached other than by calling it on its variable
    /// (`f = xs.append; f(1)`), where there is no variable to store the change into.
    func detachedMutation(_ builtin: Builtin, span: SourceSpan) -> KisoError {
        KisoError(
            .type, "`\(builtin.name)` changes a variable in place, so it must be called on the variable itself",
            span: span, hint: "write the call out: `xs.\(builtin.name)(…)`")
    }
}
