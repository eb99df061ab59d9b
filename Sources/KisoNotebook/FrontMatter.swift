import KisoBase
/// The metadata block at the top of a notebook or lesson, between two `---` lines.
///
/// It is a small subset of YAML: `key: value` lines, lists written `[a, b]` or as `- item` lines
/// under a bare `key:`, quoted or plain strings, blank lines and `#` comments.
public struct FrontMatter: Equatable, Sendable {
    /// One value: a string or a list of strings.
    public enum Value: Equatable, Sendable {
        /// A single string (quotes removed).
        case string(String)
        /// A list of strings.
        case list([String])
    }

    /// The entries in file order.
    public let entries: [(key: String, value: Value)]

    /// Creates front matter from entries.
    public init(entries: [(key: String, value: Value)]) {
        self.entries = entries
    }

    /// The value for `key`, or nil.
    public subscript(_ key: String) -> Value? {
        entries.first(where: { $0.key == key })?.value
    }

    /// A string value; a list is joined with `, `.
    public func string(_ key: String) -> String? {
        switch self[key] {
        case .string(let text): text
        case .list(let items): items.joined(separator: ", ")
        case nil: nil
        }
    }

    /// A list value; a single string is a one-element list, an empty string none.
    public func list(_ key: String) -> [String] {
        switch self[key] {
        case .string(let text): text.isEmpty ? [] : [text]
        case .list(let items): items
        case nil: []
        }
    }

    /// `title:`.
    public var title: String? { string("title") }

    /// `requires:` — the chapters this one builds on.
    public var requires: [String] { list("requires") }

    /// Equal when the same keys have the same values in the same order.
    public static func == (lhs: FrontMatter, rhs: FrontMatter) -> Bool {
        lhs.entries.count == rhs.entries.count
            && zip(lhs.entries, rhs.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}

/// Where front matter ended: its parsed form and the index of the line after the closing `---`.
struct FrontMatterBlock {
    let frontMatter: FrontMatter
    let endLine: Int
}

/// Parses front matter when the first line is `---`; returns nil when the file has none.
func parseFrontMatter(_ lines: [TextLine], path: String) throws(NotebookError) -> FrontMatterBlock? {
    guard let first = lines.first, first.content.trimmingSpaces() == "---" else { return nil }
    var entries: [(key: String, value: FrontMatter.Value)] = []
    var index = 1
    var openListKey: String?
    while index < lines.count {
        let content = lines[index].content
        let trimmed = content.trimmingSpaces()
        if trimmed == "---" || trimmed == "..." {
            return FrontMatterBlock(frontMatter: FrontMatter(entries: entries), endLine: index + 1)
        }
        defer { index += 1 }
        if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
        if trimmed.hasPrefix("- "), let key = openListKey, case .list(var items)? = entries.last?.value {
            items.append(unquote(trimmed.dropFirst(2).trimmingSpaces()))
            entries[entries.count - 1] = (key, .list(items))
            continue
        }
        openListKey = nil
        guard content.first != " " && content.first != "\t", let colon = content.firstIndex(of: ":") else {
            throw NotebookError(
                path: path, line: index + 1, message: "front matter line is not `key: value`: \(trimmed.prefix(60))",
                hint: "write one `key: value` per line between the `---` lines, e.g. `title: Vectors`")
        }
        let key = content[..<colon].trimmingSpaces()
        guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else {
            throw NotebookError(
                path: path, line: index + 1, message: "front matter key `\(key)` is not a plain word",
                hint: "keys are words such as title, requires, notebook")
        }
        let value = content[content.index(after: colon)...].trimmingSpaces()
        if value.isEmpty {
            entries.append((String(key), .list([])))
            openListKey = String(key)
        } else if value.hasPrefix("[") {
            guard value.hasSuffix("]") else {
                throw NotebookError(
                    path: path, line: index + 1, message: "front matter list for `\(key)` has no closing `]`",
                    hint: "write lists on one line: `\(key): [a, b]`")
            }
            let inner = value.dropFirst().dropLast()
            let items = inner.split(separator: ",").map { unquote($0.trimmingSpaces()) }.filter { !$0.isEmpty }
            entries.append((String(key), .list(items)))
        } else {
            entries.append((String(key), .string(unquote(value))))
        }
    }
    throw NotebookError(
        path: path, line: 1, message: "front matter opened with `---` is never closed",
        hint: "end the front matter with a line `---`")
}

/// Removes one pair of matching quotes.
private func unquote(_ text: Substring) -> String {
    if text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first {
        return String(text.dropFirst().dropLast())
    }
    return String(text)
}
