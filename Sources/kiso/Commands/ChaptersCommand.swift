import ArgumentParser

/// `kiso chapters`: the chapter list.
struct ChaptersCommand: ParsableCommand {
    /// The name, help text and subcommands.
    static let configuration = CommandConfiguration(
        commandName: "chapters",
        abstract: "List the chapters with their numbers and titles."
    )

    /// Does the work; ends by throwing ``Exit`` or ``Failure`` with the exit status.
    mutating func run() throws {
        let home = NotebookHome.locate()
        guard let directory = home.directory else { throw Failure.program(home.notFoundMessage) }
        StandardStreams.writeLine("Chapters in \(directory):")
        for line in ChapterListing.lines(home.catalog) { StandardStreams.writeLine(line) }
        StandardStreams.writeLine("Walk through one with `kiso step 01` (or its name).")
    }
}
