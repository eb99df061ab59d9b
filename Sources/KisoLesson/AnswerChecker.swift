import KisoBase
import KisoLang
import KisoNotebook

/// A piece of the learner's code: what they typed at the prompt, or a file of definitions.
public struct LearnerCode: Sendable, Equatable {
    /// The code.
    public var source: String
    /// What errors in it are attributed to (a file's path, or `<input>`).
    public var origin: String
    /// The number given to its first line when it runs (distinct pieces get distinct ranges).
    public var line: Int
    /// The number shown for its first line in messages (1 for something typed at the prompt).
    public var shownLine: Int

    /// A piece of code; `line` numbers it when it runs, `shownLine` (default `line`) in messages.
    public init(source: String, origin: String, line: Int = 1, shownLine: Int? = nil) {
        self.source = source
        self.origin = origin
        self.line = line
        self.shownLine = shownLine ?? line
    }
}

/// How one exercise's check ended.
public struct CheckOutcome: Sendable, Equatable {
    /// Passed, failed (with a diagnosis), stopped by the time limit, or the lesson itself is wrong.
    public enum Status: String, Sendable {
        case passed, failed, timedOut, lessonError
    }

    /// How it ended.
    public var status: Status
    /// What is wrong, in the learner's terms; nil when it passed.
    public var diagnosis: String?

    /// Whether every check passed.
    public var passed: Bool { status == .passed }
}

/// Checks a learner's definitions against an exercise: each check line is evaluated in two
/// sessions that both start from the chapter's state (its cells, then the exercise's setup), one
/// with the learner's definitions and one with the solution's, and the results are compared by
/// kind, shape and value (see ``Diagnosis``).
public final class AnswerChecker {
    /// The lesson.
    public let lesson: Lesson
    /// The chapter's cells that prepare each session (error cells are left out).
    public let preparation: [String]
    /// The chapter's folder, where its relative paths (`read_text("data/…")`) start; empty for none.
    public let chapterDirectory: String
    /// The time limit for one exercise, in seconds; nil for none.
    public var timeout: Double?

    /// Check lines run with this first-line number, so that an error located there is known to
    /// be at the check's call rather than inside the learner's definitions.
    static let checkLine = 1_000_000
    /// The chapter's cells run from this line on, for the same reason.
    static let chapterLine = 2_000_000

    /// A checker for `lesson`, whose sessions start from the cells of `chapter` (nil for none).
    public init(lesson: Lesson, chapter: Notebook?, timeout: Double? = nil) {
        self.lesson = lesson
        self.preparation = chapter?.cells.filter { !$0.flags.contains(.error) }.map(\.source) ?? []
        self.chapterDirectory = chapter.map { FileSystem.directoryName(of: $0.path) } ?? ""
        self.timeout = timeout
    }

    /// Checks `answers` (run in order, after the chapter and the setup) against `exercise`.
    public func check(_ exercise: Exercise, answers: [LearnerCode]) -> CheckOutcome {
        _ = chapterState  // the chapter's replay is not the learner's time
        let deadline = Deadline(seconds: timeout)
        defer { deadline.finish() }
        let outcome = run(exercise, answers: answers)
        if deadline.expired {
            let seconds = Diagnosis.number(timeout ?? 0)
            return CheckOutcome(
                status: .timedOut,
                diagnosis: "stopped after \(seconds) s — does a loop never end? (the limit is --timeout)")
        }
        return outcome
    }

    private func run(_ exercise: Exercise, answers: [LearnerCode]) -> CheckOutcome {
        let origin = lesson.path.isEmpty ? "lesson" : lesson.path
        guard let solution = exercise.solution else {
            return CheckOutcome(status: .lessonError, diagnosis: "the exercise has no solution to compare with")
        }
        let expectedSession: Session
        let yourSession: Session
        do {
            expectedSession = try prepared(exercise)
            yourSession = try prepared(exercise)
        } catch {
            return CheckOutcome(status: .lessonError, diagnosis: error.message)
        }
        let solved = expectedSession.run(solution.source, origin: origin, line: solution.line)
        if let error = solved.error {
            return CheckOutcome(
                status: .lessonError, diagnosis: "the lesson's solution fails: \(error.render(source: solution.source))"
            )
        }
        for answer in answers {
            let result = yourSession.run(answer.source, origin: answer.origin, line: answer.line)
            if let error = result.error {
                return failed("your code raised an error:\n" + render(error, in: answers, fallback: answer.source))
            }
        }
        var usedNames: Set<String> = []
        if let name = exercise.functionName {
            let definedByYou = answers.contains { Session.definedNames(in: $0.source).contains(name) }
            if let problem = definitionProblem(
                name, yours: definedByYou ? yourSession : nil, expected: expectedSession)
            {
                return failed(problem)
            }
            if let facts = yourSession.functionFacts(name) {
                usedNames = facts.names
                if let problem = expectationProblem(name, facts, exercise.checks.map(\.options)) {
                    return failed(problem)
                }
            }
        }
        for check in exercise.checks {
            let expected: AnswerValue
            switch expectedSession.answer(check.source, origin: origin, line: AnswerChecker.checkLine) {
            case .success(let value): expected = value
            case .failure(let error):
                return CheckOutcome(
                    status: .lessonError,
                    diagnosis: "the lesson's solution fails on `\(check.source)` (line \(check.line)): "
                        + error.render(source: check.source))
            }
            switch yourSession.answer(check.source, origin: origin, line: AnswerChecker.checkLine) {
            case .failure(let error):
                return failed(
                    "your code raised an error on `\(check.source)`:\n"
                        + render(error, in: answers, fallback: check.source))
            case .success(let yours):
                let context = Diagnosis.Context(check: check.source, usedNames: usedNames, options: check.options)
                if let problem = Diagnosis.compare(yours, expected, context: context) { return failed(problem) }
            }
        }
        return CheckOutcome(status: .passed, diagnosis: nil)
    }

