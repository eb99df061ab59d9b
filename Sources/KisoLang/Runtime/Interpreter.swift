import KisoBase
import KisoTensor
import Synchronization

/// How a statement finished.
enum Flow {
    case value(Value)
    case breakLoop(SourceSpan)
    case continueLoop(SourceSpan)
    case returnValue(Value)
}

/// The tree-walking evaluator. Globals live in an array indexed by symbol number; function
/// locals in frame slots chosen by the resolver.
final class Interpreter {
    /// How deeply Kiso functions may call each other.
    static let maxCallDepth = 800

    var globals: [Value?] = []
    var builtinsBySymbol: [Value?] = []
    var symbolIDs: [String: Int] = [:]
    var symbolNames: [String] = []
    /// Global symbols in the order they were first assigned, for `:vars`.
    var assignmentOrder: [Int] = []
    /// Builtins and constants already reported as hidden by a variable.
    var shadowNoted = Set<Int>()
    let output: (String) -> Void
    var callDepth = 0
    /// Whether the session has been told that storing a float into an int tensor truncates.
    var warnedAboutTruncation = false
    /// The folder relative paths start from (`read_text`); empty for the working directory.
    var directory = ""
    /// When set, called with every evaluated subexpression (for `:shapes`).
    var trace: ((Expr, Value) -> Void)? = nil
    let registry: Registry
    /// How plots are drawn when echoed or printed (see `Session.plotDisplay`).
    var plotDisplay = PlotDisplay()
    /// The session's own legacy random stream (`seed`, `randn`, …), shared with its forks.
    var legacyRandom = RandomState()
    /// Where `progress` loops draw while they run; nil when nothing should be shown.
    var liveDisplay: (any LiveDisplay)?
    /// The `progress` loops running now, outermost first.
    var activeProgress: [ProgressLoop] = []
    /// Print options for tensors, changed by `set_printoptions`.
    let printOptions = SessionPrintOptions()

    init(output: @escaping (String) -> Void, registry: Registry) {
        self.output = output
        self.registry = registry
        for builtin in registry.functions {
            let id = intern(builtin.name)
            builtinsBySymbol[id] = .builtin(builtin)
        }
        let constants: [(String, Value)] = [
            ("pi", .number(Double.pi)), ("e", .number(2.718_281_828_459_045)), ("inf", .number(.infinity)),
            ("nan", .number(.nan)), ("newaxis", .none),
            // Python's spellings of the bools, so that what `True` prints can be typed back.
            ("True", .bool(true)), ("False", .bool(false)),
        ]
        for (name, value) in constants { builtinsBySymbol[intern(name)] = value }
    }

    deinit {
        ValueRelease.clear(&globals)
    }

    func intern(_ name: String) -> Int {
        if let id = symbolIDs[name] { return id }
        let id = symbolNames.count
        symbolIDs[name] = id
        symbolNames.append(name)
        globals.append(nil)
        builtinsBySymbol.append(nil)
        return id
    }

    func setGlobal(_ id: Int, _ value: consuming Value) {
        if globals[id].isAbsent {
            assignmentOrder.append(id)
            if let hidden = builtinsBySymbol[id] { noteShadowing(id, hidden, by: value) }
        }
        // Moved, not copied: a copy of a tensor retains and releases its three buffers.
        var old: Value? = consume value
        swap(&globals[id], &old)
        ValueRelease.clear(&old)
    }

    /// Says once per name and session that a variable now hides a builtin or constant, which a
    /// learner who later calls the builtin would not otherwise guess.
    private func noteShadowing(_ id: Int, _ hidden: Value, by value: Value) {
        // `from jax import grad` binds the builtin itself: nothing is hidden.
        if case .builtin(let mine) = value, case .builtin(let builtin) = hidden, mine === builtin { return }
        guard shadowNoted.insert(id).inserted else { return }
        let name = symbolNames[id]
        let what: String
        if case .function = value { what = "your function" } else { what = "your variable" }
        let builtin: String
        if case .builtin = hidden { builtin = "the builtin `\(name)(…)`" } else { builtin = "the constant `\(name)`" }
        output("note: `\(name)` now names \(what), hiding \(builtin) until :reset\n")
    }

