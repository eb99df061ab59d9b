import Foundation
import Testing

/// Control characters from a program or a notebook are shown escaped, never sent raw.
@Suite struct EscapingTests {
    @Test func printAndEchoEscapeControlCharacters() throws {
        let printed = try KisoBinary.run(["-e", #"print("\u001b]0;pwned\u0007 ok\tnext")"#])
        #expect(printed.stdout == "\\x1b]0;pwned\\x07 ok\tnext\n")
        let echoed = try KisoBinary.run(["-e", #""a\u001b[2Jb\u009b""#])
        #expect(echoed.stdout == "'a\\x1b[2Jb\\x9b'\n")
        let clipboard = try KisoBinary.run(["-e", #"x = f"\u001b]52;c;{1}\u0007"; print(x)"#])
        #expect(!clipboard.stdout.contains("\u{1B}"))
    }

    @Test func errorsEscapeTheSourceTheyQuote() throws {
        let result = try KisoBinary.run(["-e", "1 +\u{1B}]0;x\u{07}"])
        #expect(result.status == 1)
        #expect(!result.stderr.contains("\u{1B}"))
        #expect(!result.stderr.contains("\u{07}"))
    }

    @Test func notebookDiffsEscapeWhatTheyQuote() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(
            "---\ntitle: t\n---\n# T\n\n```kiso\nprint(\"\\u001b[31mred\")\n```\n\n```output\n\u{1B}]0;old\u{07}\n```\n",
            to: "n.md")
        let result = try KisoBinary.run(["run", directory.path("n.md")])
        #expect(result.status == 1)
        #expect(!result.stdout.contains("\u{1B}"), "\(result.stdout)")
        #expect(result.stdout.contains("\\x1b[31mred"))
    }
}
