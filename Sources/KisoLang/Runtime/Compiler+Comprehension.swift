/// Comprehensions compiled to closures: `[f(w) for w in ws if w != ""]` runs as the loops it
/// stands for (the same compiled `for` a statement gets), appending to a result kept in the
/// comprehension's own frame, so it is as fast as writing the loop out.
extension Compiler {
    /// The slot of a comprehension's frame that holds the result being built.
    static func resultSlot(_ c: Comprehension) -> Int { c.slotCount - 2 }
    /// The slot that holds its first sequence, evaluated in the enclosing frame.
    static func firstSequenceSlot(_ c: Comprehension) -> Int { c.slotCount - 1 }

    func comprehension(_ c: Comprehension, span: SourceSpan) -> CompiledExpression {
        let result = Compiler.resultSlot(c)
        let element = expression(c.element)
        let elementSpan = c.element.span
        var body: CompiledStatement
        switch c.kind {
        case .list:
            body = { i, f in
                let value = try element(i, f)
                guard let f, case .list(var items)? = f.slots[result] else { return .value(.none) }
                // Taken out first so the append does not copy the array.
                f.slots[result] = nil
                items.append(value)
                f.slots[result] = .list(items)
                return .value(.none)
            }
        case .dict(let keyExpr):
            let key = expression(keyExpr)
            let keySpan = keyExpr.span
            body = { i, f in
                let k = try i.dictKey(try key(i, f), span: keySpan)
                let value = try element(i, f)
                guard let f, case .dict(var d)? = f.slots[result] else { return .value(.none) }
                f.slots[result] = nil
                d.set(k, value)
                f.slots[result] = .dict(d)
                return .value(.none)
            }
        }
        var firstSequence: CompiledExpression = { _, _ in .none }
        for (k, clause) in c.clauses.enumerated().reversed() {
            switch clause {
            case .loop(let targets, var sequence):
                if k == 0 {
                    // Python reads the first sequence in the enclosing scope; the loop reads it
                    // back from the slot it is stored in.
                    firstSequence = expression(sequence)
                    let ref = NameRef("<sequence>")
                    ref.scope = .local(depth: 0, slot: Compiler.firstSequenceSlot(c))
                    sequence = Expr(.name(ref), sequence.span)
                }
                body = forLoop(targets, sequence, body)
            case .filter(let condition):
                let test = expression(condition)
                let conditionSpan = condition.span
                let inner = body
                body = { i, f in
                    try i.truth(try test(i, f), span: conditionSpan) ? try inner(i, f) : .value(.none)
                }
            }
        }
        let loops = body
        let isDict: Bool
        if case .dict = c.kind { isDict = true } else { isDict = false }
        return { i, f in
            let sequence = try firstSequence(i, f)
            let frame = Frame(slotCount: c.slotCount, parent: f)
            frame.slots[Compiler.firstSequenceSlot(c)] = sequence
            frame.slots[result] = isDict ? .dict(KisoDict()) : .list([])
            _ = try loops(i, frame)
            switch frame.slots[result] {
            case .list(let items)?:
                // Numbers in brackets are a tensor, as they are when written out.
                return try Literal.collect(items, spans: nil, strict: false)
            case let built?: return built
            case nil: throw KisoError(.syntax, "a comprehension lost its result", span: elementSpan.merged(with: span))
            }
        }
    }
}
