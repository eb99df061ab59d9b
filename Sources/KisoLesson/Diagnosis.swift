import KisoLang
import KisoNotebook
import KisoTensor

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Compares a learner's result with the expected one and says, in the learner's terms, what is
/// wrong: the kind, the shape (naming a transpose), a constant factor, shift or sign, a
/// normalisation along the wrong axis, nan or inf, or else the first position that differs.
public enum Diagnosis {
    /// What is known about the check beside the two values.
    public struct Context: Sendable {
        /// The check expression, quoted in messages about one input.
        public var check: String
        /// The names the learner's function uses (to name the likely cause of nan or inf).
        public var usedNames: Set<String>
        /// Tolerances and expectations.
        public var options: CheckOptions

        /// A context from its parts.
        public init(check: String, usedNames: Set<String> = [], options: CheckOptions = CheckOptions()) {
            self.check = check
            self.usedNames = usedNames
            self.options = options
        }
    }

    /// Nil when `yours` matches `expected` within the tolerances (and meets the `sums=` option);
    /// otherwise what is wrong.
    public static func compare(_ yours: AnswerValue, _ expected: AnswerValue, context: Context) -> String? {
        if let y = NumericValue(yours), let e = NumericValue(expected) {
            return compareNumeric(y, e, context: context)
        }
        switch (yours, expected) {
        case (.list(let ys), .list(let es)), (.tuple(let ys), .tuple(let es)), (.list(let ys), .tuple(let es)),
            (.tuple(let ys), .list(let es)):
            guard ys.count == es.count else {
                return "\(expected.kindName) of \(es.count) values was expected; yours has \(ys.count)"
            }
            for (index, (y, e)) in zip(ys, es).enumerated() {
                if let problem = compare(y, e, context: context) { return "item \(index) of the result: \(problem)" }
            }
            return nil
        case (.string(let y), .string(let e)):
            return y == e ? nil : "your text is \"\(y.prefix(60))\" where \"\(e.prefix(60))\" was expected"
        case (.none, .none), (.function, .function): return nil
        case (.other(let yk, let yt), .other(let ek, let et)) where yk == ek:
            return yt == et ? nil : "your \(yk.dropFirst(2)) differs from the expected one"
        default:
            return "the result should be \(expected.kindName); yours is \(yours.kindName)"
        }
    }

    private static func compareNumeric(_ y: NumericValue, _ e: NumericValue, context: Context) -> String? {
        let options = context.options
        if e.isBool && e.rank > 0 && !y.isBool {
            return "the result should be a tensor of true/false values; yours holds numbers "
                + "(turn a 0/1 tensor into a mask with `> 0`)"
        }
        if y.shape != e.shape {
            var message = "shape \(shapeText(y.shape)) where \(shapeText(e.shape)) was expected"
            if y.rank >= 2, y.shape == swappedLast(e.shape), let swapped = e.swappingLastAxes(),
                close(y.values, swapped.values, options)
            {
                message += " — your result is the transpose of the expected one"
            }
            return message
        }
        if close(y.values, e.values, options) {
            return sumsProblem(y, options)
        }
        // nan or inf where the expected value is finite.
        for index in y.values.indices where !y.values[index].isFinite && e.values[index].isFinite {
            let which = y.values[index].isNaN ? "nan" : number(y.values[index])
            let cause = nonFiniteCause(y.values[index], context.usedNames)
            if y.count == 1 {
                return "your value is \(which) where \(number(e.values[index])) was expected, on `\(context.check)`"
                    + cause
            }
            return "your result has \(which) \(at(index, y.shape))where the expected value is "
                + "\(number(e.values[index])), on `\(context.check)`\(cause)"
        }
        if y.rank >= 2, y.shape == swappedLast(y.shape), let swapped = e.swappingLastAxes(),
            close(y.values, swapped.values, options)
        {
            return "your result is the transpose of the expected one"
        }
        if let axisProblem = wrongAxis(y, e, options) { return axisProblem }
        if let sums = sumsProblem(y, options) { return sums }
        let nonZero = e.values.indices.filter { abs(e.values[$0]) > options.atol }
        if !nonZero.isEmpty, close(y.values, e.values.map { -$0 }, options) {
            return y.count == 1
                ? "your value has the wrong sign: \(number(y.values[0])) where \(number(e.values[0])) was expected"
                : "every value has the wrong sign: your result is the negative of the expected one"
        }
        if y.count > 1 {
            if let factor = constantFactor(y, e, options, nonZero: nonZero) { return factor }
            if let shift = constantShift(y, e, options) { return shift }
        }
        guard let index = y.values.indices.first(where: { !close(y.values[$0], e.values[$0], options) }) else {
            return nil
        }
        let (mine, wanted) = pair(y.values[index], e.values[index], bool: e.isBool)
        if y.count == 1 { return "your value is \(mine) where \(wanted) was expected, on `\(context.check)`" }
        return "\(at(index, y.shape))your value is \(mine) where \(wanted) was expected, on `\(context.check)`"
    }

