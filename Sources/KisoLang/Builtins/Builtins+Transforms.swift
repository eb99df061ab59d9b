import KisoTensor

/// JAX's function transformations beyond `grad`: `jacobian` (jacrev), `hessian` and `vmap`. Each
/// takes a function and returns one, as JAX does: `jacobian(f)(x)`.
extension Registry {
    func registerTransforms() {
        section("Differentiation")
        add(
            "jacobian", [param("f", .function), param("argnums", .int, .int(0))],
            doc:
                "The Jacobian of f as a function (JAX's jacrev): jacobian(f)(x)[i…, j…] = ∂f(x)[i…]/∂x[j…], shape f(x).shape + x.shape.",
            example: "jacobian(x -> x^2)([1.0, 2.0, 3.0])"
        ) { a in
            .builtin(try transformed(a, name: "jacobian") { f, x in try KisoTensor.jacobian(of: f, at: x) })
        }
        add(
            "hessian", [param("f", .function), param("argnums", .int, .int(0))],
            doc: "The Hessian of a scalar f as a function: hessian(f)(x) has shape x.shape + x.shape.",
            example: "hessian(x -> sum(x^3))([1.0, 2.0])"
        ) { a in
            .builtin(try transformed(a, name: "hessian") { f, x in try KisoTensor.hessian(of: f, at: x) })
        }
        add(
            "vmap", [param("f", .function), param("in_axes", .any, .int(0))],
            doc:
                "f mapped over an axis of its arguments (JAX's vmap): vmap(f)(xs) stacks f(x) for each x along xs's axis 0; in_axes picks the axis per argument (none: not mapped).",
            example: "vmap(v -> dot(v, v))([[1.0, 2.0], [3.0, 4.0]])"
        ) { a in
            let function = try a["f"]
            let inAxes = try a["in_axes"]
            let name = "vmap(\(functionName(function)))"
            return .builtin(
                Builtin(
                    name: name, parameters: [rest("args")], doc: "f mapped over axis 0 of its arguments.", example: "",
                    category: "Differentiation", grad: .tracedByBody
                ) { b in
                    guard case .list(let arguments) = try b["args"] else { return .none }
                    return try mapped(
                        function, arguments, inAxes: inAxes, name: name, interpreter: b.interpreter, span: b.span)
                })
        }
    }
}

/// The function `jacobian(f, argnums)` or `hessian(f, argnums)` returns: `transform` applied to
/// f as a function of its argument `argnums`, the other arguments held fixed.
private func transformed(
    _ a: Arguments, name op: String,
    _ transform: @escaping (@escaping (Variable) throws -> Variable, Variable) throws -> Variable
) throws -> Builtin {
    let function = try a["f"]
    let argnum = try a.int("argnums")
    let name = "\(op)(\(functionName(function)))"
    return Builtin(
        name: name, parameters: [rest("args")], doc: "The \(op) of \(functionName(function)).", example: "",
        category: "Differentiation", grad: .tracedByBody
    ) { b in
        guard case .list(let arguments) = try b["args"] else { return .none }
        let n = argnum < 0 ? argnum + arguments.count : argnum
        guard n >= 0, n < arguments.count else {
            throw KisoError(
                .argument,
                "\(name): argnums=\(argnum) but the function was given \(arguments.count) argument\(arguments.count == 1 ? "" : "s")",
                hint: "argnums counts from 0")
        }
        let x = try differentiable(arguments[n], name: name)
        let interpreter = b.interpreter
        let span = b.span
        let result = try transform(
            { v in
                var callArguments = arguments
                callArguments[n] = .traced(v)
                return try variableResult(try interpreter.call(function, callArguments, span: span), name: name)
            }, x)
        if result.rank == 0, !result.isTracked, let value = result.value.scalar { return .number(value) }
        return .traced(result)
    }
}

/// `value` as a float variable to differentiate at.
private func differentiable(_ value: Value, name: String) throws -> Variable {
    // An int point is differentiated as the same float point, as `grad` does.
    let variable: Variable
    if case .int(let n) = value {
        variable = Variable(Double(n))
    } else {
        variable = try Convert.variable(value, "x")
    }
    guard variable.dtype == .float64 else {
        throw KisoError(
            .type, "\(name): the argument is an \(variable.dtype) tensor; derivatives need floats",
            hint: "pass floats (1.0 rather than 1), or x.astype(\"float64\")")
    }
    return variable
}

