import Foundation
import Testing

/// `kiso help [COMMAND]` and what `kiso WORD` says when WORD is neither a file nor a command.
@Suite struct HelpCommandTests {
    @Test func helpIsTheOverview() throws {
        let help = try KisoBinary.run(["help"])
        let flag = try KisoBinary.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout == flag.stdout)
        #expect(help.stdout.contains("kiso run"))
    }

    @Test func helpNamesACommand() throws {
        let help = try KisoBinary.run(["help", "run"])
        let flag = try KisoBinary.run(["run", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout == flag.stdout)
        #expect(help.stdout.contains("--update"))
    }

    @Test func helpForAnUnknownCommandListsTheCommands() throws {
        let result = try KisoBinary.run(["help", "bogus"])
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "kiso: no command `bogus` to explain; the commands are run, step, chapters, lesson, lessons, check\n"
        )
    }

    @Test func anUnknownWordListsTheCommands() throws {
        let result = try KisoBinary.run(["halp"])
        #expect(result.status == 2)
        #expect(
            result.stderr.hasPrefix(
                "kiso: `halp` is neither a file nor a command; the commands are run, step, chapters, lesson, lessons, check, help\n"
            ))
    }

    @Test func aMissingFileIsStillAMissingFile() throws {
        let result = try KisoBinary.run(["nothere.kiso"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("kiso: no such file: nothere.kiso\n"))
    }
}

/// A lesson file given to run, step or as a script points to `kiso lesson` and `kiso check`.
@Suite struct LessonRedirectTests {
    static let lesson: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("lessons/01-vectors.md").path
    }()

    @Test(arguments: [["run"], ["step"], []])
    func pointsToLessonAndCheck(_ command: [String]) throws {
        let result = try KisoBinary.run(command + [Self.lesson])
        #expect(result.status == 2)
        #expect(result.stderr.contains("is a lesson: open it with `kiso lesson "), "\(result.stderr)")
        #expect(!result.stderr.contains("unknown cell flag"))
    }
}
