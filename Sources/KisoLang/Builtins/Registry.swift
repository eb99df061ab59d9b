import KisoTensor

/// Every builtin, by name: the functions and the random Generator's methods.
final class Registry {
    private(set) var functions: [Builtin] = []
    private(set) var byName: [String: Builtin] = [:]
    private(set) var generatorMethods: [String: Builtin] = [:]
    private(set) var optimizerMethods: [String: Builtin] = [:]
    private var category = ""

    init() {
        registerCore()
        registerCreation()
        registerMath()
        registerReductions()
        registerShapes()
        registerLinearAlgebra()
        registerRandom()
        registerNetworks()
        registerPlots()
        registerAutodiff()
        registerTraining()
        registerDatasets()
    }

    /// Starts a group of builtins in the documentation.
    func section(_ name: String) { category = name }

    /// Registers a function.
    func add(
        _ name: String, _ parameters: [BuiltinParameter], doc: String, example: String,
        _ body: @escaping (inout Arguments) throws -> Value
    ) {
        let builtin = Builtin(
            name: name, parameters: parameters, doc: doc, example: example, category: category, body: body)
        if let existing = functions.firstIndex(where: { $0.name == name }) {
            functions[existing] = builtin
        } else {
            functions.append(builtin)
        }
        byName[name] = builtin
    }

    /// Registers a method of the random Generator; its first parameter is the Generator.
    func method(
        _ name: String, _ parameters: [BuiltinParameter], doc: String, example: String,
        _ body: @escaping (inout Arguments) throws -> Value
    ) {
        generatorMethods[name] = Builtin(
            name: name, parameters: [param("rng", .generator)] + parameters, doc: doc, example: example,
            category: "Generator methods", body: body)
    }
}

extension Registry {
    /// Registers a method of optimizers; its first parameter is the optimizer.
    func optimizerMethod(
        _ name: String, _ parameters: [BuiltinParameter], doc: String, example: String,
        _ body: @escaping (inout Arguments) throws -> Value
    ) {
        optimizerMethods[name] = Builtin(
            name: name, parameters: [param("opt", .optimizer)] + parameters, doc: doc, example: example,
            category: "Optimizer methods", body: body)
    }

    /// Gives the registered builtin `name` its implementation for differentiated arguments.
    func differentiable(_ name: String, _ body: @escaping (inout Arguments) throws -> Value) {
        byName[name]?.tracedBody = body
    }
}

/// A required parameter.
func param(_ name: String, _ kind: ParameterKind) -> BuiltinParameter {
    BuiltinParameter(name: name, kind: kind, defaultValue: nil, optional: false, variadic: false)
}

/// A parameter with a default; a `none` default also allows none to be passed.
func param(_ name: String, _ kind: ParameterKind, _ defaultValue: Value) -> BuiltinParameter {
    BuiltinParameter(
        name: name, kind: kind, defaultValue: defaultValue, optional: isNoneValue(defaultValue), variadic: false)
}

/// A parameter gathering the remaining positional arguments.
func rest(_ name: String) -> BuiltinParameter {
    BuiltinParameter(name: name, kind: .any, defaultValue: nil, optional: false, variadic: true)
}
