/// `xs.append(v)` on a list variable, the commonest change of all (a loss per training step),
/// compiled to append in place: the list is taken out of its variable, so its storage has one
/// owner and the append copies nothing, then put back. Through the general mutating call the
/// changed list is built anew, which makes n appends cost n² copies. Any other receiver (a
/// tensor, a name that is not a list) takes the general call (`Interpreter.append`).
extension Compiler {
    func appendInPlace(_ calleeExpr: Expr, _ arguments: [Argument], span: SourceSpan) -> CompiledExpression? {
        guard case .attribute(let base, "append", let nameSpan) = calleeExpr.kind, case .name(let ref) = base.kind,
            arguments.count == 1, arguments[0].label == nil, !arguments[0].isSpread
        else { return nil }
        let item = expression(arguments[0].value)
        switch ref.scope {
        case .local(0, let slot):
            return { i, f in
                let value = try item(i, f)
                if let f, case .list(var items)? = f.slots[slot] {
                    f.slots[slot] = nil
                    items.append(value)
                    f.slots[slot] = .list(items)
                    return .none
                }
                return try i.append(value, to: base, ref, nameSpan: nameSpan, span: span, frame: f)
            }
        case .global(let id):
            return { i, f in
                let value = try item(i, f)
                if case .list(var items)? = i.globals[id] {
                    i.globals[id] = nil
                    items.append(value)
                    i.globals[id] = .list(items)
                    return .none
                }
                return try i.append(value, to: base, ref, nameSpan: nameSpan, span: span, frame: f)
            }
        default:
            return nil
        }
    }
}
