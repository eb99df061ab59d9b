/// Jacobians and Hessians of functions of one tensor (JAX's `jacrev` and `hessian`), built on
/// reverse mode: one backward pass per output element. Calls nest like `valueAndGradient`'s, so
/// a Jacobian taken inside a gradient is differentiated too.

/// The Jacobian of `f` at `x`: an array of shape `f(x).shape + x.shape` whose element
/// `[i…, j…]` is ∂f(x)[i…] / ∂x[j…]. `f` runs once per output element (and once for an empty
/// output); a pending Ctrl-C stops between elements.
public func jacobian(of f: (Variable) throws -> Variable, at x: Variable) throws -> Variable {
    var outputShape: [Int] = []
    var outputCount = 1
    var rows: [Variable] = []
    var element = 0
    while element < outputCount {
        try Interruption.check("jacobian")
        let index = element
        let (_, gradients) = try valueAndGradient(
            of: { arguments in
                let y = try f(arguments[0])
                if index == 0 {
                    outputShape = y.shape
                    outputCount = y.count
                }
                guard y.count > index else { return Variable(0) }
                return try y.reshaped([y.count]).subscripted([.int(index)])
            }, at: [x])
        if outputCount == 0 { break }
        rows.append(gradients[0])
        element += 1
    }
    guard !rows.isEmpty else { return Variable(try Tensor.zeros(outputShape + x.shape)) }
    return try Variable.stack(rows).reshaped(outputShape + x.shape)
}

/// The Hessian of a scalar `f` at `x`: the Jacobian of its gradient, of shape `x.shape + x.shape`.
public func hessian(of f: @escaping (Variable) throws -> Variable, at x: Variable) throws -> Variable {
    try jacobian(of: { v in try valueAndGradient(of: { try f($0[0]) }, at: [v]).gradients[0] }, at: x)
}
