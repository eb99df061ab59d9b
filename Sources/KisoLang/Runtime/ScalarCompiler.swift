import Glibc

typealias FloatCode = (ScalarRegisters) throws -> Double
typealias IntCode = (ScalarRegisters) throws -> Int
typealias TestCode = (ScalarRegisters) throws -> Bool
typealias StepCode = (ScalarRegisters) throws -> ScalarStep

/// A scalar loop compiled for one set of entry types (see `ScalarLoop`).
struct ScalarProgram {
    /// Each name's type, in `ScalarLoop`'s order of names.
    let types: [ScalarType]
    /// Each name's register: in the float file for floats, in the int file otherwise.
    let registers: [Int]
    let floatCount: Int
    let intCount: Int
    let body: StepCode
    /// A `while` loop's condition.
    let condition: TestCode?
}

/// A compiled float operand: a register and a literal are kept apart so that the operation
/// reading them needs no closure call for them.
private enum FloatOperand {
    case register(Int)
    case constant(Double)
    /// An int register read as a float (`i * 0.5`).
    case intRegister(Int)
    case code(FloatCode)
}

/// A compiled int or bool operand.
private enum IntOperand {
    case register(Int)
    case constant(Int)
    case code(IntCode)
}

/// A compiled expression and the type of its value.
private struct Typed {
    enum Form {
        case float(FloatOperand)
        case int(IntOperand)
    }
    let type: ScalarType
    let form: Form
}

/// Compiles a scalar loop's body for given entry types; nil when some assignment would change
/// a name's type or an operation's result type depends on values (`int ** int`).
struct ScalarCompiler {
    let names: [NameRef]
    let types: [ScalarType]
    private var registers: [Int] = []
    private var index: [NameScope: Int] = [:]
    private var floatCount = 0
    private var intCount = 0

    init(names: [NameRef], types: [ScalarType]) {
        self.names = names
        self.types = types
        for (k, name) in names.enumerated() {
            index[name.scope] = k
            if types[k] == .float {
                registers.append(floatCount)
                floatCount += 1
            } else {
                registers.append(intCount)
                intCount += 1
            }
        }
    }

    static func isArithmetic(_ op: BinaryOperator) -> Bool {
        switch op {
        case .add, .subtract, .multiply, .divide, .floorDivide, .modulo, .power: return true
        default: return false
        }
    }

    static func isComparison(_ op: BinaryOperator) -> Bool {
        switch op {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: return true
        default: return false
        }
    }

    func program(body: [Stmt], condition: Expr?) -> ScalarProgram? {
        guard let step = block(body) else { return nil }
        var test: TestCode? = nil
        if let condition {
            guard let c = expression(condition) else { return nil }
            test = truth(c)
        }
        return ScalarProgram(
            types: types, registers: registers, floatCount: floatCount, intCount: intCount, body: step,
            condition: test)
    }

    // MARK: - Statements

    private func block(_ statements: [Stmt]) -> StepCode? {
        var steps: [StepCode] = []
        for s in statements {
            guard let step = statement(s) else { return nil }
            steps.append(step)
        }
        switch steps.count {
        case 0: return { _ in .next }
        case 1: return steps[0]
        case 2:
            let (first, second) = (steps[0], steps[1])
            return { r in
                let flow = try first(r)
                return flow == .next ? try second(r) : flow
            }
        default:
            return { r in
                for step in steps {
                    let flow = try step(r)
                    if flow != .next { return flow }
                }
                return .next
            }
        }
    }

