import KisoBase

/// An exercise set (`lessons/NN-slug.md`): one exercise per `##` section, each with prose, a
/// ```` ```kiso solution ```` block, a ```` ```kiso check ```` block of expressions that compare the
/// learner's definitions with the solution's, and `> hint:` lines revealed one at a time.
public struct Lesson: Sendable {
    /// The file, as the caller named it.
    public let path: String
    /// The file's text, exactly.
    public let text: String
    /// The metadata block, when present.
    public let frontMatter: FrontMatter?
    /// The front matter's `title:`, else the first `#` heading, else empty.
    public let title: String
    /// The chapter whose environment the exercises run in: the front matter's `notebook:`.
    public let notebook: String?
    /// Text before the first `##` heading (without front matter), trimmed; may be empty.
    public let introduction: String
    /// The exercises, in order.
    public let exercises: [Exercise]

    /// Parses lesson text; `path` is used only in messages.
    public init(text: String, path: String = "") throws(NotebookError) {
        let lines = splitLines(text)
        let front = try parseFrontMatter(lines, path: path)
        var parser = LessonParser(lines: lines, path: path)
        try parser.parse(from: front?.endLine ?? 0)
        self.path = path
        self.text = text
        self.frontMatter = front?.frontMatter
        self.title = front?.frontMatter.title ?? parser.firstHeading ?? ""
        self.notebook = front?.frontMatter.string("notebook")
        self.introduction = parser.introduction
        self.exercises = parser.exercises
    }

    /// Reads and parses the lesson at `path`.
    public init(contentsOfFile path: String) throws(NotebookLoadError) {
        let text: String
        do { text = try FileSystem.readText(atPath: path) } catch { throw .file(error) }
        do { try self.init(text: text, path: path) } catch { throw .parse(error) }
    }
}

/// One exercise of a lesson.
public struct Exercise: Equatable, Sendable {
    /// Position among the lesson's exercises, from 0.
    public let index: Int
    /// The `##` heading's text.
    public let title: String
    /// 1-based line of the heading.
    public let line: Int
    /// The Markdown text of the exercise (heading, prose, example cells), without the solution,
    /// checks and hints.
    public let prose: String
    /// Code run before the learner's answer (```` ```kiso setup ````), in order.
    public let setup: [LessonCode]
    /// The reference answer.
    public let solution: LessonCode?
    /// One expression per non-blank, non-comment line of the check blocks, each with its block's
    /// options.
    public let checks: [LessonCheck]
    /// The hints, in the order they are revealed.
    public let hints: [String]
    /// Typical wrong answers (```` ```kiso wrong ````) with the diagnosis each must get.
    public let wrongAnswers: [WrongAnswer]

    /// The name the exercise asks for: the first name its solution defines (`cosine` for
    /// `cosine(a, b) = …`), nil without a solution.
    public var functionName: String? {
        guard let source = solution?.source else { return nil }
        for line in source.split(separator: "\n") {
            let trimmed = line.trimmingSpaces()
            var rest = trimmed[...]
            if rest.hasPrefix("def ") { rest = rest.dropFirst(4).trimmingSpaces()[...] }
            let name = rest.prefix(while: { $0 == "_" || $0.isLetter || $0.isNumber })
            guard !name.isEmpty, let first = name.first, !first.isNumber else { continue }
            let after = rest.dropFirst(name.count).trimmingSpaces()
            if after.hasPrefix("(") || after.hasPrefix("=") { return String(name) }
        }
        return nil
    }
}

/// One check: an expression evaluated with the learner's definitions and with the solution's.
public struct LessonCheck: Equatable, Sendable {
    /// The expression.
    public let source: String
    /// 1-based line in the lesson file.
    public let line: Int
    /// The options of the block it came from.
    public let options: CheckOptions
}

