import Foundation
import Testing

@testable import KisoPlot

/// Compares rendered plots with the text files in Tests/Fixtures/plots.
///
/// With `KISO_RECORD_SNAPSHOTS=1` in the environment the files are rewritten instead (and the
/// comparison passes); read every rewritten file before committing it.
enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures").appendingPathComponent("plots")

    static var recording: Bool { ProcessInfo.processInfo.environment["KISO_RECORD_SNAPSHOTS"] == "1" }

    /// Checks `text` against `Tests/Fixtures/plots/<name>.txt`.
    static func check(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name + ".txt")
        let stored = text + "\n"
        if recording {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            do {
                try stored.write(to: url, atomically: true, encoding: .utf8)
            } catch {
                Issue.record("could not write \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record(
                "missing snapshot \(name).txt; run with KISO_RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
            return
        }
        #expect(stored == expected, "snapshot \(name) differs", sourceLocation: sourceLocation)
    }
}