    private func statement(_ s: Stmt) -> StepCode? {
        switch s.kind {
        case .assign(let target, let valueExpr):
            guard case .name(let ref) = target.kind, let value = expression(valueExpr) else { return nil }
            return store(value, into: ref)
        case .compoundAssign(let target, let op, let valueExpr):
            guard case .name(let ref) = target.kind, let current = expression(target),
                let operand = expression(valueExpr), let value = binary(op, current, operand, span: s.span)
            else { return nil }
            return store(value, into: ref)
        case .ifChain(let branches, let otherwise):
            var tests: [TestCode] = []
            var bodies: [StepCode] = []
            for branch in branches {
                guard let c = expression(branch.condition), let b = block(branch.body) else { return nil }
                tests.append(truth(c))
                bodies.append(b)
            }
            var rest: StepCode? = nil
            if let otherwise {
                guard let b = block(otherwise) else { return nil }
                rest = b
            }
            if tests.count == 1 {
                let (test, body) = (tests[0], bodies[0])
                if let rest { return { r in try test(r) ? try body(r) : try rest(r) } }
                return { r in try test(r) ? try body(r) : .next }
            }
            return { r in
                for k in tests.indices where try tests[k](r) { return try bodies[k](r) }
                return try rest?(r) ?? .next
            }
        case .breakLoop:
            return { _ in .breakLoop }
        case .continueLoop:
            return { _ in .continueLoop }
        default:
            return nil
        }
    }

    /// Assigning `value` to a name, which must keep the name's type.
    private func store(_ value: Typed, into ref: NameRef) -> StepCode? {
        guard let k = index[ref.scope], types[k] == value.type else { return nil }
        let target = registers[k]
        switch value.form {
        case .float(.register(let source)):
            return { r in
                r.floats[target] = r.floats[source]
                return .next
            }
        case .float(let operand):
            let code = Self.code(operand)
            return { r in
                r.floats[target] = try code(r)
                return .next
            }
        case .int(let operand):
            let code = Self.code(operand)
            return { r in
                r.ints[target] = try code(r)
                return .next
            }
        }
    }

    // MARK: - Expressions

    private func expression(_ e: Expr) -> Typed? {
        switch e.kind {
        case .number(let x): return Typed(type: .float, form: .float(.constant(x)))
        case .integer(let n): return Typed(type: .int, form: .int(.constant(n)))
        case .bool(let b): return Typed(type: .bool, form: .int(.constant(b ? 1 : 0)))
        case .name(let ref):
            guard let k = index[ref.scope] else { return nil }
            let form: Typed.Form = types[k] == .float ? .float(.register(registers[k])) : .int(.register(registers[k]))
            return Typed(type: types[k], form: form)
        case .unary(let op, let a):
            guard let operand = expression(a) else { return nil }
            return unary(op, operand, span: e.span)
        case .binary(let op, let a, let b):
            guard let left = expression(a), let right = expression(b) else { return nil }
            return binary(op, left, right, span: e.span)
        case .and(let a, let b), .or(let a, let b):
            guard let left = expression(a), let right = expression(b), left.type == right.type else { return nil }
            let isAnd: Bool
            if case .and = e.kind { isAnd = true } else { isAnd = false }
            switch (left.form, right.form) {
            case (.float(let l), .float(let r)):
                let (x, y) = (Self.code(l), Self.code(r))
                let code: FloatCode =
                    isAnd
                    ? { reg in
                        let v = try x(reg)
                        return v != 0 ? try y(reg) : v
                    }
                    : { reg in
                        let v = try x(reg)
                        return v != 0 ? v : try y(reg)
                    }
                return Typed(type: left.type, form: .float(.code(code)))
            case (.int(let l), .int(let r)):
                let (x, y) = (Self.code(l), Self.code(r))
                let code: IntCode =
                    isAnd
                    ? { reg in
                        let v = try x(reg)
                        return v != 0 ? try y(reg) : v
                    }
                    : { reg in
                        let v = try x(reg)
                        return v != 0 ? v : try y(reg)
                    }
                return Typed(type: left.type, form: .int(.code(code)))
            default:
                return nil
            }
        default:
            return nil
        }
    }

    private func unary(_ op: UnaryOperator, _ operand: Typed, span: SourceSpan) -> Typed? {
        switch (op, operand.form) {
        case (.not, _):
            let test = truth(operand)
            return Typed(type: .bool, form: .int(.code { r in try test(r) ? 0 : 1 }))
        case (.plus, .float):
            return operand
        case (.plus, .int):
            return Typed(type: .int, form: operand.form)
        case (.negate, .float(let x)):
            let code = Self.code(x)
            return Typed(type: .float, form: .float(.code { r in -(try code(r)) }))
        case (.negate, .int(let x)):
            let code = Self.code(x)
            return Typed(
                type: .int,
                form: .int(
                    .code { r in
                        let n = try code(r)
                        let (v, overflow) = (0).subtractingReportingOverflow(n)
                        return overflow ? try Self.int(PythonNumbers.negate(n, span: span)) : v
                    }))
        }
    }

