import KisoBase
import CReadline

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The REPL's history on disk, written through readline's history library.
///
/// The file is rewritten atomically the moment each entry is entered, so a crash loses at most the
/// line being typed and never leaves a torn file; it holds the newest `limit` lines.
public struct HistoryFile: Sendable {
    /// The file.
    public let path: String
    /// The most lines kept, in memory and on disk.
    public let limit: Int

    /// `$XDG_STATE_HOME/kiso/history`, by default `~/.local/state/kiso/history`.
    public static func defaultPath(environment: Environment = .process) -> String {
        FileSystem.join(environment.kisoStateDirectory, "history")
    }

    /// A history file at `path` keeping `limit` lines (at least 1).
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
        // append_history needs the file to exist already.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        if descriptor < 0 { return false }
        close(descriptor)
        return read_history(path) == 0
    }

    /// Writes readline's history (which already holds `line`, capped at `limit`) to the file
    /// through ``FileSystem/writeAtomically(_:toPath:)-(String,_)``: a crash or `kill -9` in
    /// the middle leaves the previous file whole, where appending in place could leave half a
    /// line. A thousand short lines take well under a millisecond to write.
    @discardableResult
    public func append(_ line: String) -> Bool {
        let entries = LineEditor.historyEntries()
        let text = entries.isEmpty ? "" : entries.joined(separator: "\n") + "\n"
        do {
            try FileSystem.writeAtomically(text, toPath: path)
            return true
        } catch {
            return false
        }
    }
}