/// Options written after ```` ```kiso check ````; they apply to every line of that block.
///
/// - `rtol=R`, `atol=A`: values match when |yours − expected| ≤ atol + rtol·|expected|
///   (defaults 1e-6 and 1e-9);
/// - `forbid=NAME` (repeatable): the answer must not use NAME (a builtin such as `softmax`, or a
///   method), neither directly nor through another function of the learner's;
/// - `noloop`: the answer must not use `for` or `while`;
/// - `sums=S`: the result must sum to S along its last axis (`sums=1` for probabilities).
public struct CheckOptions: Equatable, Sendable {
    /// Relative tolerance.
    public var rtol: Double = 1e-6
    /// Absolute tolerance.
    public var atol: Double = 1e-9
    /// Names the answer must not use.
    public var forbidden: [String] = []
    /// Whether loops are forbidden.
    public var noLoops = false
    /// What the result must sum to along its last axis, when stated.
    public var sums: Double?

    /// The defaults.
    public init() {}

    /// Parses the words after `check`; `line` and `path` locate errors.
    init(words: [Substring], path: String, line: Int) throws(NotebookError) {
        for word in words {
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            let key = parts[0].lowercased()
            let value = parts.count == 2 ? parts[1] : nil
            func number() throws(NotebookError) -> Double {
                guard let value, let x = Double(value), x.isFinite, x >= 0 || key == "sums" else {
                    throw NotebookError(
                        path: path, line: line, message: "check option `\(word)` needs a number, as in \(key)=1e-6",
                        hint: nil)
                }
                return x
            }
            switch (key, value) {
            case ("rtol", _): rtol = try number()
            case ("atol", _): atol = try number()
            case ("sums", _): sums = try number()
            case ("forbid", let name?) where !name.isEmpty: forbidden.append(name)
            case ("noloop", nil): noLoops = true
            default:
                throw NotebookError(
                    path: path, line: line, message: "unknown check option `\(word.prefix(40))`",
                    hint: "the options are rtol=R, atol=A, forbid=NAME, noloop and sums=S")
            }
        }
    }
}

/// A typical wrong answer kept with an exercise, and (part of) the diagnosis it must get.
public struct WrongAnswer: Equatable, Sendable {
    /// The wrong definitions.
    public let source: String
    /// 1-based line of the code's first line.
    public let line: Int
    /// Text the checker's diagnosis must contain (the block's `# diagnosis:` line).
    public let diagnosis: String
}

/// A piece of lesson code and where it is.
public struct LessonCode: Equatable, Sendable {
    /// The code.
    public let source: String
    /// 1-based line of its first line.
    public let line: Int
}

/// Reads a lesson's exercises.
struct LessonParser {
    let lines: [TextLine]
    let path: String
    var exercises: [Exercise] = []
    var introduction = ""
    var firstHeading: String?

    private struct Builder {
        var title: String
        var line: Int
        var prose: [Substring] = []
        var setup: [LessonCode] = []
        var solution: LessonCode?
        var checks: [LessonCheck] = []
        var hints: [String] = []
        var wrongAnswers: [WrongAnswer] = []
    }

