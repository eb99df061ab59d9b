import Synchronization

/// A request to stop the running computation (Ctrl-C), polled by long kernels between blocks of
/// work so that the prompt comes back within about a second with every variable intact.
public enum Interruption {
    /// Set from a signal handler (an atomic store is async-signal-safe); cleared when a run
    /// starts and when a computation stops for it.
    public static let requested = Atomic<Bool>(false)

    /// Throws an `interrupted` error naming `op`, clearing the request, if one is pending.
    @inline(__always)
    static func check(_ op: String) throws {
        if requested.load(ordering: .relaxed) {
            requested.store(false, ordering: .relaxed)
            throw TensorError(.interrupted, "\(op): interrupted", hint: "every variable keeps its last value")
        }
    }
}
