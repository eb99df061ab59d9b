/// Formats every element of one tensor to a common width, choosing NumPy's formatter for the
/// tensor's dtype (`FloatingFormat`, `IntegerFormat` or `BoolFormat`).
enum ElementFormatter {
    case float(FloatFormatter)
    /// Integers right-aligned to `width`, with `sign` deciding what non-negatives carry.
    case integer(width: Int, sign: PrintOptions.Sign)
    /// `True` padded to the width of `False`, except in a 0-d tensor.
    case bool(padTrue: Bool)

    /// The formatter for `values` (the elements that will be shown) of a tensor of `dtype`.
    init(dtype: DType, values: [Double], isScalar: Bool, options: PrintOptions) {
        switch dtype {
        case .float64:
            self = .float(FloatFormatter(values: values, options: options))
        case .bool:
            self = .bool(padTrue: !isScalar)
        case .int64:
            var sign = options.sign
            var width = 0
            if let largest = values.max(), let smallest = values.min() {
                if sign == .space && smallest < 0 { sign = .minus }
                var largestWidth = Self.integerDigits(largest).utf8.count
                if largest >= 0 && sign != .minus { largestWidth += 1 }
                width = Swift.max(largestWidth, Self.integerDigits(smallest).utf8.count)
            }
            self = .integer(width: width, sign: sign)
        }
    }

    /// One element as text.
    func format(_ x: Double) -> String {
        switch self {
        case .float(let formatter):
            return formatter.format(x)
        case .bool(let padTrue):
            return x != 0 ? (padTrue ? " True" : "True") : "False"
        case .integer(let width, let sign):
            var text = Self.integerDigits(x)
            if !text.hasPrefix("-") {
                switch sign {
                case .minus: break
                case .plus: text = "+" + text
                case .space: text = " " + text
                }
            }
            let padding = width - text.utf8.count
            return padding > 0 ? String(repeating: " ", count: padding) + text : text
        }
    }

    /// A whole number as Python's `str` of an integer prints it.
    static func integerDigits(_ x: Double) -> String {
        // 2^63 is the first double outside Int64's range.
        if x > -9.223372036854775808e18 && x < 9.223372036854775808e18 {
            return String(Int64(x))
        }
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        // Out of Int64's range: the double's exact integer value.
        let digits = DecimalDigits.exact(x.magnitude, fractionDigits: 0)
        var text = x < 0 ? "-" : ""
        for i in 0...Swift.max(digits.exponent, 0) {
            text += i < digits.digits.count ? String(digits.digits[i]) : "0"
        }
        return text
    }
}