    /// Why a value turned nan or inf, judged by what the learner's code uses.
    private static func nonFiniteCause(_ value: Double, _ names: Set<String>) -> String {
        var causes: [String] = []
        // −inf through a log is the mirror image of overflow: exp(−1000) is 0, and log(0) is −inf.
        if value == -.infinity, names.contains("exp"), names.contains("log") {
            causes.append("underflow: exp of a very negative number is 0 and log(0) is -inf — subtract the maximum first")
        } else if names.contains("exp") {
            causes.append("overflow: exp of a large number is inf — subtract the maximum first")
        }
        if value.isNaN, names.contains("log") {
            causes.append("log(0) is -inf and 0 · -inf is nan — make 0 · log 0 count as 0 (e.g. with where)")
        }
        if value.isNaN, names.contains("inf") {
            causes.append(
                "softmax of a row whose scores are all -inf is nan — does the mask keep the allowed entries (true = may attend)?"
            )
        }
        if causes.isEmpty { causes.append("a division by zero, or a number too large for a float?") }
        return " — " + causes.joined(separator: "; ")
    }

    /// Softmax-like results normalised along another axis than the expected last one.
    private static func wrongAxis(_ y: NumericValue, _ e: NumericValue, _ options: CheckOptions) -> String? {
        guard e.rank >= 2, e.sumsToOne(axis: e.rank - 1, options), !y.sumsToOne(axis: y.rank - 1, options) else {
            return nil
        }
        guard let axis = (0..<(y.rank - 1)).first(where: { y.sumsToOne(axis: $0, options) }) else { return nil }
        if y.rank == 2 { return "your rows do not sum to 1; your columns do — check `axis=`" }
        return "your result does not sum to 1 along its last axis; it does along axis \(axis) — check `axis=`"
    }

    /// The `sums=S` expectation.
    private static func sumsProblem(_ y: NumericValue, _ options: CheckOptions) -> String? {
        guard let target = options.sums, y.rank >= 1 else { return nil }
        let sums = y.sums(axis: y.rank - 1)
        guard let bad = sums.firstIndex(where: { !close($0, target, options) }) else { return nil }
        let what = y.rank == 1 ? "your result sums to" : "row \(bad) of your result sums to"
        return "\(what) \(number(sums[bad])); it should sum to \(number(target)) along its last axis"
    }

    private static func constantFactor(
        _ y: NumericValue, _ e: NumericValue, _ options: CheckOptions, nonZero: [Int]
    ) -> String? {
        guard nonZero.count >= 2 else { return nil }
        let ratio = y.values[nonZero[0]] / e.values[nonZero[0]]
        guard ratio.isFinite, ratio != 0, !close(ratio, 1, options) else { return nil }
        guard close(y.values, e.values.map { $0 * ratio }, options) else { return nil }
        var message = "every value is \(number(ratio))× the expected one"
        let square = ratio * ratio
        func whole(_ x: Double) -> Int? {
            x >= 1.5 && x < 1e6 && abs(x - x.rounded()) < 1e-6 * x ? Int(x.rounded()) : nil
        }
        if let n = whole(abs(ratio)) {
            message += " — a missing division by \(n)?"
        } else if let n = whole(1 / abs(ratio)) {
            message += " — an extra division by \(n)?"
        } else if let n = whole(square) {
            message += " — a missing scale such as 1/√\(n)?"
        } else if let n = whole(1 / square) {
            message += " — an extra division by √\(n)?"
        } else {
            message += " — a missing or extra factor?"
        }
        return message
    }

