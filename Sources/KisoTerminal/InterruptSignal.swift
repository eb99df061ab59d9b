import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Ctrl-C handling. The handler installed with ``install(onInterrupt:)`` runs in signal context, where
/// only async-signal-safe work is allowed; the default one just sets ``pending``, which a running
/// computation polls (and ``LineEditor`` checks to clear the line at the prompt).
public enum InterruptSignal {
    /// Set by the default handler when SIGINT arrives; cleared by ``takePending()``.
    public static let pending = Atomic<Bool>(false)

    /// Installs a SIGINT handler with `sigaction`. The handler must be async-signal-safe: store into
    /// an `Atomic`, nothing more. Without `SA_RESTART`, so a blocking read returns `EINTR` and the
    /// caller can act on the interrupt. Returns false if the system refused.
    @discardableResult
    public static func install(onInterrupt handler: @convention(c) (Int32) -> Void) -> Bool {
        var action = sigaction()
        #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = handler
        #else
            action.__sigaction_u.__sa_handler = handler
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        return sigaction(SIGINT, &action, nil) == 0
    }

    /// Installs the default handler, which sets ``pending``.
    @discardableResult
    public static func install() -> Bool {
        install(onInterrupt: { _ in InterruptSignal.pending.store(true, ordering: .relaxed) })
    }

    /// Restores the system's default action (terminate on Ctrl-C).
    public static func restoreDefault() {
        signal(SIGINT, SIG_DFL)
    }

    /// Whether an interrupt arrived since the last call, clearing the flag.
    public static func takePending() -> Bool {
        pending.exchange(false, ordering: .relaxed)
    }

    /// Whether an interrupt arrived, without clearing it: for polling inside long loops.
    public static var isPending: Bool {
        pending.load(ordering: .relaxed)
    }
}
