/// One float as text, with the knobs of NumPy's `format_float_positional` and
/// `format_float_scientific` (the Dragon4 front ends that array printing is built on).
///
/// Integer arguments use -1 for "not given", as NumPy's C layer does.
enum FloatText {
    /// What to do with trailing zeros and the decimal point.
    enum Trim {
        /// NumPy's `'k'`: keep trailing zeros (padding to the requested digits) and the point.
        case keep
        /// NumPy's `'.'`: drop trailing zeros, keep the point (`1.`).
        case zeros
        /// NumPy's `'0'`: drop trailing zeros but leave one after the point (`1.0`).
        case leaveOneZero
        /// NumPy's `'-'`: drop trailing zeros and a bare point (`1`).
        case pointAndZeros
    }

    /// The digits of `magnitude` that Dragon4 prints in unique (shortest) or exact mode, limited
    /// to at most `maxDigits` and extended to at least `minDigits` (-1 for no limit), where
    /// `digitsWanted` converts a limit into a digit count for a value with given digits.
    ///
    /// Dragon4 stops at the cutoff only when the shortest digits run past it, and then rounds
    /// the exact remaining value half-to-even, which is what C's `printf` does; so the shortest
    /// digits are used when they fit and exact rounding otherwise. Trailing zeros are dropped:
    /// every caller either trims them or pads back to the same count.
    private static func digits(
        _ magnitude: Double, unique: Bool, positional: Bool, maxDigits: Int, minDigits: Int
    ) -> DecimalDigits {
        func exact(_ limit: Int) -> DecimalDigits {
            positional
                ? DecimalDigits.exact(magnitude, fractionDigits: limit)
                : DecimalDigits.exact(magnitude, significantDigits: limit + 1)
        }
        guard unique else {
            // Exact mode without a cutoff prints every digit of the binary value.
            return exact(maxDigits >= 0 ? maxDigits : 1100)
        }
        let shortest = DecimalDigits.shortest(magnitude)
        if magnitude == 0 { return shortest }
        // Counted as fraction digits (positional) or digits after the first (scientific).
        let length = positional ? shortest.fractionCount : shortest.digits.count - 1
        if maxDigits >= 0 && length > maxDigits { return exact(maxDigits) }
        if minDigits >= 0 && length < minDigits { return exact(minDigits) }
        return shortest
    }

    private static func signText(_ x: Double, plus: Bool) -> String {
        x.sign == .minus ? "-" : plus ? "+" : ""
    }

    private static func spaces(_ count: Int) -> String {
        String(repeating: " ", count: Swift.max(count, 0))
    }

    /// `x` (finite) in positional notation: NumPy's `dragon4_positional` with `fractional=True`.
    static func positional(
        _ x: Double, precision: Int, minDigits: Int, unique: Bool, trim: Trim, plusSign: Bool,
        padLeft: Int, padRight: Int
    ) -> String {
        let sign = signText(x, plus: plusSign)
        let d = digits(
            x.magnitude, unique: unique, positional: true, maxDigits: precision, minDigits: minDigits)
        var whole = ""
        var fraction = ""
        if d.exponent >= 0 {
            for i in 0...d.exponent {
                whole.append(i < d.digits.count ? Character(String(d.digits[i])) : "0")
            }
            if d.digits.count > d.exponent + 1 {
                for digit in d.digits[(d.exponent + 1)...] { fraction.append(Character(String(digit))) }
            }
        } else {
            whole = "0"
            fraction = String(repeating: "0", count: -(d.exponent + 1))
            for digit in d.digits { fraction.append(Character(String(digit))) }
        }
        let wanted = Swift.max(unique ? minDigits : precision, 0)
        switch trim {
        case .keep:
            if fraction.utf8.count < wanted {
                fraction += String(repeating: "0", count: wanted - fraction.utf8.count)
            }
        case .leaveOneZero:
            if fraction.isEmpty { fraction = "0" }
        case .zeros, .pointAndZeros:
            break
        }
        var text = sign + whole
        if !(trim == .pointAndZeros && fraction.isEmpty) { text += "." }
        text += fraction
        let fractionCount = fraction.utf8.count
        if padRight >= fractionCount {
            if trim == .pointAndZeros && fractionCount == 0 { text += " " }
            text += spaces(padRight - fractionCount)
        }
        let leftCount = whole.utf8.count + sign.utf8.count
        if padLeft > leftCount { text = spaces(padLeft - leftCount) + text }
        return text
    }

    /// `x` (finite) in scientific notation: NumPy's `dragon4_scientific`.
    static func scientific(
        _ x: Double, precision: Int, minDigits: Int, unique: Bool, trim: Trim, plusSign: Bool,
        padLeft: Int, exponentDigits: Int
    ) -> String {
        let sign = signText(x, plus: plusSign)
        let d = digits(
            x.magnitude, unique: unique, positional: false, maxDigits: precision, minDigits: minDigits)
        var text = spaces(padLeft - 1 - sign.utf8.count) + sign
        text.append(Character(String(d.digits[0])))
        var fraction = ""
        for digit in d.digits.dropFirst() { fraction.append(Character(String(digit))) }
        let wanted = Swift.max(unique ? minDigits : precision, 0)
        switch trim {
        case .keep:
            if fraction.utf8.count < wanted {
                fraction += String(repeating: "0", count: wanted - fraction.utf8.count)
            }
        case .leaveOneZero:
            if fraction.isEmpty { fraction = "0" }
        case .zeros, .pointAndZeros:
            break
        }
        if !(trim == .pointAndZeros && fraction.isEmpty) { text += "." }
        text += fraction
        let width = exponentDigits < 0 ? 2 : Swift.min(exponentDigits, 5)
        let magnitudeText = String(d.exponent.magnitude)
        let zeros = String(repeating: "0", count: Swift.max(width - magnitudeText.utf8.count, 0))
        text += (d.exponent < 0 ? "e-" : "e+") + zeros + magnitudeText
        return text
    }
}
