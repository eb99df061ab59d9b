import KisoBase
import KisoLang
import KisoNotebook
import KisoTerminal

/// `kiso step`: a notebook shown section by section in the terminal.
///
/// Prose is rendered to the window's width (math as Unicode). Each cell is shown, then run when
/// the learner presses Enter, with its output below. At the `step>` prompt:
///
/// - Enter or `n`: run the cell shown; at the end of a section, go to the next one;
/// - `b`: back to the previous section (the cells before it are replayed into a fresh session);
/// - `r`: run the last cell again (or, when none has run in this section, the cell shown);
/// - `e`: edit the cell shown (or, at the end of a section, the last one) line by line in
///   readline, pre-filled with its code, then run the edited code;
/// - `q`: quit; anything else runs as Kiso code in the notebook's session.
///
/// A bare letter that names a variable is the variable; `:b` and the other colon forms are always
/// keys (StepScreen+Keys.swift). At the end the screen offers the lesson and the next chapter
/// (StepScreen+Ending.swift).
///
/// Setup cells run without being shown. The section reached is remembered (``ProgressStore``)
/// and the next `kiso step` of the same chapter resumes there, replaying the earlier cells first.
final class StepScreen {
    /// What the learner asked for at the prompt.
    enum Action: Hashable {
        case next, back, rerun, edit, quit
        /// The chapter's lesson (at the end of the chapter).
        case exercises
        /// Show the key line again.
        case keys
        /// A `:word` that is no key.
        case unknownKey(String)
        case code(String)
    }

    /// Where a section left the walk.
    enum Outcome {
        case next, back, quit
    }

    /// The notebook walked through.
    let notebook: Notebook
    /// Its key in the progress file (the chapter's file stem).
    let key: String
    /// Colour on a terminal, none with `NO_COLOR`.
    let style: TextStyle
    /// Renders errors in that style.
    let presenter: ErrorPresenter
    /// Renders the prose to the window's width.
    let renderer: MarkdownRenderer
    /// readline, for keys, code and editing.
    let editor: LineEditor
    /// Where each notebook was left.
    var progress: ProgressStore
    /// The notebook's session; replaced when going back.
    var session: Session
    /// The index of the first cell not run yet in this walk (cells run in order).
    var frontier = 0
    private let completionSession: SessionBox
    private let mute = Mute()

    /// Silences a session's `print` while earlier cells are replayed.
    final class Mute {
        var on = false
    }

    /// Lets the completer, created once, follow the session as `b` replaces it.
    final class SessionBox {
        var session: Session
        init(_ session: Session) { self.session = session }
    }

    /// A screen for `notebook`, remembering its place under `key` (the chapter's file stem).
    init(notebook: Notebook, key: String) {
        self.notebook = notebook
        self.key = key
        style = TextStyle.automatic
        presenter = ErrorPresenter(style: style, width: Terminal.width)
        renderer = MarkdownRenderer(width: min(Terminal.width, 100), style: style)
        progress = ProgressStore(path: ProgressStore.defaultPath())
        session = StepScreen.makeSession(mute: mute, directory: FileSystem.directoryName(of: notebook.path))
        let box = SessionBox(session)
        completionSession = box
        // Keys like `n` and `q` would crowd the REPL's history, so the screen keeps its own in memory.
        editor = LineEditor(
            historyPath: nil,
            completer: { prefix, line in Completion.candidates(prefix: prefix, line: line, session: box.session) })
        InterruptHandling.install()
    }

    private static func makeSession(mute: Mute, directory: String) -> Session {
        let live = TerminalLiveDisplay(display: { PlotSettings.terminal }, enabled: { !mute.on })
        let session = Session(output: { text in
            guard !mute.on else { return }
            live.clear()
            StandardStreams.write(text)
        })
        session.directory = directory
        session.plotDisplay = PlotSettings.terminal
        if Terminal.outputIsTerminal { session.liveDisplay = live }
        return session
    }

