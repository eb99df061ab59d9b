/// The little JSON that tokenizer files need: parsing with a depth limit and clear errors, and
/// writing with HF tokenizers' escaping. (The library avoids Foundation so that `kiso` starts quickly.)
enum JSON {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSON])
    /// Keys and their values, in file order. (Two arrays rather than an array of pairs: the
    /// compiler rejects an array of tuples holding the enum when it is used from another file.)
    case object([String], [JSON])

    subscript(key: String) -> JSON? {
        guard case .object(let keys, let values) = self, let i = keys.firstIndex(of: key) else { return nil }
        return values[i]
    }

    /// Whether this value, or one inside it, is an object whose "type" is `type`.
    func mentions(type: String) -> Bool {
        switch self {
        case .object(let keys, let values):
            return self["type"]?.string == type || zip(keys, values).contains { $1.mentions(type: type) }
        case .array(let items): return items.contains { $0.mentions(type: type) }
        default: return false
        }
    }

    /// A merge written as `"left right"` (older files) or `["left", "right"]`.
    static func mergePair(_ item: JSON, what: String) throws(TextError) -> (String, String) {
        if let line = item.string {
            let parts = line.split(separator: " ", omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw TextError("\(what): the merge \(quoted(line)) is not two tokens") }
            return (String(parts[0]), String(parts[1]))
        }
        if case .array(let two) = item, two.count == 2, let l = two[0].string, let r = two[1].string { return (l, r) }
        throw TextError("\(what): a merge is not two tokens")
    }

    /// An object's keys and values, in file order.
    var members: (keys: [String], values: [JSON])? {
        if case .object(let k, let v) = self { return (k, v) }
        return nil
    }

    /// An object from keys and values.
    static func object(_ members: KeyValuePairs<String, JSON>) -> JSON {
        .object(members.map(\.key), members.map(\.value))
    }

    /// An array's items.
    var items: [JSON]? {
        if case .array(let a) = self { return a }
        return nil
    }

    var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    // MARK: Parsing

    static let maximumDepth = 64

    /// Parses `bytes`; `what` names the file in errors.
    static func parse(_ bytes: [UInt8], what: String) throws(TextError) -> JSON {
        var parser = Parser(bytes: bytes, what: what)
        parser.skipSpace()
        let value = try parser.value(depth: 0)
        parser.skipSpace()
        guard parser.i == bytes.count else { throw parser.failure("unexpected text after the JSON value") }
        return value
    }

    private struct Parser {
        let bytes: [UInt8]
        let what: String
        var i = 0

        func failure(_ message: String) -> TextError {
            var line = 1
            for b in bytes[..<min(i, bytes.count)] where b == 0x0A { line += 1 }
            return TextError("\(what): \(message) on line \(line)", hint: "the file is not valid JSON")
        }

        mutating func skipSpace() {
            while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
        }

        mutating func expect(_ literal: String, _ result: JSON) throws(TextError) -> JSON {
            for b in literal.utf8 {
                guard i < bytes.count, bytes[i] == b else { throw failure("expected `\(literal)`") }
                i += 1
            }
            return result
        }

        mutating func value(depth: Int) throws(TextError) -> JSON {
            guard depth < JSON.maximumDepth else { throw failure("nesting deeper than \(JSON.maximumDepth) levels") }
            guard i < bytes.count else { throw failure("unexpected end of file") }
            switch bytes[i] {
            case UInt8(ascii: "{"):
                i += 1
                var keys: [String] = []
                var values: [JSON] = []
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
                    i += 1
                    return .object(keys, values)
                }
                while true {
                    skipSpace()
                    guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw failure("expected a key") }
                    let key = try string()
                    skipSpace()
                    guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw failure("expected `:`") }
                    i += 1
                    skipSpace()
                    keys.append(key)
                    values.append(try value(depth: depth + 1))
                    skipSpace()
                    guard i < bytes.count else { throw failure("unexpected end of file") }
                    if bytes[i] == UInt8(ascii: ",") {
                        i += 1
                        continue
                    }
                    guard bytes[i] == UInt8(ascii: "}") else { throw failure("expected `,` or `}`") }
                    i += 1
                    return .object(keys, values)
                }
            case UInt8(ascii: "["):
                i += 1
                var items: [JSON] = []
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
                    i += 1
                    return .array(items)
                }
                while true {
                    skipSpace()
                    items.append(try value(depth: depth + 1))
                    skipSpace()
                    guard i < bytes.count else { throw failure("unexpected end of file") }
                    if bytes[i] == UInt8(ascii: ",") {
                        i += 1
                        continue
                    }
                    guard bytes[i] == UInt8(ascii: "]") else { throw failure("expected `,` or `]`") }
                    i += 1
                    return .array(items)
                }
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): return try expect("true", .bool(true))
            case UInt8(ascii: "f"): return try expect("false", .bool(false))
            case UInt8(ascii: "n"): return try expect("null", .null)
            default:
                let start = i
                while i < bytes.count, "+-.0123456789eE".utf8.contains(bytes[i]) { i += 1 }
                guard i > start, let x = Double(String(decoding: bytes[start..<i], as: UTF8.self)) else {
                    throw failure("unexpected character")
                }
                return .number(x)
            }
        }

        mutating func hex4() throws(TextError) -> UInt32 {
            guard i + 4 <= bytes.count, let v = UInt32(String(decoding: bytes[i..<i + 4], as: UTF8.self), radix: 16)
            else { throw failure("bad \\u escape") }
            i += 4
            return v
        }

        mutating func string() throws(TextError) -> String {
            i += 1
            var out: [UInt8] = []
            while true {
                guard i < bytes.count else { throw failure("unterminated string") }
                let b = bytes[i]
                i += 1
                if b == UInt8(ascii: "\"") { break }
                if b != UInt8(ascii: "\\") {
                    out.append(b)
                    continue
                }
                guard i < bytes.count else { throw failure("unterminated string") }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "u"):
                    var v = try hex4()
                    if (0xD800..<0xDC00).contains(v), i + 6 <= bytes.count, bytes[i] == UInt8(ascii: "\\"),
                        bytes[i + 1] == UInt8(ascii: "u")
                    {
                        i += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw failure("bad surrogate pair") }
                        v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(v) else { throw failure("lone surrogate in \\u escape") }
                    out.append(contentsOf: String(Character(scalar)).utf8)
                default: out.append(e)
                }
            }
            guard let text = String(validating: out, as: UTF8.self) else { throw failure("text that is not UTF-8") }
            return text
        }
    }

    // MARK: Writing

    /// The value as compact JSON text, non-ASCII characters written as themselves.
    var text: String {
        var out = ""
        write(to: &out)
        return out
    }

    func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let x):
            out += x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
        case .string(let s): JSON.quote(s, into: &out)
        case .array(let items):
            out += "["
            for (k, item) in items.enumerated() {
                if k > 0 { out += "," }
                item.write(to: &out)
            }
            out += "]"
        case .object(let keys, let values):
            out += "{"
            for (k, (key, value)) in zip(keys, values).enumerated() {
                if k > 0 { out += "," }
                JSON.quote(key, into: &out)
                out += ":"
                value.write(to: &out)
            }
            out += "}"
        }
    }

    static func quote(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    var hex = String(scalar.value, radix: 16)
                    while hex.count < 4 { hex = "0" + hex }
                    out += "\\u" + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
