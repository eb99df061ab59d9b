import Foundation
import KisoLang

/// A deterministic source of choices (SplitMix64): program `i` of seed `s` is the same on every
/// machine, so a failure is reproduced from two numbers.
struct Choices {
    private var state: UInt64

    init(seed: UInt64, index: UInt64) {
        state = seed &* 0x9E37_79B9_7F4A_7C15 ^ index &* 0xD1B5_4A32_D192_ED03
        _ = next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (bound > 0).
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// True with probability `percent`/100.
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    /// One of `items` (non-empty).
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// Generates Kiso programs from the language's grammar: statements and blocks, closures,
/// strings and f-strings, and calls of every builtin with valid and invalid arguments, over
/// shapes that include 0-d, empty and huge ones.
struct ProgramGenerator {
    /// Every builtin: its name and parameter names, from the registry itself.
    let builtins: [(name: String, parameters: [String])]

    init() {
        builtins = Session.builtinCatalog().filter { !$0.name.contains(".") }.map { info in
            (info.name, Self.parameterNames(info.signature))
        }
    }

    /// `sum(x, axis=none, keepdims=false)` → `["x", "axis", "keepdims"]`.
    static func parameterNames(_ signature: String) -> [String] {
        guard let open = signature.firstIndex(of: "("), let close = signature.lastIndex(of: ")"), open < close
        else { return [] }
        return signature[signature.index(after: open)..<close].split(separator: ",").compactMap { part in
            let name = part.split(separator: "=").first.map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
            let bare = name.hasPrefix("*") ? String(name.drop(while: { $0 == "*" })) : name
            return bare.isEmpty ? nil : bare
        }
    }

    /// Program `index` of `seed`.
    func program(seed: UInt64, index: UInt64) -> String {
        var choices = Choices(seed: seed, index: index)
        var context = Context()
        // The variables start defined, so that most programs get past their first line.
        var lines = context.variables.map { "\($0) = \(atom(&choices, context))" }
        for _ in 0..<(1 + choices.below(6)) { lines.append(statement(&choices, &context, depth: 0)) }
        return lines.joined(separator: "\n")
    }

    /// Names in scope while a program is generated.
    struct Context {
        var variables = ["v0", "v1", "v2"]
        var functions: [String] = []
    }

    // MARK: - Statements

    func statement(_ c: inout Choices, _ context: inout Context, depth: Int) -> String {
        let roll = c.below(depth >= 2 ? 60 : 100)
        switch roll {
        case 0..<25:
            let name = c.pick(context.variables)
            return "\(name) = \(expression(&c, context, depth: 0))"
        case 25..<32:
            return "\(c.pick(context.variables))[\(index(&c, context))] = \(expression(&c, context, depth: 1))"
        case 32..<36:
            return "\(c.pick(context.variables)) \(c.pick(["+=", "-=", "*=", "/="])) \(expression(&c, context, depth: 1))"
        case 36..<44:
            return "print(\(expression(&c, context, depth: 0)))"
        case 44..<60:
            return expression(&c, context, depth: 0) + (c.chance(20) ? ";" : "")
        case 60..<70:
            let body = block(&c, &context, depth: depth + 1)
            var text = "if \(expression(&c, context, depth: 1))\n\(body)"
            if c.chance(30) { text += "\nelif \(expression(&c, context, depth: 1))\n\(block(&c, &context, depth: depth + 1))" }
            if c.chance(40) { text += "\nelse\n\(block(&c, &context, depth: depth + 1))" }
            return text + "\nend"
        case 70..<80:
            let variable = c.pick(["i", "v0", "row"])
            // A loop that runs until the timeout interrupts it is rare: each costs seconds.
            let bound = c.chance(2) ? "2^40" : c.pick(["3", "0", "-2", "10", "100", "1, 5, 0", "5, 0, -1"])
            let sequence = c.chance(70) ? "range(\(bound))" : expression(&c, context, depth: 1)
            return "for \(variable) in \(sequence)\n\(block(&c, &context, depth: depth + 1))\nend"
        case 80..<85:
            let bound = c.chance(3) ? "1e9" : c.pick(["3", "50", "nan", "-1"])
            return "n = 0\nwhile n < \(bound)\nn = n + 1\n\(block(&c, &context, depth: depth + 1))\nend"
        case 85..<95:
            let name = "f\(context.functions.count)"
            let parameters = c.pick(["", "x", "x, y", "x, y=2", "x=none"])
            let body = c.chance(50) ? "return \(expression(&c, context, depth: 1))" : block(&c, &context, depth: depth + 1)
            context.functions.append(name)
            let definition = c.chance(30)
                ? "\(name)(\(parameters)) = \(expression(&c, context, depth: 1))"
                : "def \(name)(\(parameters))\n\(body)\nend"
            return definition + "\n\(name)(\(arguments(&c, context, count: c.below(3))))"
        default:
            return c.pick(["break", "continue", "return 1", "x = y", "end", ")", "def", "1 +"])
        }
    }

    private func block(_ c: inout Choices, _ context: inout Context, depth: Int) -> String {
        (0..<(1 + c.below(3))).map { _ in statement(&c, &context, depth: depth) }.joined(separator: "\n")
    }

    // MARK: - Expressions

    func expression(_ c: inout Choices, _ context: Context, depth: Int) -> String {
        if depth >= 4 { return atom(&c, context) }
        switch c.below(100) {
        case 0..<25: return atom(&c, context)
        case 25..<50: return call(&c, context, depth: depth)
        case 50..<62:
            let op = c.pick(["+", "-", "*", "/", "//", "%", "^", "@", "==", "!=", "<", ">=", "and", "or"])
            return "\(expression(&c, context, depth: depth + 1)) \(op) \(expression(&c, context, depth: depth + 1))"
        case 62..<66: return "\(c.pick(["-", "not "]))\(expression(&c, context, depth: depth + 1))"
        case 66..<74: return "\(expression(&c, context, depth: depth + 1))[\(index(&c, context))]"
        case 74..<80:
            let attribute = c.pick(["T", "shape", "ndim", "size", "dtype", "sum()", "mean(axis=0)", "reshape(-1)", "max()", "nope"])
            return "\(expression(&c, context, depth: depth + 1)).\(attribute)"
        case 80..<86:
            let parameters = c.pick(["x", "(x, y)", "()", "p"])
            let body = parameters == "()" ? "1" : expression(&c, context, depth: depth + 1).replacingOccurrences(of: "v0", with: "x")
            return "(\(parameters) -> \(body))"
        case 86..<92:
            let items = (0..<c.below(4)).map { _ in expression(&c, context, depth: depth + 1) }
            switch c.below(3) {
            case 0: return "[" + items.joined(separator: ", ") + "]"
            case 1: return "(" + items.joined(separator: ", ") + (items.count == 1 ? ",)" : ")")
            default:
                return "{" + items.enumerated().map { "\(string(&c)): \($1)" }.joined(separator: ", ") + "}"
            }
        case 92..<96:
            return "f\"\(c.pick(["", "x = ", "日本 "])){\(expression(&c, context, depth: depth + 1))\(c.pick(["", ":.3f", ":>8", ":e", ":%", ":x", ":.400f"]))}\""
        default:
            if let f = context.functions.isEmpty ? nil : c.pick(context.functions) {
                return "\(f)(\(arguments(&c, context, count: c.below(3))))"
            }
            return atom(&c, context)
        }
    }

    private func call(_ c: inout Choices, _ context: Context, depth: Int) -> String {
        let builtin = c.pick(builtins)
        var parts: [String] = []
        let positional = c.chance(70) ? Swift.min(builtin.parameters.count, 1 + c.below(3)) : c.below(5)
        for _ in 0..<positional { parts.append(expression(&c, context, depth: depth + 1)) }
        if c.chance(40), !builtin.parameters.isEmpty {
            let name = c.chance(90) ? c.pick(builtin.parameters) : "bogus"
            parts.append("\(name)=\(expression(&c, context, depth: depth + 1))")
        }
        return "\(builtin.name)(\(parts.joined(separator: ", ")))"
    }

    private func arguments(_ c: inout Choices, _ context: Context, count: Int) -> String {
        (0..<count).map { _ in expression(&c, context, depth: 2) }.joined(separator: ", ")
    }

    /// A leaf: a literal, a variable, a tensor of a chosen shape, or a string.
    func atom(_ c: inout Choices, _ context: Context) -> String {
        switch c.below(100) {
        case 0..<30: return number(&c)
        case 30..<45: return c.pick(context.variables)
        case 45..<75:
            let maker = c.pick(["zeros", "ones", "arange", "eye", "normal", "reshape(arange(24),", "full"])
            switch maker {
            case "arange", "eye": return "\(maker)(\(dimension(&c)))"
            case "normal": return "default_rng(\(c.below(5))).normal(0, 1, \(shape(&c)))"
            case "full": return "full(\(shape(&c)), \(number(&c)))"
            case "reshape(arange(24),": return "reshape(arange(24), \(c.pick(["[2, 3, 4]", "[4, -1]", "[24]", "[5, 5]", "[-1, -1]", "[]"])))"
            default: return "\(maker)(\(shape(&c)))"
            }
        case 75..<85:
            return c.pick(["[1, 2, 3]", "[[1, 2], [3, 4]]", "[]", "[[]]", "[1.5, -2]", "[true, false]", "[[1], [2, 3]]", "[0.1, 0.9, 0.0]"])
        case 85..<95: return string(&c)
        default: return c.pick(["none", "true", "false", "pi", "range(5)", "range(10^12)", "(1, 2)", "{}", "{\"a\": 1}"])
        }
    }

    private func number(_ c: inout Choices) -> String {
        c.chance(60)
            ? String(c.below(7) - 2)
            : c.pick([
                "0.5", "-2.5", "1e-320", "1e308", "-1e308", "2^31", "2^53", "2^62", "2^63", "-2^63", "10^12", "inf", "-inf",
                "nan", "0.0", "-0.0", "1e-9", "3.14159", "255", "1024",
            ])
    }

    private func dimension(_ c: inout Choices) -> String {
        c.chance(85) ? c.pick(["0", "1", "2", "3", "4", "5", "8"]) : c.pick(["-1", "1000", "10^6", "2^31", "2^62", "2.5", "nan"])
    }

    private func shape(_ c: inout Choices) -> String {
        if c.chance(10) { return c.pick(["[]", "()", "3", "[0]", "[2^62, 0]", "[10^12, 0]", "[-1]"]) }
        let dims = (0..<(1 + c.below(4))).map { _ in dimension(&c) }
        return "[" + dims.joined(separator: ", ") + "]"
    }

    private func index(_ c: inout Choices, _ context: Context) -> String {
        c.pick([
            "0", "-1", "1", "5", "2^62", "nan", "1.5", ":", "::-1", "1:", ":, 0", "..., 0", "none", "[0, 0]", "[true]",
            "0, 0, 0", "-2^63", "\"a\"", "::0", "1:2:3",
        ])
    }

    private func string(_ c: inout Choices) -> String {
        c.pick([
            "\"abc\"", "\"\"", "'quote'", "\"日本語\"", "\"\\u001b]0;title\\u0007\"", "\"\\u001b[2J\"", "\"a\\nb\"",
            "\"\\t\"", "\"🙂\"", "\"%d\"", "\"{}\"",
        ])
    }
}
