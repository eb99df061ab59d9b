import KisoBase
import KisoNotebook
import KisoTensor

/// `KISO_MEMORY_LIMIT`: the most memory, in MiB, Kiso's tensors may hold at once (default
/// 4096). A machine with less memory, a test or a fuzzing campaign sets it lower.
enum MemoryLimit {
    /// Sets ``TensorLimits/maxBytes`` from the environment; an unreadable value is ignored
    /// with a warning rather than silently.
    static func apply(_ environment: Environment = .process) {
        guard let text = environment["KISO_MEMORY_LIMIT"], !text.isEmpty else { return }
        guard let mebibytes = Int(text), mebibytes > 0, mebibytes <= 1 << 30 else {
            StandardStreams.writeError("kiso: ignoring KISO_MEMORY_LIMIT=\(text): give a whole number of MiB")
            return
        }
        TensorLimits.maxBytes = mebibytes << 20
    }
}
