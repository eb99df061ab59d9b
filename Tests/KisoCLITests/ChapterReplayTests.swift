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

    /// Each chapter runs in a working folder of its own, as a learner's would be: what it saves
    /// goes there, never into the repository, and a chapter leaves the folder as it found it.
    @Test(arguments: chapters)
    func replays(_ chapter: String) throws {
        let path = Self.notebooks.appendingPathComponent(chapter).path
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let result = try KisoBinary.run(["run", path], directory: folder.url)
        #expect(result.status == 0, Comment(rawValue: result.stdout + result.stderr))
        #expect(result.stdout.hasSuffix("cells ok\n"), Comment(rawValue: result.stdout))
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
        #expect(left.isEmpty, "\(chapter) left \(left) in its working folder")
    }
}