    private func binary(_ op: BinaryOperator, _ left: Typed, _ right: Typed, span: SourceSpan) -> Typed? {
        // A bool in arithmetic and comparisons is the int 0 or 1, as in `Interpreter.binary`.
        let bothInts = left.type != .float && right.type != .float
        if Self.isComparison(op) {
            if bothInts, case .int(let l) = left.form, case .int(let r) = right.form {
                let code: IntCode
                switch op {
                case .equal: code = Self.compare(IntEqual.self, l, r)
                case .notEqual: code = Self.compare(IntNotEqual.self, l, r)
                case .less: code = Self.compare(IntLess.self, l, r)
                case .lessEqual: code = Self.compare(IntLessEqual.self, l, r)
                case .greater: code = Self.compare(IntGreater.self, l, r)
                default: code = Self.compare(IntGreaterEqual.self, l, r)
                }
                return Typed(type: .bool, form: .int(.code(code)))
            }
            let (l, r) = (Self.floatOperand(left), Self.floatOperand(right))
            let code: IntCode
            switch op {
            case .equal: code = Self.compare(FloatEqual.self, l, r)
            case .notEqual: code = Self.compare(FloatNotEqual.self, l, r)
            case .less: code = Self.compare(FloatLess.self, l, r)
            case .lessEqual: code = Self.compare(FloatLessEqual.self, l, r)
            case .greater: code = Self.compare(FloatGreater.self, l, r)
            default: code = Self.compare(FloatGreaterEqual.self, l, r)
            }
            return Typed(type: .bool, form: .int(.code(code)))
        }
        if bothInts, case .int(let l) = left.form, case .int(let r) = right.form {
            switch op {
            case .add: return Typed(type: .int, form: .int(.code(Self.checked(IntAdd.self, l, r, span: span))))
            case .subtract:
                return Typed(type: .int, form: .int(.code(Self.checked(IntSubtract.self, l, r, span: span))))
            case .multiply:
                return Typed(type: .int, form: .int(.code(Self.checked(IntMultiply.self, l, r, span: span))))
            case .divide:
                let (x, y) = (Self.code(l), Self.code(r))
                return Typed(type: .float, form: .float(.code { reg in Double(try x(reg)) / Double(try y(reg)) }))
            case .floorDivide, .modulo:
                let (x, y) = (Self.code(l), Self.code(r))
                return Typed(
                    type: .int,
                    form: .int(.code { reg in try Self.int(PythonNumbers.int(op, try x(reg), try y(reg), span: span)) })
                )
            default:
                // `int ** int` is an int or a float depending on the exponent's sign.
                return nil
            }
        }
        let (l, r) = (Self.floatOperand(left), Self.floatOperand(right))
        let code: FloatCode
        switch op {
        case .add: code = Self.arithmetic(FloatAdd.self, l, r)
        case .subtract: code = Self.arithmetic(FloatSubtract.self, l, r)
        case .multiply: code = Self.arithmetic(FloatMultiply.self, l, r)
        case .divide: code = Self.arithmetic(FloatDivide.self, l, r)
        case .floorDivide: code = Self.arithmetic(FloatFloorDivide.self, l, r)
        case .modulo: code = Self.arithmetic(FloatModulo.self, l, r)
        case .power: code = Self.arithmetic(FloatPower.self, l, r)
        default: return nil
        }
        return Typed(type: .float, form: .float(.code(code)))
    }

    /// Whether a value counts as true, as `Interpreter.truth` decides for numbers.
    private func truth(_ value: Typed) -> TestCode {
        switch value.form {
        case .float(.register(let k)): return { r in r.floats[k] != 0 }
        case .float(let operand):
            let code = Self.code(operand)
            return { r in try code(r) != 0 }
        case .int(.code(let code)): return { r in try code(r) != 0 }
        case .int(let operand):
            let code = Self.code(operand)
            return { r in try code(r) != 0 }
        }
    }