    func resetGlobals() {
        for i in globals.indices { ValueRelease.clear(&globals[i]) }
        assignmentOrder.removeAll()
        printOptions.options = PrintOptions()
    }

    // MARK: - Interrupts

    @inline(__always)
    func checkInterrupt(_ span: SourceSpan) throws {
        if Session.interrupt.load(ordering: .relaxed) {
            Session.interrupt.store(false, ordering: .relaxed)
            Interruption.requested.store(false, ordering: .relaxed)
            throw KisoError(.interrupted, "interrupted", span: span, hint: "every variable keeps its last value")
        }
    }

    // MARK: - Statements

    func execute(_ statements: [Stmt], frame: Frame?) throws -> Flow {
        var last: Value = .none
        for statement in statements {
            let flow = try execute(statement, frame: frame)
            switch flow {
            case .value(let v): last = v
            default: return flow
            }
        }
        return .value(last)
    }

    func execute(_ statement: Stmt, frame: Frame?) throws -> Flow {
        switch statement.kind {
        case .expression(let e):
            return .value(try evaluate(e, frame: frame))
        case .assign(let target, let valueExpr):
            let value = try evaluate(valueExpr, frame: frame)
            try assign(value, to: target, frame: frame)
            return .value(.none)
        case .compoundAssign(let target, let op, let valueExpr):
            let current = try evaluate(target, frame: frame)
            let operand = try evaluate(valueExpr, frame: frame)
            let result = try binary(op, current, operand, span: statement.span)
            try assign(result, to: target, frame: frame)
            return .value(.none)
        case .unpack(let targets, let valueExpr):
            let value = try evaluate(valueExpr, frame: frame)
            let items = try unpackItems(value, count: targets.count, span: valueExpr.span)
            for (target, item) in zip(targets, items) { try assign(item, to: target, frame: frame) }
            return .value(.none)
        case .function(let ref, let decl):
            let closure = try makeClosure(decl, frame: frame)
            try store(.function(closure), ref, frame: frame)
            return .value(.none)
        case .ifChain(let branches, let otherwise):
            for branch in branches {
                if try truth(try evaluate(branch.condition, frame: frame), span: branch.condition.span) {
                    return try execute(branch.body, frame: frame)
                }
            }
            if let otherwise { return try execute(otherwise, frame: frame) }
            return .value(.none)
        case .forLoop, .whileLoop:
            // Loops run compiled: their bodies are walked once, not on every turn.
            return try Compiler(interpreter: self).statement(statement)(self, frame)
        case .breakLoop: return .breakLoop(statement.span)
        case .continueLoop: return .continueLoop(statement.span)
        case .returnValue(let e):
            return .returnValue(try e.map { try evaluate($0, frame: frame) } ?? .none)
        }
    }

    /// The value a loop over `r` takes on turn `k`.
    @inline(__always)
    func rangeItem(_ r: KisoRange, _ k: Int) -> Value {
        .int(r.element(k))
    }

    /// Runs `body` once for each item of `sequence`, assigned to `targets` (unpacked when there
    /// are several).
    func runFor(
        _ targets: [Expr], _ sequence: Value, span: SourceSpan, frame: Frame?, body: () throws -> Flow
    ) throws
        -> Flow
    {
        func turn(_ item: Value) throws -> Flow? {
            try checkInterrupt(span)
            if targets.count == 1 {
                try assign(item, to: targets[0], frame: frame)
            } else {
                let parts = try unpackItems(item, count: targets.count, span: span)
                for (t, p) in zip(targets, parts) { try assign(p, to: t, frame: frame) }
            }
            switch try body() {
            case .breakLoop: return .value(.none)
            case .returnValue(let v): return .returnValue(v)
            default: return nil
            }
        }
        switch sequence {
        case .range(let r):
            var i = 0
            let n = r.count
            while i < n {
                if let flow = try turn(rangeItem(r, i)) { return flow }
                i += 1
            }
        case .tensor, .variable:
            guard let rows = sequence.tensorRowCount else {
                throw KisoError(.type, "cannot loop over a 0-d tensor", span: span, hint: "it holds a single value")
            }
            for i in 0..<rows {
                if let flow = try turn(try tensorRow(sequence, i, span: span)) { return flow }
            }
        case .list(let items), .tuple(let items):
            for item in items { if let flow = try turn(item) { return flow } }
        case .dict(let d):
            for key in d.keys { if let flow = try turn(key.value) { return flow } }
        case .string(let s):
            for c in s { if let flow = try turn(.string(String(c))) { return flow } }
        case .object(let progress as ProgressLoop):
            return try progress.run(on: self) { items, tick in
                try runFor(targets, items, span: span, frame: frame) {
                    let flow = try body()
                    switch flow {
                    case .breakLoop, .returnValue: break
                    default: tick()
                    }
                    return flow
                }
            }
        default:
            throw KisoError(
                .type, "cannot loop over \(sequence.kindName)", span: span,
                hint: "loop over a range, a list, a tensor's rows or a dict's keys")
        }
        return .value(.none)
    }

