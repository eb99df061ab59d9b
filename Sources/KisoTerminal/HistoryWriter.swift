import Dispatch
import KisoBase
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes history files on a background thread through the atomic writer, newest text first:
/// a text submitted while an earlier one for the same file is still waiting replaces it.
final class HistoryWriter: Sendable {
    /// The one writer of the process; it flushes when the process exits.
    static let shared: HistoryWriter = {
        let writer = HistoryWriter()
        atexit { HistoryWriter.shared.waitForWrites() }
        return writer
    }()

    /// The newest text waiting for each path.
    private let pending = Mutex<[String: String]>([:])
    private let queue = DispatchQueue(label: "kiso.history-writer")

    /// Queues `text` to replace the file at `path`.
    func submit(_ text: String, toPath path: String) {
        let alreadyQueued = pending.withLock { waiting in
            defer { waiting[path] = text }
            return waiting[path] != nil
        }
        if alreadyQueued { return }
        queue.async { [self] in
            guard let newest = pending.withLock({ $0.removeValue(forKey: path) }) else { return }
            // A history that cannot be written is not worth interrupting the learner for; the
            // entries stay in memory for this session.
            try? FileSystem.writeAtomically(newest, toPath: path, confined: false)
        }
    }

    /// Returns once every text submitted before the call is written.
    func waitForWrites() {
        queue.sync {}
    }
}