    private func failed(_ diagnosis: String) -> CheckOutcome {
        CheckOutcome(status: .failed, diagnosis: diagnosis)
    }

    /// The chapter's cells run once, silently; every check starts from a fork of this session.
    private lazy var chapterState: Session = {
        let session = Session { _ in }
        session.directory = chapterDirectory
        for cell in preparation {
            _ = session.run(cell, origin: lesson.notebook ?? "chapter", line: AnswerChecker.chapterLine)
        }
        return session
    }()

    /// Why a preparation failed.
    struct PreparationError: Error {
        let message: String
    }

    /// A silent session with the chapter's cells and the exercise's setup run.
    private func prepared(_ exercise: Exercise) throws(PreparationError) -> Session {
        let session = chapterState.fork { _ in }
        for code in exercise.setup {
            if let error = session.run(code.source, origin: lesson.path, line: code.line).error {
                throw PreparationError(message: "the exercise's setup fails: " + error.render(source: code.source))
            }
        }
        return session
    }

    /// Whether the learner's `name` is a function taking the arguments the checks pass.
    /// `yours` is nil when the learner's code does not define `name` (a chapter's function of the
    /// same name does not count).
    private func definitionProblem(_ name: String, yours: Session?, expected: Session) -> String? {
        guard let wanted = expected.globalAnswer(name) else { return nil }
        guard let mine = yours?.globalAnswer(name) else {
            if case .function(let facts) = wanted, let parameters = facts.parameters {
                return "`\(name)` is not defined yet: write `\(name)(\(parameters.joined(separator: ", "))) = …`"
            }
            return "`\(name)` is not defined yet"
        }
        guard case .function(let expectedFacts) = wanted else { return nil }
        guard case .function(let facts) = mine else {
            return "`\(name)` should be a function; yours is \(mine.kindName)"
        }
        guard let wantedParameters = expectedFacts.parameters, let parameters = facts.parameters else { return nil }
        let required = expectedFacts.requiredCount
        if parameters.count < wantedParameters.count || facts.requiredCount > required {
            let list = wantedParameters.joined(separator: ", ")
            if facts.requiredCount > required && parameters.count >= wantedParameters.count {
                let optional = wantedParameters.dropFirst(required).joined(separator: ", ")
                return "`\(name)` can be called with \(count(required)) (\(optional) optional); yours needs "
                    + "\(facts.requiredCount) — give \(optional) a default, as in \(wantedParameters[required])=none"
            }
            return "`\(name)` takes \(count(wantedParameters.count)) (\(list)); yours takes "
                + "\(parameters.count) (\(parameters.joined(separator: ", ")))"
        }
        return nil
    }

    private func count(_ n: Int) -> String { n == 1 ? "1 argument" : "\(n) arguments" }

    /// The `forbid=` and `noloop` expectations, checked on the learner's definitions.
    private func expectationProblem(_ name: String, _ facts: FunctionFacts, _ options: [CheckOptions]) -> String? {
        var forbidden: [String] = []
        for option in options {
            for word in option.forbidden where !forbidden.contains(word) { forbidden.append(word) }
        }
        if let used = forbidden.first(where: facts.names.contains) {
            return "your `\(name)` uses `\(used)`, which this exercise asks you to do without"
        }
        if options.contains(where: \.noLoops), facts.loops {
            return "your `\(name)` uses a loop (`for` or `while`); this exercise asks for whole-tensor operations"
        }
        return nil
    }

    /// The error with its source line: in the learner's piece of code when it lies there, else
    /// in `fallback` (the check expression).
    private func render(_ error: KisoError, in answers: [LearnerCode], fallback: String) -> String {
        guard let span = error.span, span.line < AnswerChecker.checkLine else {
            var atCheck = error
            atCheck.origin = "check"
            atCheck.span?.line = 1
            return atCheck.render(source: fallback)
        }
        for answer in answers {
            let lines = answer.source.split(separator: "\n", omittingEmptySubsequences: false).count
            guard span.line >= answer.line, span.line < answer.line + lines else { continue }
            var located = error
            located.origin = answer.origin
            // The span is located in the piece itself; its excerpt comes from the piece.
            located.source = nil
            located.callStack = []
            located.span?.line = span.line - answer.line + answer.shownLine
            return located.render(source: answer.source)
        }
        var plain = error
        plain.span = nil
        return plain.render(source: fallback)
    }
}
