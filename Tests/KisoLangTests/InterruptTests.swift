import KisoTensor
import Testing

@testable import KisoLang

/// Ctrl-C reaches long kernels, not only the interpreter's loops.
@Suite(.serialized) struct InterruptTests {
    @Test func aLongMatrixProductStopsForAnInterrupt() async throws {
        let session = Session { _ in }
        #expect(session.run("a = ones([4000, 4000])").error == nil)
        let task = Task.detached {
            try await Task.sleep(for: .milliseconds(150))
            Session.interrupt.store(true, ordering: .relaxed)
            Interruption.requested.store(true, ordering: .relaxed)
        }
        // One expression, one product: only the kernel itself can notice the interrupt.
        let result = session.run("b = a @ a")
        _ = try await task.value
        #expect(result.error?.kind == .interrupted)
        #expect(session.run("a.shape").echo == "(4000, 4000)")
        #expect(session.run("b").error?.kind == .name)
    }
}
