
/// A piece of inline Markdown after parsing: its text and how it is shown.
struct InlineRun: Equatable {
    enum Kind: Equatable {
        case plain, strong, emphasis, strongEmphasis, code, math, link, dim
    }

    var text: String
    var kind: Kind
}

/// Parses inline Markdown: `code`, $math$, **strong**, *emphasis*, _emphasis_, [links](url), escapes.
enum InlineMarkdown {
    static func parse(_ text: String) -> [InlineRun] {
        var runs: [InlineRun] = []
        // Code spans first: nothing inside them is Markdown or math.
        for piece in codeSpans(text) {
            switch piece {
            case .code(let code): runs.append(InlineRun(text: code, kind: .code))
            case .text(let plain):
                for span in MathText.spans(in: plain) {
                    switch span {
                    case .math(let latex, let display):
                        runs.append(InlineRun(text: MathText.render(latex, display: display), kind: .math))
                    case .text(let prose):
                        runs += emphasis(Array(prose), kind: .plain, depth: 0)
                    }
                }
            }
        }
        return merge(runs)
    }

    private enum CodePiece {
        case text(String)
        case code(String)
    }

    private static func codeSpans(_ text: String) -> [CodePiece] {
        let characters = Array(text)
        var pieces: [CodePiece] = []
        var plain = ""
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "\\" && index + 1 < characters.count && characters[index + 1] == "`" {
                plain += "\\`"
                index += 2
                continue
            }
            guard character == "`" else {
                plain.append(character)
                index += 1
                continue
            }
            var run = 0
            while index + run < characters.count && characters[index + run] == "`" { run += 1 }
            // Find a closing run of exactly the same length.
            var search = index + run
            var closing: Int?
            while search < characters.count {
                if characters[search] == "`" {
                    var length = 0
                    while search + length < characters.count && characters[search + length] == "`" { length += 1 }
                    if length == run {
                        closing = search
                        break
                    }
                    search += length
                } else {
                    search += 1
                }
            }
            guard let close = closing else {
                plain += String(characters[index..<(index + run)])
                index += run
                continue
            }
            if !plain.isEmpty { pieces.append(.text(plain)) }
            plain = ""
            var code = String(characters[(index + run)..<close])
            if code.count >= 2 && code.first == " " && code.last == " " && code.contains(where: { $0 != " " }) {
                code = String(code.dropFirst().dropLast())
            }
            pieces.append(.code(code))
            index = close + run
        }
        if !plain.isEmpty { pieces.append(.text(plain)) }
        return pieces
    }

    private static func emphasis(_ characters: [Character], kind: InlineRun.Kind, depth: Int) -> [InlineRun] {
        var runs: [InlineRun] = []
        var plain = ""
        var index = 0
        // Markers whose search for a closer already ran off the end: a later opener of the same
        // kind cannot find one either, so `**a **a **a …` stays linear.
        var unclosable: Set<String> = []
        func flush() {
            if !plain.isEmpty { runs.append(InlineRun(text: plain, kind: kind)) }
            plain = ""
        }
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count,
                characters[index + 1].isPunctuation
                    || characters[index + 1].isSymbol
            {
                plain.append(characters[index + 1])
                index += 2
                continue
            }
            let strongOpener = index + 1 < characters.count && characters[index + 1] == character
            if depth < 8, character == "*" || character == "_",
                !unclosable.contains("\(character)\(strongOpener)"),
                let match = delimited(characters, at: index, marker: character, unclosable: &unclosable)
            {
                flush()
                let inner = Array(characters[match.contentStart..<match.contentEnd])
                let innerKind: InlineRun.Kind
                switch (kind, match.strong) {
                case (.strong, false), (.emphasis, true), (.strongEmphasis, _): innerKind = .strongEmphasis
                case (_, true): innerKind = .strong
                case (_, false): innerKind = .emphasis
                }
                runs += emphasis(inner, kind: innerKind, depth: depth + 1)
                index = match.end
                continue
            }
            if character == "[" || (character == "!" && index + 1 < characters.count && characters[index + 1] == "[") {
                if let link = self.link(characters, at: index) {
                    flush()
                    if link.image {
                        runs.append(InlineRun(text: "[image: \(link.text)]", kind: .dim))
                    } else {
                        runs.append(InlineRun(text: link.text, kind: .link))
                        if link.url != link.text && !link.url.isEmpty {
                            runs.append(InlineRun(text: " (\(link.url))", kind: .dim))
                        }
                    }
                    index = link.end
                    continue
                }
            }
            plain.append(character)
            index += 1
        }
        flush()
        return runs
    }

    private struct Delimited {
        let contentStart: Int
        let contentEnd: Int
        let end: Int
        let strong: Bool
    }

    private static func delimited(
        _ characters: [Character], at index: Int, marker: Character, unclosable: inout Set<String>
    ) -> Delimited? {
        let strong = index + 1 < characters.count && characters[index + 1] == marker
        let width = strong ? 2 : 1
        let start = index + width
        guard start < characters.count, !characters[start].isWhitespace else { return nil }
        // An underscore inside a word (snake_case) is not emphasis.
        if marker == "_" && index > 0 && (characters[index - 1].isLetter || characters[index - 1].isNumber) {
            return nil
        }
        var search = start
        while search + width <= characters.count {
            if characters[search] == "\\" {
                search += 2
                continue
            }
            let closes = (0..<width).allSatisfy { characters[search + $0] == marker }
            if closes && search > start && !characters[search - 1].isWhitespace {
                let after = search + width
                // `**a*` must not close a strong run with a single star.
                let followedBySame = after < characters.count && characters[after] == marker
                let wordAfter =
                    marker == "_" && after < characters.count
                    && (characters[after].isLetter || characters[after].isNumber)
                if !followedBySame && !wordAfter {
                    return Delimited(contentStart: start, contentEnd: search, end: after, strong: strong)
                }
            }
            search += 1
        }
        unclosable.insert("\(marker)\(strong)")
        return nil
    }

    private static func link(
        _ characters: [Character], at index: Int
    ) -> (text: String, url: String, image: Bool, end: Int)? {
        let image = characters[index] == "!"
        let open = image ? index + 1 : index
        guard let closeBracket = characters[open...].firstIndex(of: "]"), closeBracket + 1 < characters.count,
            characters[closeBracket + 1] == "(", let closeParen = characters[(closeBracket + 1)...].firstIndex(of: ")")
        else { return nil }
        let text = String(characters[(open + 1)..<closeBracket])
        let url = String(characters[(closeBracket + 2)..<closeParen]).trimmingCharacters()
        return (text, url, image, closeParen + 1)
    }

    private static func merge(_ runs: [InlineRun]) -> [InlineRun] {
        var merged: [InlineRun] = []
        for run in runs where !run.text.isEmpty {
            if let last = merged.last, last.kind == run.kind {
                merged[merged.count - 1].text += run.text
            } else {
                merged.append(run)
            }
        }
        return merged
    }
}
