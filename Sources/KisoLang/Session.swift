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

    let interpreter: Interpreter
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
        Session.isRunning.store(true, ordering: .relaxed)
        defer { Session.isRunning.store(false, ordering: .relaxed) }
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

    /// Forgets every variable.
    public func reset() {
        interpreter.resetGlobals()
    }
}
