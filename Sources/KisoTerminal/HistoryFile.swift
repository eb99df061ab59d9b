import CReadline
import KisoBase

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The REPL's history on disk: one entry per line, oldest first.
///
/// An entry is what the learner entered at one prompt, so a `def … end` block is one entry, recalled
/// and edited as a unit. Its line breaks are stored as `␤` (U+2424), which keeps the file one entry
/// per line. After each entry the newest `limit` entries are written through the one atomic writer
/// (``FileSystem/writeAtomically(_:toPath:)-(String,_)``: a temporary file, `fsync`, a rename), so
/// `kill -9` at any moment leaves the previous file or the new one whole, never a torn line. The
/// write runs on a background thread, so the prompt never waits for the disk; entries that arrive
/// while one is being written are coalesced into the next, and ``waitForWrites()`` (also run when
/// the process exits) waits for the last.
public struct HistoryFile: Sendable {
    /// The file.
    public let path: String
    /// The most entries kept, in memory and on disk.
    public let limit: Int

    /// How a line break inside an entry is written in the file.
    static let lineBreakMark = "\u{2424}"

    /// `$XDG_STATE_HOME/kiso/history`, by default `~/.local/state/kiso/history`.
    public static func defaultPath(environment: Environment = .process) -> String {
        FileSystem.join(environment.kisoStateDirectory, "history")
    }

    /// A history file at `path` keeping `limit` entries (at least 1).
    public init(path: String, limit: Int = 1000) {
        self.path = path
        self.limit = max(1, min(limit, 1_000_000))
    }

    /// Creates the directory and the file when missing, caps readline's in-memory history, and reads
    /// the file into it. Returns false when the file could not be created or read.
    @discardableResult
    public func load() -> Bool {
        using_history()
        stifle_history(Int32(limit))
        do {
            try FileSystem.createDirectories(atPath: FileSystem.directoryName(of: path), mode: 0o700)
        } catch {
            return false
        }
        // Wait for this process's own writes, so the file read is the newest.
        HistoryFile.waitForWrites()
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        if descriptor < 0 { return false }
        close(descriptor)
        guard let text = try? FileSystem.readText(atPath: path) else { return false }
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            add_history(HistoryFile.decoded(String(line)))
        }
        return true
    }

    /// Writes readline's history (which already holds `entry`) to the file, in the background.
    /// Returns false when there is nothing to write.
    @discardableResult
    public func append(_ entry: String) -> Bool {
        let entries = LineEditor.historyEntries().suffix(limit)
        guard !entries.isEmpty else { return false }
        HistoryWriter.shared.submit(entries.map { HistoryFile.encoded($0) + "\n" }.joined(), toPath: path)
        return true
    }

    /// Waits until every history write submitted so far is on disk.
    public static func waitForWrites() {
        HistoryWriter.shared.waitForWrites()
    }

    /// An entry as one line of the file.
    static func encoded(_ entry: String) -> String {
        entry.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: lineBreakMark)
    }

    /// A line of the file as the entry it stands for.
    static func decoded(_ line: String) -> String {
        line.split(separator: Character(lineBreakMark), omittingEmptySubsequences: false).joined(separator: "\n")
    }
}
