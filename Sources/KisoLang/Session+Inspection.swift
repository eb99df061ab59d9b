import KisoTensor

extension Session {
    /// The session's variables in the order they were first assigned: name, kind (`tensor
    /// float64`, `number`, `function`, …) and shape (`(2,3)` for tensors, empty otherwise).
    public var variables: [(name: String, kind: String, shape: String)] {
        interpreter.assignmentOrder.compactMap { id in
            guard let value = interpreter.globals[id] else { return nil }
            var shape = value.readableTensor.map { formatShape($0.shape) } ?? ""
            switch value {
            case .list(let xs), .tuple(let xs): shape = "len \(xs.count)"
            case .dict(let d): shape = "len \(d.count)"
            case .plot(let p): shape = p.kind
            default: break
            }
            return (interpreter.symbolNames[id], value.shortKind, shape)
        }
    }

    /// Every subexpression of `expression` with its shape, innermost first (a number has
    /// shape []); literals and non-numeric values are left out. The expression is evaluated
    /// once, in this session. An assignment (`y = x @ x`) traces its right-hand side and then
    /// assigns the value, so the session goes on as if it had been typed. Throws the first error.
    public func shapes(of expression: String) throws -> [(String, [Int])] {
        Session.interrupt.store(false, ordering: .relaxed)
        let current = sources.add(expression, origin: "<input>", unit: nil)
        var parser = Parser(source: expression, offset: current.start)
        let statements = parser.parseProgram()
        if let first = parser.errors.first { throw located(first, current) }
        let traced: Expr
        var target: Expr? = nil
        switch statements.first?.kind {
        case .expression(let e)? where statements.count == 1: traced = e
        case .assign(let t, let e)? where statements.count == 1:
            traced = e
            target = t
        default:
            throw KisoError(
                .syntax, "`:shapes` takes one expression or one assignment",
                hint: "e.g. :shapes softmax(Q @ K.T) or :shapes y = x @ W")
        }
        var resolver = Resolver(intern: interpreter.intern)
        resolver.resolve(statements)
        let scalars = Array(expression.unicodeScalars)
        let result: Result<[(String, [Int])], KisoError> = LargeStack.run { [self] in
            var seen: [(String, [Int])] = []
            var spans = Set<Int>()
            interpreter.trace = { e, value in
                switch e.kind {
                case .number, .integer, .string, .bool, .none, .fstring: return
                default: break
                }
                let shape: [Int]
                switch value {
                case .tensor(let t): shape = t.shape
                case .number, .int: shape = []
                default: return
                }
                let key = e.span.start &* 1_000_003 &+ e.span.end
                let start = e.span.start - current.start
                let end = e.span.end - current.start
                guard spans.insert(key).inserted, start >= 0, end <= scalars.count else { return }
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[start..<end])
                seen.append((String(view), shape))
            }
            do {
                let value = try Random.using(interpreter.legacyRandom) { try interpreter.evaluate(traced, frame: nil) }
                interpreter.trace = nil
                if let target { try interpreter.assign(value, to: target, frame: nil) }
                return .success(seen)
            } catch let error as KisoError {
                interpreter.trace = nil
                return .failure(located(error, current))
            } catch {
                interpreter.trace = nil
                return .failure(KisoError(.value, "\(error)"))
            }
        }
        return try result.get()
    }
}