    /// Walks through the notebook; returns the exit status.
    func run() -> Int32 {
        let sections = notebook.sections
        guard !sections.isEmpty else {
            StandardStreams.writeLine("\(notebook.path) has nothing to step through")
            return 0
        }
        // Progress is kept under the notebook's whole path: two notebooks with the same file name
        // in different folders must not share a place.
        let progressKey = FileSystem.absolutePath(FileSystem.resolvedTarget(notebook.path))
        var index = progress.section(for: progressKey) ?? 0
        if index >= sections.count { index = 0 }
        StandardStreams.writeLine(style.bold(notebook.title.isEmpty ? key : notebook.title))
        writeNote("\(sections.count) sections · " + keyLine)
        if index > 0 {
            StandardStreams.writeLine(
                style.dim("Resuming at section \(index + 1) of \(sections.count); replaying the cells before it…"))
            replay(before: index)
        }
        while index < sections.count {
            try? progress.setSection(index, for: progressKey)
            switch show(sections[index]) {
            case .next:
                index += 1
            case .back:
                index = max(0, index - 1)
                restart(at: index)
            case .quit:
                StandardStreams.writeLine(
                    style.dim("Your place is saved: `kiso step \(key)` resumes at section \(index + 1)."))
                return 0
            }
        }
        try? progress.remove(key)
        StandardStreams.writeLine(style.bold("End of \(title)."))
        return endOfChapter()
    }

    /// A fresh session with the cells before section `index` replayed.
    private func restart(at index: Int) {
        session = StepScreen.makeSession(mute: mute, directory: FileSystem.directoryName(of: notebook.path))
        completionSession.session = session
        replay(before: index)
    }

    /// Runs the cells before section `index` without showing them or their output.
    private func replay(before index: Int) {
        for cell in notebook.cells(before: index) { runSilently(cell) }
        frontier = notebook.sections.prefix(index).flatMap(\.cellIndices).map { $0 + 1 }.max() ?? 0
    }

    /// Runs a cell without showing it; only an unexpected error is shown.
    private func runSilently(_ cell: Cell) {
        mute.on = true
        let result = session.run(cell.source, origin: origin, unit: "cell \(cell.number)")
        mute.on = false
        if !result.errors.isEmpty && !cell.flags.contains(.error) {
            showError(presenter.text(for: result.errors, source: cell.source))
        }
    }

    /// Errors in cells are located within the cell, as `kiso run` records them.
    private let origin = SessionEvaluator.origin

    private func show(_ section: Section) -> Outcome {
        StandardStreams.writeLine()
        StandardStreams.writeLine(
            style.dim("── section \(section.index + 1) of \(notebook.sections.count) ") + "\n")
        var lastRun: String? = nil
        var lastUnit: String? = nil
        for item in section.items {
            switch item {
            case .prose(let text):
                let rendered = renderer.render(text)
                if !rendered.trimmed().isEmpty { StandardStreams.writeLine(rendered + "\n") }
            case .cell(let cellIndex):
                guard cellIndex >= 0, cellIndex < notebook.cells.count else { continue }
                let cell = notebook.cells[cellIndex]
                if cell.flags.contains(.setup) {
                    runSilently(cell)
                    frontier = max(frontier, cellIndex + 1)
                    continue
                }
                display(cell.source)
                let unit = "cell \(cell.number)"
                pending: while true {
                    switch ask() {
                    case .next:
                        frontier = max(frontier, cellIndex + 1)
                        runCell(cell.source, unit: unit)
                        (lastRun, lastUnit) = (cell.source, unit)
                        break pending
                    case .rerun:
                        if let last = lastRun {
                            runCell(last, unit: lastUnit)
                        } else {
                            frontier = max(frontier, cellIndex + 1)
                            runCell(cell.source, unit: unit)
                            (lastRun, lastUnit) = (cell.source, unit)
                            break pending
                        }
                    case .edit:
                        guard let edited = edit(cell.source) else { continue }
                        frontier = max(frontier, cellIndex + 1)
                        runCell(edited, unit: unit)
                        (lastRun, lastUnit) = (edited, unit)
                        break pending
                    case .back: return .back
                    case .quit: return .quit
                    case .code(let code): runCode(code)
                    case .keys, .exercises, .unknownKey: continue
                    }
                }
            }
        }
        while true {
            switch ask() {
            case .next: return .next
            case .rerun:
                if let last = lastRun { runCell(last, unit: lastUnit) }
            case .edit:
                if let last = lastRun, let edited = edit(last) {
                    runCell(edited, unit: lastUnit)
                    lastRun = edited
                }
            case .back: return .back
            case .quit: return .quit
            case .code(let code): runCode(code)
            case .keys, .exercises, .unknownKey: continue
            }
        }
    }

