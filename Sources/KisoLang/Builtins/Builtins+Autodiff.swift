import KisoTensor

/// Differentiation: `grad`, `value_and_grad`, `stop_gradient`, `gradcheck`, and the traced
/// implementations that let builtins work on values being differentiated.
extension Registry {
    /// Builtins that are piecewise constant or only read a value: given a variable they act on
    /// its value, so gradients through them are zero, as in JAX.
    static let detachingBuiltins: Set<String> = [
        "argmax", "argmin", "floor", "ceil", "round", "sign", "isnan", "isinf", "isfinite", "logical_and",
        "logical_or", "logical_not", "any", "all", "nonzero", "argwhere", "shape", "ndim", "size", "zeros_like",
        "ones_like", "full_like", "str", "repr", "print", "type", "int", "bool", "plot", "scatter", "bar", "hist",
        "heatmap", "decision_map", "grid", "stop_gradient",
    ]

    /// Builtins that only move values between containers: variables pass through them untouched.
    static let structuralBuiltins: Set<String> = [
        "len", "list", "tuple", "keys", "values", "items", "enumerate", "zip",
    ]

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
            example: "grad(x -> x * stop_gradient(x))(3.0)"
        ) { a in a[0].detachedDeep }
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
        registerTracedBodies()
    }
}

