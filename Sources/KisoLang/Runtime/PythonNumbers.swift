import Glibc

/// Arithmetic on Kiso's two number types as Python does it: ints stay ints (`7 // 2` is `3`,
/// `2 ** 10` is `1024`), `/` and mixing with a float give floats, `//` and `%` take the sign of
/// the divisor. Ints are 64-bit; a result that does not fit is an error naming the operation,
/// never a wrap-around or a trap.
enum PythonNumbers {
    /// `a op b` for two ints.
    static func int(_ op: BinaryOperator, _ a: Int, _ b: Int, span: SourceSpan) throws -> Value {
        func checked(_ result: (partialValue: Int, overflow: Bool)) throws -> Value {
            if result.overflow { throw overflow(op, a, b, span: span) }
            return .int(result.partialValue)
        }
        switch op {
        case .add: return try checked(a.addingReportingOverflow(b))
        case .subtract: return try checked(a.subtractingReportingOverflow(b))
        case .multiply: return try checked(a.multipliedReportingOverflow(by: b))
        case .divide: return .number(Double(a) / Double(b))
        case .floorDivide:
            guard b != 0 else { throw divisionByZero(op, a, span: span) }
            let (q, over) = a.dividedReportingOverflow(by: b)
            if over { throw overflow(op, a, b, span: span) }
            // Swift truncates toward zero; Python floors.
            return .int((a % b != 0) && ((a < 0) != (b < 0)) ? q - 1 : q)
        case .modulo:
            guard b != 0 else { throw divisionByZero(op, a, span: span) }
            if b == -1 { return .int(0) }
            let r = a % b
            return .int(r != 0 && (r < 0) != (b < 0) ? r + b : r)
        case .power:
            guard b >= 0 else { return .number(Glibc.pow(Double(a), Double(b))) }
            var result = 1
            var base = a
            var exponent = b
            while exponent > 0 {
                if exponent & 1 == 1 {
                    let (r, o) = result.multipliedReportingOverflow(by: base)
                    if o { throw overflow(op, a, b, span: span) }
                    result = r
                }
                exponent >>= 1
                if exponent > 0 {
                    let (s, o) = base.multipliedReportingOverflow(by: base)
                    if o { throw overflow(op, a, b, span: span) }
                    base = s
                }
            }
            return .int(result)
        case .equal: return .bool(a == b)
        case .notEqual: return .bool(a != b)
        case .less: return .bool(a < b)
        case .lessEqual: return .bool(a <= b)
        case .greater: return .bool(a > b)
        case .greaterEqual: return .bool(a >= b)
        case .matmul: throw matmulOnNumbers(span)
        }
    }

    /// `a op b` for two floats (an int operand has been turned into a float).
    static func float(_ op: BinaryOperator, _ a: Double, _ b: Double, span: SourceSpan) throws -> Value {
        switch op {
        case .add: return .number(a + b)
        case .subtract: return .number(a - b)
        case .multiply: return .number(a * b)
        case .divide: return .number(a / b)
        case .floorDivide: return .number(floorDivide(a, b))
        case .modulo: return .number(modulo(a, b))
        case .power: return .number(Glibc.pow(a, b))
        case .equal: return .bool(a == b)
        case .notEqual: return .bool(a != b)
        case .less: return .bool(a < b)
        case .lessEqual: return .bool(a <= b)
        case .greater: return .bool(a > b)
        case .greaterEqual: return .bool(a >= b)
        case .matmul: throw matmulOnNumbers(span)
        }
    }

    /// Python's float `%`: the remainder takes the divisor's sign.
    static func modulo(_ a: Double, _ b: Double) -> Double {
        let r = Glibc.fmod(a, b)
        if r == 0 { return Glibc.copysign(0, b) }
        return (r < 0) != (b < 0) ? r + b : r
    }

    /// Python's float `//`, computed from `fmod` as CPython does so that `1 // 0.1` is `9.0`.
    static func floorDivide(_ a: Double, _ b: Double) -> Double {
        guard b != 0 else { return a / b }
        var mod = Glibc.fmod(a, b)
        var div = (a - mod) / b
        if mod != 0 {
            if (b < 0) != (mod < 0) {
                mod += b
                div -= 1
            }
        }
        guard div != 0 else { return Glibc.copysign(0, a / b) }
        var floored = div.rounded(.down)
        if div - floored > 0.5 { floored += 1 }
        return floored
    }

    /// `-n`, which overflows only for the smallest int.
    static func negate(_ n: Int, span: SourceSpan) throws -> Value {
        let (r, o) = (0).subtractingReportingOverflow(n)
        if o {
            throw KisoError(
                .value, "integer overflow: -(\(n)) does not fit in 64 bits", span: span,
                hint: "Kiso's ints are 64-bit; write the number as a float for larger magnitudes")
        }
        return .int(r)
    }

    private static func overflow(_ op: BinaryOperator, _ a: Int, _ b: Int, span: SourceSpan) -> KisoError {
        KisoError(
            .value, "integer overflow: \(a) \(op.rawValue) \(b) does not fit in 64 bits", span: span,
            hint: "Kiso's ints are 64-bit; make one operand a float (\(a).0) for a floating-point result")
    }

    private static func divisionByZero(_ op: BinaryOperator, _ a: Int, span: SourceSpan) -> KisoError {
        KisoError(
            .value, "integer division by zero: \(a) \(op.rawValue) 0", span: span,
            hint: "check the divisor first; `/` gives a float (inf) instead")
    }

    private static func matmulOnNumbers(_ span: SourceSpan) -> KisoError {
        KisoError(.type, "`@` multiplies matrices, not numbers", span: span, hint: "use `*` for numbers")
    }
}