    func unpackItems(_ value: Value, count: Int, span: SourceSpan) throws -> [Value] {
        let items: [Value]
        switch value {
        case .tuple(let xs), .list(let xs): items = xs
        case .dict(let d): items = d.keys.map(\.value)
        default:
            guard let rows = try tensorRows(value, span: span) else {
                throw KisoError(
                    .type, "cannot unpack \(value.kindName) into \(count) names", span: span,
                    hint: "the right side must be a tuple, list or tensor of \(count) items")
            }
            items = rows
        }
        guard items.count == count else {
            throw KisoError(
                .value, "cannot unpack \(items.count) value\(items.count == 1 ? "" : "s") into \(count) names",
                span: span, hint: "give as many names as there are values")
        }
        return items
    }

    // MARK: - Variables

    func store(_ value: Value, _ ref: NameRef, frame: Frame?) throws {
        switch ref.scope {
        case .local(let depth, let slot):
            var f = frame
            for _ in 0..<depth { f = f?.parent }
            guard let target = f else { throw internalError(ref.name) }
            var old: Value? = value
            swap(&target.slots[slot], &old)
            ValueRelease.clear(&old)
        case .global(let id):
            setGlobal(id, value)
        case .unresolved:
            throw internalError(ref.name)
        }
    }

    private func internalError(_ name: String) -> KisoError {
        KisoError(.name, "`\(name)` could not be resolved", hint: "this is a bug in Kiso; please report it")
    }

    @inline(__always)
    func lookup(_ ref: NameRef, span: SourceSpan, frame: Frame?) throws -> Value {
        switch ref.scope {
        case .local(let depth, let slot):
            var f = frame
            var d = depth
            while d > 0 {
                f = f?.parent
                d -= 1
            }
            if let value = f?.slots[slot] { return value }
            throw KisoError(
                .name, "`\(ref.name)` is used before it is assigned in this function", span: span,
                hint: "assign it first; a name assigned anywhere in a function is local to the whole function")
        case .global(let id):
            if let value = globals[id] { return value }
            if let value = builtinsBySymbol[id] { return value }
            throw undefinedName(ref.name, span: span, frame: frame)
        case .unresolved:
            throw internalError(ref.name)
        }
    }

    func undefinedName(_ name: String, span: SourceSpan, frame: Frame?) -> KisoError {
        var candidates = Keyword.allCases.map(\.rawValue)
        // `_` (the last value shown) is one letter from every one-letter name: never a useful guess.
        for (id, value) in globals.enumerated() where !value.isAbsent && symbolNames[id] != "_" {
            candidates.append(symbolNames[id])
        }
        candidates += registry.functions.map(\.name)
        var f = frame
        while let current = f {
            _ = current
            f = current.parent
        }
        let hint =
            foreignNameHint(name) ?? closestName(to: name, among: candidates).map { "did you mean `\($0)`?" }
        return KisoError(
            .name, "`\(name)` is not defined", span: span, hint: hint ?? "assign it first, for example `\(name) = 1`")
    }

    // MARK: - Assignment through indices

