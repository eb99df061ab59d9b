import Foundation
import Testing

/// The course's chapters are integration tests: every notebook in notebooks/ replays through
/// `kiso run` and must reproduce its recorded outputs exactly.
@Suite struct ChapterReplayTests {
    static let notebooks = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("notebooks")

    static var chapters: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: notebooks.path)) ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted()
    }

    @Test func thereAreChapters() {
        #expect(Self.chapters.contains("01-vectors.md"))
    }

    @Test(arguments: chapters)
    func replays(_ chapter: String) throws {
        let path = Self.notebooks.appendingPathComponent(chapter).path
        let result = try KisoBinary.run(["run", path])
        #expect(result.status == 0, Comment(rawValue: result.stdout + result.stderr))
        #expect(result.stdout.hasSuffix("cells ok\n"), Comment(rawValue: result.stdout))
    }
}
