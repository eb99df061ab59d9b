import ArgumentParser
import KisoNotebook
import KisoTensor
import KisoTerminal

/// The `kiso` command line: the REPL, scripts, `-e`, and the notebook commands.
@main
struct Kiso: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiso",
        abstract: "Kiso (基礎) — a terminal workbench for the mathematics of deep learning.",
        usage: """
            kiso                  start the REPL (on a terminal)
            kiso FILE.kiso        run a script
            kiso -e EXPR          print the value of EXPR
            kiso < FILE           run a program read from standard input
            kiso run [--update] [NB.md ...]
                                  replay notebooks and check their outputs
            kiso step CHAPTER     walk through a chapter (01, vectors or a path)
            kiso chapters         list the chapters
            """,
        discussion: """
            Exit status: 0 when everything worked, 1 for a program error (or a notebook that does \
            not verify), 2 for a usage error.
            """,
        version: KisoVersion.string
    )

    @Option(name: .customShort("e"), help: ArgumentHelp("Run EXPR and print its value.", valueName: "EXPR"))
    var expression: String?

    @Argument(help: ArgumentHelp("A Kiso script to run.", valueName: "FILE"))
    var file: String?

    mutating func run() throws {
        if let expression {
            if file != nil { throw Failure.usage("give either -e EXPR or a FILE, not both") }
            throw Exit(ScriptRunner.run(expression, origin: "<command line>"))
        }
        if let file {
            guard FileSystem.exists(file), !FileSystem.isDirectory(file) else {
                throw Failure.usage("no such file: \(file)")
            }
            let source: String
            do { source = try FileSystem.readText(atPath: file) } catch {
                throw Failure.usage("cannot read \(error.description)")
            }
            throw Exit(ScriptRunner.run(source, origin: file))
        }
        if Terminal.isInteractive {
            throw Exit(REPL().run())
        }
        throw Exit(ScriptRunner.run(StandardStreams.readAllInput(), origin: "<stdin>"))
    }

    /// Parses the command line and runs it, mapping every outcome to the documented exit status.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        // A root command with a FILE argument cannot also dispatch subcommands, so the notebook
        // commands have a root of their own.
        let isSubcommand = arguments.first.map { KisoNotebookCommands.names.contains($0) } ?? false
        do {
            var command: any ParsableCommand =
                isSubcommand ? try KisoNotebookCommands.parseAsRoot(arguments) : try parseAsRoot(arguments)
            try command.run()
            StandardStreams.exit(0)
        } catch let exit as Exit {
            StandardStreams.exit(exit.status)
        } catch let failure as Failure {
            if !failure.message.isEmpty { StandardStreams.writeError("kiso: " + failure.message) }
            if failure.kind == .usage {
                let usage = isSubcommand ? KisoNotebookCommands.usageString(for: arguments) : usageString()
                let indented = usage.split(separator: "\n").joined(separator: "\n       ")
                StandardStreams.writeError("Usage: " + indented + "\n  See 'kiso --help' for more information.")
            }
            StandardStreams.exit(failure.status)
        } catch {
            let code = isSubcommand ? KisoNotebookCommands.exitCode(for: error) : exitCode(for: error)
            let message = isSubcommand ? KisoNotebookCommands.fullMessage(for: error) : fullMessage(for: error)
            if code == .success {
                // --help and --version.
                StandardStreams.writeLine(message)
                StandardStreams.exit(0)
            }
            StandardStreams.writeError(message)
            StandardStreams.exit(2)
        }
    }
}

/// The root of `kiso run`, `kiso step` and `kiso chapters`.
struct KisoNotebookCommands: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiso",
        subcommands: [RunCommand.self, StepCommand.self, ChaptersCommand.self]
    )

    /// The subcommands' names.
    static let names: Set<String> = ["run", "step", "chapters"]

    /// The usage line of the subcommand named first in `arguments`.
    static func usageString(for arguments: [String]) -> String {
        switch arguments.first {
        case "run": usageString(for: RunCommand.self)
        case "step": usageString(for: StepCommand.self)
        default: usageString(for: ChaptersCommand.self)
        }
    }
}

/// Ends a command with an exit status that was decided (and reported) already.
struct Exit: Error {
    /// The status.
    var status: Int32

    /// Ends with `status`.
    init(_ status: Int32) { self.status = status }
}

/// `kiso run`: replay notebooks and verify their recorded outputs.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Replay notebooks and check every cell's output against its recorded output.",
        discussion: """
            Each notebook runs in its own session. A mismatch is printed as a unified diff naming \
            the notebook, the cell and its line; the exit status is 1 when any cell differs. \
            With no notebooks named, every chapter in notebooks/ is run.
            """
    )

    @Flag(help: "Record each cell's output in the notebook instead of checking it.")
    var update = false

    @Argument(help: ArgumentHelp("Notebook files.", valueName: "NB.md"))
    var notebooks: [String] = []

    mutating func run() throws {
        throw Exit(NotebookVerification.run(paths: notebooks, update: update))
    }
}

/// `kiso step`: walk through a chapter section by section.
struct StepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "step",
        abstract: "Walk through a notebook section by section, running each cell on Enter.",
        discussion: """
            CHAPTER is a number (01), a name (vectors), a file name (01-vectors) or a path to a \
            notebook. Keys at the step> prompt: Enter or n next/run, b back, r rerun, e edit, \
            q quit; any other line runs as Kiso code in the notebook's session.
            """
    )

    @Argument(help: ArgumentHelp("The chapter or notebook file.", valueName: "CHAPTER"))
    var chapter: String

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

/// `kiso chapters`: the chapter list.
struct ChaptersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chapters",
        abstract: "List the chapters with their numbers and titles."
    )

    mutating func run() throws {
        let home = NotebookHome.locate()
        guard let directory = home.directory else { throw Failure.program(home.notFoundMessage) }
        StandardStreams.writeLine("Chapters in \(directory):")
        for line in ChapterListing.lines(home.catalog) { StandardStreams.writeLine(line) }
        StandardStreams.writeLine("Walk through one with `kiso step 01` (or its name).")
    }
}
