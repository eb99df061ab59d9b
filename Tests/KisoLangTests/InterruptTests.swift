import KisoTensor
import Synchronization
import Testing

@testable import KisoLang

/// Ctrl-C reaches long kernels, not only the interpreter's loops.
@Suite(.serialized) struct InterruptTests {
    @Test func aLongMatrixProductStopsForAnInterrupt() async throws {
        let session = Session { _ in }
        #expect(session.run("a = ones([4000, 4000])").error == nil)
        // Other suites run sessions in parallel, and each run clears the flag as it starts; so
        // the request is repeated until this product returns.
        let finished = Atomic<Bool>(false)
        let task = Task.detached {
            try await Task.sleep(for: .milliseconds(150))
            while !finished.load(ordering: .relaxed) {
                Session.interrupt.store(true, ordering: .relaxed)
                Interruption.requested.store(true, ordering: .relaxed)
                try await Task.sleep(for: .milliseconds(20))
            }
        }
        // One expression, one product: only the kernel itself can notice the interrupt.
        let result = session.run("b = a @ a")
        finished.store(true, ordering: .relaxed)
        _ = try await task.value
        #expect(result.error?.kind == .interrupted)
        #expect(session.run("a.shape").echo == "(4000, 4000)")
        #expect(session.run("b").error?.kind == .name)
    }
}
