import Glibc

/// Readable axis ticks (steps of 1, 2 or 5 times a power of ten) and compact number labels.
enum Ticks {
    /// A step of 1, 2 or 5 × 10ⁿ giving about `target` intervals over `span` (> 0, finite).
    static func niceStep(span: Double, target: Int) -> Double {
        let raw = span / Double(Swift.max(1, target))
        guard raw.isFinite, raw > 0 else { return 1 }
        let magnitude = pow(10, floor(log10(raw)))
        let normalized = raw / magnitude
        let factor: Double = normalized < 1.5 ? 1 : normalized < 3 ? 2 : normalized < 7 ? 5 : 10
        return factor * magnitude
    }

    /// The multiples of `step` within `lower...upper` (at most a few hundred).
    static func positions(lower: Double, upper: Double, step: Double) -> [Double] {
        guard step > 0, step.isFinite, lower.isFinite, upper.isFinite, upper >= lower else { return [] }
        let first = ceil(lower / step - 1e-9)
        let last = floor(upper / step + 1e-9)
        guard first.isFinite, last.isFinite, last - first < 1000 else { return [lower, upper] }
        var result: [Double] = []
        var k = first
        while k <= last {
            let value = k * step
            result.append(value == 0 ? 0 : value)
            k += 1
        }
        return result
    }

    /// Data limits widened to a usable, finite interval: a constant value gets room around it,
    /// no data gives 0...1, and with `nice` the ends move out to the next tick.
    static func autoLimits(minimum: Double?, maximum: Double?, nice: Bool, target: Int) -> AxisLimits {
        guard let low = minimum, let high = maximum, low.isFinite, high.isFinite else {
            return AxisLimits(0, 1)
        }
        var lower = low
        var upper = high
        if upper - lower <= Swift.max(abs(lower), abs(upper)) * 1e-12 {
            let room = lower == 0 ? 1 : abs(lower) * 0.1
            lower -= room
            upper += room
        }
        guard nice, (upper - lower).isFinite else { return AxisLimits(lower, upper) }
        let step = niceStep(span: upper - lower, target: target)
        let niceLower = floor(lower / step + 1e-9) * step
        let niceUpper = ceil(upper / step - 1e-9) * step
        guard niceLower.isFinite, niceUpper.isFinite else { return AxisLimits(lower, upper) }
        return AxisLimits(niceLower, niceUpper)
    }

    /// A tick label for `value` on an axis stepping by `step`: just enough decimals for the step,
    /// scientific notation for very large or small magnitudes, never `-0`.
    static func label(_ value: Double, step: Double) -> String {
        guard value.isFinite else { return NumberFormat.compact(value) }
        if abs(value) < step * 1e-9 { return "0" }
        let magnitude = Swift.max(abs(value), step)
        if magnitude >= 1e6 || step < 1e-4 { return NumberFormat.compact(value) }
        let decimals = Swift.max(0, Int(-floor(log10(step) + 1e-9)))
        return NumberFormat.fixed(value, decimals: decimals)
    }
}

