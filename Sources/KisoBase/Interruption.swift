import Synchronization

/// A request to stop the running computation (Ctrl-C), polled by long kernels — matrix products,
/// decompositions, random draws, reductions, plots, tokeniser training — between blocks of work,
/// so that the prompt comes back within about a second with every variable intact.
///
/// It lives here, below every module that computes, so that the engine, plots and tokenisers
/// all read the one flag. The executable's signal handler sets it while a run is going; the
/// layer that turns a stop into the learner's `interrupted` error clears it.
public enum Interruption {
    /// Set from a signal handler (an atomic store is async-signal-safe); cleared when a run
    /// starts and when a computation stops for it.
    public static let requested = Atomic<Bool>(false)

    /// Whether a stop has been requested, without clearing the request.
    @inline(__always)
    public static var isRequested: Bool { requested.load(ordering: .relaxed) }

    /// Whether a stop has been requested, clearing the request.
    public static func take() -> Bool {
        requested.exchange(false, ordering: .relaxed)
    }
}
