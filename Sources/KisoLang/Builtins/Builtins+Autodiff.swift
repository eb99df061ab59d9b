import KisoTensor

/// Differentiation: `grad`, `value_and_grad`, `stop_gradient`, `gradcheck`. How every other
/// builtin behaves under `grad` is declared with it (`add(…, grad: …)`, see `GradBehaviour`).
extension Registry {
    func registerAutodiff() {
        section("Differentiation")
        add(
            "grad", [param("f", .function), param("argnums", .any, .int(0))],
            doc:
                "The gradient of f as a function: grad(f)(x) is df/dx; argnums picks the argument(s), pytrees allowed.",
            example: "grad(x -> x^3)(2.0)"
        ) { a in .builtin(try differentiated(a, withValue: false)) }
        add(
            "value_and_grad", [param("f", .function), param("argnums", .any, .int(0))],
            doc: "Like grad, but the function returns (f's value, the gradient).",
            example: "loss, g = value_and_grad(w -> sum(w^2))([1.0, 2.0])"
        ) { a in .builtin(try differentiated(a, withValue: true)) }
        add(
            "stop_gradient", [param("x", .any)],
            doc: "x as a constant: gradients do not flow through it (JAX's stop_gradient).",
            example: "grad(x -> x * stop_gradient(x))(3.0)", grad: .detaching
        ) { a in try a["x"].detachedDeep }
        add(
            "gradcheck",
            [
                param("f", .function), rest("args"), param("eps", .number, .number(1e-6)),
                param("rtol", .number, .number(1e-5)), param("atol", .number, .number(1e-7)),
            ],
            doc:
                "Compares grad(f) with central differences at args, element by element; reports the worst element.",
            example: "gradcheck(x -> sum(sin(x)), [0.5, 1.0])"
        ) { a in try gradientCheckReport(a) }
    }
}

/// The function `grad(f, argnums)` or `value_and_grad(f, argnums)` returns.
private func differentiated(_ a: Arguments, withValue: Bool) throws -> Builtin {
    let function = try a["f"]
    let (argnums, asTuple) = try parseArgnums(try a["argnums"], op: withValue ? "value_and_grad" : "grad")
    let name = (withValue ? "value_and_grad" : "grad") + "(" + functionName(function) + ")"
    let body: (inout Arguments) throws -> Value = { b in
        guard case .list(let arguments) = try b["args"] else { return .none }
        return try differentiate(
            function, arguments, argnums: argnums, asTuple: asTuple, withValue: withValue, name: name,
            interpreter: b.interpreter, span: b.span)
    }
    return Builtin(
        name: name, parameters: [rest("args")], doc: "The gradient of \(functionName(function)).", example: "",
        category: "Differentiation", grad: .tracedByBody, body: body)
}

private func parseArgnums(_ value: Value, op: String) throws -> (argnums: [Int], asTuple: Bool) {
    switch value {
    case .number, .int, .bool: return ([try Convert.int(value, "argnums")], false)
    case .list(let items), .tuple(let items): return (try items.map { try Convert.int($0, "argnums") }, true)
    case .tensor(let t) where t.rank == 0: return ([try Convert.int(value, "argnums")], false)
    case .tensor(let t) where t.rank == 1: return (try Convert.ints(value, "argnums"), true)
    default:
        throw KisoError(
            .type, "\(op): argnums must be an integer or a list of integers, got \(value.kindName)",
            hint: "e.g. argnums=0 or argnums=[0, 1]")
    }
}

private func functionName(_ value: Value) -> String {
    switch value {
    case .function(let c): return c.decl.name
    case .builtin(let b): return b.name
    case .method(let m): return m.builtin.name
    default: return "f"
    }
}

/// Calls `function` with the differentiated arguments watched and returns its gradient (and
/// value), each gradient in the structure of its argument.
private func differentiate(
    _ function: Value, _ arguments: [Value], argnums: [Int], asTuple: Bool, withValue: Bool, name: String,
    interpreter: Interpreter, span: SourceSpan
) throws -> Value {
    let count = arguments.count
    let resolved = argnums.map { $0 < 0 && $0 + count >= 0 ? $0 + count : $0 }
    let inRange = resolved.filter { $0 >= 0 && $0 < count }
    var trees = [Tree<Variable>](repeating: .tuple([]), count: count)
    for n in inRange { trees[n] = try Pytree.variables(arguments[n], argnum: n) }
    let (value, gradients) = try valueAndGradient(
        of: { watched in
            var callArguments = arguments
            for n in inRange {
                callArguments[n] = try Pytree.rebuild(arguments[n], leaves: watched[n].leaves) { _, v in .traced(v) }
            }
            let output = try interpreter.call(function, callArguments, span: span)
            return try outputVariable(output, name: name)
        }, at: trees, argnums: resolved)
    let grads = try zip(resolved, gradients).map { n, g in
        try Pytree.rebuild(arguments[n], leaves: g.leaves, Pytree.leafValue)
    }
    let gradient: Value = asTuple ? .tuple(grads) : grads.first ?? .none
    guard withValue else { return gradient }
    let result: Value =
        value.rank == 0 && !value.isTracked ? .number(value.value.scalar ?? .nan) : .traced(value)
    return .tuple([result, gradient])
}

private func outputVariable(_ output: Value, name: String) throws -> Variable {
    switch output {
    case .tensor, .variable, .number: return try Convert.variable(output, "output")
    case .int(let n): return Variable(Tensor(Double(n), dtype: .int64))
    case .bool(let b): return Variable(Tensor(b ? 1 : 0, dtype: .bool))
    default:
        throw KisoError(
            .type, "\(name): the function must return a number or a tensor, but it returned \(output.kindName)",
            hint: "return the scalar to differentiate, e.g. a loss such as sum(…) or mean(…)")
    }
}

/// `gradcheck(f, *args)` as a dict: passed, the worst element and both derivatives there.
private func gradientCheckReport(_ a: Arguments) throws -> Value {
    guard case .list(let arguments) = try a["args"], !arguments.isEmpty else {
        throw KisoError(.argument, "gradcheck needs the point to check at", hint: "gradcheck(f, x)")
    }
    let tensors = try arguments.enumerated().map { i, value -> Tensor in
        if let t = value.readableTensor { return t }
        switch value {
        case .number(let x): return Tensor(x)
        case .int(let n): return Tensor(Double(n))
        default:
            throw KisoError(
                .type, "gradcheck: argument \(i) is \(value.kindName); gradcheck takes numbers and tensors",
                hint: "check a function of a tensor; flatten a pytree into one tensor first")
        }
    }
    let function = try a["f"]
    let interpreter = a.interpreter
    let span = a.span
    let result = try gradientCheck(
        of: { variables in
            let output = try interpreter.call(function, variables.map { Value.traced($0) }, span: span)
            return try outputVariable(output, name: "gradcheck")
        }, at: tensors, step: try a.number("eps"), rtol: try a.number("rtol"), atol: try a.number("atol"))
    var report = KisoDict()
    report.set(.string("passed"), .bool(result.passed))
    report.set(.string("max_rel_error"), .number(result.relativeError))
    report.set(.string("argument"), .int(result.argument))
    report.set(.string("index"), .tuple(result.index.map { .int($0) }))
    report.set(.string("analytic"), .number(result.analytic))
    report.set(.string("numeric"), .number(result.numeric))
    report.set(.string("elements"), .int(result.elementCount))
    return .dict(report)
}
