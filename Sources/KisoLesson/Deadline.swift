import KisoLang
import Synchronization

/// Stops the running Kiso code once a time limit has passed: from then on it keeps raising the
/// session interrupt (which every loop turn and call checks), until ``finish()``.
final class Deadline: Sendable {
    private let done = Atomic<Bool>(false)
    private let passed = Atomic<Bool>(false)

    /// Starts watching; nil seconds watches nothing.
    init(seconds: Double?) {
        guard let seconds, seconds > 0, seconds.isFinite else { return }
        let limit = ContinuousClock.now.advanced(by: .milliseconds(Int64(min(seconds, 1e6) * 1000)))
        Task.detached { [self] in
            while !self.done.load(ordering: .relaxed) {
                if ContinuousClock.now >= limit {
                    self.passed.store(true, ordering: .relaxed)
                    Session.interrupt.store(true, ordering: .relaxed)
                }
                try? await Task.sleep(for: .milliseconds(20))
            }
        }
    }

    /// Whether the limit passed before ``finish()``.
    var expired: Bool { passed.load(ordering: .relaxed) }

    /// Stops watching and clears an interrupt it raised.
    func finish() {
        done.store(true, ordering: .relaxed)
        if expired { Session.interrupt.store(false, ordering: .relaxed) }
    }
}
