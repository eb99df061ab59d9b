import KisoBase
import KisoLang
import KisoTensor
import KisoTerminal

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Ctrl-C: one handler serves both the line editor (which clears the line at the prompt) and a
/// running Kiso program (which stops at its next loop turn or call with an `interrupted` error).
enum InterruptHandling {
    /// Installs the handler; call it after creating the ``LineEditor``, which installs its own.
    static func install() {
        InterruptSignal.install(onInterrupt: { _ in
            // Async-signal-safe: atomic stores only.
            InterruptSignal.pending.store(true, ordering: .relaxed)
            Session.interrupt.store(true, ordering: .relaxed)
            if Session.isRunning.load(ordering: .relaxed) {
                Interruption.requested.store(true, ordering: .relaxed)
            }
        })
        // A parent may have started kiso with signals blocked (the mask is inherited across exec);
        // Ctrl-C would then never arrive, and a closed terminal or `kill` would leave a runaway
        // loop spinning. Threads started later inherit this thread's mask.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signal in [SIGINT, SIGHUP, SIGTERM, SIGQUIT] { sigaddset(&unblock, signal) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }
}
