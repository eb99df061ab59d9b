/// The entry points of reverse-mode differentiation (JAX's `value_and_grad` and `grad`).
///
/// Each call makes a fresh `Tape`, watches the arguments named by `argnums`, runs `f`, and walks
/// the tape back from `f`'s scalar output. Calls nest: a gradient taken inside another's `f`
/// (or of a function of its arguments) is itself recorded by the enclosing call, so grad of grad
/// and Hessian-vector products work; each tape only ever sees its own arguments as variables.

/// The value of `f` at `arguments` and its gradient with respect to each argument named in
/// `argnums`, as trees of the arguments' structure.
///
/// Throws when an argnum is out of range or repeated, when a differentiated leaf is not float64,
/// and when `f` returns more than one element or a non-float value.
public func valueAndGradient(
    of f: ([Tree<Variable>]) throws -> Variable, at arguments: [Tree<Variable>], argnums: [Int] = [0]
) throws -> (value: Variable, gradients: [Tree<Variable>]) {
    try checkArgnums(argnums, count: arguments.count)
    for argnum in argnums {
        for leaf in arguments[argnum].leaves where leaf.dtype != .float64 {
            throw TensorError.value(
                "grad: argument \(argnum) holds an \(leaf.dtype) tensor of shape \(formatShape(leaf.shape)); the gradient of an \(leaf.dtype) input is not defined",
                hint: "pass floats (1.0 rather than 1, or x.astype(float)), or leave this argument out of argnums")
        }
    }
    let tape = Tape()
    defer { tape.finish() }
    var watched = arguments
    var leafIndices: [[Int]] = []
    for argnum in argnums {
        var indices: [Int] = []
        watched[argnum] = arguments[argnum].map { leaf in
            let variable = tape.watch(leaf)
            indices.append(variable.index(on: tape))
            return variable
        }
        leafIndices.append(indices)
    }
    let output = try f(watched)
    guard output.count == 1 else {
        throw TensorError.shape(
            "grad needs a scalar output; f returned shape \(formatShape(output.shape))",
            hint: "sum it or pick an element, e.g. f(x).sum() or f(x)[0]")
    }
    guard output.dtype == .float64 else {
        throw TensorError.value(
            "grad needs a float output; f returned an \(output.dtype) value",
            hint: "an integer or boolean result has no gradient; return a float expression")
    }
    let outputIndex = output.index(on: tape)
    let flatLeaves = leafIndices.flatMap { $0 }
    var reached: [Variable?] = flatLeaves.map { _ in nil }
    if outputIndex >= 0 {
        let seed = Variable(try Tensor.ones(output.shape))
        reached = try tape.backward(from: outputIndex, seed: seed, leaves: flatLeaves)
    }
    var gradients: [Tree<Variable>] = []
    var next = 0
    for argnum in argnums {
        let argument = arguments[argnum]
        var grads: [Variable] = []
        for leaf in argument.leaves {
            if let reachedGradient = reached[next] {
                grads.append(reachedGradient)
            } else {
                grads.append(Variable(try Tensor.zeros(leaf.shape)))
            }
            next += 1
        }
        gradients.append(try argument.replacingLeaves(with: grads))
    }
    return (output, gradients)
}

/// The value of `f` at `arguments` and its gradient with respect to each argument in `argnums`.
/// The variables may be tracked by an enclosing gradient call, whose tape then records this one.
public func valueAndGradient(
    of f: ([Variable]) throws -> Variable, at arguments: [Variable], argnums: [Int] = [0]
) throws -> (value: Variable, gradients: [Variable]) {
    let (value, trees) = try valueAndGradient(
        of: { trees in try f(trees.map { $0.leafValue ?? Variable(0) }) },
        at: arguments.map { Tree.leaf($0) }, argnums: argnums)
    return (value, trees.map { $0.leafValue ?? Variable(0) })
}

/// The value of `f` at tensor arguments and its gradient with respect to each argument in
/// `argnums`, as plain tensors.
public func valueAndGradient(
    of f: ([Variable]) throws -> Variable, at arguments: [Tensor], argnums: [Int] = [0]
) throws -> (value: Tensor, gradients: [Tensor]) {
    let (value, gradients) = try valueAndGradient(of: f, at: arguments.map { Variable($0) }, argnums: argnums)
    return (value.value, gradients.map(\.value))
}

/// The gradient of `f` at `arguments` with respect to each argument in `argnums`.
public func gradient(
    of f: ([Variable]) throws -> Variable, at arguments: [Variable], argnums: [Int] = [0]
) throws -> [Variable] {
    try valueAndGradient(of: f, at: arguments, argnums: argnums).gradients
}

/// The gradient of `f` at tensor arguments with respect to each argument in `argnums`.
public func gradient(
    of f: ([Variable]) throws -> Variable, at arguments: [Tensor], argnums: [Int] = [0]
) throws -> [Tensor] {
    try valueAndGradient(of: f, at: arguments, argnums: argnums).gradients
}

/// The gradient of `f` with respect to tree arguments, as trees of the same structure.
public func gradient(
    of f: ([Tree<Variable>]) throws -> Variable, at arguments: [Tree<Variable>], argnums: [Int] = [0]
) throws -> [Tree<Variable>] {
    try valueAndGradient(of: f, at: arguments, argnums: argnums).gradients
}

private func checkArgnums(_ argnums: [Int], count: Int) throws {
    guard !argnums.isEmpty else {
        throw TensorError.value(
            "grad: argnums is empty, so there is nothing to differentiate with respect to",
            hint: "name at least one argument, e.g. argnums=0")
    }
    var seen = Set<Int>()
    for argnum in argnums {
        guard argnum >= 0 && argnum < count else {
            throw TensorError.index(
                "grad: argnums \(argnum) is out of range for a function called with \(count) argument\(count == 1 ? "" : "s")",
                hint: count == 0
                    ? "call the function with the argument to differentiate" : "argnums count from 0 to \(count - 1)")
        }
        guard seen.insert(argnum).inserted else {
            throw TensorError.value("grad: argnums repeats \(argnum)", hint: "name each argument once")
        }
    }
}
