/// Loops over Python numbers, run on unboxed registers.
///
/// A loop whose body only does arithmetic on names — assignments, `+=` and its kin, `if`,
/// `break` and `continue`, over names, number literals, `+ - * / // %`, comparisons, `and`,
/// `or` and `not` — spends nearly all its time wrapping numbers into `Value`s and taking them
/// out again. With no call in the body, the type of every result follows from the types of the
/// names on entry, so when each name holds an int, a float or a bool and every assignment keeps
/// that type, the loop runs on typed registers instead: floats in one array, ints and bools in
/// another, each operation a closure over register numbers, specialised for register and
/// literal operands. The names are stored back when the loop ends, however it ends (`break`, an
/// error, an interrupt), so every variable keeps its last value exactly as in the general loop.
/// Any other loop, or a name holding anything else, runs the general compiled loop. The
/// arithmetic is `PythonNumbers`'s (an overflowing int is the same error at the same span), so
/// results are the same bits.
final class ScalarLoop {
    /// The names the loop reads or writes; the loop variable of a `for`, if any, is first.
    private let names: [NameRef]
    /// Whether the body (or the `for`) assigns each name.
    private let written: [Bool]
    private let body: [Stmt]
    private let condition: Expr?
    private let span: SourceSpan
    /// The program compiled for the last signature of entry types (nil: that signature does
    /// not run here).
    private var cached: (signature: UInt64, program: ScalarProgram?)?

    /// A loop over `range(…)` whose variable is `variable`, when its body is arithmetic only.
    convenience init?(variable: NameRef, body: [Stmt], span: SourceSpan) {
        self.init(loopVariable: variable, condition: nil, body: body, span: span)
    }

    /// A `while` loop, when its condition and body are arithmetic only.
    convenience init?(condition: Expr, body: [Stmt], span: SourceSpan) {
        self.init(loopVariable: nil, condition: condition, body: body, span: span)
    }

    private init?(loopVariable: NameRef?, condition: Expr?, body: [Stmt], span: SourceSpan) {
        var collector = NameCollector()
        if let loopVariable, !collector.add(loopVariable, written: true) { return nil }
        if let condition, !collector.expression(condition) { return nil }
        guard collector.statements(body), collector.names.count <= 32 else { return nil }
        names = collector.names
        written = collector.written
        self.body = body
        self.condition = condition
        self.span = span
    }

    /// Runs the loop over `range` if every name it uses holds a number of a type the body
    /// keeps; nil, having run nothing, when the general loop must run it.
    func run(range: KisoRange, _ i: Interpreter, _ f: Frame?) throws -> Flow? {
        guard let (program, registers) = enter(i, f) else { return nil }
        let n = range.count
        var turns = 0
        defer { leave(program, registers, i, f, loopVariableAssigned: turns > 0) }
        let counter = program.registers[0]
        while turns < n {
            try i.checkInterrupt(span)
            registers.ints[counter] = range.element(turns)
            turns += 1
            if try program.body(registers) == .breakLoop { break }
        }
        return .value(.none)
    }

    /// Runs a `while` loop as `run(range:)` runs a `for`.
    func runWhile(_ i: Interpreter, _ f: Frame?) throws -> Flow? {
        guard let (program, registers) = enter(i, f), let test = program.condition else { return nil }
        defer { leave(program, registers, i, f, loopVariableAssigned: false) }
        while try test(registers) {
            try i.checkInterrupt(span)
            if try program.body(registers) == .breakLoop { break }
        }
        return .value(.none)
    }

    /// Reads every name into fresh registers, with the program for their types.
    private func enter(_ i: Interpreter, _ f: Frame?) -> (ScalarProgram, ScalarRegisters)? {
        guard i.trace == nil else { return nil }
        var values: [Value] = []
        values.reserveCapacity(names.count)
        var signature: UInt64 = 0
        let first = condition == nil ? 1 : 0
        if first == 1 { values.append(.int(0)) }
        for k in first..<names.count {
            let value: Value?
            switch names[k].scope {
            case .global(let id):
                // A written name must exist as a variable: assigning a new one is noted in order.
                value = i.globals[id] ?? (written[k] ? nil : i.builtinsBySymbol[id])
            case .local(0, let slot):
                value = f?.slots[slot]
            default:
                value = nil
            }
            guard let value, let type = ScalarType(value) else { return nil }
            signature |= UInt64(type.rawValue) << UInt64(2 * k)
            values.append(value)
        }
        let program: ScalarProgram
        if let cached, cached.signature == signature {
            guard let p = cached.program else { return nil }
            program = p
        } else {
            let compiled = ScalarCompiler(names: names, types: values.map { ScalarType($0) ?? .int })
                .program(body: body, condition: condition)
            cached = (signature, compiled)
            guard let compiled else { return nil }
            program = compiled
        }
        let registers = ScalarRegisters(floats: program.floatCount, ints: program.intCount)
        for k in names.indices {
            let r = program.registers[k]
            switch values[k] {
            case .number(let x): registers.floats[r] = x
            case .int(let n): registers.ints[r] = n
            case .bool(let b): registers.ints[r] = b ? 1 : 0
            default: break
            }
        }
        return (program, registers)
    }

