import ArgumentParser

/// `kiso run`: replay notebooks and verify their recorded outputs.
struct RunCommand: ParsableCommand {
    /// The name, help text and subcommands.
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Replay notebooks and check every cell's output against its recorded output.",
        discussion: """
            Each notebook runs in its own session. A mismatch is printed as a unified diff naming \
            the notebook, the cell and its line; the exit status is 1 when any cell differs. \
            With no notebooks named, every chapter in notebooks/ is run.
            """
    )

    /// `--update`: record rather than check.
    @Flag(help: "Record each cell's output in the notebook instead of checking it.")
    var update = false

    /// The notebooks; all chapters when empty.
    @Argument(help: ArgumentHelp("Notebook files.", valueName: "NB.md"))
    var notebooks: [String] = []

    /// Does the work; ends by throwing ``Exit`` or ``Failure`` with the exit status.
    mutating func run() throws {
        throw Exit(NotebookVerification.run(paths: notebooks, update: update))
    }
}
