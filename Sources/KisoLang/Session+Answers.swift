import KisoTensor

/// A value as an exercise checker compares it: numbers, tensors and containers keep their data;
/// functions keep their arity; anything else is named by its kind.
public indirect enum AnswerValue: Sendable {
    /// A real number (or a whole number; the checker compares them as reals).
    case number(Double)
    /// `true` or `false`.
    case bool(Bool)
    /// Text.
    case string(String)
    /// `none`.
    case none
    /// A tensor (a differentiated variable is compared by its value).
    case tensor(Tensor)
    /// A list of values.
    case list([AnswerValue])
    /// A tuple of values.
    case tuple([AnswerValue])
    /// A function: its name (when it has one) and how many arguments it takes.
    case function(FunctionFacts)
    /// Any other value: its kind as a learner reads it ("a dict", "a plot") and its text.
    case other(kind: String, text: String)

    /// The kind as a learner reads it: "a number", "a tensor", "a function", ….
    public var kindName: String {
        switch self {
        case .number: return "a number"
        case .bool: return "a bool"
        case .string: return "a string"
        case .none: return "none"
        case .tensor: return "a tensor"
        case .list: return "a list"
        case .tuple: return "a tuple"
        case .function: return "a function"
        case .other(let kind, _): return kind
        }
    }
}

/// What a checker needs to know about a function: its arity, and what its body uses.
public struct FunctionFacts: Sendable, Equatable {
    /// The name it was defined with (`<lambda>` for a lambda); empty for a builtin.
    public var name: String
    /// Every parameter's name, in order; nil for a builtin, whose parameters are not counted.
    public var parameters: [String]?
    /// How many parameters have no default.
    public var requiredCount: Int
    /// Every name the body refers to (called or not) and every attribute it reads, including
    /// those of the session's functions it refers to, transitively.
    public var names: Set<String>
    /// Whether the body, or a session function it refers to, has a `for` or `while` loop.
    public var loops: Bool
    /// Where the definition is: 1-based line and column in the source it was defined in.
    public var line: Int
    /// The column of the definition's start.
    public var column: Int
    /// Offsets of the definition in the source it was defined in (Unicode scalars).
    public var start: Int
    /// The offset just past the definition.
    public var end: Int
}

extension Session {
    /// Runs `source` (any statements; the last must be an expression) and returns the value of
    /// its last expression, or the error it raised. Nothing is echoed.
    public func answer(_ source: String, origin: String = "<check>", line: Int = 1) -> Result<AnswerValue, KisoError> {
        Session.interrupt.store(false, ordering: .relaxed)
        let current = sources.add(source, origin: origin, unit: nil)
        var parser = Parser(source: source, line: line, offset: current.start)
        let statements = parser.parseProgram()
        if let first = parser.errors.first { return .failure(located(first, current)) }
        guard let last = statements.last, case .expression = last.kind else {
            return .failure(KisoError(.syntax, "a check must end in an expression", origin: origin))
        }
        var resolver = Resolver(intern: interpreter.intern)
        resolver.resolve(statements)
        return LargeStack.run { [self] () -> Result<AnswerValue, KisoError> in
            do {
                var value: Value = .none
                try Random.using(interpreter.legacyRandom) {
                    for statement in statements {
                        if case .value(let v) = try interpreter.execute(statement, frame: nil) { value = v }
                    }
                }
                return .success(answerValue(value))
            } catch let error as KisoError {
                return .failure(located(error, current))
            } catch {
                return .failure(KisoError(.value, "\(error)", origin: origin))
            }
        }
    }

    /// The facts about the global `name` when it holds a function, nil otherwise.
    public func functionFacts(_ name: String) -> FunctionFacts? {
        guard let id = interpreter.symbolIDs[name] else { return nil }
        switch interpreter.globals[id] {
        case .function(let closure)?: return facts(closure.decl)
        case .builtin?, .method?:
            return FunctionFacts(
                name: "", parameters: nil, requiredCount: 0, names: [], loops: false, line: 0, column: 0, start: 0,
                end: 0)
        default: return nil
        }
    }

    /// The value of the global `name`, nil when it is not defined.
    public func globalAnswer(_ name: String) -> AnswerValue? {
        guard let id = interpreter.symbolIDs[name], let value = interpreter.globals[id] else { return nil }
        return answerValue(value)
    }

    /// The names `source` defines at its top level (`f(x) = …`, `def f`, `x = …`, `a, b = …`), in
    /// order; empty when it does not parse.
    public static func definedNames(in source: String) -> [String] {
        var parser = Parser(source: source)
        let statements = parser.parseProgram()
        guard parser.errors.isEmpty else { return [] }
        var names: [String] = []
        func target(_ e: Expr) {
            if case .name(let ref) = e.kind, !names.contains(ref.name) { names.append(ref.name) }
        }
        for statement in statements {
            switch statement.kind {
            case .function(let ref, _): if !names.contains(ref.name) { names.append(ref.name) }
            case .assign(let e, _), .compoundAssign(let e, _, _): target(e)
            case .unpack(let targets, _): targets.forEach(target)
            default: break
            }
        }
        return names
    }