    // MARK: - Operand forms

    private static func floatOperand(_ value: Typed) -> FloatOperand {
        switch value.form {
        case .float(let operand): return operand
        case .int(.register(let k)): return .intRegister(k)
        case .int(.constant(let n)): return .constant(Double(n))
        case .int(.code(let code)): return .code { r in Double(try code(r)) }
        }
    }

    private static func code(_ operand: FloatOperand) -> FloatCode {
        switch operand {
        case .register(let k): return { r in r.floats[k] }
        case .constant(let x): return { _ in x }
        case .intRegister(let k): return { r in Double(r.ints[k]) }
        case .code(let code): return code
        }
    }

    private static func code(_ operand: IntOperand) -> IntCode {
        switch operand {
        case .register(let k): return { r in r.ints[k] }
        case .constant(let n): return { _ in n }
        case .code(let code): return code
        }
    }

    /// The int in a result of `PythonNumbers`, which gives an int for these operations.
    private static func int(_ value: Value) throws -> Int {
        if case .int(let n) = value { return n }
        throw KisoError(
            .type, "a scalar loop expected an int, got \(value.kindName)",
            hint: "this is a bug in Kiso; please report it")
    }

    /// A float operation, specialised for its operands' forms; operands are read left first.
    private static func arithmetic<O: FloatOperation>(_: O.Type, _ l: FloatOperand, _ r: FloatOperand) -> FloatCode {
        switch (l, r) {
        case (.register(let a), .constant(let c)): return { reg in O.apply(reg.floats[a], c) }
        case (.constant(let c), .register(let b)): return { reg in O.apply(c, reg.floats[b]) }
        case (.register(let a), .register(let b)): return { reg in O.apply(reg.floats[a], reg.floats[b]) }
        case (.intRegister(let a), .constant(let c)): return { reg in O.apply(Double(reg.ints[a]), c) }
        case (.constant(let c), .intRegister(let b)): return { reg in O.apply(c, Double(reg.ints[b])) }
        case (.register(let a), .code(let y)): return { reg in O.apply(reg.floats[a], try y(reg)) }
        case (.code(let x), .register(let b)): return { reg in O.apply(try x(reg), reg.floats[b]) }
        case (.code(let x), .constant(let c)): return { reg in O.apply(try x(reg), c) }
        case (.constant(let c), .code(let y)): return { reg in O.apply(c, try y(reg)) }
        default:
            let (x, y) = (code(l), code(r))
            return { reg in O.apply(try x(reg), try y(reg)) }
        }
    }

    private static func compare<O: FloatComparison>(_: O.Type, _ l: FloatOperand, _ r: FloatOperand) -> IntCode {
        switch (l, r) {
        case (.register(let a), .constant(let c)): return { reg in O.apply(reg.floats[a], c) ? 1 : 0 }
        case (.register(let a), .register(let b)): return { reg in O.apply(reg.floats[a], reg.floats[b]) ? 1 : 0 }
        default:
            let (x, y) = (code(l), code(r))
            return { reg in O.apply(try x(reg), try y(reg)) ? 1 : 0 }
        }
    }

    private static func compare<O: IntComparison>(_: O.Type, _ l: IntOperand, _ r: IntOperand) -> IntCode {
        switch (l, r) {
        case (.register(let a), .constant(let c)): return { reg in O.apply(reg.ints[a], c) ? 1 : 0 }
        case (.register(let a), .register(let b)): return { reg in O.apply(reg.ints[a], reg.ints[b]) ? 1 : 0 }
        default:
            let (x, y) = (code(l), code(r))
            return { reg in O.apply(try x(reg), try y(reg)) ? 1 : 0 }
        }
    }

