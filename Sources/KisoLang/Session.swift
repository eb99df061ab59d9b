import KisoTensor
import Synchronization

/// What running a piece of source produced.
public struct RunResult: Sendable {
    /// The text to show for the value of the last statement, already formatted; nil when the
    /// last statement was an assignment, ended in `;`, or gave none.
    public var echo: String?
    /// The first error, if any (parse errors come in source order).
    public var error: KisoError?
    /// Every error: a parse may report several; a run stops at its first runtime error.
    public var errors: [KisoError]

    /// A result from its parts.
    public init(echo: String? = nil, errors: [KisoError] = []) {
        self.echo = echo
        self.errors = errors
        self.error = errors.first
    }
}

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

/// A Kiso session: the variables of one REPL or notebook, and everything that runs in them.
/// An error never ends a session and never loses a variable.
public final class Session {
    /// Set by a SIGINT handler to stop a running computation; the running program stops at its
    /// next loop turn or call with an "interrupted" error. Cleared when a run starts.
    /// A signal handler sets this and the engine's ``Interruption/requested``, which long
    /// kernels poll between blocks of work.
    public static let interrupt = Atomic<Bool>(false)

    /// When true, every unsuppressed top-level expression statement is echoed (through
    /// `output`, as it happens), not only the last one, which is still returned in `echo`.
    public var echoEachExpression = false

    /// How plots are drawn when echoed or printed: total width, colour and charset. The default
    /// (64 columns, no colour, Unicode) is what notebooks record; the REPL sets the terminal's.
    public var plotDisplay: PlotDisplay {
        get { interpreter.plotDisplay }
        set { interpreter.plotDisplay = newValue }
    }

    private let interpreter: Interpreter
    private let output: (String) -> Void

    /// A session whose `print` output goes to `output` as it happens (each call's text ends
    /// with its newline).
    public convenience init(output: @escaping (String) -> Void) {
        self.init(output: output, registry: Registry())
    }

    /// A session over `registry` (tests use it to add builtins and object types of their own).
    init(output: @escaping (String) -> Void, registry: Registry) {
        self.output = output
        interpreter = Interpreter(output: output, registry: registry)
    }

    /// Parses and runs `source`; `origin` names it in errors and `line` is the number of its
    /// first line (for a notebook cell further down a file).
    public func run(_ source: String, origin: String = "<input>", line: Int = 1) -> RunResult {
        Session.interrupt.store(false, ordering: .relaxed)
        Interruption.requested.store(false, ordering: .relaxed)
        var parser = Parser(source: source, line: line)
        let statements = parser.parseProgram()
        if !parser.errors.isEmpty {
            return RunResult(errors: Session.capped(parser.errors).map { located($0, origin) })
        }
        var resolver = Resolver(intern: interpreter.intern)
        resolver.resolve(statements)
        return LargeStack.run { [self] in
            do {
                return RunResult(
                    echo: try SessionPrintOptions.$current.withValue(interpreter.printOptions) {
                        try execute(statements)
                    })
            } catch let error as KisoError {
                return RunResult(errors: [located(error, origin)])
            } catch {
                return RunResult(errors: [KisoError(.value, "\(error)", origin: origin)])
            }
        }
    }

    /// The most errors one run reports. A binary file or a line of 20,000 stray characters
    /// makes an error per character; showing each with its source line would print for minutes.
    public static let maxReportedErrors = 10

    /// The first ``maxReportedErrors`` of `errors`, and a last one counting the rest.
    static func capped(_ errors: [KisoError]) -> [KisoError] {
        guard errors.count > maxReportedErrors else { return errors }
        let rest = errors.count - maxReportedErrors
        return Array(errors.prefix(maxReportedErrors)) + [
            KisoError(
                errors[maxReportedErrors].kind, "\(rest) more error\(rest == 1 ? "" : "s") not shown",
                hint: "fix the errors above and run again; is this file Kiso source?")
        ]
    }

    private func located(_ error: KisoError, _ origin: String) -> KisoError {
        var e = error
        e.origin = origin
        return e
    }

    private func execute(_ statements: [Stmt]) throws -> String? {
        var echo: String? = nil
        for (i, statement) in statements.enumerated() {
            echo = nil
            let flow = try interpreter.execute(statement, frame: nil)
            switch flow {
            case .value(let value):
                guard case .expression = statement.kind, !statement.silent, !isNoneValue(value) else { continue }
                let isLast = i == statements.count - 1
                guard isLast || echoEachExpression else { continue }
                let text = interpreter.echoedText(value)
                if isLast {
                    echo = text
                } else {
                    output(text + "\n")
                }
                rememberEchoed(value)
            case .breakLoop(let span), .continueLoop(let span):
                throw KisoError(
                    .syntax, "`break` or `continue` outside a loop", span: span, hint: "use them inside for or while")
            case .returnValue:
                throw KisoError(
                    .syntax, "`return` outside a function", span: statement.span, hint: "use it inside def … end")
            }
        }
        return echo
    }

