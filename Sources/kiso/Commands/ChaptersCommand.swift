import ArgumentParser

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
