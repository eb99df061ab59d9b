import KisoBase
/// One line of a text file: its exact bytes (with the terminator) and its content (without).
struct TextLine: Sendable {
    /// The line as it appears in the file, including `\n` or `\r\n` when present.
    let raw: Substring
    /// The line without its terminator.
    let content: Substring

    var isBlank: Bool { content.allSatisfy { $0 == " " || $0 == "\t" } }
}

/// Splits text into lines so that joining the `raw` parts gives back the text exactly.
func splitLines(_ text: String) -> [TextLine] {
    var lines: [TextLine] = []
    let scalars = text.unicodeScalars
    var start = scalars.startIndex
    var index = start
    while index < scalars.endIndex {
        if scalars[index] == "\n" {
            let end = scalars.index(after: index)
            var contentEnd = index
            if contentEnd > start, scalars[scalars.index(before: contentEnd)] == "\r" {
                contentEnd = scalars.index(before: contentEnd)
            }
            lines.append(TextLine(raw: text[start..<end], content: text[start..<contentEnd]))
            start = end
        }
        index = scalars.index(after: index)
    }
    if start < scalars.endIndex {
        lines.append(TextLine(raw: text[start...], content: text[start...]))
    }
    return lines
}

/// The line terminator a file uses, judged by its first line: `\r\n` or `\n`.
func lineTerminator(of lines: [TextLine]) -> String {
    guard let first = lines.first else { return "\n" }
    return first.raw.hasSuffix("\r\n") ? "\r\n" : "\n"
}

/// An opening code fence: ```` ```kiso setup ````, `~~~`, with up to three spaces of indent.
struct Fence: Sendable {
    /// `` ` `` or `~`.
    let marker: Character
    /// How many markers open the fence; the closing fence needs at least as many.
    let length: Int
    /// Spaces before the fence, removed from the content lines.
    let indent: Int
    /// The words after the fence: the language, then flags.
    let words: [Substring]

    /// The language word (`kiso`, `output`, …), lowercased; empty when there is none.
    var language: String { words.first.map { $0.lowercased() } ?? "" }

    /// Recognises an opening fence.
    static func opening(_ line: Substring) -> Fence? {
        let indent = line.prefix(while: { $0 == " " }).count
        if indent > 3 { return nil }
        let rest = line.dropFirst(indent)
        guard let marker = rest.first, marker == "`" || marker == "~" else { return nil }
        let length = rest.prefix(while: { $0 == marker }).count
        if length < 3 { return nil }
        let info = rest.dropFirst(length)
        // A backtick in the info string would make this an inline code span, not a fence.
        if marker == "`" && info.contains("`") { return nil }
        let words = info.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "{" || $0 == "}" || $0 == "," })
        return Fence(marker: marker, length: length, indent: indent, words: words)
    }

    /// Whether `line` closes this fence.
    func isClosed(by line: Substring) -> Bool {
        let indent = line.prefix(while: { $0 == " " }).count
        if indent > 3 { return false }
        let rest = line.dropFirst(indent)
        let count = rest.prefix(while: { $0 == marker }).count
        if count < length { return false }
        return rest.dropFirst(count).allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// Removes up to the fence's indent of leading spaces from a content line.
    func strip(_ line: Substring) -> Substring {
        var result = line
        var removed = 0
        while removed < indent, result.first == " " {
            result = result.dropFirst()
            removed += 1
        }
        return result
    }
}

/// A fenced block found in a file: the fence and the line indices it spans.
struct FencedBlock: Sendable {
    let fence: Fence
    /// Index of the opening fence line.
    let open: Int
    /// Index of the closing fence line.
    let close: Int
    /// The lines between the fences, with the fence's indent removed.
    let content: [Substring]
}

/// Finds the fence closing the one opened at `open`, or reports it unclosed.
func scanFence(
    _ fence: Fence, openedAt open: Int, in lines: [TextLine], path: String
) throws(NotebookError)
    -> FencedBlock
{
    var index = open + 1
    while index < lines.count {
        if fence.isClosed(by: lines[index].content) {
            let content = lines[(open + 1)..<index].map { fence.strip($0.content) }
            return FencedBlock(fence: fence, open: open, close: index, content: content)
        }
        index += 1
    }
    let opener = String(repeating: fence.marker, count: fence.length) + fence.language
    throw NotebookError(
        path: path, line: open + 1, message: "the \(opener) fence opened here is never closed",
        hint: "end the block with a line of \(String(repeating: fence.marker, count: fence.length))")
}

/// The level and text of an ATX heading (`## Title` → 2, "Title"), or nil.
func atxHeading(_ line: Substring) -> (level: Int, title: String)? {
    let indent = line.prefix(while: { $0 == " " }).count
    if indent > 3 { return nil }
    let rest = line.dropFirst(indent)
    let level = rest.prefix(while: { $0 == "#" }).count
    guard (1...6).contains(level) else { return nil }
    let after = rest.dropFirst(level)
    guard after.isEmpty || after.first == " " || after.first == "\t" else { return nil }
    var title = after.trimmingSpaces()
    // A closing run of #s is decoration, not part of the title.
    if let lastNonHash = title.lastIndex(where: { $0 != "#" }) {
        let trailing = title[title.index(after: lastNonHash)...]
        if !trailing.isEmpty && (title[lastNonHash] == " " || title[lastNonHash] == "\t") {
            title = title[...lastNonHash].trimmingSpaces()
        }
    } else {
        title = ""
    }
    return (level, String(title))
}
