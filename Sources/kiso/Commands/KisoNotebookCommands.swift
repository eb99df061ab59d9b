import ArgumentParser

/// The root of `kiso run`, `kiso step`, `kiso chapters`, `kiso lesson`, `kiso lessons` and `kiso check`.
struct KisoNotebookCommands: ParsableCommand {
    /// The name, help text and subcommands.
    static let configuration = CommandConfiguration(
        commandName: "kiso",
        subcommands: [
            RunCommand.self, StepCommand.self, ChaptersCommand.self, LessonCommand.self, LessonsCommand.self,
            CheckCommand.self,
        ]
    )

    /// The subcommands' names, in the order `--help` lists them.
    static var names: [String] { configuration.subcommands.map { $0._commandName } }

    /// The usage line of the subcommand named first in `arguments`.
    static func usageString(for arguments: [String]) -> String {
        switch arguments.first {
        case "run": usageString(for: RunCommand.self)
        case "step": usageString(for: StepCommand.self)
        case "lesson": usageString(for: LessonCommand.self)
        case "lessons": usageString(for: LessonsCommand.self)
        case "check": usageString(for: CheckCommand.self)
        default: usageString(for: ChaptersCommand.self)
        }
    }
}
