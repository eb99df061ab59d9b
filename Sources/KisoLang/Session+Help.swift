/// One builtin as help and documentation show it.
public struct BuiltinInfo: Sendable, Equatable {
    /// The name a program calls it by (`normal`, or `rng.normal` for a Generator method).
    public var name: String
    /// `sum(x, axis=none, keepdims=false)`.
    public var signature: String
    /// One line saying what it does.
    public var doc: String
    /// A line of Kiso that uses it.
    public var example: String
    /// The documentation section it belongs to.
    public var category: String
}

extension Session {
    /// Help for a builtin, an object type (`Generator`), a member of one (`rng.normal`, `opt.lr`,
    /// `x.shape`, or `normal` alone), a variable or a keyword: the signature, the one-line doc
    /// and an example; nil when the name is unknown.
    public func help(_ name: String) -> String? {
        let registry = interpreter.registry
        var key = name
        if let dot = name.lastIndex(of: ".") {
            key = String(name[name.index(after: dot)...])
            let base = String(name[..<dot])
            if let type = memberOwner(base), let text = type.help(key) { return text }
            if let type = memberOwner(base), type === ObjectType.tensor, let builtin = registry.byName[key],
                builtin.isTensorMethod
            {
                return helpText(builtin, prefix: "")
            }
        }
        // A variable hides the builtin of its name, so `?name` describes what `name` now is.
        if !name.contains("."), let id = interpreter.symbolIDs[key], let value = interpreter.globals[id] {
            if case .function(let f) = value {
                return "\(interpreter.signature(of: f.decl))\n  a function defined in this session"
            }
            return ValueSummary.text(name: key, value: value)
        }
        if let builtin = registry.byName[key] {
            var text = helpText(builtin, prefix: "")
            for type in registry.objectTypes { if let member = type.help(key) { text += "\n\n" + member } }
            return text
        }
        if let type = registry.objectTypes.first(where: { $0.name == key }) { return type.help }
        if let member = registry.objectTypes.lazy.compactMap({ $0.help(key) }).first { return member }
        if let id = interpreter.symbolIDs[key], let value = interpreter.builtinsBySymbol[id] {
            return "\(key) = \(value.repr)\n  a constant"
        }
        if let keyword = Keyword(rawValue: key) { return keywordHelp(keyword) }
        return nil
    }

    /// The object type whose members `base.` names: a variable's type, else a type named
    /// `base` or conventionally received as `base` (`rng`, `opt`).
    private func memberOwner(_ base: String) -> ObjectType? {
        if let id = interpreter.symbolIDs[base], let value = interpreter.globals[id] {
            switch value {
            case .object(let object): return object.objectType
            case .tensor, .variable: return .tensor
            default: return nil
            }
        }
        return interpreter.registry.objectType(named: base)
    }

    private func helpText(_ builtin: Builtin, prefix: String) -> String {
        let parameters = builtin.parameters.dropFirst(prefix.isEmpty ? 0 : 1).map(\.signatureText)
        return
            "\(prefix)\(builtin.name)(\(parameters.joined(separator: ", ")))\n  \(builtin.doc)\n  example: \(builtin.example)"
    }

    private func keywordHelp(_ keyword: Keyword) -> String {
        switch keyword {
        case .def: return "def name(x, y=1) … end\n  defines a function; its last value is returned"
        case .if, .elif, .else: return "if c … elif c … else … end\n  runs the first branch whose condition is true"
        case .for, .in: return "for x in sequence … end\n  loops over a range, list, tensor rows or dict keys"
        case .while: return "while c … end\n  loops while c is true"
        case .end: return "end\n  closes a def, if, for or while block"
        case .break: return "break\n  leaves the innermost loop"
        case .continue: return "continue\n  goes on with the next turn of the innermost loop"
        case .return: return "return value\n  leaves a function with a value"
        case .and, .or, .not:
            return
                "a and b, a or b, not a\n  logic on truth values; for tensors use logical_and, logical_or, logical_not"
        case .true, .false: return "true, false\n  the truth values"
        case .none: return "none\n  the absent value; inside an index it adds an axis (NumPy's newaxis)"
        }
    }

    /// Every builtin function, then every object type's attributes and methods (`rng.normal`,
    /// `opt.lr`, `x.shape`), in documentation order.
    public static func builtinCatalog() -> [BuiltinInfo] {
        let registry = Registry()
        var infos = registry.functions.map {
            BuiltinInfo(name: $0.name, signature: $0.signature, doc: $0.doc, example: $0.example, category: $0.category)
        }
        for type in registry.objectTypes {
            for member in type.attributes.map(\.name) + type.methods.map(\.name).sorted() {
                guard let entry = type.entry(member) else { continue }
                infos.append(
                    BuiltinInfo(
                        name: type.receiverName + "." + member, signature: entry.signature, doc: entry.doc,
                        example: entry.example, category: type.category))
            }
        }
        return infos
    }
}
