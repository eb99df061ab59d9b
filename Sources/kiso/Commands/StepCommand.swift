import ArgumentParser
import KisoNotebook
import KisoTerminal

/// `kiso step`: walk through a chapter section by section.
struct StepCommand: ParsableCommand {
    /// The name, help text and subcommands.
    static let configuration = CommandConfiguration(
        commandName: "step",
        abstract: "Walk through a notebook section by section, running each cell on Enter.",
        discussion: """
            CHAPTER is a number (01), a name (vectors), a file name (01-vectors) or a path to a \
            notebook. Keys at the step> prompt: Enter or n next/run, b back, r rerun, e edit, \
            q quit (or :n :b :r :e :q, which a variable of that name never hides); any other \
            line runs as Kiso code in the notebook's session.
            """
    )

    /// What the learner typed: a number, a name or a path.
    @Argument(help: ArgumentHelp("The chapter or notebook file.", valueName: "CHAPTER"))
    var chapter: String

    /// Does the work; ends by throwing ``Exit`` or ``Failure`` with the exit status.
    mutating func run() throws {
        let home = NotebookHome.locate()
        let resolved: Chapter
        do {
            resolved = try home.catalog.resolve(chapter)
        } catch {
            var message = error.description
            if home.directory == nil { message += "\n" + home.notFoundMessage }
            throw Failure.usage(message)
        }
        if let redirect = LessonRedirect.message(for: resolved.path) { throw Failure.usage(redirect) }
        let notebook: Notebook
        do {
            notebook = try Notebook(contentsOfFile: resolved.path)
        } catch {
            switch error {
            case .file: throw Failure.usage(error.description)
            case .parse: throw Failure.program(error.description)
            }
        }
        guard Terminal.isInteractive else {
            throw Failure.usage("kiso step needs a terminal; use `kiso run \(resolved.path)` to replay it")
        }
        throw Exit(StepScreen(notebook: notebook, key: resolved.stem).run())
    }
}
