import KisoBase
import CReadline

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The REPL's history on disk, written through readline's history library.
///
/// Each entry is appended the moment it is entered (`append_history`), so a crash loses at most the
/// line being typed, and the file is cut back to the newest `limit` lines with
/// `history_truncate_file`, which rewrites through a temporary file and a rename.
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

    /// Appends `line` (already added to readline's history) to the file and trims the file.
    @discardableResult
    public func append(_ line: String) -> Bool {
        var status = append_history(1, path)
        if status != 0 {
            // The file vanished since loading; recreate it from the in-memory history.
            status = write_history(path)
        }
        history_truncate_file(path, Int32(limit))
        return status == 0
    }
}
