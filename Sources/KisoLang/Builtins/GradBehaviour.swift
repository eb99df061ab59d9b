import KisoTensor

/// What a builtin does when one of its arguments is being differentiated (inside `grad`),
/// declared in the builtin's own `add(…, grad: …)` call beside its forward body.
enum GradBehaviour {
    /// Not differentiable: the call is an error that suggests `stop_gradient`.
    case notDifferentiable
    /// This implementation, written on variables, runs instead of the body; each engine
    /// operation it calls records its derivative on the tape.
    case traced((inout Arguments) throws -> Value)
    /// The body itself is written on variables (tensors act as constants), so it runs as it is.
    case tracedByBody
    /// Piecewise constant, or only reads values: the body runs on the variables' values, so
    /// gradients through it are zero, as in JAX.
    case detaching
    /// Only moves values between containers: variables pass through the body untouched.
    case structural

    /// A function of its first argument alone, as the engine's `Variable` operation `op`.
    static func unary(_ op: @escaping (Variable) throws -> Variable) -> GradBehaviour {
        .traced { a in .traced(try op(try a.variable(0))) }
    }

    /// A function of its first two arguments, as the engine's `Variable` operation `op`.
    static func binary(_ op: @escaping (Variable, Variable) throws -> Variable) -> GradBehaviour {
        .traced { a in .traced(try op(try a.variable(0), try a.variable(1))) }
    }
}

extension Interpreter {
    /// A builtin called with a value being differentiated, as its `grad` behaviour says.
    func callTraced(_ builtin: Builtin, _ arguments: inout Arguments) throws -> Value {
        switch builtin.grad {
        case .traced(let body): return try body(&arguments)
        case .tracedByBody, .structural: return try builtin.body(&arguments)
        case .detaching:
            arguments.values = arguments.values.map(\.detachedDeep)
            return try builtin.body(&arguments)
        case .notDifferentiable:
            throw KisoError(
                .type, "`\(builtin.name)` is not differentiable", span: arguments.span,
                hint:
                    "grad traces only builtins with a derivative (docs/language.md, Differentiation); wrap the argument in stop_gradient(…) to use its value as a constant"
            )
        }
    }
}
