import Foundation
import KisoTestSupport
import Testing

@testable import KisoLang

/// The course's NumPy lines (Tests/Fixtures/course_lines.md; the origin of each excerpt is named
/// there) run through one session, cell by cell: every cell runs, or stops with an error where
/// the file flags one, and the value of each cell that follows a ```python check excerpt is what
/// NumPy gives for the excerpt (Tests/Fixtures/course_lines_numpy.json, written by
/// scripts/gen_course_lines_fixtures.py).
@Suite struct CourseLinesTests {
    /// The ```kiso cells of the file, with whether each is flagged `error`.
    private func cells() throws -> [(source: String, expectsError: Bool)] {
        let text = try String(contentsOf: Fixture.directory.appendingPathComponent("course_lines.md"), encoding: .utf8)
        var cells: [(String, Bool)] = []
        var current: [String]? = nil
        var flaggedError = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line.hasPrefix("```kiso") {
                current = []
                flaggedError = line.split(separator: " ").contains("error")
            } else if current != nil, line == "```" {
                cells.append((current!.joined(separator: "\n"), flaggedError))
                current = nil
            } else if current != nil {
                current!.append(String(line))
            }
        }
        return cells
    }

    @Test func everyLineRunsAndTheCheckedValuesAreNumPys() throws {
        let cells = try cells()
        #expect(cells.count >= 20)
        let lines = cells.map {
            $0.source.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces) != "end" }.count
        }
        #expect(lines.reduce(0, +) >= 100, "the file should replay at least 100 course lines")
        let checks = try Fixture.cases("course_lines_numpy")
        #expect(checks.count >= 15)
        var expected: [Int: String] = [:]
        for check in checks {
            expected[try #require(check["cell"] as? Int)] = try #require(check["text"] as? String)
        }
        let session = Session { _ in }
        for (k, cell) in cells.enumerated() {
            let result = session.run(cell.source)
            if cell.expectsError {
                #expect(result.error != nil, "cell \(k + 1) should stop with an error:\n\(cell.source)")
                #expect(result.error?.span != nil, "cell \(k + 1)'s error is not located")
                continue
            }
            #expect(result.error == nil, "cell \(k + 1) failed: \(result.error?.render(source: cell.source) ?? "")")
            if let numpy = expected[k + 1] {
                #expect(result.echo == numpy, "cell \(k + 1): Kiso \(result.echo ?? "nothing"), NumPy \(numpy)")
            }
        }
    }
}
