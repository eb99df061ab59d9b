import ArgumentParser
import KisoBase
import KisoNotebook
import KisoTensor
import KisoTerminal

/// The `kiso` command line: the REPL, scripts, `-e`, and the notebook commands.
@main
struct Kiso: ParsableCommand {
    /// The name, help text and subcommands.
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
            kiso lesson LESSON    do a chapter's exercises (01, vectors or a path)
            kiso lessons          list the lessons with your progress
            kiso check LESSON ANSWERS.kiso|DIR [--json] [--timeout S]
                                  grade files of answers against a lesson
            """,
        discussion: """
            Exit status: 0 when everything worked, 1 for a program error (or a notebook that does \
            not verify), 2 for a usage error.
            """,
        version: KisoVersion.string
    )

    /// `-e EXPR`.
    @Option(name: .customShort("e"), help: ArgumentHelp("Run EXPR and print its value.", valueName: "EXPR"))
    var expression: String?

    /// `--ascii`: plots in plain ASCII characters.
    @Flag(help: "Draw plots with ASCII characters only (automatic when the locale is not UTF-8).")
    var ascii = false

    /// A script to run.
    @Argument(help: ArgumentHelp("A Kiso script to run.", valueName: "FILE"))
    var file: String?

    /// Does the work; ends by throwing ``Exit`` or ``Failure`` with the exit status.
    mutating func run() throws {
        PlotSettings.forceASCII = ascii
        if let expression {
            if file != nil { throw Failure.usage("give either -e EXPR or a FILE, not both") }
            throw Exit(ScriptRunner.run(expression, origin: "<command line>"))
        }
        if let file {
            guard FileSystem.exists(file), !FileSystem.isDirectory(file) else {
                throw Failure.usage(Kiso.unknownArgumentMessage(file))
            }
            if file.hasSuffix(".md") {
                if let redirect = LessonRedirect.message(for: file) { throw Failure.usage(redirect) }
                throw Failure.usage(
                    "\(file) is a notebook: replay it with `kiso run \(file)`, or walk through it with `kiso step \(file)`"
                )
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

    /// What `kiso WORD` says when WORD is neither a file nor a command.
    static func unknownArgumentMessage(_ word: String) -> String {
        let commands = (KisoNotebookCommands.names + ["help"]).joined(separator: ", ")
        if FileSystem.isDirectory(word) {
            return "\(word) is a folder; give a .kiso script or one of the commands: \(commands)"
        }
        let looksLikeFile = word.contains("/") || word.contains(".")
        return looksLikeFile
            ? "no such file: \(word)"
            : "`\(word)` is neither a file nor a command; the commands are \(commands)"
    }

    /// `kiso help [COMMAND]` as `kiso [COMMAND] --help`, the way git and cargo read it.
    static func helpRewritten(_ arguments: [String]) throws -> [String] {
        guard arguments.first == "help" else { return arguments }
        guard let command = arguments.dropFirst().first else { return ["--help"] }
        guard KisoNotebookCommands.names.contains(command) else {
            let commands = KisoNotebookCommands.names.joined(separator: ", ")
            throw Failure.usage("no command `\(command)` to explain; the commands are \(commands)")
        }
        return [command, "--help"]
    }

    /// Parses the command line and runs it, mapping every outcome to the documented exit status.
    static func main() {
        AllocatorTuning.apply()
        MemoryLimit.apply()
        Storage.keepLargeBuffers()
        let arguments: [String]
        do {
            arguments = try helpRewritten(Array(CommandLine.arguments.dropFirst()))
        } catch let failure as Failure {
            StandardStreams.writeError("kiso: " + failure.message)
            StandardStreams.exit(failure.status)
        } catch {
            StandardStreams.exit(2)
        }
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
