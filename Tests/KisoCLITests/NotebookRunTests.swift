import Foundation
import Testing

/// `kiso run` and `kiso run --update` on test notebooks, and `kiso chapters`.
@Suite struct NotebookRunTests {
    /// A temporary directory holding copies of fixtures, where `kiso` runs so paths print short.
    private func workspace(_ fixtures: [String]) throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        for name in fixtures { try directory.write(try Fixtures.text(name), to: name) }
        return directory
    }

    @Test func matchingNotebookPasses() throws {
        let directory = try workspace(["good.md"])
        defer { directory.remove() }
        let result = try KisoBinary.run(["run", "good.md"], directory: directory.url)
        #expect(result.status == 0)
        #expect(result.stdout == "good.md: 5 cells ok\n")
        #expect(result.stderr == "")
    }

    @Test func mismatchesPrintUnifiedDiffsAndExitOne() throws {
        let directory = try workspace(["bad.md"])
        defer { directory.remove() }
        let result = try KisoBinary.run(
            ["run", "bad.md"], environment: ["TERM": "xterm-256color"], directory: directory.url)
        #expect(result.status == 1)
        #expect(result.stdout == (try Fixtures.text("bad.expected")))
        #expect(!containsEscape(result.stdout))
    }

    @Test func severalNotebooksAreSummarised() throws {
        let directory = try workspace(["good.md", "bad.md"])
        defer { directory.remove() }
        let result = try KisoBinary.run(["run", "good.md", "bad.md"], directory: directory.url)
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("good.md: 5 cells ok\nbad.md:3: cell 1"))
        #expect(result.stdout.hasSuffix("bad.md: 3 cells of 4 differ\n1 of 2 notebooks verified\n"))
    }

    @Test func updateRecordsWhatTheCellsPrintAndKeepsEverythingElse() throws {
        let directory = try workspace(["stale.md"])
        defer { directory.remove() }
        let path = directory.path("stale.md")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)

        let update = try KisoBinary.run(["run", "--update", "stale.md"], directory: directory.url)
        #expect(update.status == 0)
        #expect(update.stdout == "stale.md: recorded (4 cells changed)\n")
        let updated = try directory.read("stale.md")
        #expect(updated == (try Fixtures.text("stale.updated.md")))
        // Setup and nocheck cells keep their blocks; only output blocks changed.
        #expect(updated.contains("kept as it is: setup cells are never recorded"))
        #expect(updated.contains("left alone"))
        #expect(!updated.contains("this cell prints nothing now"))
        // Unchanged cells are byte-identical: everything up to the first changed block is untouched.
        let original = try Fixtures.text("stale.md")
        let untouched = original.components(separatedBy: "```output\n[1. 2. 4.]")[0]
        #expect(updated.hasPrefix(untouched))
        // Written through a temporary file and a rename: permissions kept, nothing left behind.
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["stale.md"])

        let verify = try KisoBinary.run(["run", "stale.md"], directory: directory.url)
        #expect(verify.status == 0)
        #expect(verify.stdout == "stale.md: 7 cells ok\n")

        let again = try KisoBinary.run(["run", "--update", "stale.md"], directory: directory.url)
        #expect(again.stdout == "stale.md: unchanged\n")
        #expect(try directory.read("stale.md") == updated)
    }

    @Test func updateReportsCellsThatFailAndExitsOne() throws {
        let directory = try workspace(["bad.md"])
        defer { directory.remove() }
        let result = try KisoBinary.run(["run", "--update", "bad.md"], directory: directory.url)
        #expect(result.status == 1)
        #expect(result.stdout.contains("bad.md:12: cell 2: the cell failed"))
        #expect(result.stdout.contains("bad.md:21: cell 3: expected an error, but the cell succeeded"))
        // The cell that merely printed something else is recorded.
        #expect(try directory.read("bad.md").contains("```output\n[2 4 6]\n```"))
    }

    @Test func malformedNotebookIsAProgramError() throws {
        let directory = try workspace(["malformed.md"])
        defer { directory.remove() }
        let result = try KisoBinary.run(["run", "malformed.md"], directory: directory.url)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("kiso: malformed.md:11: "))
    }

    @Test func missingNotebookIsAUsageError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try KisoBinary.run(["run", "absent.md"], directory: directory.url)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("kiso: cannot read notebook absent.md: "))
    }

    @Test func runWithoutNamesRunsEveryChapter() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(try Fixtures.text("good.md"), to: "notebooks/01-good.md")
        try directory.write("# Second\n\n```kiso\n1 + 1\n```\n\n```output\n2\n```\n", to: "notebooks/02-second.md")
        let result = try KisoBinary.run(["run"], environment: ["KISO_HOME": directory.url.path])
        #expect(result.status == 0)
        let notebooks = directory.url.appendingPathComponent("notebooks").path
        #expect(
            result.stdout
                == "\(notebooks)/01-good.md: 5 cells ok\n\(notebooks)/02-second.md: 1 cell ok\n2 of 2 notebooks verified\n"
        )
    }

    @Test func runWithoutNotebooksSaysWhereItLooked() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try KisoBinary.run(["run"], environment: ["KISO_HOME": directory.url.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no chapter notebooks found; set KISO_HOME"))
        #expect(result.stderr.contains(directory.url.path))
    }

    @Test func chaptersListsNumbersAndTitles() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(try Fixtures.text("good.md"), to: "notebooks/01-small.md")
        try directory.write("---\ntitle: Softmax and temperature\n---\n", to: "notebooks/02-softmax.md")
        try directory.write("not a chapter", to: "notebooks/README.md")
        let result = try KisoBinary.run(["chapters"], environment: ["KISO_HOME": directory.url.path])
        #expect(result.status == 0)
        let notebooks = directory.url.appendingPathComponent("notebooks").path
        #expect(
            result.stdout == """
                Chapters in \(notebooks):
                  01  small    A small notebook
                  02  softmax  Softmax and temperature
                Walk through one with `kiso step 01` (or its name).

                """)
    }

    @Test func stepOutsideATerminalExplainsItself() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(try Fixtures.text("good.md"), to: "notebooks/01-small.md")
        let unknown = try KisoBinary.run(["step", "vectros"], environment: ["KISO_HOME": directory.url.path])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no chapter `vectros`"))
        let piped = try KisoBinary.run(["step", "small"], environment: ["KISO_HOME": directory.url.path])
        #expect(piped.status == 2)
        #expect(piped.stderr.contains("kiso step needs a terminal"))
    }
}
