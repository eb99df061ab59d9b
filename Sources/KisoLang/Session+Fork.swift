import KisoTensor

extension Session {
    /// A new session holding the same variables as this one, whose changes do not reach this one:
    /// random generators and optimizers are copied at their current state (other objects are
    /// shared). Used to start many
    /// sessions from one prepared state (a chapter replayed once) instead of replaying it each time.
    public func fork(output: @escaping (String) -> Void) -> Session {
        let twin = Session(output: output)
        let source = interpreter
        let target = twin.interpreter
        // Functions keep the symbol numbers the resolver gave their names, so the twin takes the
        // whole symbol table, not just the names in use.
        target.symbolIDs = source.symbolIDs
        target.symbolNames = source.symbolNames
        target.builtinsBySymbol = source.builtinsBySymbol
        target.globals = source.globals.map { $0.map(Session.detached) }
        target.assignmentOrder = source.assignmentOrder
        // Functions' spans point into the sources this session ran.
        twin.sources = sources
        target.printOptions.options = source.printOptions.options
        target.plotDisplay = source.plotDisplay
        // One stream, as the chapter and its checks drew from before sessions had their own.
        target.legacyRandom = source.legacyRandom
        twin.echoEachExpression = echoEachExpression
        return twin
    }

    /// `value` with every mutable object inside it copied.
    private static func detached(_ value: Value) -> Value {
        switch value {
        case .object(let object as any ForkableObject): return .object(object.forked())
        case .list(let items): return .list(items.map(detached))
        case .tuple(let items): return .tuple(items.map(detached))
        case .dict(let dict): return .dict(dict.mappingValues(detached))
        default: return value
        }
    }
}

/// An object with state that a forked session must not share.
private protocol ForkableObject: KisoObject {
    /// A copy at the current state.
    func forked() -> any KisoObject
}

extension KisoTensor.Generator: ForkableObject {
    fileprivate func forked() -> any KisoObject { copy() }
}

extension OptimizerObject: ForkableObject {
    fileprivate func forked() -> any KisoObject { OptimizerObject(optimizer) }
}