    /// Keeps the last value shown in `_`, as Python's and IPython's prompts do. It is not
    /// listed by `:vars`: the learner did not assign it.
    private func rememberEchoed(_ value: Value) {
        let id = interpreter.intern("_")
        interpreter.globals[id] = value
    }

    /// Whether `source` is a complete input, or still has an open block, bracket or string
    /// (the REPL then asks for another line).
    public func isComplete(_ source: String) -> Bool {
        var lexer = Lexer(source)
        let tokens = lexer.tokenize()
        if lexer.endedInString || lexer.openBrackets > 0 { return false }
        var depth = 0
        for token in tokens {
            switch token.kind {
            case .keyword(.def), .keyword(.if), .keyword(.for), .keyword(.while): depth += 1
            case .keyword(.end): depth -= 1
            default: break
            }
        }
        if depth > 0 { return false }
        if let last = source.unicodeScalars.last(where: { $0 != "\n" && $0 != " " }), last == "\\" { return false }
        return true
    }

    /// The session's variables in the order they were first assigned: name, kind (`tensor
    /// float64`, `number`, `function`, …) and shape (`(2,3)` for tensors, empty otherwise).
    public var variables: [(name: String, kind: String, shape: String)] {
        interpreter.assignmentOrder.compactMap { id in
            guard let value = interpreter.globals[id] else { return nil }
            var shape = ""
            switch value {
            case .tensor(let t): shape = formatShape(t.shape)
            case .variable(let v): shape = formatShape(v.shape)
            case .list(let xs), .tuple(let xs): shape = "len \(xs.count)"
            case .dict(let d): shape = "len \(d.count)"
            case .plot(let p): shape = p.kind
            default: break
            }
            return (interpreter.symbolNames[id], value.shortKind, shape)
        }
    }

    /// Forgets every variable.
    public func reset() {
        interpreter.resetGlobals()
    }

    /// Names that complete `prefix`: keywords, builtins, constants and variables; after a
    /// dot (`x.su`), the attributes and methods of the variable before it (`x.sum`).
    public func completions(prefix: String) -> [String] {
        if let dot = prefix.lastIndex(of: ".") {
            let base = String(prefix[..<dot])
            let partial = String(prefix[prefix.index(after: dot)...])
            var names: [String] = []
            if let id = interpreter.symbolIDs[base],
                let value = interpreter.globals[id] ?? interpreter.builtinsBySymbol[id]
            {
                switch value {
                case .object(let object): names = object.objectType.memberNames
                case .tensor, .variable: names = ObjectType.tensor.memberNames + interpreter.tensorMethodNames
                default: names = []
                }
            }
            return Set(names.filter { $0.hasPrefix(partial) }).sorted().map { base + "." + $0 }
        }
        var names = Set(Keyword.allCases.map(\.rawValue))
        for (id, name) in interpreter.symbolNames.enumerated()
        where interpreter.globals[id] != nil || interpreter.builtinsBySymbol[id] != nil {
            names.insert(name)
        }
        return names.filter { $0.hasPrefix(prefix) }.sorted()
    }

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

    /// Every subexpression of `expression` with its shape, innermost first (a number has
    /// shape []); literals and non-numeric values are left out. The expression is evaluated
    /// once, in this session. An assignment (`y = x @ x`) traces its right-hand side and then
    /// assigns the value, so the session goes on as if it had been typed. Throws the first error.
    public func shapes(of expression: String) throws -> [(String, [Int])] {
        Session.interrupt.store(false, ordering: .relaxed)
        var parser = Parser(source: expression)
        let statements = parser.parseProgram()
        if let first = parser.errors.first { throw first }
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
                case .number, .string, .bool, .none, .fstring: return
                default: break
                }
                let shape: [Int]
                switch value {
                case .tensor(let t): shape = t.shape
                case .number: shape = []
                default: return
                }
                let key = e.span.start &* 1_000_003 &+ e.span.end
                guard spans.insert(key).inserted, e.span.start >= 0, e.span.end <= scalars.count else { return }
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[e.span.start..<e.span.end])
                seen.append((String(view), shape))
            }
            do {
                let value = try interpreter.evaluate(traced, frame: nil)
                interpreter.trace = nil
                if let target { try interpreter.assign(value, to: target, frame: nil) }
                return .success(seen)
            } catch let error as KisoError {
                interpreter.trace = nil
                return .failure(error)
            } catch {
                interpreter.trace = nil
                return .failure(KisoError(.value, "\(error)"))
            }
        }
        return try result.get()
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
