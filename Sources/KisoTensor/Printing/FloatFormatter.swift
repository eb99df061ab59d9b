/// Formats the floats of one tensor so they line up: NumPy's `FloatingFormat`.
///
/// The layout (positional or scientific, digits, padding) is decided once from every value that
/// will be shown, then each value is formatted to that layout.
struct FloatFormatter {
    private let options: PrintOptions
    private var precision: Int
    private var minDigits = -1
    private var unique = true
    private var trim = FloatText.Trim.zeros
    private var scientific = false
    private var padLeft = 0
    private var padRight = 0
    private var exponentDigits = -1

    /// Chooses the layout for `values`, the elements that will be printed.
    init(values: [Double], options: PrintOptions) {
        self.options = options
        precision = options.floatmode == .unique ? -1 : options.effectivePrecision
        fill(values)
    }

    private var plusSign: Bool { options.sign == .plus }

    private mutating func fill(_ values: [Double]) {
        let finite = values.filter { $0.isFinite }
        let nonZero = finite.lazy.filter { $0 != 0 }.map { $0.magnitude }
        if let largest = nonZero.max(), let smallest = nonZero.min() {
            // Large values, or (unless suppressed) tiny values or a wide range, go scientific.
            scientific =
                largest >= 1e8
                || (!options.suppress && (smallest < 0.0001 || largest / smallest > 1000))
        }

        if finite.isEmpty {
            padLeft = 0
            padRight = 0
            trim = .zeros
            exponentDigits = -1
            unique = true
            minDigits = -1
        } else if scientific {
            let firstUnique = options.floatmode != .fixed
            let firstTrim: FloatText.Trim = firstUnique ? .zeros : .keep
            var widestLeft = 0
            var widestFraction = 0
            var widestExponent = 0
            for x in finite {
                let text = FloatText.scientific(
                    x, precision: precision, minDigits: -1, unique: firstUnique, trim: firstTrim,
                    plusSign: plusSign, padLeft: -1, exponentDigits: -1)
                let parts = Self.split(text, at: "e")
                let mantissa = Self.split(parts.before, at: ".")
                widestLeft = Swift.max(widestLeft, mantissa.before.utf8.count)
                widestFraction = Swift.max(widestFraction, mantissa.after.utf8.count)
                widestExponent = Swift.max(widestExponent, parts.after.utf8.count)
            }
            exponentDigits = widestExponent - 1
            trim = .keep
            precision = widestFraction
            minDigits = widestFraction
            unique = firstUnique
            padLeft = widestLeft
            padRight = exponentDigits + 2 + precision
        } else {
            let firstUnique = options.floatmode != .fixed
            let firstTrim: FloatText.Trim = firstUnique ? .zeros : .keep
            var widestLeft = 0
            var widestFraction = 0
            for x in finite {
                let text = FloatText.positional(
                    x, precision: precision, minDigits: -1, unique: firstUnique, trim: firstTrim,
                    plusSign: plusSign, padLeft: -1, padRight: -1)
                let parts = Self.split(text, at: ".")
                widestLeft = Swift.max(widestLeft, parts.before.utf8.count)
                widestFraction = Swift.max(widestFraction, parts.after.utf8.count)
            }
            padLeft = widestLeft
            padRight = widestFraction
            exponentDigits = -1
            unique = firstUnique
            if options.floatmode == .fixed || options.floatmode == .maxprecEqual {
                precision = padRight
                minDigits = padRight
                trim = .keep
            } else {
                trim = .zeros
                minDigits = 0
            }
        }

        // A space sign reserves a column unless some value already has a minus sign.
        if options.sign == .space && !finite.contains(where: { $0.sign == .minus }) {
            padLeft += 1
        }

        if finite.count != values.count {
            let negativeInfinity =
                options.sign != .minus || values.contains { $0.isInfinite && $0 < 0 }
            let offset = padRight + 1
            padLeft = Swift.max(
                padLeft, options.nanstr.unicodeScalars.count - offset,
                options.infstr.unicodeScalars.count + (negativeInfinity ? 1 : 0) - offset)
        }
    }

    /// The text before and after the first `separator` (everything before when absent).
    private static func split<Text: StringProtocol>(
        _ text: Text, at separator: Character
    ) -> (before: Text.SubSequence, after: Text.SubSequence) {
        guard let index = text.firstIndex(of: separator) else {
            return (text[...], text[text.endIndex...])
        }
        return (text[..<index], text[text.index(after: index)...])
    }

    /// `x` in the chosen layout.
    func format(_ x: Double) -> String {
        if !x.isFinite {
            let text: String
            if x.isNaN {
                text = (plusSign ? "+" : "") + options.nanstr
            } else {
                text = (x < 0 ? "-" : plusSign ? "+" : "") + options.infstr
            }
            let width = padLeft + padRight + 1 - text.unicodeScalars.count
            return String(repeating: " ", count: Swift.max(width, 0)) + text
        }
        if scientific {
            return FloatText.scientific(
                x, precision: precision, minDigits: minDigits, unique: unique, trim: trim,
                plusSign: plusSign, padLeft: padLeft, exponentDigits: exponentDigits)
        }
        return FloatText.positional(
            x, precision: precision, minDigits: minDigits, unique: unique, trim: trim,
            plusSign: plusSign, padLeft: padLeft, padRight: padRight)
    }
}
