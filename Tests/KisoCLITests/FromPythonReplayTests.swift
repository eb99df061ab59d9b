import Foundation
import Testing

/// docs/from-python.md and the course lines (Tests/Fixtures/course_lines.md) are notebooks: every
/// output and error message they quote is replayed through `kiso run`, so the sheet shows what
/// Kiso prints and each course line runs (or stops with the error recorded for it).
@Suite struct FromPythonReplayTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test(arguments: ["docs/from-python.md", "Tests/Fixtures/course_lines.md"])
    func replays(_ path: String) throws {
        let result = try KisoBinary.run(["run", Self.root.appendingPathComponent(path).path])
        #expect(result.status == 0, Comment(rawValue: result.stdout + result.stderr))
        #expect(result.stdout.hasSuffix("cells ok\n"), Comment(rawValue: result.stdout))
    }

    /// The sheet quotes an error for each Python spelling it lists; a sheet that lost its error
    /// cells would still replay, so their number is checked too.
    @Test func theSheetQuotesKisosMessages() throws {
        let text = try String(
            contentsOf: Self.root.appendingPathComponent("docs/from-python.md"), encoding: .utf8)
        let errorCells = text.components(separatedBy: "```kiso error\n").count - 1
        #expect(errorCells >= 12, "only \(errorCells) quoted errors")
        for message in [
            "`for` block is never closed with `end`", "would broadcast to an empty tensor",
            "must be a variable", "Kiso writes a lambda with `->`", "Kiso has no classes", "Kiso has no `is`",
            "Kiso needs no `np.` prefix", "Kiso has no sets", "integer overflow",
            "Kiso differentiates functions",
        ] {
            #expect(text.contains(message), "docs/from-python.md does not quote \(message)")
        }
    }
}