    /// An int operation that overflows into `PythonNumbers`'s error for it.
    private static func checked<O: IntOperation>(
        _: O.Type, _ l: IntOperand, _ r: IntOperand, span: SourceSpan
    )
        -> IntCode
    {
        func result(_ a: Int, _ b: Int) throws -> Int {
            let (v, overflow) = O.apply(a, b)
            return overflow ? try int(PythonNumbers.int(O.op, a, b, span: span)) : v
        }
        switch (l, r) {
        case (.register(let a), .constant(let c)): return { reg in try result(reg.ints[a], c) }
        case (.register(let a), .register(let b)): return { reg in try result(reg.ints[a], reg.ints[b]) }
        default:
            let (x, y) = (code(l), code(r))
            return { reg in try result(try x(reg), try y(reg)) }
        }
    }
}

// MARK: - Operations, as types so that each specialised closure inlines its own

private protocol FloatOperation { static func apply(_ a: Double, _ b: Double) -> Double }
private enum FloatAdd: FloatOperation { static func apply(_ a: Double, _ b: Double) -> Double { a + b } }
private enum FloatSubtract: FloatOperation { static func apply(_ a: Double, _ b: Double) -> Double { a - b } }
private enum FloatMultiply: FloatOperation { static func apply(_ a: Double, _ b: Double) -> Double { a * b } }
private enum FloatDivide: FloatOperation { static func apply(_ a: Double, _ b: Double) -> Double { a / b } }
private enum FloatFloorDivide: FloatOperation {
    static func apply(_ a: Double, _ b: Double) -> Double { PythonNumbers.floorDivide(a, b) }
}
private enum FloatModulo: FloatOperation {
    static func apply(_ a: Double, _ b: Double) -> Double { PythonNumbers.modulo(a, b) }
}
private enum FloatPower: FloatOperation { static func apply(_ a: Double, _ b: Double) -> Double { Glibc.pow(a, b) } }

private protocol FloatComparison { static func apply(_ a: Double, _ b: Double) -> Bool }
private enum FloatEqual: FloatComparison { static func apply(_ a: Double, _ b: Double) -> Bool { a == b } }
private enum FloatNotEqual: FloatComparison { static func apply(_ a: Double, _ b: Double) -> Bool { a != b } }
private enum FloatLess: FloatComparison { static func apply(_ a: Double, _ b: Double) -> Bool { a < b } }
private enum FloatLessEqual: FloatComparison { static func apply(_ a: Double, _ b: Double) -> Bool { a <= b } }
private enum FloatGreater: FloatComparison { static func apply(_ a: Double, _ b: Double) -> Bool { a > b } }
private enum FloatGreaterEqual: FloatComparison { static func apply(_ a: Double, _ b: Double) -> Bool { a >= b } }

private protocol IntComparison { static func apply(_ a: Int, _ b: Int) -> Bool }
private enum IntEqual: IntComparison { static func apply(_ a: Int, _ b: Int) -> Bool { a == b } }
private enum IntNotEqual: IntComparison { static func apply(_ a: Int, _ b: Int) -> Bool { a != b } }
private enum IntLess: IntComparison { static func apply(_ a: Int, _ b: Int) -> Bool { a < b } }
private enum IntLessEqual: IntComparison { static func apply(_ a: Int, _ b: Int) -> Bool { a <= b } }
private enum IntGreater: IntComparison { static func apply(_ a: Int, _ b: Int) -> Bool { a > b } }
private enum IntGreaterEqual: IntComparison { static func apply(_ a: Int, _ b: Int) -> Bool { a >= b } }

private protocol IntOperation {
    static var op: BinaryOperator { get }
    static func apply(_ a: Int, _ b: Int) -> (partialValue: Int, overflow: Bool)
}
private enum IntAdd: IntOperation {
    static var op: BinaryOperator { .add }
    static func apply(_ a: Int, _ b: Int) -> (partialValue: Int, overflow: Bool) { a.addingReportingOverflow(b) }
}
private enum IntSubtract: IntOperation {
    static var op: BinaryOperator { .subtract }
    static func apply(_ a: Int, _ b: Int) -> (partialValue: Int, overflow: Bool) {
        a.subtractingReportingOverflow(b)
    }
}
private enum IntMultiply: IntOperation {
    static var op: BinaryOperator { .multiply }
    static func apply(_ a: Int, _ b: Int) -> (partialValue: Int, overflow: Bool) {
        a.multipliedReportingOverflow(by: b)
    }
}