    /// Whether `source` parses and only defines things (functions and assignments), so that it
    /// can be run again elsewhere without showing anything.
    public static func onlyDefines(_ source: String) -> Bool {
        var parser = Parser(source: source)
        let statements = parser.parseProgram()
        guard parser.errors.isEmpty, !statements.isEmpty else { return false }
        return statements.allSatisfy { statement in
            switch statement.kind {
            case .function, .assign, .compoundAssign, .unpack: return true
            default: return false
            }
        }
    }

    private func answerValue(_ value: Value) -> AnswerValue {
        switch value {
        case .number(let x): return .number(x)
        case .int(let n): return .number(Double(n))
        case .bool(let b): return .bool(b)
        case .string(let s): return .string(s)
        case .none: return .none
        case .list(let items): return .list(items.map(answerValue))
        case .tuple(let items): return .tuple(items.map(answerValue))
        case .function(let closure): return .function(facts(closure.decl))
        case .builtin(let builtin):
            return .function(
                FunctionFacts(
                    name: builtin.name, parameters: nil, requiredCount: 0, names: [], loops: false, line: 0,
                    column: 0, start: 0, end: 0))
        default:
            if let t = value.readableTensor { return .tensor(t) }
            return .other(kind: value.kindName, text: value.repr)
        }
    }

    private func facts(_ decl: FunctionDecl) -> FunctionFacts {
        var walker = UsageWalker(interpreter: interpreter)
        walker.visit(decl)
        return FunctionFacts(
            name: decl.name, parameters: decl.parameters.map(\.name),
            requiredCount: decl.parameters.filter { $0.defaultValue == nil }.count, names: walker.names,
            loops: walker.loops, line: decl.span.line, column: decl.span.column, start: decl.span.start,
            end: decl.span.end)
    }
}

/// Collects the names a function uses and whether it loops, following the session's own
/// functions it refers to (each once, so recursion ends).
private struct UsageWalker {
    let interpreter: Interpreter
    var names: Set<String> = []
    var loops = false
    private var visited: Set<ObjectIdentifier> = []

    init(interpreter: Interpreter) { self.interpreter = interpreter }

    mutating func visit(_ decl: FunctionDecl) {
        guard visited.insert(ObjectIdentifier(decl)).inserted else { return }
        for parameter in decl.parameters { if let d = parameter.defaultValue { visit(d) } }
        visit(decl.body)
    }

    mutating func visit(_ statements: [Stmt]) {
        for statement in statements { visit(statement) }
    }

    mutating func visit(_ statement: Stmt) {
        switch statement.kind {
        case .expression(let e): visit(e)
        case .assign(let t, let v), .compoundAssign(let t, _, let v):
            visit(t)
            visit(v)
        case .unpack(let targets, let v):
            targets.forEach { visit($0) }
            visit(v)
        case .function(_, let decl): visit(decl)
        case .ifChain(let branches, let otherwise):
            for branch in branches {
                visit(branch.condition)
                visit(branch.body)
            }
            if let otherwise { visit(otherwise) }
        case .forLoop(let targets, let sequence, let body):
            loops = true
            targets.forEach { visit($0) }
            visit(sequence)
            visit(body)
        case .whileLoop(let condition, let body):
            loops = true
            visit(condition)
            visit(body)
        case .returnValue(let e): if let e { visit(e) }
        case .breakLoop, .continueLoop: break
        }
    }

    mutating func visit(_ expr: Expr) {
        switch expr.kind {
        case .number, .integer, .string, .bool, .none, .ellipsis: break
        case .fstring(let parts):
            for case .expression(let e, _) in parts { visit(e) }
        case .name(let ref):
            names.insert(ref.name)
            if case .global(let id) = ref.scope, id < interpreter.globals.count,
                case .function(let closure)? = interpreter.globals[id]
            {
                visit(closure.decl)
            }
        case .list(let items), .tuple(let items): items.forEach { visit($0) }
        case .dict(let pairs):
            for pair in pairs {
                visit(pair.key)
                visit(pair.value)
            }
        case .unary(_, let e): visit(e)
        case .binary(_, let a, let b), .and(let a, let b), .or(let a, let b):
            visit(a)
            visit(b)
        case .call(let callee, let arguments):
            visit(callee)
            arguments.forEach { visit($0.value) }
        case .index(let base, let items):
            visit(base)
            for item in items {
                switch item {
                case .expression(let e): visit(e)
                case .slice(let start, let stop, let step, _):
                    for part in [start, stop, step] { if let part { visit(part) } }
                }
            }
        case .attribute(let base, let name, _):
            names.insert(name)
            visit(base)
        case .lambda(let decl): visit(decl)
        case .comprehension(let c):
            // A comprehension is a loop written inside brackets.
            loops = true
            if case .dict(let key) = c.kind { visit(key) }
            visit(c.element)
            for clause in c.clauses {
                switch clause {
                case .loop(let targets, let sequence):
                    targets.forEach { visit($0) }
                    visit(sequence)
                case .filter(let condition): visit(condition)
                }
            }
        case .spread(let e, _): visit(e)
        case .conditional(let value, let condition, let otherwise):
            visit(condition)
            visit(value)
            visit(otherwise)
        }
    }
}

extension Session {
    /// The syntax errors in `source`, located and attributed to `origin`; empty when it parses.
    public static func syntaxErrors(in source: String, origin: String) -> [KisoError] {
        var parser = Parser(source: source)
        _ = parser.parseProgram()
        return parser.errors.map { error in
            var e = error
            e.origin = origin
            return e
        }
    }
}
