import KisoBase
import KisoLang
import KisoLesson
import KisoNotebook
import KisoTerminal

/// `kiso lesson`: the REPL, in a session that has run the chapter's code and the lesson's setup,
/// with commands to move between exercises, check answers, take hints and see the model answer.
///
/// What the learner defines (inputs that only assign or define, and files they `:load`) is kept
/// as their answer; `:check` runs it in a fresh copy of the chapter's state beside the solution
/// (``AnswerChecker``). Progress is saved in ``LessonProgress`` after every change.
final class LessonSession {
    /// A lesson command, or nil for anything else.
    enum Command: Equatable {
        case check, hint, next, previous, list, solution, help
        case exercise(Int)
        case load(String)
        case invalid(String)

        /// The commands, their arguments and what they do, as `:help` lists them.
        static let catalog: [(name: String, argument: String, summary: String)] = [
            ("check", "", "check your answer to this exercise"),
            ("hint", "", "the next hint"),
            ("next", "", "the next exercise"),
            ("prev", "", "the previous exercise"),
            ("exercise", "N", "go to exercise N"),
            ("list", "", "every exercise with your progress"),
            ("solution", "", "the model answer (after a failed check, or when you confirm)"),
            ("load", "FILE", "run a file of definitions and keep them as your answer"),
        ]

        /// The lesson command `entry` names; nil when it is code or another REPL command.
        static func parse(_ entry: String) -> Command? {
            let text = entry.trimmed()
            guard text.hasPrefix(":") else { return nil }
            let body = text.dropFirst()
            let name = String(body.prefix(while: { $0 != " " && $0 != "\t" }))
            let argument = String(body.dropFirst(name.count)).trimmed()
            switch name {
            case "check": return .check
            case "hint": return .hint
            case "next", "n": return .next
            case "prev", "previous", "p": return .previous
            case "list", "l": return .list
            case "solution": return .solution
            case "help", "h": return argument.isEmpty ? .help : nil
            case "exercise", "ex", "e":
                guard let number = Int(argument) else {
                    return .invalid("`:exercise` needs the exercise's number: :exercise 2")
                }
                return .exercise(number)
            case "load":
                return argument.isEmpty ? .invalid("`:load` needs a file: :load answers.kiso") : .load(argument)
            default: return nil
            }
        }
    }

    private let opened: LessonHome.Opened
    private let repl: REPL
    private let checker: AnswerChecker
    private let renderer: MarkdownRenderer
    private var progress: LessonProgress
    private var index: Int
    /// The learner's definitions, in the order they ran.
    private var answers: [LearnerCode] = []
    /// The line the next recorded answer is numbered from, so each piece has its own lines.
    private var nextLine = 1
    /// Exercises whose model answer the learner asked for once; the second ask confirms.
    private var solutionAsked: Set<Int> = []

    private var lesson: Lesson { opened.lesson }
    private var key: String { opened.entry.stem }
    private var style: TextStyle { repl.style }

    /// A session for an opened lesson, at the exercise the learner was at.
    init(opened: LessonHome.Opened) {
        self.opened = opened
        repl = REPL()
        checker = AnswerChecker(lesson: opened.lesson, chapter: opened.chapter)
        renderer = MarkdownRenderer(width: min(Terminal.width, 100), style: TextStyle.automatic)
        progress = LessonProgress(path: LessonProgress.defaultPath())
        let count = opened.lesson.exercises.count
        index = min(max(progress.position(lesson: opened.entry.stem) ?? 0, 0), max(count - 1, 0))
    }