    /// Stores every name the loop assigns back as a value.
    private func leave(
        _ program: ScalarProgram, _ registers: ScalarRegisters, _ i: Interpreter, _ f: Frame?,
        loopVariableAssigned: Bool
    ) {
        let first = condition == nil && !loopVariableAssigned ? 1 : 0
        for k in first..<names.count where written[k] {
            let r = program.registers[k]
            let value: Value
            switch program.types[k] {
            case .float: value = .number(registers.floats[r])
            case .int: value = .int(registers.ints[r])
            case .bool: value = .bool(registers.ints[r] != 0)
            }
            switch names[k].scope {
            case .global(let id): i.setGlobal(id, value)
            case .local(_, let slot): f?.slots[slot] = value
            case .unresolved: break
            }
        }
    }
}

/// The type of a number a register holds.
enum ScalarType: UInt8 {
    case int = 1
    case float = 2
    case bool = 3

    init?(_ value: Value) {
        switch value {
        case .int: self = .int
        case .number: self = .float
        case .bool: self = .bool
        default: return nil
        }
    }
}

/// How a statement of a scalar loop's body ended.
enum ScalarStep {
    case next
    case breakLoop
    case continueLoop
}

/// The registers of one run of a scalar loop.
final class ScalarRegisters {
    let floats: UnsafeMutablePointer<Double>
    let ints: UnsafeMutablePointer<Int>

    init(floats floatCount: Int, ints intCount: Int) {
        floats = .allocate(capacity: Swift.max(floatCount, 1))
        floats.initialize(repeating: 0, count: Swift.max(floatCount, 1))
        ints = .allocate(capacity: Swift.max(intCount, 1))
        ints.initialize(repeating: 0, count: Swift.max(intCount, 1))
    }

    deinit {
        floats.deallocate()
        ints.deallocate()
    }
}

/// Finds the names a loop uses, and whether everything in it is scalar arithmetic.
private struct NameCollector {
    var names: [NameRef] = []
    var written: [Bool] = []
    private var index: [NameScope: Int] = [:]

    /// Records a use of `ref`; false when it is not a global or a local of the current frame.
    mutating func add(_ ref: NameRef, written isWritten: Bool) -> Bool {
        switch ref.scope {
        case .global, .local(0, _): break
        default: return false
        }
        if let k = index[ref.scope] {
            written[k] = written[k] || isWritten
        } else {
            index[ref.scope] = names.count
            names.append(ref)
            written.append(isWritten)
        }
        return true
    }

    mutating func statements(_ body: [Stmt]) -> Bool {
        for s in body where !statement(s) { return false }
        return true
    }

    private mutating func statement(_ s: Stmt) -> Bool {
        switch s.kind {
        case .assign(let target, let value), .compoundAssign(let target, _, let value):
            guard case .name(let ref) = target.kind else { return false }
            if case .compoundAssign(_, let op, _) = s.kind, !ScalarCompiler.isArithmetic(op) { return false }
            return expression(value) && add(ref, written: true)
        case .ifChain(let branches, let otherwise):
            for branch in branches where !expression(branch.condition) || !statements(branch.body) { return false }
            return otherwise.map { statements($0) } ?? true
        case .breakLoop, .continueLoop:
            return true
        default:
            return false
        }
    }

    mutating func expression(_ e: Expr) -> Bool {
        switch e.kind {
        case .number, .integer, .bool: return true
        case .name(let ref): return add(ref, written: false)
        case .unary(_, let a): return expression(a)
        case .binary(let op, let a, let b):
            return (ScalarCompiler.isArithmetic(op) || ScalarCompiler.isComparison(op)) && expression(a)
                && expression(b)
        case .and(let a, let b), .or(let a, let b): return expression(a) && expression(b)
        default: return false
        }
    }
}

extension NameScope: Hashable {
    func hash(into hasher: inout Hasher) {
        switch self {
        case .unresolved: hasher.combine(0)
        case .local(let depth, let slot):
            hasher.combine(1)
            hasher.combine(depth)
            hasher.combine(slot)
        case .global(let id):
            hasher.combine(2)
            hasher.combine(id)
        }
    }
}