    private static func constantShift(_ y: NumericValue, _ e: NumericValue, _ options: CheckOptions) -> String? {
        let shift = y.values[0] - e.values[0]
        guard close(y.values, e.values.map { $0 + shift }, options) else { return nil }
        let direction = shift > 0 ? "more" : "less"
        return "every value is \(number(abs(shift))) \(direction) than the expected one — a constant shift"
    }

    // MARK: - Helpers

    static func close(_ a: Double, _ b: Double, _ options: CheckOptions) -> Bool {
        if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
        if a.isInfinite || b.isInfinite { return a == b }
        return abs(a - b) <= options.atol + options.rtol * abs(b)
    }

    static func close(_ a: [Double], _ b: [Double], _ options: CheckOptions) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { close($0, $1, options) }
    }

    private static func swappedLast(_ shape: [Int]) -> [Int] {
        guard shape.count >= 2 else { return shape }
        var s = shape
        s.swapAt(s.count - 1, s.count - 2)
        return s
    }

    private static func shapeText(_ shape: [Int]) -> String {
        shape.isEmpty ? "() (a single number)" : formatShape(shape)
    }

    /// "at [1, 2] " for a position in a tensor; empty for a single number.
    private static func at(_ flat: Int, _ shape: [Int]) -> String {
        guard !shape.isEmpty else { return "" }
        var index: [Int] = []
        var rest = flat
        for size in shape.reversed() {
            index.append(size > 0 ? rest % size : 0)
            rest = size > 0 ? rest / size : 0
        }
        return "at [\(index.reversed().map(String.init).joined(separator: ", "))] "
    }

    /// Two different numbers with as few digits as show that they differ (at least four).
    static func pair(_ a: Double, _ b: Double, bool: Bool = false) -> (String, String) {
        if bool { return (a != 0 ? "true" : "false", b != 0 ? "true" : "false") }
        for digits in 4...17 {
            let pair = (number(a, digits: digits), number(b, digits: digits))
            if Double(pair.0) != Double(pair.1) { return pair }
        }
        return ("\(a)", "\(b)")
    }

    /// A number with at most four significant digits: enough to see the difference, short
    /// enough to read.
    public static func number(_ x: Double, digits significant: Int = 4) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        let magnitude = abs(x)
        guard significant < 16 else { return "\(x)" }
        if magnitude < 1e-4 || magnitude >= 1e15 {
            let exponent = Int(floor(log10(magnitude)))
            let scale = pow(10, Double(significant - 1))
            let mantissa = (x / pow(10, Double(exponent)) * scale).rounded() / scale
            return "\(mantissa)e\(exponent)"
        }
        let digits = max(0, significant - 1 - Int(floor(log10(magnitude))))
        let scale = pow(10, Double(digits))
        return "\((x * scale).rounded() / scale)"
    }
}

/// A number, bool or tensor as flat values with a shape.
struct NumericValue {
    var shape: [Int]
    var values: [Double]
    var isBool: Bool

    var rank: Int { shape.count }
    var count: Int { values.count }

    init?(_ value: AnswerValue) {
        switch value {
        case .number(let x): (shape, values, isBool) = ([], [x], false)
        case .bool(let b): (shape, values, isBool) = ([], [b ? 1 : 0], true)
        case .tensor(let t): (shape, values, isBool) = (t.shape, t.scalars, t.dtype == .bool)
        default: return nil
        }
    }

    init(shape: [Int], values: [Double], isBool: Bool) {
        self.shape = shape
        self.values = values
        self.isBool = isBool
    }

    /// The values with the last two axes exchanged.
    func swappingLastAxes() -> NumericValue? {
        guard rank >= 2, let t = try? Tensor(shape: shape, scalars: values) else { return nil }
        var axes = Array(0..<rank)
        axes.swapAt(rank - 1, rank - 2)
        guard let swapped = try? t.transposed(axes) else { return nil }
        return NumericValue(shape: swapped.shape, values: swapped.scalars, isBool: isBool)
    }

    /// The sums along `axis`, in row-major order of the remaining axes.
    func sums(axis: Int) -> [Double] {
        guard let t = try? Tensor(shape: shape, scalars: values), let s = try? t.sum(axes: [axis]) else { return [] }
        return s.scalars
    }

    /// Whether every sum along `axis` is 1.
    func sumsToOne(axis: Int, _ options: CheckOptions) -> Bool {
        let s = sums(axis: axis)
        return !s.isEmpty && s.allSatisfy { abs($0 - 1) <= 1e-6 + options.atol }
    }
}