    /// Runs until `:quit` or Ctrl-D; returns the exit status.
    func run() -> Int32 {
        guard !lesson.exercises.isEmpty else {
            StandardStreams.writeLine("\(lesson.path) has no exercises")
            return 0
        }
        StandardStreams.writeLine(style.bold(lesson.title.isEmpty ? key : lesson.title))
        prepare()
        StandardStreams.writeLine(
            style.dim(
                "\(lesson.exercises.count) exercises · type your definition, then :check · :hint · :next · "
                    + ":list · :help · Ctrl-D quits"))
        show()
        let session = repl.session
        while true {
            StandardStreams.flush()
            guard
                let entry = repl.editor.readEntry(
                    prompt: "\(index + 1)> ", continuationPrompt: REPL.continuationPrompt,
                    isComplete: { MetaCommand.isMeta($0) || session.isComplete($0) })
            else {
                StandardStreams.writeLine()
                return 0
            }
            if entry.trimmed().isEmpty { continue }
            if let command = Command.parse(entry) {
                perform(command)
            } else if let command = MetaCommand.parse(entry) {
                if command == .quit { return 0 }
                repl.perform(command)
            } else if repl.evaluate(entry), Session.onlyDefines(entry) {
                record(LearnerCode(source: entry, origin: "<input>", line: nextLine, shownLine: 1))
            }
        }
    }

    /// Runs the chapter's cells and every exercise's setup, without showing their output.
    private func prepare() {
        repl.capture.muted = true
        defer { repl.capture.muted = false }
        if let chapter = opened.chapter {
            StandardStreams.writeLine(style.dim("running the chapter \(chapter.title.isEmpty ? key : chapter.title)…"))
            // The chapter's relative paths start at its folder, as in `kiso run`; the learner's at theirs.
            let learnerDirectory = repl.session.directory
            repl.session.directory = FileSystem.directoryName(of: chapter.path)
            for cell in chapter.cells where !cell.flags.contains(.error) {
                _ = repl.session.run(cell.source, origin: SessionEvaluator.origin)
            }
            repl.session.directory = learnerDirectory
        }
        for exercise in lesson.exercises {
            for code in exercise.setup { _ = repl.session.run(code.source, origin: lesson.path, line: code.line) }
        }
    }

    private func record(_ code: LearnerCode) {
        answers.append(code)
        nextLine += code.source.split(separator: "\n", omittingEmptySubsequences: false).count
    }

    private func perform(_ command: Command) {
        switch command {
        case .check: check()
        case .hint: hint()
        case .next: move(to: index + 1)
        case .previous: move(to: index - 1)
        case .exercise(let number): move(to: number - 1)
        case .list: list()
        case .solution: solution()
        case .help: help()
        case .load(let path): load(path)
        case .invalid(let message): repl.showError(style.red(message))
        }
    }

    private var exercise: Exercise { lesson.exercises[index] }

    private func save(_ change: (inout ExerciseProgress) -> Void) {
        do { try progress.update(lesson: key, exercise: exercise.key, change) } catch {
            repl.showError(style.dim("progress not saved: \(error.description)"))
        }
    }

    /// Shows the current exercise: its number, heading and prose.
    private func show() {
        let done = progress.progress(lesson: key, exercise: exercise.key).done
        StandardStreams.writeLine()
        StandardStreams.writeLine(
            style.dim("── exercise \(index + 1) of \(lesson.exercises.count)\(done ? " ✓ done" : "") ") + "\n")
        StandardStreams.writeLine(renderer.render(exercise.prose) + "\n")
        StandardStreams.flush()
    }

    private func move(to target: Int) {
        guard target >= 0, target < lesson.exercises.count else {
            repl.showError(
                style.red(
                    target < 0
                        ? "this is the first exercise"
                        : "there is no exercise \(target + 1): this lesson has \(lesson.exercises.count)"))
            return
        }
        index = target
        do { try progress.setPosition(index, lesson: key) } catch {
            repl.showError(style.dim("progress not saved: \(error.description)"))
        }
        show()
    }

    private func check() {
        let outcome = checker.check(exercise, answers: answers)
        switch outcome.status {
        case .passed:
            save {
                $0.attempts += 1
                $0.done = true
            }
            let count = exercise.checks.count
            StandardStreams.writeLine(
                style.green("✓ ") + "\(exercise.key) passes \(count == 1 ? "the check" : "all \(count) checks")")
            if index + 1 < lesson.exercises.count {
                StandardStreams.writeLine(style.dim("on to the next exercise with :next"))
            } else {
                StandardStreams.writeLine(style.dim("that was the last exercise; :list shows them all"))
            }
        case .failed, .timedOut:
            save { $0.attempts += 1 }
            let diagnosis = WordWrap.lines(
                outcome.diagnosis ?? "the check failed", width: Terminal.width, firstPrefix: "✗ ", restPrefix: "  ")
            repl.showError(style.red("✗ ") + diagnosis.joined(separator: "\n").dropFirst(2))
            let hints = progress.progress(lesson: key, exercise: exercise.key).hints
            if hints < exercise.hints.count { StandardStreams.writeLine(style.dim(":hint gives a hint")) }
        case .lessonError:
            repl.showError(style.red("the lesson itself is wrong here: ") + (outcome.diagnosis ?? ""))
        }
    }