/// A function's result as a variable, or a clear error for anything that is not a number or tensor.
private func variableResult(_ output: Value, name: String) throws -> Variable {
    switch output {
    case .int(let n): return Variable(Double(n))
    case .tensor, .variable, .number, .list: return try Convert.variable(output, "result")
    default:
        throw KisoError(
            .type, "\(name): the function must return a number or a tensor, but it returned \(output.kindName)")
    }
}

/// f applied to each slice of the mapped arguments, the results stacked along a new axis 0.
private func mapped(
    _ function: Value, _ arguments: [Value], inAxes: Value, name: String, interpreter: Interpreter, span: SourceSpan
) throws -> Value {
    let axes: [Int?]
    var entries: [Value]? = nil
    switch inAxes {
    case .list(let items), .tuple(let items): entries = items
    case .tensor(let t) where t.rank == 1: entries = t.scalars.map { .number($0) }
    default: break
    }
    switch inAxes {
    case _ where entries != nil:
        let items = entries ?? []
        guard items.count == arguments.count else {
            throw KisoError(
                .argument, "\(name): in_axes has \(items.count) entries for \(arguments.count) arguments",
                hint: "give one axis (or none) per argument")
        }
        axes = try items.map { isNoneValue($0) ? nil : try Convert.int($0, "in_axes") }
    case .none: axes = arguments.map { _ in nil }
    default: axes = Array(repeating: try Convert.int(inAxes, "in_axes"), count: arguments.count)
    }
    // Each mapped argument with its mapped axis moved to the front.
    var batched: [Variable?] = []
    var size: Int? = nil
    for (argument, axis) in zip(arguments, axes) {
        guard let axis else {
            batched.append(nil)
            continue
        }
        let v = try Convert.variable(argument, "x")
        guard v.rank >= 1 else {
            throw KisoError(
                .shape, "\(name): cannot map over axis \(axis) of a 0-d value", hint: "use in_axes=none for it")
        }
        let resolved = axis < 0 ? axis + v.rank : axis
        guard resolved >= 0, resolved < v.rank else {
            throw KisoError(
                .shape, "\(name): in_axes \(axis) is out of range for an argument of shape \(formatShape(v.shape))")
        }
        var order = Array(0..<v.rank)
        order.remove(at: resolved)
        let front = try v.transposed([resolved] + order)
        if let size, size != front.shape[0] {
            throw KisoError(
                .shape, "\(name): the mapped axes have different sizes, \(size) and \(front.shape[0])",
                hint: "every mapped argument needs the same length along its in_axes")
        }
        size = front.shape[0]
        batched.append(front)
    }
    guard let count = size else {
        throw KisoError(.argument, "\(name): no argument is mapped", hint: "in_axes must map at least one argument")
    }
    var results: [Value] = []
    for i in 0..<count {
        try interpreter.checkInterrupt(span)
        var callArguments = arguments
        for (k, front) in batched.enumerated() {
            guard let front else { continue }
            callArguments[k] = .traced(try front.subscripted([.int(i)]))
        }
        results.append(try interpreter.call(function, callArguments, span: span))
    }
    return try stacked(results, name: name, span: span)
}

/// Results stacked along a new first axis; tuples of results are stacked element by element.
private func stacked(_ results: [Value], name: String, span: SourceSpan) throws -> Value {
    if case .tuple(let first)? = results.first {
        var columns: [Value] = []
        for k in first.indices {
            let column = try results.map { result -> Value in
                guard case .tuple(let items) = result, items.count == first.count else {
                    throw KisoError(.type, "\(name): the function returned tuples of different lengths")
                }
                return items[k]
            }
            columns.append(try stacked(column, name: name, span: span))
        }
        return .tuple(columns)
    }
    let variables = try results.map { try variableResult($0, name: name) }
    guard !variables.isEmpty else { return .tensor(try Tensor.zeros([0])) }
    return .traced(try Variable.stack(variables))
}

private func functionName(_ value: Value) -> String {
    switch value {
    case .function(let c): return c.decl.name
    case .builtin(let b): return b.name
    case .method(let m): return m.builtin.name
    default: return "f"
    }
}