    func assign(_ value: Value, to target: Expr, frame: Frame?) throws {
        switch target.kind {
        case .name(let ref):
            try store(value, ref, frame: frame)
        case .tuple(let targets):
            // `for i, (x, y) in …`: a group of loop names unpacks its item.
            let items = try unpackItems(value, count: targets.count, span: target.span)
            for (t, item) in zip(targets, items) { try assign(item, to: t, frame: frame) }
        case .index(let baseExpr, let items):
            // Every index is evaluated before the container is touched, so `x[x < 0] = 0` reads
            // the old x and a failing index leaves x as it was.
            let evaluated = try items.map { try evaluateIndexItem($0, frame: frame) }
            var container: Value
            var movedOut: NameRef? = nil
            if case .name(let ref) = baseExpr.kind {
                container = try lookup(ref, span: baseExpr.span, frame: frame)
                // Move the value out of its variable so a tensor is written in place, not copied.
                try clear(ref, frame: frame)
                movedOut = ref
            } else {
                container = try evaluate(baseExpr, frame: frame)
            }
            do {
                try setItem(&container, evaluated, value, span: target.span)
            } catch {
                if let ref = movedOut { try store(container, ref, frame: frame) }
                throw error
            }
            try assign(container, to: baseExpr, frame: frame)
        default:
            throw KisoError(.syntax, "cannot assign to this expression", span: target.span)
        }
    }

    private func clear(_ ref: NameRef, frame: Frame?) throws {
        switch ref.scope {
        case .local(let depth, let slot):
            var f = frame
            for _ in 0..<depth { f = f?.parent }
            f?.slots[slot] = Value.none
        case .global(let id):
            if !globals[id].isAbsent { globals[id] = Value.none }
        case .unresolved: break
        }
    }

    /// An index entry with its expressions evaluated.
    enum EvaluatedIndex {
        case value(Value, SourceSpan)
        case ellipsis
        case slice(Int?, Int?, Int?)
    }

    private func evaluateIndexItem(_ item: IndexItem, frame: Frame?) throws -> EvaluatedIndex {
        switch item {
        case .expression(let e):
            if case .ellipsis = e.kind { return .ellipsis }
            return .value(try evaluate(e, frame: frame), e.span)
        case .slice(let a, let b, let c, _):
            func bound(_ e: Expr?) throws -> Int? {
                guard let e else { return nil }
                let v = try evaluate(e, frame: frame)
                if case .none = v { return nil }
                do {
                    return try Convert.int(v, "slice bound")
                } catch var error as KisoError {
                    error.span = e.span
                    throw error
                }
            }
            return .slice(try bound(a), try bound(b), try bound(c))
        }
    }

    private func tensorIndex(_ item: EvaluatedIndex) throws -> TensorIndex {
        switch item {
        case .ellipsis: return .ellipsis
        case .slice(let a, let b, let c): return .slice(start: a, stop: b, step: c)
        case .value(let v, let span): return try tensorIndex(of: v, span: span)
        }
    }

    /// One index value as the engine takes it, for reading (`x[i]`) and writing (`x[i] = v`).
    func tensorIndex(of v: Value, span: SourceSpan) throws -> TensorIndex {
        switch v {
        case .int(let n): return .int(n)
        case .number(let x):
            throw KisoError(
                .index, "index \(formatNumber(x)) is a float; indices must be ints", span: span, hint: "use int(…)")
        case .none: return .newAxis
        case .bool(let b): return .tensor(Tensor(b ? 1 : 0, dtype: .bool))
        case .list, .tuple, .range: return .tensor(try Convert.tensor(v, "index"))
        default:
            // A tensor index, whether or not it is being differentiated: only its value counts.
            if let t = v.readableTensor {
                if t.rank == 0 && t.dtype != .bool, let x = t.scalar, x == x.rounded(), Swift.abs(x) < 9e18 {
                    return .int(Int(x))
                }
                return .tensor(t)
            }
            throw KisoError(
                .type, "cannot index a tensor with \(v.kindName)", span: span,
                hint: "use integers, slices like 1:3, none, ..., a mask or a list of positions")
        }
    }