    private func hint() {
        let used = progress.progress(lesson: key, exercise: exercise.key).hints
        guard !exercise.hints.isEmpty else {
            StandardStreams.writeLine("this exercise has no hints")
            return
        }
        let shown = min(used, exercise.hints.count - 1)
        if used < exercise.hints.count { save { $0.hints = used + 1 } }
        // The label has its own line, so the hint below it wraps at words to the full width.
        StandardStreams.writeLine(style.cyan("hint \(shown + 1) of \(exercise.hints.count):"))
        StandardStreams.writeLine(renderer.render(exercise.hints[shown]))
        if used >= exercise.hints.count {
            StandardStreams.writeLine(style.dim("that was the last hint; :solution shows the model answer"))
        }
    }

    private func solution() {
        guard let solution = exercise.solution else {
            StandardStreams.writeLine("this exercise has no model answer")
            return
        }
        let state = progress.progress(lesson: key, exercise: exercise.key)
        let triedAndFailed = state.attempts > 0 && !state.done
        if !triedAndFailed && !state.done && !state.sawSolution && !solutionAsked.contains(index) {
            solutionAsked.insert(index)
            StandardStreams.writeLine(
                "You have not checked an answer yet. Type :solution again to see the model answer anyway.")
            return
        }
        save { $0.sawSolution = true }
        StandardStreams.writeLine(style.bold("A model answer:"))
        for line in solution.source.split(separator: "\n", omittingEmptySubsequences: false) {
            StandardStreams.writeLine(style.dim("  │ ") + style.cyan(String(line)))
        }
    }

    private func list() {
        for (number, item) in lesson.exercises.enumerated() {
            let state = progress.progress(lesson: key, exercise: item.key)
            var notes: [String] = []
            if state.attempts > 0 { notes.append("\(state.attempts) \(state.attempts == 1 ? "check" : "checks")") }
            if state.hints > 0 { notes.append("\(state.hints) \(state.hints == 1 ? "hint" : "hints")") }
            if state.sawSolution { notes.append("saw the solution") }
            let mark = state.done ? style.green("✓") : " "
            let here = number == index ? "▸" : " "
            let detail = notes.isEmpty ? "" : style.dim("  (" + notes.joined(separator: ", ") + ")")
            StandardStreams.writeLine("\(here)\(mark) \(number + 1). \(item.title) — \(item.key)\(detail)")
        }
    }

    private func help() {
        StandardStreams.writeLine(style.bold("Lesson commands"))
        let rows = Command.catalog.map {
            ["  :" + $0.name + ($0.argument.isEmpty ? "" : " " + $0.argument), $0.summary]
        }
        for line in TextTable.lines(rows) { StandardStreams.writeLine(line) }
        StandardStreams.writeLine(style.dim("every REPL command works too (:vars, :shapes EXPR, ?NAME, :quit …)"))
    }

    private func load(_ path: String) {
        guard FileSystem.exists(path), !FileSystem.isDirectory(path) else {
            repl.showError("no such file: \(path)")
            return
        }
        let source: String
        do { source = try FileSystem.readText(atPath: path) } catch {
            repl.showError("cannot read \(error.description)")
            return
        }
        repl.session.echoEachExpression = false
        defer { repl.session.echoEachExpression = true }
        let line = nextLine
        guard repl.evaluate(source, origin: path) else { return }
        record(LearnerCode(source: source, origin: path, line: line, shownLine: 1))
        let names = Session.definedNames(in: source)
        StandardStreams.writeLine(
            style.dim("loaded \(path)" + (names.isEmpty ? "" : ": " + names.joined(separator: ", "))))
    }
}
