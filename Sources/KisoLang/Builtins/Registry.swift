import KisoTensor

/// Every builtin, by name, and every object type (see `ObjectType`).
final class Registry {
    private(set) var functions: [Builtin] = []
    private(set) var byName: [String: Builtin] = [:]
    /// The object types, in registration order; tensors' attributes first.
    private(set) var objectTypes: [ObjectType] = [.tensor, .string, .dict, .list]
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
        registerLayers()
        registerActivations()
        registerLossFunctions()
        registerRecurrent()
        registerAttention()
        registerInitializers()
        registerSorting()
        registerStatistics()
        registerPythonValues()
        registerArrays()
        registerImports()
        registerProbability()
        registerStrings()
        registerTextFiles()
        registerTokenizers()
        registerPythonBuiltins()
        registerModels()
        registerCallbacks()
        registerKerasOptimizers()
        registerArrayFiles()
        registerProgress()
        registerTransforms()
    }

    /// Starts a group of builtins in the documentation.
    func section(_ name: String) { category = name }

    /// Registers a function: its parameters, doc line, example, body and, when it can be
    /// differentiated or passes values being differentiated on, its behaviour under `grad`.
    /// `mutates` names the parameter whose variable the call changes (see `Builtin.mutates`).
    func add(
        _ name: String, _ parameters: [BuiltinParameter], doc: String, example: String,
        grad: GradBehaviour = .notDifferentiable, mutates: String? = nil,
        _ body: @escaping (inout Arguments) throws -> Value
    ) {
        let builtin = Builtin(
            name: name, parameters: parameters, doc: doc, example: example, category: category, grad: grad,
            body: body)
        builtin.mutates = mutates.flatMap { changed in parameters.firstIndex { $0.name == changed } }
        if let existing = functions.firstIndex(where: { $0.name == name }) {
            functions[existing] = builtin
        } else {
            functions.append(builtin)
        }
        byName[name] = builtin
    }

    /// Registers the object type of `objectClass`, for help, completion and the docs.
    func register<Object: KisoObject>(_ objectClass: Object.Type) {
        let type = Object.objectType
        if !objectTypes.contains(where: { $0 === type }) { objectTypes.append(type) }
    }

    /// The object type called `name` (`Generator`) or whose receiver is conventionally called
    /// `name` (`rng`).
    func objectType(named name: String) -> ObjectType? {
        objectTypes.first { $0.name == name } ?? objectTypes.first { $0.receiverName == name }
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

/// A parameter gathering the keyword arguments no other parameter takes into a dict (`**values`).
func keywords(_ name: String) -> BuiltinParameter {
    BuiltinParameter(
        name: name, kind: .any, defaultValue: nil, optional: false, variadic: false, gathersKeywords: true)
}

/// A parameter gathering the remaining positional arguments.
func rest(_ name: String) -> BuiltinParameter {
    BuiltinParameter(name: name, kind: .any, defaultValue: nil, optional: false, variadic: true)
}
