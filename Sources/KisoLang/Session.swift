import KisoBase
import KisoTensor
import Synchronization

/// A Kiso session: the variables of one REPL or notebook, and everything that runs in them.
/// An error never ends a session and never loses a variable.
public final class Session {
    /// Set by a SIGINT handler to stop a running computation; the running program stops at its
    /// next loop turn or call with an "interrupted" error. Cleared when a run starts. The handler
    /// also sets the engine's ``Interruption/requested``, which long kernels poll, but only while
    /// ``isRunning``: a Ctrl-C at the prompt must not stop the next product.
    public static let interrupt = Atomic<Bool>(false)

    /// True while some session runs code. The engine's flag is not cleared when a run starts,
    /// since sessions may run side by side (tests do) and one must not erase another's request.
    public static let isRunning = Atomic<Bool>(false)

    /// When true, every unsuppressed top-level expression statement is echoed (through
    /// `output`, as it happens), not only the last one, which is still returned in `echo`.
    public var echoEachExpression = false

    /// How plots are drawn when echoed or printed: total width, colour and charset. The default
    /// (64 columns, no colour, Unicode) is what notebooks record; the REPL sets the terminal's.
    public var plotDisplay: PlotDisplay {
        get { interpreter.plotDisplay }
        set { interpreter.plotDisplay = newValue }
    }

    /// Where `progress` loops show a live bar while they run (the terminal's, in the REPL and
    /// `kiso step`); nil, the default, shows nothing, as recorded notebooks need.
    public var liveDisplay: (any LiveDisplay)? {
        get { interpreter.liveDisplay }
        set { interpreter.liveDisplay = newValue }
    }

    /// The folder relative paths in the program start from: the script's or notebook's folder;
    /// empty (the default) for the working directory.
    public var directory: String {
        get { interpreter.directory }
        set { interpreter.directory = newValue }
    }

    let interpreter: Interpreter
    private let output: (String) -> Void
    /// Every source text the session has run, so that an error inside a function defined
    /// earlier can show that function's line. Each has its own range of span offsets.
    var sources = RanSources()

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
    /// first line (for a notebook cell further down a file). `unit`, when given, is how a call
    /// stack names this source (`cell 3` gives "called from cell 3 line 2"); otherwise a call
    /// site reads `origin:line`.
    public func run(_ source: String, origin: String = "<input>", line: Int = 1, unit: String? = nil) -> RunResult {
        // A Ctrl-C that came before this run (during a short entry that finished before any
        // check saw it) must not stop this one: the engine's flag is cleared with the
        // interpreter's, or a plot drawn later (`:save` replays one) would stop half drawn.
        Session.interrupt.store(false, ordering: .relaxed)
        Interruption.requested.store(false, ordering: .relaxed)
        Session.isRunning.store(true, ordering: .relaxed)
        defer { Session.isRunning.store(false, ordering: .relaxed) }
        let current = sources.add(source, origin: origin, unit: unit)
        var parser = Parser(source: source, line: line, offset: current.start)
        let statements = parser.parseProgram()
        if !parser.errors.isEmpty {
            return RunResult(errors: Session.capped(parser.errors).map { located($0, current) })
        }
        var resolver = Resolver(intern: interpreter.intern)
        resolver.resolve(statements)
        return LargeStack.run { [self] in
            do {
                return RunResult(
                    echo: try SessionPrintOptions.$current.withValue(interpreter.printOptions) {
                        try Random.using(interpreter.legacyRandom) { try execute(statements) }
                    })
            } catch let error as KisoError {
                return RunResult(errors: [located(error, current)])
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

    /// The error with its span made relative to the source it points into (and that source
    /// attached when it is an earlier one), and its call sites named.
    /// `np` undefined in `np.zeros(3)`: the source after the name shows what was meant.
    private func modulePrefixError(_ error: KisoError, in text: String) -> KisoError? {
        guard let span = error.span, error.message.hasSuffix("is not defined") else { return nil }
        let scalars = Array(text.unicodeScalars)
        guard span.start >= 0, span.end <= scalars.count, span.end > span.start else { return nil }
        let name = String(String.UnicodeScalarView(scalars[span.start..<span.end]))
        var path: [String] = []
        var position = span.end
        func isNameScalar(_ c: Unicode.Scalar) -> Bool {
            c == "_" || c.properties.isAlphabetic || ("0"..."9").contains(c)
        }
        while position < scalars.count, scalars[position] == "." {
            var end = position + 1
            while end < scalars.count, isNameScalar(scalars[end]) { end += 1 }
            guard end > position + 1 else { break }
            path.append(String(String.UnicodeScalarView(scalars[(position + 1)..<end])))
            position = end
        }
        var next = position
        while next < scalars.count, scalars[next] == " " { next += 1 }
        let call = next < scalars.count && scalars[next] == "("
        let written = SourceSpan(start: span.start, end: position, line: span.line, column: span.column)
        return interpreter.modulePrefixError(name, path: path, call: call, span: written)
    }

    func located(_ error: KisoError, _ current: RanSource) -> KisoError {
        var e = error
        e.origin = current.origin
        if let span = e.span, let home = sources.containing(span) {
            e.span = home.local(span)
            if home.start != current.start {
                e.source = home.text
                e.origin = home.unit ?? home.origin
            }
            if e.kind == .name, let better = modulePrefixError(e, in: home.text) {
                e.message = better.message
                e.hint = better.hint
                e.span = better.span
            }
        }
        // A call on the failing line itself (a lambda given to `plot` or `grad`) adds nothing.
        let failing = error.span.flatMap { span in sources.containing(span).map { ($0.start, span.line) } }
        e.callStack = e.callSites.compactMap { site in
            guard let home = sources.containing(site) else { return current.origin }
            if let failing, failing == (home.start, site.line) { return nil }
            return home.unit.map { "\($0) line \(site.line)" } ?? "\(home.origin):\(site.line)"
        }
        e.callSites = []
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

    /// The definition of the function `name` defined in this session, as it was typed (what
    /// `??name` shows); nil when `name` is not such a function.
    public func functionSource(_ name: String) -> String? {
        guard let id = interpreter.symbolIDs[name], case .function(let closure)? = interpreter.globals[id] else {
            return nil
        }
        let decl = closure.decl
        guard let source = sources.containing(decl.span) else { return nil }
        let scalars = Array(source.text.unicodeScalars)
        let start = decl.span.start - source.start
        let end = Swift.min(scalars.count, decl.endOffset - source.start)
        guard start >= 0, start < end else { return nil }
        // From the start of the definition's line, so its indentation is kept.
        var lineStart = start
        while lineStart > 0 && scalars[lineStart - 1] != "\n" { lineStart -= 1 }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[lineStart..<end])
        return String(view)
    }

    /// Keeps the last value shown in `_`, as Python's and IPython's prompts do. It is not
    /// listed by `:vars`: the learner did not assign it.
    private func rememberEchoed(_ value: Value) {
        let id = interpreter.intern("_")
        interpreter.globals[id] = value
    }

    /// Forgets every variable.
    public func reset() {
        interpreter.resetGlobals()
    }
}
