import ArgumentParser
import KisoBase
import KisoLang
import KisoLesson
import KisoNotebook

/// `kiso check LESSON ANSWERS.kiso|DIR/`: grades files of definitions against a lesson's exercises.
struct CheckCommand: ParsableCommand {
    /// The name, help text and subcommands.
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Grade a file of answers (or every .kiso file in a folder) against a lesson.",
        discussion: """
            Prints one line per exercise (✓, or ✗ and what is wrong) and "N passed, M failed"; for a \
            folder, one row per file. Exit status: 0 when everything passes, 1 when anything fails, \
            2 when the lesson does not exist or the answers file does not parse.
            """
    )

    /// The lesson: a number, a name or a path.
    @Argument(help: ArgumentHelp("The lesson (01, vectors, or a path).", valueName: "LESSON"))
    var lesson: String

    /// The answers file or folder.
    @Argument(help: ArgumentHelp("A .kiso file of definitions, or a folder of them.", valueName: "ANSWERS"))
    var answers: String

    /// `--json`.
    @Flag(help: "Print a machine-readable report.")
    var json = false

    /// `--timeout`.
    @Option(help: ArgumentHelp("Seconds each exercise may run before it is stopped.", valueName: "SECONDS"))
    var timeout: Double = 10

    /// Does the work; ends by throwing ``Exit`` or ``Failure`` with the exit status.
    mutating func run() throws {
        guard timeout > 0, timeout.isFinite else {
            throw Failure.usage("--timeout must be a positive number of seconds")
        }
        let opened: LessonHome.Opened
        do { opened = try LessonHome.locate().open(lesson) } catch {
            switch error {
            case .notFound(let message), .invalid(let message): throw Failure.usage(message)
            }
        }
        // A learner's file may save a tokeniser or weights, but only under the working folder,
        // and reads only there and in the lesson's and chapter's folders.
        FileSystem.confinement = LessonSession.confinement(opened)
        let checker = AnswerChecker(lesson: opened.lesson, chapter: opened.chapter, timeout: timeout)
        let name = opened.entry.stem
        if FileSystem.isDirectory(answers) {
            throw Exit(try gradeFolder(checker, lesson: name))
        }
        guard FileSystem.exists(answers) else { throw Failure.usage("no such file: \(answers)") }
        let graded: Graded
        switch grade(answers, checker) {
        case .failure(let error):
            // Not a usage mistake, so no usage text: the file's error says what to fix.
            StandardStreams.writeError("kiso: " + error.message)
            throw Exit(2)
        case .success(let result): graded = result
        }
        if json {
            StandardStreams.writeLine(graded.json(lesson: name))
        } else {
            for line in graded.lines { StandardStreams.writeLine(line) }
            StandardStreams.writeLine("\(graded.passed) passed, \(graded.failed) failed")
        }
        throw Exit(graded.failed == 0 ? 0 : 1)
    }

    /// Grades every `.kiso` file in the folder: one row each, then a count of the files that passed.
    private func gradeFolder(_ checker: AnswerChecker, lesson: String) throws -> Int32 {
        let names = ((try? FileSystem.contentsOfDirectory(atPath: answers)) ?? []).filter { $0.hasSuffix(".kiso") }
            .sorted()
        guard !names.isEmpty else { throw Failure.usage("no .kiso files in \(answers)") }
        var rows: [(file: String, result: Result<Graded, GradeError>)] = []
        for file in names {
            let path = FileSystem.join(answers, file)
            rows.append((file, grade(path, checker)))
        }
        let allPassed = rows.allSatisfy { row in
            if case .success(let graded) = row.result { return graded.failed == 0 }
            return false
        }
        if json {
            let entries = rows.map { row -> String in
                switch row.result {
                case .success(let graded): return graded.json(lesson: lesson, file: row.file)
                case .failure(let error):
                    return "{\"file\": \(JSONText.string(row.file)), \"error\": \(JSONText.string(error.message))}"
                }
            }
            StandardStreams.writeLine(
                "{\"lesson\": \(JSONText.string(lesson)), \"files\": [\n  " + entries.joined(separator: ",\n  ")
                    + "\n]}")
        } else {
            let width = names.map(\.count).max() ?? 0
            for row in rows {
                let padded = row.file + String(repeating: " ", count: width - row.file.count)
                switch row.result {
                case .success(let graded):
                    let failing = graded.outcomes.filter { !$0.1.passed }.map { "✗ " + $0.0 }
                    let tail = failing.isEmpty ? "" : "  " + failing.joined(separator: " ")
                    StandardStreams.writeLine("\(padded)  \(graded.passed) passed, \(graded.failed) failed\(tail)")
                case .failure(let error):
                    StandardStreams.writeLine(
                        "\(padded)  does not parse: \(error.message.split(separator: "\n").first ?? "")")
                }
            }
            let passing = rows.filter { row in
                if case .success(let graded) = row.result { return graded.failed == 0 }
                return false
            }.count
            StandardStreams.writeLine("\(passing) of \(rows.count) files passed every exercise")
        }
        return allPassed ? 0 : 1
    }

    /// Why a file could not be graded: it cannot be read or does not parse.
    struct GradeError: Error {
        let message: String
    }

    /// One file's grades.
    struct Graded {
        /// Each exercise's name and outcome, in the lesson's order.
        var outcomes: [(String, CheckOutcome)]
        /// How many passed.
        var passed: Int { outcomes.filter { $0.1.passed }.count }
        /// How many did not.
        var failed: Int { outcomes.count - passed }

        /// `✓ cosine` or `✗ layer: what is wrong` (continuation lines indented).
        var lines: [String] {
            outcomes.map { name, outcome in
                guard let diagnosis = outcome.diagnosis else { return "✓ \(name)" }
                let indented = diagnosis.split(separator: "\n", omittingEmptySubsequences: false).joined(
                    separator: "\n    ")
                return "✗ \(name): \(indented)"
            }
        }

        /// The report as JSON: `{"lesson": …, "passed": N, "failed": M, "exercises": [...]}`.
        func json(lesson: String, file: String? = nil) -> String {
            let exercises = outcomes.map { name, outcome in
                "{\"name\": \(JSONText.string(name)), \"passed\": \(outcome.passed), \"diagnosis\": "
                    + (outcome.diagnosis.map(JSONText.string) ?? "null") + "}"
            }
            let head = file.map { "\"file\": \(JSONText.string($0)), " } ?? ""
            return "{\(head)\"lesson\": \(JSONText.string(lesson)), \"passed\": \(passed), \"failed\": \(failed), "
                + "\"exercises\": [" + exercises.joined(separator: ", ") + "]}"
        }
    }

    /// Reads and grades one file; a failure when it cannot be read or does not parse.
    private func grade(_ path: String, _ checker: AnswerChecker) -> Result<Graded, GradeError> {
        let source: String
        do { source = try FileSystem.readText(atPath: path) } catch {
            return .failure(GradeError(message: "cannot read \(error.description)"))
        }
        let errors = Session.syntaxErrors(in: source, origin: path)
        if let first = errors.first { return .failure(GradeError(message: first.render(source: source))) }
        let code = LearnerCode(source: source, origin: path)
        return .success(
            Graded(outcomes: checker.lesson.exercises.map { ($0.key, checker.check($0, answers: [code])) }))
    }
}

/// JSON text for the reports.
enum JSONText {
    /// A JSON string literal.
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
