import KisoBase

/// Fills styled runs into lines of a given width, breaking at spaces and between wide (CJK)
/// characters, never before closing punctuation such as 、 or 。.
struct TextWrapper {
    let style: TextStyle

    /// A unit that is never split (unless longer than a whole line).
    private struct Word {
        var pieces: [(text: String, kind: InlineRun.Kind)] = []
        var width = 0
        var spaceBefore = false

        var isEmpty: Bool { pieces.isEmpty }

        mutating func append(_ character: Character, _ kind: InlineRun.Kind) {
            if let last = pieces.last, last.kind == kind {
                pieces[pieces.count - 1].text.append(character)
            } else {
                pieces.append((String(character), kind))
            }
            width += DisplayWidth.of(character)
        }
    }

    private static let noBreakBefore: Set<Character> = [
        "、", "。", "，", "．", "）", "」", "』", "】", "〉", "》", "！", "？", "：", "；", "ー", "ゃ", "ゅ", "ょ", "っ",
        ",", ".", ")", "!", "?", ":", ";", "]", "…",
    ]

    private func words(_ runs: [InlineRun]) -> [Word] {
        var words: [Word] = []
        var current = Word()
        var pendingSpace = false
        func finish() {
            if !current.isEmpty { words.append(current) }
            current = Word()
        }
        for run in runs {
            // Spaces inside code and formulas do not break: `a @ b` stays on one line.
            let keepsSpaces = run.kind == .code || run.kind == .math
            for character in run.text {
                if character == " " || character == "\t" || character == "\n" {
                    if keepsSpaces && !current.isEmpty {
                        current.append(" ", run.kind)
                    } else {
                        finish()
                        pendingSpace = true
                    }
                    continue
                }
                let wide = DisplayWidth.of(character) == 2
                if wide && !current.isEmpty && !TextWrapper.noBreakBefore.contains(character) {
                    finish()
                }
                if current.isEmpty {
                    current.spaceBefore = pendingSpace
                    pendingSpace = false
                }
                current.append(character, run.kind)
                if wide && !keepsSpaces { finish() }
            }
        }
        finish()
        // Closing punctuation after a wide character rides with it.
        var glued: [Word] = []
        for word in words {
            if let last = glued.last, !word.spaceBefore, let first = word.pieces.first?.text.first,
                TextWrapper.noBreakBefore.contains(first) || (last.width > 0 && !isWideEnd(last) && !isWideStart(word))
            {
                glued[glued.count - 1].pieces += word.pieces
                glued[glued.count - 1].width += word.width
            } else {
                glued.append(word)
            }
        }
        return glued
    }

    private func isWideEnd(_ word: Word) -> Bool {
        guard let character = word.pieces.last?.text.last else { return false }
        return DisplayWidth.of(character) == 2
    }

    private func isWideStart(_ word: Word) -> Bool {
        guard let character = word.pieces.first?.text.first else { return false }
        return DisplayWidth.of(character) == 2
    }

    func styled(_ text: String, _ kind: InlineRun.Kind) -> String {
        switch kind {
        case .plain: text
        case .strong: style.bold(text)
        case .emphasis: style.italic(text)
        case .strongEmphasis: style.apply("1;3", text)
        case .code: style.enabled ? style.cyan(text) : text
        case .math: text
        case .link: style.underline(text)
        case .dim: style.dim(text)
        }
    }

    /// Wraps the runs to `width` columns. The first line starts with `firstPrefix`, the others with
    /// `restPrefix` (the hanging indent of a list item or the bar of a quote).
    func wrap(_ runs: [InlineRun], width: Int, firstPrefix: String = "", restPrefix: String = "") -> [String] {
        let codeRuns =
            style.enabled
            ? runs
            : runs.map { run in
                run.kind == .code ? InlineRun(text: "`\(run.text)`", kind: .code) : run
            }
        var lines: [String] = []
        var line = firstPrefix
        var lineWidth = 0
        var prefixWidth = DisplayWidth.of(firstPrefix)
        let available = { (prefix: Int) in max(10, width - prefix) }
        func newLine() {
            lines.append(line)
            line = restPrefix
            lineWidth = 0
            prefixWidth = DisplayWidth.of(restPrefix)
        }
        for word in words(codeRuns) {
            let separator = word.spaceBefore && lineWidth > 0 ? 1 : 0
            if lineWidth > 0 && lineWidth + separator + word.width > available(prefixWidth) {
                newLine()
            } else if separator == 1 {
                line += " "
                lineWidth += 1
            }
            if word.width <= available(prefixWidth) - lineWidth {
                for piece in word.pieces { line += styled(piece.text, piece.kind) }
                lineWidth += word.width
                continue
            }
            // Longer than a whole line: break it by characters.
            for piece in word.pieces {
                var chunk = ""
                for character in piece.text {
                    let characterWidth = DisplayWidth.of(character)
                    if lineWidth + characterWidth > available(prefixWidth) && lineWidth > 0 {
                        line += styled(chunk, piece.kind)
                        chunk = ""
                        newLine()
                    }
                    chunk.append(character)
                    lineWidth += characterWidth
                }
                line += styled(chunk, piece.kind)
            }
        }
        if lineWidth > 0 || lines.isEmpty { lines.append(line) }
        return lines.map { String(Substring($0).droppingTrailingSpaces()) }
    }
}

extension Substring {
    func droppingTrailingSpaces() -> Substring {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}

/// Plain text filled into lines at word boundaries: for hints and messages that would otherwise
/// be broken mid-word by the terminal.
public enum WordWrap {
    /// `text` in lines of at most `width` columns (a word longer than a line is broken), the
    /// first starting with `firstPrefix`, the others with `restPrefix`. Line breaks in `text`
    /// are kept.
    public static func lines(
        _ text: String, width: Int, firstPrefix: String = "", restPrefix: String = ""
    )
        -> [String]
    {
        let wrapper = TextWrapper(style: .plain)
        var result: [String] = []
        for (index, paragraph) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let runs = [InlineRun(text: String(paragraph), kind: .plain)]
            result += wrapper.wrap(
                runs, width: width, firstPrefix: index == 0 ? firstPrefix : restPrefix, restPrefix: restPrefix)
        }
        return result
    }
}