    private func setItem(_ container: inout Value, _ items: [EvaluatedIndex], _ value: Value, span: SourceSpan) throws {
        switch container {
        case .variable:
            throw tracedAssignmentError(span)
        case .tensor where value.holdsTrackedVariable:
            throw tracedAssignmentError(span)
        case .tensor(var t):
            let indices = try items.map(tensorIndex)
            let v = try Convert.tensor(value, "value")
            container = .none
            defer { container = .tensor(t) }
            try engine(span) { try t.assign(v, at: indices) }
            if t.dtype == .int64 && v.dtype == .float64 { warnTruncation(v) }
        case .list(var xs):
            guard items.count == 1, case .value(let v, let itemSpan) = items[0] else {
                throw KisoError(.index, "a list takes one index here", span: span, hint: "xs[0] = value")
            }
            let i = try Convert.int(v, "index")
            let resolved = i < 0 ? i + xs.count : i
            guard resolved >= 0 && resolved < xs.count else {
                throw KisoError(
                    .index, "index \(i) is out of range for \(xs.count) element\(xs.count == 1 ? "" : "s")",
                    span: itemSpan,
                    hint: xs.isEmpty ? "it is empty" : "valid indices are -\(xs.count)…\(xs.count - 1)")
            }
            xs[resolved] = value
            container = .list(xs)
        case .dict(var d):
            guard items.count == 1, case .value(let key, let keySpan) = items[0] else {
                throw KisoError(.index, "a dict takes one key", span: span, hint: "d[\"key\"] = value")
            }
            d.set(try dictKey(key, span: keySpan), value)
            container = .dict(d)
        default:
            throw KisoError(
                .type, "cannot assign into \(container.kindName)", span: span,
                hint: "only tensors, lists and dicts can be changed through an index")
        }
    }

    /// Says once per session that a float stored into an int tensor lost its fraction, which
    /// NumPy does silently.
    private func warnTruncation(_ stored: Tensor) {
        guard !warnedAboutTruncation,
            let lost = stored.scalars.first(where: { $0.isFinite && $0 != $0.rounded(.towardZero) })
        else { return }
        warnedAboutTruncation = true
        output(
            "warning: an int64 tensor keeps whole numbers, so \(formatNumber(lost)) was stored as \(Int(exactly: lost.rounded(.towardZero)) ?? 0) (NumPy truncates too); build the tensor from floats, e.g. arange(3.0) or [1.0, 2.0], to keep fractions\n"
        )
    }

    // MARK: - Expressions

    func evaluate(_ expr: Expr, frame: Frame?) throws -> Value {
        let value = try evaluateUntraced(expr, frame: frame)
        if let trace { trace(expr, value) }
        return value
    }

    private func evaluateUntraced(_ expr: Expr, frame: Frame?) throws -> Value {
        switch expr.kind {
        case .number(let x): return .number(x)
        case .integer(let n): return .int(n)
        case .string(let s): return .string(s)
        case .bool(let b): return .bool(b)
        case .none: return .none
        case .ellipsis:
            throw KisoError(.syntax, "`...` only means something inside an index", span: expr.span, hint: "x[..., 0]")
        case .name(let ref):
            return try lookup(ref, span: expr.span, frame: frame)
        case .binary(let op, let a, let b):
            let left = try evaluate(a, frame: frame)
            let right = try evaluate(b, frame: frame)
            return try binary(op, left, right, rightOperand: b, span: expr.span)
        case .unary(let op, let a):
            let operand = try evaluate(a, frame: frame)
            return try unary(op, operand, span: expr.span)
        case .and(let a, let b):
            let left = try evaluate(a, frame: frame)
            return try truth(left, span: a.span) ? try evaluate(b, frame: frame) : left
        case .or(let a, let b):
            let left = try evaluate(a, frame: frame)
            return try truth(left, span: a.span) ? left : try evaluate(b, frame: frame)
        case .call(let callee, let arguments):
            return try evaluateCall(callee, arguments, span: expr.span, frame: frame)
        case .index(let base, let items):
            let container = try evaluate(base, frame: frame)
            return try index(container, items, span: expr.span, frame: frame)
        case .attribute(let base, let name, let nameSpan):
            let receiver = try evaluate(base, frame: frame)
            return try attribute(receiver, name, span: nameSpan)
        case .list(let items):
            var values: [Value] = []
            values.reserveCapacity(items.count)
            for item in items { values.append(try evaluate(item, frame: frame)) }
            return try Literal.collect(values, spans: items.map(\.span), strict: items.allSatisfy(\.isWrittenNumbers))
        case .tuple(let items):
            return .tuple(try items.map { try evaluate($0, frame: frame) })
        case .dict(let entries):
            var d = KisoDict()
            for entry in entries {
                let key = try dictKey(try evaluate(entry.key, frame: frame), span: entry.key.span)
                d.set(key, try evaluate(entry.value, frame: frame))
            }
            return .dict(d)
        case .fstring(let parts):
            var text = ""
            for part in parts {
                switch part {
                case .text(let t): text += t
                case .expression(let e, let spec):
                    text += try formatField(try evaluate(e, frame: frame), spec: spec, span: e.span)
                }
            }
            return .string(text)
        case .lambda(let decl):
            return .function(try makeClosure(decl, frame: frame))
        case .comprehension(let c):
            // Compiled once and kept, as a loop's body is.
            let run = c.compiled ?? Compiler(interpreter: self).expression(expr)
            c.compiled = run
            return try run(self, frame)
        case .conditional(let value, let condition, let otherwise):
            let test = try evaluate(condition, frame: frame)
            return try truth(test, span: condition.span)
                ? try evaluate(value, frame: frame) : try evaluate(otherwise, frame: frame)
        case .spread(_, let keywords):
            throw KisoError(
                .syntax, "`\(keywords ? "**" : "*")` spreads a collection only into a call's arguments",
                span: expr.span, hint: keywords ? "f(**options)" : "randn(*x.shape)")
        }
    }

