import KisoLang
import KisoTerminal

/// Ctrl-C: one handler serves both the line editor (which clears the line at the prompt) and a
/// running Kiso program (which stops at its next loop turn or call with an `interrupted` error).
enum InterruptHandling {
    /// Installs the handler; call it after creating the ``LineEditor``, which installs its own.
    static func install() {
        InterruptSignal.install(onInterrupt: { _ in
            // Async-signal-safe: atomic stores only.
            InterruptSignal.pending.store(true, ordering: .relaxed)
            Session.interrupt.store(true, ordering: .relaxed)
        })
    }
}
