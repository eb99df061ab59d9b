/// Hints that need more than the failing value: the source around it, or what a name means in
/// NumPy and PyTorch. Each says only what is true of the program at hand.
extension Interpreter {
    /// The hint for an undefined name that NumPy or PyTorch has, or nil.
    func foreignNameHint(_ name: String) -> String? {
        if name == "pass" { return "Kiso needs no `pass`: a block may be empty, as in `def f() end`" }
        // The names of the imported libraries' tables count too (`eigvalsh`, `absolute`).
        guard let equivalent = ForeignNames.functions[name] ?? LibraryTables.kisoName(for: name) else { return nil }
        if let kiso = equivalent, kiso != name, registry.byName[kiso] != nil {
            return "Kiso calls `\(name)` `\(kiso)`"
        }
        if registry.objectType(named: "Generator")?.methods.contains(where: { $0.name == name }) == true {
            return "`\(name)` is not a Kiso builtin yet; a Generator draws it: `rng = default_rng(0); rng.\(name)(…)`"
        }
        return "`\(name)` is not a Kiso builtin yet"
    }

    /// The error for `np.zeros(…)` and the like: `name` is an undefined module prefix (`np`,
    /// `torch`, …) and `path` the names written after it (`["linalg", "norm"]`); `call` says
    /// whether a call follows. Nil when `name` is not such a prefix.
    func modulePrefixError(_ name: String, path: [String], call: Bool, span: SourceSpan) -> KisoError? {
        guard ForeignNames.modulePrefixes.contains(name), !path.isEmpty else { return nil }
        var rest = path
        var prefix = [name]
        while rest.count > 1, ForeignNames.submodules.contains(rest[0]) { prefix.append(rest.removeFirst()) }
        let function = rest[0]
        let written = (prefix + rest).joined(separator: ".")
        let message = "`\(written)`: Kiso needs no `\(prefix.joined(separator: ".")).` prefix"
        let hint: String
        if rest.count == 1, registry.byName[function] != nil {
            hint = "write `\(function)\(call ? "(…)" : "")`: NumPy's functions are Kiso builtins by their own names"
        } else if let foreign = foreignNameHint(function) {
            hint = foreign
        } else if let near = closestName(to: function, among: registry.functions.map(\.name)) {
            hint = "Kiso has no builtin `\(function)`; did you mean `\(near)`?"
        } else {
            hint = "Kiso has no builtin `\(function)`; `:help` lists the builtins"
        }
        return KisoError(.name, message, span: span, hint: hint)
    }

    /// The hint for `a @ b` (or `matmul(a, b)`) whose inner sizes match only with the right
    /// operand transposed: it can name the operand only when the operand is a name.
    func transposeHint(rightOperand: Expr?) -> String {
        if let rightOperand, case .name(let ref) = rightOperand.kind { return "did you mean `\(ref.name).T`?" }
        return KisoError.transposeRightOperand
    }
}
