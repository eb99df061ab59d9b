import KisoTensor

/// Reading a builtin's arguments by parameter name: `a.tensor("x")`, `a.optionalInt("axis")`.
/// A name the builtin does not declare is an error naming both, never a wrong argument.
extension Arguments {
    /// The position of the parameter called `name`.
    func position(_ name: String) throws -> Int {
        // Names of another length are passed over without comparing strings: builtin bodies
        // read their arguments by name on every call.
        let length = name.utf8.count
        guard
            let i = builtin.parameters.firstIndex(where: { $0.name.utf8.count == length && $0.name == name })
        else {
            throw KisoError(
                .argument, "`\(builtin.name)` has no parameter `\(name)`",
                hint: "this is a bug in Kiso's declaration of \(builtin.signature); please report it")
        }
        return i
    }

    /// The argument bound to `name`, as given.
    subscript(_ name: String) -> Value {
        get throws { values[try position(name)] }
    }

    /// Moves the argument bound to `name` out, leaving none in its place, for a body that reads
    /// it once: `self[name]` would copy it (for a tensor, retaining and releasing its three
    /// buffers) while the argument array still held it. It must not be read through `self` again.
    mutating func take(_ name: String) throws -> Value {
        var taken = Value.none
        swap(&taken, &values[try position(name)])
        return taken
    }

    /// Replaces the argument bound to `name`: how a builtin that changes its argument (`xs.append(v)`,
    /// `shuffle(x)`, declared with `mutates`) hands the new value to the call site, which stores it
    /// back where the argument was read from.
    mutating func set(_ name: String, _ value: Value) throws {
        values[try position(name)] = value
    }

    /// Whether the argument bound to `name` is none.
    func isNone(_ name: String) throws -> Bool { isNone(try position(name)) }

    /// The argument as a tensor.
    func tensor(_ name: String) throws -> Tensor { try tensor(try position(name)) }
    /// The argument as a tensor, or nil for none.
    func optionalTensor(_ name: String) throws -> Tensor? { try optionalTensor(try position(name)) }
    /// The argument as a number.
    func number(_ name: String) throws -> Double { try number(try position(name)) }
    /// The argument as a number, or nil for none.
    func optionalNumber(_ name: String) throws -> Double? {
        let i = try position(name)
        return isNone(i) ? nil : try number(i)
    }
    /// The argument as a whole number.
    func int(_ name: String) throws -> Int { try int(try position(name)) }
    /// The argument as a whole number, or nil for none.
    func optionalInt(_ name: String) throws -> Int? { try optionalInt(try position(name)) }
    /// The argument as true or false.
    func bool(_ name: String) throws -> Bool { try bool(try position(name)) }
    /// The argument as text.
    func string(_ name: String) throws -> String { try string(try position(name)) }
    /// The argument as axes (nil for none: every axis).
    func axes(_ name: String) throws -> [Int]? { try axes(try position(name)) }
    /// The argument as a single axis, or nil for none.
    func axis(_ name: String) throws -> Int? { try axis(try position(name)) }
    /// The argument as a shape.
    func shape(_ name: String) throws -> [Int] { try shape(try position(name)) }
    /// The argument as a shape, or nil for none.
    func optionalShape(_ name: String) throws -> [Int]? { try optionalShape(try position(name)) }
    /// The argument as a list of tensors.
    func tensors(_ name: String) throws -> [Tensor] { try tensors(try position(name)) }
    /// The argument as a differentiable variable.
    func variable(_ name: String) throws -> Variable { try variable(try position(name)) }
    /// The argument as a variable, or nil for none.
    func optionalVariable(_ name: String) throws -> Variable? { try optionalVariable(try position(name)) }
    /// The argument, a list of tensors, as variables.
    func variables(_ name: String) throws -> [Variable] { try variables(try position(name)) }

    /// The argument as an object of class `Object` (declared with an `ObjectType`).
    func object<Object: KisoObject>(_ name: String, as objectClass: Object.Type) throws -> Object {
        let value = try self[name]
        guard case .object(let object) = value, let typed = object as? Object else {
            throw Convert.mismatch(Object.objectType.kindName, name, value)
        }
        return typed
    }
}