/// Short decimal text for numbers, written without Foundation.
public enum NumberFormat {
    /// `value` with at most `significant` significant digits (1...15), trailing zeros dropped,
    /// scientific notation below 1e-4 or from 10^significant up; `-0` is written `0`.
    public static func compact(_ value: Double, significant: Int = 4) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == 0 { return "0" }
        let digits = Swift.min(15, Swift.max(1, significant))
        var exponent = Int(floor(log10(abs(value))))
        var scaled = scaledToDigits(abs(value), shift: digits - 1 - exponent)
        if scaled >= pow10(digits) {
            exponent += 1
            scaled = scaledToDigits(abs(value), shift: digits - 1 - exponent)
        }
        guard scaled.isFinite, scaled < 9e18 else { return value < 0 ? "-inf" : "inf" }
        let sign = value < 0 ? "-" : ""
        let mantissaDigits = String(Int64(scaled))
        if exponent < -4 || exponent >= digits {
            var mantissa = String(mantissaDigits.prefix(1))
            let rest = stripZeros(String(mantissaDigits.dropFirst()))
            if !rest.isEmpty { mantissa += "." + rest }
            return sign + mantissa + "e" + String(exponent)
        }
        return sign + place(mantissaDigits, pointShift: exponent - digits + 1)
    }

    /// One format for every value of a plot, chosen from the data's range (as UnicodePlots.jl
    /// does), so that labels side by side have the same number of decimals: the largest magnitude
    /// gets `significant` digits and every other value the same decimals; whole numbers stay
    /// whole. Magnitudes from 10⁶ up or under 10⁻⁴, and values so far apart that shared decimals
    /// would hide the small ones, get `significant` digits each instead.
    public static func uniform(for values: [Double], significant: Int = 3) -> @Sendable (Double) -> String {
        let finite = values.filter(\.isFinite)
        let largest = finite.map(abs).max() ?? 0
        let digits = Swift.min(15, Swift.max(1, significant))
        if largest >= 1e6 || (largest < 1e-4 && largest > 0) {
            return { value in compact(value, significant: digits) }
        }
        if largest == 0 || finite.allSatisfy({ $0 == $0.rounded() }) {
            return { value in value.isFinite ? fixed(value, decimals: 0, zero: "0") : compact(value) }
        }
        // The largest value's significant digits set the most decimals any label may need;
        // fewer serve when every value already ends sooner (0.61 and 0.05, not 0.610 and 0.050).
        let most = Swift.max(0, digits - 1 - Int(floor(log10(largest))))
        // Values spanning many orders of magnitude (gradient norms that vanish) would read as
        // 0.00 with shared decimals: they share significant digits instead.
        if let smallest = finite.filter({ $0 != 0 }).map(abs).min(),
            1 - Int(floor(log10(smallest))) > most + 1
        {
            return { value in compact(value, significant: digits) }
        }
        var decimals = 0
        while decimals < most
            && !finite.allSatisfy({
                ($0 * pow10(decimals)).rounded() * pow10(most - decimals) == ($0 * pow10(most)).rounded()
            })
        {
            decimals += 1
        }
        let places = decimals
        let zero = fixed(0, decimals: places, zero: nil)
        return { value in value.isFinite ? fixed(value, decimals: places, zero: zero) : compact(value) }
    }

    /// `value` rounded to `decimals` places, trailing zeros kept (tick labels line up). A value
    /// that rounds to zero is written `zero` when given (tick labels use a bare "0"), otherwise
    /// with its decimals, so that it lines up with its neighbours.
    static func fixed(_ value: Double, decimals: Int, zero: String? = "0") -> String {
        let places = Swift.min(12, Swift.max(0, decimals))
        let scaled = (abs(value) * pow10(places)).rounded()
        guard scaled < 9e15 else { return compact(value) }
        if scaled == 0, let zero { return zero }
        let sign = value < 0 && scaled > 0 ? "-" : ""
        let digits = String(Int64(scaled))
        if places == 0 { return sign + digits }
        let padded = String(repeating: "0", count: Swift.max(0, places + 1 - digits.count)) + digits
        let split = padded.index(padded.endIndex, offsetBy: -places)
        return sign + padded[..<split] + "." + padded[split...]
    }

    /// The integer digit string scaled by 10^pointShift, as a decimal without trailing zeros.
    private static func place(_ digits: String, pointShift: Int) -> String {
        if pointShift >= 0 { return digits + String(repeating: "0", count: pointShift) }
        let decimals = -pointShift
        let padded = String(repeating: "0", count: Swift.max(0, decimals + 1 - digits.count)) + digits
        let split = padded.index(padded.endIndex, offsetBy: -decimals)
        let fraction = stripZeros(String(padded[split...]))
        return fraction.isEmpty ? String(padded[..<split]) : padded[..<split] + "." + fraction
    }

    /// `magnitude × 10^shift`, rounded, in two steps when one power of ten would overflow.
    private static func scaledToDigits(_ magnitude: Double, shift: Int) -> Double {
        var m = magnitude
        var remaining = shift
        if remaining > 300 {
            m *= 1e300
            remaining -= 300
        } else if remaining < -300 {
            m /= 1e300
            remaining += 300
        }
        return (m * pow10(remaining)).rounded()
    }

    private static func stripZeros(_ text: String) -> String {
        var result = text
        while result.last == "0" { result.removeLast() }
        return result
    }

    private static func pow10(_ n: Int) -> Double { pow(10, Double(n)) }
}