    mutating func parse(from start: Int) throws(NotebookError) {
        var index = start
        var introductionLines: [Substring] = []
        var current: Builder?
        var lastLineWasHint = false
        while index < lines.count {
            let content = lines[index].content
            if let fence = Fence.opening(content) {
                let block = try scanFence(fence, openedAt: index, in: lines, path: path)
                lastLineWasHint = false
                let role = fence.language == "kiso" ? fence.words.dropFirst().first?.lowercased() : nil
                let code = LessonCode(source: block.content.joined(separator: "\n"), line: index + 2)
                switch role {
                case "solution"?:
                    guard current != nil else { throw outside("solution", line: index + 1) }
                    if current?.solution != nil {
                        throw NotebookError(
                            path: path, line: index + 1, message: "a second ```kiso solution in one exercise",
                            hint: "each `##` exercise has one solution; start a new `##` section for another")
                    }
                    current?.solution = code
                case "check"?:
                    guard current != nil else { throw outside("check", line: index + 1) }
                    let options = try CheckOptions(words: Array(fence.words.dropFirst(2)), path: path, line: index + 1)
                    for (offset, line) in block.content.enumerated() {
                        let trimmed = line.trimmingSpaces()
                        if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                        current?.checks.append(
                            LessonCheck(source: String(trimmed), line: index + 2 + offset, options: options))
                    }
                case "wrong"?:
                    guard current != nil else { throw outside("wrong", line: index + 1) }
                    let marker = "# diagnosis:"
                    let expected = block.content.compactMap { line -> String? in
                        let trimmed = line.trimmingSpaces()
                        guard trimmed.lowercased().hasPrefix(marker) else { return nil }
                        return String(trimmed.dropFirst(marker.count).trimmingSpaces())
                    }
                    guard let diagnosis = expected.first, !diagnosis.isEmpty else {
                        throw NotebookError(
                            path: path, line: index + 1, message: "a ```kiso wrong block without a `# diagnosis:` line",
                            hint: "say what the checker must answer, e.g. `# diagnosis: the transpose`")
                    }
                    current?.wrongAnswers.append(
                        WrongAnswer(source: code.source, line: code.line, diagnosis: diagnosis))
                case "setup"?:
                    guard current != nil else { throw outside("setup", line: index + 1) }
                    current?.setup.append(code)
                case nil:
                    let text = lines[block.open...block.close].map(\.content)
                    if current == nil { introductionLines += text } else { current?.prose += text }
                case let other?:
                    throw NotebookError(
                        path: path, line: index + 1, message: "unknown lesson block `kiso \(other.prefix(40))`",
                        hint: "a lesson uses ```kiso solution, ```kiso check, ```kiso setup and ```kiso wrong")
                }
                index = block.close + 1
                continue
            }
            let trimmed = content.trimmingSpaces()
            if let heading = atxHeading(content) {
                if heading.level == 1 && firstHeading == nil { firstHeading = heading.title }
                if heading.level == 2 {
                    if let finished = current { finish(finished) }
                    current = Builder(title: heading.title, line: index + 1)
                }
            }
            if trimmed.hasPrefix(">"), current != nil {
                let quoted = trimmed.dropFirst().trimmingSpaces()
                if quoted.lowercased().hasPrefix("hint:") {
                    current?.hints.append(String(quoted.dropFirst(5).trimmingSpaces()))
                    lastLineWasHint = true
                    index += 1
                    continue
                }
                if lastLineWasHint, !quoted.isEmpty, let last = current?.hints.popLast() {
                    current?.hints.append(last + " " + quoted)
                    index += 1
                    continue
                }
            }
            lastLineWasHint = false
            if current == nil { introductionLines.append(content) } else { current?.prose.append(content) }
            index += 1
        }
        if let finished = current { finish(finished) }
        introduction = trimmedJoin(introductionLines[...])
    }

    private mutating func finish(_ builder: Builder) {
        exercises.append(
            Exercise(
                index: exercises.count, title: builder.title, line: builder.line,
                prose: trimmedJoin(builder.prose[...]), setup: builder.setup, solution: builder.solution,
                checks: builder.checks, hints: builder.hints, wrongAnswers: builder.wrongAnswers))
    }

    private func outside(_ role: String, line: Int) -> NotebookError {
        NotebookError(
            path: path, line: line, message: "a ```kiso \(role) block before the first `##` exercise",
            hint: "put each exercise under a `## Title` heading")
    }

    private func trimmedJoin(_ lines: ArraySlice<Substring>) -> String {
        var slice = lines
        while let first = slice.first, first.trimmingSpaces().isEmpty { slice.removeFirst() }
        while let last = slice.last, last.trimmingSpaces().isEmpty { slice.removeLast() }
        return slice.joined(separator: "\n")
    }
}
