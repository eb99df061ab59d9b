#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The significant decimal digits of a non-negative double, as NumPy's Dragon4 produces them:
/// `digits` (each 0…9, no trailing zeros, never empty) scaled so the first digit sits at
/// `10^exponent`. Zero is the single digit 0 at exponent 0.
struct DecimalDigits: Equatable {
    var digits: [UInt8]
    var exponent: Int

    static let zero = DecimalDigits(digits: [0], exponent: 0)

    /// The number of digits after the decimal point when written positionally.
    var fractionCount: Int { Swift.max(0, digits.count - (exponent + 1)) }

    /// The shortest digits that read back as `magnitude` (the closest such digits when several
    /// are equally short), which is what Dragon4's unique mode yields.
    static func shortest(_ magnitude: Double) -> DecimalDigits {
        if magnitude == 0 { return .zero }
        // Swift's description is the shortest round-trip form, in positional or exponent style.
        return parse(magnitude.description)
    }

    /// `magnitude` rounded half-to-even from its exact binary value to `count` significant digits.
    static func exact(_ magnitude: Double, significantDigits count: Int) -> DecimalDigits {
        if magnitude == 0 { return .zero }
        return parse(cFormat(magnitude, style: "e", digits: Swift.max(count, 1) - 1))
    }

    /// `magnitude` rounded half-to-even from its exact binary value to `count` digits after the
    /// decimal point; a value that rounds away entirely becomes zero.
    static func exact(_ magnitude: Double, fractionDigits count: Int) -> DecimalDigits {
        if magnitude == 0 { return .zero }
        return parse(cFormat(magnitude, style: "f", digits: Swift.max(count, 0)))
    }

    /// Reads `123.45`, `1.5e-07`, `1e+16` and the like (no sign).
    static func parse(_ text: String) -> DecimalDigits {
        var digits: [UInt8] = []
        var pointPosition: Int?
        var exponentText = Substring()
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            if c == "." {
                pointPosition = digits.count
            } else if c == "e" || c == "E" {
                exponentText = text[text.index(after: index)...]
                break
            } else if let ascii = c.asciiValue, ascii >= 48, ascii <= 57 {
                digits.append(ascii - 48)
            }
            index = text.index(after: index)
        }
        let exponent = Int(exponentText) ?? 0
        var point = (pointPosition ?? digits.count) + exponent
        var start = 0
        while start < digits.count - 1 && digits[start] == 0 {
            start += 1
            point -= 1
        }
        var end = digits.count
        while end > start + 1 && digits[end - 1] == 0 { end -= 1 }
        guard start < end, !(end - start == 1 && digits[start] == 0) else { return .zero }
        return DecimalDigits(digits: Array(digits[start..<end]), exponent: point - 1)
    }

    /// C's `%.*e` / `%.*f`, which round the exact binary value half-to-even.
    private static func cFormat(_ value: Double, style: String, digits: Int) -> String {
        let capacity = digits + 400
        var buffer = [CChar](repeating: 0, count: capacity)
        let written = withVaList([Int32(clamping: digits), value]) { arguments in
            buffer.withUnsafeMutableBufferPointer { pointer in
                vsnprintf(pointer.baseAddress, capacity, "%.*" + style, arguments)
            }
        }
        let length = Swift.min(Swift.max(Int(written), 0), capacity - 1)
        return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
