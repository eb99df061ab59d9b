import KisoBase
import KisoTensor

/// Python's builtins that course code reaches for beside NumPy's functions.
extension Registry {
    func registerPythonBuiltins() {
        section("Python builtins")
        add(
            "reversed", [param("x", .collection)],
            doc: "The items of x last first: a tensor's rows as a tensor (x[::-1]), anything else as a list.",
            example: "for i in reversed(range(3)) print(i) end", grad: .structural
        ) { a in
            if (try a["x"]).tensorRowCount != nil {
                return try a.interpreter.tensorSubscript(
                    try a["x"], [.slice(start: nil, stop: nil, step: -1)], span: a.span)
            }
            return .list(try a.interpreter.iterationItems(try a["x"], span: a.span).reversed())
        }
        add(
            "divmod", [param("a", .numeric), param("b", .numeric)],
            doc: "(a // b, a % b): the floored quotient and the remainder, which has b's sign, as in Python.",
            example: "divmod(-7, 2)", grad: .detaching
        ) { a in
            let interpreter = a.interpreter
            return .tuple([
                try interpreter.binary(.floorDivide, try a["a"], try a["b"], span: a.span),
                try interpreter.binary(.modulo, try a["a"], try a["b"], span: a.span),
            ])
        }
    }
}

/// Python's `round` of a float: without decimals the nearest int (halves to even); with them
/// the float nearest the exactly rounded decimal, so `round(2.675, 2)` is 2.67 (2.675 is stored
/// just below itself), where NumPy's scaling gives 2.68.
func pythonRound(_ x: Double, decimals: Int?) throws -> Value {
    guard let decimals else {
        guard x.isFinite else {
            throw KisoError(.value, "cannot round \(formatNumber(x)) to an int", hint: "round(x, 0) keeps a float")
        }
        let rounded = x.rounded(.toNearestOrEven)
        guard let n = Int(exactly: rounded) else {
            throw KisoError(
                .value, "round(\(formatNumber(x))) does not fit in 64 bits", hint: "round(x, 0) keeps a float")
        }
        return .int(n)
    }
    // printf rounds the exact binary value correctly, halves to even, as Python does.
    guard x.isFinite, decimals >= 0, decimals <= 200 else {
        return .number(Tensor(x).round(decimals: decimals).scalar ?? x)
    }
    return .number(Double(cFormat("%.\(decimals)f", x)) ?? x)
}
