import KisoBase
import ArgumentParser
import KisoLesson
import KisoNotebook
import KisoTerminal

/// `kiso lesson LESSON`: a lesson's exercises in a REPL that has run the chapter's code.
struct LessonCommand: ParsableCommand {
    /// The name, help text and subcommands.
    static let configuration = CommandConfiguration(
        commandName: "lesson",
        abstract: "Do a chapter's exercises: write each function at the prompt and :check it.",
        discussion: """
            LESSON is a number (01), a name (vectors) or a path. At the prompt: :check, :hint, \
            :next, :prev, :exercise N, :list, :solution, :load FILE, and everything the REPL offers.
            """
    )

    /// What the learner typed.
    @Argument(help: ArgumentHelp("The lesson: a number, a name or a path.", valueName: "LESSON"))
    var lesson: String

    /// Does the work; ends by throwing ``Exit`` or ``Failure`` with the exit status.
    mutating func run() throws {
        let opened: LessonHome.Opened
        do { opened = try LessonHome.locate().open(lesson) } catch {
            switch error {
            case .notFound(let message): throw Failure.usage(message)
            case .invalid(let message): throw Failure.program(message)
            }
        }
        guard Terminal.isInteractive else {
            throw Failure.usage(
                "kiso lesson needs a terminal; grade a file of answers with `kiso check \(opened.entry.stem) FILE.kiso`"
            )
        }
        throw Exit(LessonSession(opened: opened).run())
    }
}

/// `kiso lessons`: every lesson with the learner's progress.
struct LessonsCommand: ParsableCommand {
    /// The name, help text and subcommands.
    static let configuration = CommandConfiguration(
        commandName: "lessons",
        abstract: "List the lessons with how many of their exercises you have done."
    )

    /// Does the work; ends by throwing ``Exit`` or ``Failure`` with the exit status.
    mutating func run() throws {
        let home = LessonHome.locate()
        guard home.directory != nil else {
            throw Failure.program("no lessons found: " + home.notebooks.notFoundMessage)
        }
        let progress = LessonProgress(path: LessonProgress.defaultPath())
        for line in LessonListing.lines(home.catalog, progress: progress) { StandardStreams.writeLine(line) }
        StandardStreams.writeLine("Open one with `kiso lesson 01` (or its name).")
    }
}

/// The lesson list with progress, as `kiso lessons` shows it.
enum LessonListing {
    /// `  01  vectors   2/4 done  Vectors and matrices — exercises`, one line per lesson.
    static func lines(_ catalog: ChapterCatalog, progress: LessonProgress) -> [String] {
        let slugWidth = catalog.chapters.map { DisplayWidth.of($0.slug) }.max() ?? 0
        return catalog.chapters.map { entry in
            let number = entry.number < 10 ? "0\(entry.number)" : "\(entry.number)"
            let slug = DisplayWidth.padded(entry.slug, to: slugWidth)
            guard let lesson = try? Lesson(contentsOfFile: entry.path) else {
                return "  \(number)  \(slug)  (does not parse)  \(entry.title)"
            }
            let done = lesson.exercises.filter { progress.progress(lesson: entry.stem, exercise: $0.key).done }.count
            return "  \(number)  \(slug)  \(done)/\(lesson.exercises.count) done  \(entry.title)"
        }
    }
}
