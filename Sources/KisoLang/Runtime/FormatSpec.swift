import Glibc
import KisoBase

/// Python's format-spec mini-language, as used in f-strings: `[[fill]align][sign][#][0][width][,][.precision][type]`.
struct FormatSpec {
    var fill: Character = " "
    var align: Character? = nil
    var sign: Character = "-"
    var zeroPad = false
    var width = 0
    var grouping = false
    var precision: Int? = nil
    var type: Character? = nil

    /// Parses `spec`, or returns an error message.
    init(_ spec: String) throws(KisoError) {
        var chars = Array(spec)
        var i = 0
        let aligns: Set<Character> = ["<", ">", "^", "="]
        if chars.count >= 2, aligns.contains(chars[1]) {
            fill = chars[0]
            align = chars[1]
            i = 2
        } else if let first = chars.first, aligns.contains(first) {
            align = first
            i = 1
        }
        if i < chars.count, "+- ".contains(chars[i]) {
            sign = chars[i]
            i += 1
        }
        if i < chars.count, chars[i] == "#" { i += 1 }
        if i < chars.count, chars[i] == "0" {
            zeroPad = true
            i += 1
        }
        var digits = ""
        while i < chars.count, chars[i].isASCII, chars[i].isNumber {
            digits.append(chars[i])
            i += 1
        }
        width = Swift.min(Int(digits) ?? 0, 1000)
        if i < chars.count, chars[i] == "," || chars[i] == "_" {
            grouping = true
            i += 1
        }
        if i < chars.count, chars[i] == "." {
            i += 1
            var p = ""
            while i < chars.count, chars[i].isASCII, chars[i].isNumber {
                p.append(chars[i])
                i += 1
            }
            guard let value = Int(p) else {
                throw KisoError(.value, "format spec `\(spec)`: `.` needs a precision", hint: "for example `.4f`")
            }
            precision = Swift.min(value, 100)
        }
        if i < chars.count {
            type = chars[i]
            i += 1
        }
        guard i == chars.count, type.map({ "fFeEgGdns%".contains($0) }) ?? true else {
            chars = Array(spec)
            throw KisoError(
                .value, "unknown format spec `\(spec)`",
                hint: "use a Python spec such as `.4f`, `>8`, `d`, `e` or `%`")
        }
    }

    /// A number formatted by the spec.
    func format(_ x: Double) throws(KisoError) -> String {
        var body: String
        let magnitude = Swift.abs(x)
        switch type {
        case "d", "n":
            guard x.isFinite, x == x.rounded() else {
                throw KisoError(
                    .value, "format code `d` needs a whole number, got \(formatNumber(x))",
                    hint: "use `.0f` to round it")
            }
            body = magnitude < 1e18 ? String(Int(magnitude)) : cFormat("%.0f", magnitude)
        case "f", "F": body = cFormat("%.\(precision ?? 6)f", magnitude)
        case "e", "E": body = cFormat("%.\(precision ?? 6)\(type == "E" ? "E" : "e")", magnitude)
        case "g", "G": body = cFormat("%.\(Swift.max(precision ?? 6, 1))\(type == "G" ? "G" : "g")", magnitude)
        case "%": body = cFormat("%.\(precision ?? 6)f", magnitude * 100) + "%"
        case "s":
            throw KisoError(.value, "format code `s` is for strings, got a number", hint: "use `f`, `e`, `g` or `d`")
        default:
            if let precision {
                body = cFormat("%.\(Swift.max(precision, 1))g", magnitude)
            } else {
                body = formatNumber(magnitude)
            }
        }
        if grouping { body = groupThousands(body) }
        let signText: String
        if x.sign == .minus && !(x == 0 && type == nil) && !x.isNaN {
            signText = "-"
        } else {
            signText = sign == "+" ? "+" : (sign == " " ? " " : "")
        }
        if zeroPad && align == nil {
            let padCount = width - signText.count - body.count
            if padCount > 0 { body = String(repeating: "0", count: padCount) + body }
            return signText + body
        }
        return pad(signText + body, defaultAlign: ">")
    }

    /// An int formatted by the spec: digits without a point unless the spec asks for a float type.
    func format(_ n: Int) throws(KisoError) -> String {
        guard type == nil || type == "d" || type == "n", precision == nil else { return try format(Double(n)) }
        var body = String(n.magnitude)
        if grouping { body = groupThousands(body) }
        let signText = n < 0 ? "-" : (sign == "+" ? "+" : (sign == " " ? " " : ""))
        if zeroPad && align == nil {
            let padCount = width - signText.count - body.count
            if padCount > 0 { body = String(repeating: "0", count: padCount) + body }
            return signText + body
        }
        return pad(signText + body, defaultAlign: ">")
    }

    /// A string formatted by the spec (width, alignment, precision as truncation).
    func format(_ s: String) throws(KisoError) -> String {
        if let type, type != "s" {
            throw KisoError(
                .value, "format code `\(type)` is for numbers, got a string", hint: "use `s` or only a width")
        }
        var text = s
        if let precision, text.count > precision { text = String(text.prefix(precision)) }
        return pad(text, defaultAlign: "<")
    }

    private func pad(_ text: String, defaultAlign: Character) -> String {
        let missing = width - text.count
        guard missing > 0 else { return text }
        let fillText = { (n: Int) in String(repeating: String(self.fill), count: n) }
        switch align ?? defaultAlign {
        case "<": return text + fillText(missing)
        case "^": return fillText(missing / 2) + text + fillText(missing - missing / 2)
        default: return fillText(missing) + text
        }
    }

    private func groupThousands(_ text: String) -> String {
        let parts = text.split(separator: ".", maxSplits: 1)
        guard let whole = parts.first, whole.allSatisfy(\.isNumber) else { return text }
        var out = ""
        for (i, c) in whole.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return String(out.reversed()) + (parts.count > 1 ? "." + parts[1] : "")
    }
}