    /// Shows a cell's code in a gutter; a line wider than the window continues on the next
    /// lines behind a dotted gutter, so no line is broken by the terminal at a random column.
    private func display(_ source: String) {
        let width = Swift.max(20, Terminal.width - 4)
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            for (index, piece) in Self.codePieces(String(line), width: width).enumerated() {
                StandardStreams.writeLine(style.dim(index == 0 ? "  │ " : "  ┆   ") + style.cyan(piece))
            }
        }
    }

    /// `line` cut into pieces of at most `width` columns (continuations 2 narrower, for their
    /// indent), preferring to cut after a space or comma.
    static func codePieces(_ line: String, width: Int) -> [String] {
        var pieces: [String] = []
        var rest = Substring(line)
        var limit = width
        while DisplayWidth.of(String(rest)) > limit {
            var taken = 0
            var cut = rest.startIndex
            var lastBreak: String.Index? = nil
            var index = rest.startIndex
            while index < rest.endIndex {
                let w = DisplayWidth.of(rest[index])
                if taken + w > limit { break }
                taken += w
                index = rest.index(after: index)
                cut = index
                if rest[rest.index(before: index)] == " " || rest[rest.index(before: index)] == "," {
                    lastBreak = index
                }
            }
            if let lastBreak, rest.distance(from: rest.startIndex, to: lastBreak) > 8 { cut = lastBreak }
            guard cut > rest.startIndex else { break }
            var piece = rest[..<cut]
            while piece.last == " " { piece.removeLast() }
            pieces.append(String(piece))
            rest = rest[cut...]
            limit = width - 2
        }
        pieces.append(String(rest))
        return pieces
    }

    /// Reads what the learner wants: a key, or Kiso code (continued over lines while incomplete).
    /// `allowed` are the keys that mean something here; `:keys` and unknown `:words` are
    /// answered here and never returned.
    func ask(allowed: Set<Action> = [.next, .back, .rerun, .edit, .quit]) -> Action {
        StandardStreams.flush()
        while true {
            let first: String
            switch editor.read(prompt: "step> ") {
            case .line(let line): first = line
            case .interrupted: continue
            case .endOfInput:
                StandardStreams.writeLine()
                return .quit
            }
            let action = key(for: first) { letter in
                writeNote("(`\(letter)` is a variable here, so it is shown; the key is :\(letter))")
            }
            switch action {
            case .keys?:
                writeNote(keyLine)
                continue
            case .unknownKey(let word)?:
                StandardStreams.writeLine(style.dim("\(word) is not a key here; :keys lists them"))
                continue
            case let action? where allowed.contains(action):
                return action
            case _?:
                StandardStreams.writeLine(style.dim("\(first.trimmed()) means nothing here; :keys lists the keys"))
                continue
            case nil:
                break
            }
            var lines = [first]
            while !session.isComplete(lines.joined(separator: "\n")) {
                guard let more = editor.readLine(prompt: REPL.continuationPrompt) else { break }
                lines.append(more)
            }
            return .code(lines.joined(separator: "\n"))
        }
    }

    /// Edits `source` line by line, each pre-filled; nil when the learner pressed Ctrl-C or Ctrl-D.
    private func edit(_ source: String) -> String? {
        let original = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var lines: [String] = []
        for (index, line) in original.enumerated() {
            let prompt = original.count == 1 ? "edit> " : "edit \(index + 1)/\(original.count)> "
            switch editor.read(prompt: prompt, prefill: line) {
            case .line(let edited): lines.append(edited)
            case .interrupted, .endOfInput: return nil
            }
        }
        while !session.isComplete(lines.joined(separator: "\n")) {
            guard let more = editor.readLine(prompt: REPL.continuationPrompt) else { return nil }
            lines.append(more)
        }
        return lines.joined(separator: "\n")
    }

    /// Runs a cell's code as a notebook does (only the last expression echoes) and shows its output.
    private func runCell(_ source: String, unit: String?) {
        session.echoEachExpression = false
        show(session.run(source, origin: origin, unit: unit), source: source)
    }

    /// Runs a line typed at the prompt as the REPL does (every expression echoes).
    func runCode(_ source: String) {
        session.echoEachExpression = true
        let result = session.run(source)
        show(result, source: source, note: aheadNote(for: result))
    }

    /// Shows a run's echo or errors, then `note` under them, then a blank line.
    private func show(_ result: RunResult, source: String, note: String? = nil) {
        if let echo = result.echo { StandardStreams.writeLine(echo) }
        if !result.errors.isEmpty {
            // The terminal echoed ^C without a newline.
            if result.error?.kind == .interrupted { StandardStreams.writeLine() }
            showError(presenter.text(for: result.errors, source: source))
        }
        if let note {
            StandardStreams.flush()
            writeNote(note)
        }
        StandardStreams.writeLine()
        StandardStreams.flush()
    }

    private func showError(_ text: String) {
        StandardStreams.writeError(text)
    }
}