/// The function `grad(f, argnums)` or `value_and_grad(f, argnums)` returns.
private func differentiated(_ a: Arguments, withValue: Bool) throws -> Builtin {
    let function = a[0]
    let (argnums, asTuple) = try parseArgnums(a[1], op: withValue ? "value_and_grad" : "grad")
    let name = (withValue ? "value_and_grad" : "grad") + "(" + functionName(function) + ")"
    let body: (inout Arguments) throws -> Value = { b in
        guard case .list(let arguments) = b[0] else { return .none }
        return try differentiate(
            function, arguments, argnums: argnums, asTuple: asTuple, withValue: withValue, name: name,
            interpreter: b.interpreter, span: b.span)
    }
    let builtin = Builtin(
        name: name, parameters: [rest("args")], doc: "The gradient of \(functionName(function)).", example: "",
        category: "Differentiation", body: body)
    builtin.tracedBody = body
    return builtin
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
    case .variable(let v): return v
    case .tensor(let t): return Variable(t)
    case .number(let x): return Variable(x)
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
    guard case .list(let arguments) = a[1], !arguments.isEmpty else {
        throw KisoError(.argument, "gradcheck needs the point to check at", hint: "gradcheck(f, x)")
    }
    let tensors = try arguments.enumerated().map { i, value -> Tensor in
        switch value {
        case .number(let x): return Tensor(x)
        case .int(let n): return Tensor(Double(n))
        case .tensor(let t): return t
        case .variable(let v): return v.value
        default:
            throw KisoError(
                .type, "gradcheck: argument \(i) is \(value.kindName); gradcheck takes numbers and tensors",
                hint: "check a function of a tensor; flatten a pytree into one tensor first")
        }
    }
    let function = a[0]
    let interpreter = a.interpreter
    let span = a.span
    let result = try gradientCheck(
        of: { variables in
            let output = try interpreter.call(function, variables.map { Value.traced($0) }, span: span)
            return try outputVariable(output, name: "gradcheck")
        }, at: tensors, step: try a.number(2), rtol: try a.number(3), atol: try a.number(4))
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

extension Interpreter {
    /// A builtin called with a value being differentiated: its traced implementation, its
    /// value (for piecewise-constant builtins), or an error naming it.
    func callTraced(_ builtin: Builtin, _ arguments: inout Arguments) throws -> Value {
        if let body = builtin.tracedBody { return try body(&arguments) }
        if Registry.structuralBuiltins.contains(builtin.name) { return try builtin.body(&arguments) }
        if Registry.detachingBuiltins.contains(builtin.name) {
            arguments.values = arguments.values.map(\.detachedDeep)
            return try builtin.body(&arguments)
        }
        throw KisoError(
            .type, "`\(builtin.name)` is not differentiable", span: arguments.span,
            hint:
                "grad traces only builtins with a derivative (docs/language.md, Differentiation); wrap the argument in stop_gradient(…) to use its value as a constant"
        )
    }
}

/// The norm order of `norm`'s `ord` argument.
func normOrder(_ value: Value) throws -> NormOrder? {
    switch value {
    case .none: return nil
    case .string("fro"): return .frobenius
    case .string("nuc"): return .nuclear
    default:
        let p = try Convert.number(value, "ord")
        return p == .infinity ? .infinity : (p == -.infinity ? .negativeInfinity : .p(p))
    }
}

extension Registry {
    /// The implementations of differentiable builtins on variables.
    fileprivate func registerTracedBodies() {
        let elementwise: [(String, (Variable) throws -> Variable)] = [
            ("exp", { try $0.exp() }), ("log", { try $0.log() }), ("log1p", { try $0.log1p() }),
            ("sqrt", { try $0.sqrt() }), ("abs", { try $0.abs() }), ("tanh", { try $0.tanh() }),
            ("sigmoid", { try $0.sigmoid() }), ("sin", { try $0.sin() }), ("cos", { try $0.cos() }),
            ("erf", { try $0.erf() }), ("relu", { try $0.relu() }),
        ]
        for (name, op) in elementwise {
            differentiable(name) { a in .traced(try op(try a.variable(0))) }
        }
        differentiable("maximum") { a in .traced(try Variable.maximum(try a.variable(0), try a.variable(1))) }
        differentiable("minimum") { a in .traced(try Variable.minimum(try a.variable(0), try a.variable(1))) }
        differentiable("power") { a in .traced(try Variable.power(try a.variable(0), try a.variable(1))) }
        differentiable("where") { a in
            .traced(try Variable.where(try a.tensor(0), try a.variable(1), try a.variable(2)))
        }
        differentiable("clip") { a in
            .traced(try a.variable(0).clip(try a.optionalVariable(1), try a.optionalVariable(2)))
        }
        let reductions: [(String, (Variable, [Int]?, Bool) throws -> Variable)] = [
            ("sum", { try $0.sum(axes: $1, keepdims: $2) }), ("mean", { try $0.mean(axes: $1, keepdims: $2) }),
            ("max", { try $0.max(axes: $1, keepdims: $2) }), ("min", { try $0.min(axes: $1, keepdims: $2) }),
            ("logsumexp", { try $0.logsumexp(axes: $1, keepdims: $2) }),
        ]
        for (name, op) in reductions {
            differentiable(name) { a in .traced(try op(try a.variable(0), try a.axes(1), try a.bool(2))) }
        }
        differentiable("var") { a in
            .traced(try a.variable(0).variance(axes: try a.axes(1), ddof: try a.int(2), keepdims: try a.bool(3)))
        }
        differentiable("std") { a in
            .traced(try a.variable(0).std(axes: try a.axes(1), ddof: try a.int(2), keepdims: try a.bool(3)))
        }
        differentiable("norm") { a in
            .traced(try a.variable(0).norm(try normOrder(a[1]), axes: try a.axes(2), keepdims: try a.bool(3)))
        }
        differentiable("softmax") { a in .traced(try a.variable(0).softmax(axis: try a.int(1))) }
        differentiable("log_softmax") { a in .traced(try a.variable(0).logSoftmax(axis: try a.int(1))) }
        differentiable("matmul") { a in .traced(try Variable.matmul(try a.variable(0), try a.variable(1))) }
        differentiable("dot") { a in .traced(try Variable.dot(try a.variable(0), try a.variable(1))) }
        differentiable("outer") { a in
            let x = try a.variable(0).reshaped([-1, 1])
            let y = try a.variable(1).reshaped([1, -1])
            return .traced(try x * y)
        }
        registerTracedShapes()
    }

    private func registerTracedShapes() {
        differentiable("reshape") { a in .traced(try a.variable(0).reshaped(try shapeArguments(a[1], "shape"))) }
        differentiable("flatten") { a in .traced(try a.variable(0).reshaped([-1])) }
        differentiable("transpose") { a in .traced(try a.variable(0).transposed(try a.axes(1))) }
        differentiable("permute") { a in .traced(try a.variable(0).transposed(try shapeArguments(a[1], "dims"))) }
        differentiable("swapaxes") { a in
            let x = try a.variable(0)
            var order = Array(0..<x.rank)
            let first = try a.int(1)
            let second = try a.int(2)
            let i = first < 0 ? first + x.rank : first
            let j = second < 0 ? second + x.rank : second
            guard order.indices.contains(i), order.indices.contains(j) else {
                throw KisoError(
                    .index, "swapaxes: axes \(first) and \(second) for a tensor of rank \(x.rank)",
                    hint: "axes run from -\(x.rank) to \(x.rank - 1)")
            }
            order.swapAt(i, j)
            return .traced(try x.transposed(order))
        }
        differentiable("squeeze") { a in .traced(try a.variable(0).squeezed(try a.axes(1))) }
        differentiable("expand_dims") { a in .traced(try a.variable(0).expandingDims(try a.int(1))) }
        differentiable("broadcast_to") { a in .traced(try a.variable(0).broadcast(to: try a.shape(1))) }
        differentiable("concatenate") { a in
            .traced(try Variable.concatenate(try a.variables(0), axis: try a.int(1)))
        }
        differentiable("stack") { a in .traced(try Variable.stack(try a.variables(0), axis: try a.int(1))) }
        differentiable("take") { a in
            .traced(try a.variable(0).take(try a.tensor(1), axis: try a.optionalInt(2)))
        }
    }
}