    /// `binary` for an operator written in the source, whose right operand is `b`.
    @inline(__always)
    func binary(
        _ op: BinaryOperator, _ left: Value, _ right: Value, rightOperand b: Expr, span: SourceSpan
    )
        throws -> Value
    {
        do {
            return try binary(op, left, right, span: span)
        } catch var error as KisoError where op == .matmul && error.hint == KisoError.transposeRightOperand {
            // The engine cannot know what the right operand is called; the source can.
            error.hint = transposeHint(rightOperand: b)
            throw error
        }
    }

    func makeClosure(_ decl: FunctionDecl, frame: Frame?) throws -> Closure {
        let defaults = try decl.parameters.map { p in try p.defaultValue.map { try evaluate($0, frame: frame) } }
        return Closure(decl: decl, frame: frame, defaults: defaults)
    }

    func dictKey(_ value: Value, span: SourceSpan, depth: Int = 0) throws -> DictKey {
        if depth >= Nesting.limit { throw Nesting.tooDeep("dict key", span: span) }
        switch value {
        case .string(let s): return .string(s)
        case .number(let x): return .number(x)
        case .int(let n): return .int(n)
        case .bool(let b): return .bool(b)
        case .none: return .none
        case .tuple(let items): return .tuple(try items.map { try dictKey($0, span: span, depth: depth + 1) })
        default:
            if let t = value.readableTensor, t.rank == 0 { return try dictKey(Convert.scalarValue(t), span: span) }
            throw KisoError(
                .type, "\(value.kindName) cannot be a dict key", span: span,
                hint: "use a string, a number or a tuple of them")
        }
    }

    private func formatField(_ value: Value, spec: String, span: SourceSpan) throws -> String {
        if spec.isEmpty { return value.printed }
        do {
            let format = try FormatSpec(spec)
            if let t = value.readableTensor {
                if t.count == 1 {
                    switch Convert.scalarValue(t) {
                    case .int(let n): return try format.format(n)
                    case .bool(let b): return try format.format(b ? "True" : "False")
                    default: return try format.format(t.scalar ?? .nan)
                    }
                }
                throw KisoError(
                    .type, "format spec `\(spec)` needs a single number, got a tensor of shape \(formatShape(t.shape))",
                    hint: "format one element, or leave out the spec to print the whole tensor")
            }
            switch value {
            case .number(let x): return try format.format(x)
            case .int(let n): return try format.format(n)
            case .bool(let b): return try format.format(b ? "True" : "False")
            case .string(let s): return try format.format(s)
            default: return try format.format(value.printed)
            }
        } catch var error as KisoError {
            if error.span == nil { error.span = span }
            throw error
        }
    }

    // MARK: - Engine calls

    /// Runs an engine call, turning its error into a Kiso error at `span`.
    @inline(__always)
    func engine<T>(_ span: SourceSpan, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as TensorError {
            throw KisoError(error, span: span)
        }
    }
}

extension Optional where Wrapped == Value {
    /// Whether nothing is stored. Unlike `== nil`, which goes through a generic comparison that
    /// copies the value, this only reads the tag (it matters in every assignment).
    @inline(__always)
    var isAbsent: Bool {
        if case .some = self { return false }
        return true
    }
}
