import Foundation
import KisoTensor
import Synchronization
import Testing

@testable import KisoLang

/// Ctrl-C reaches long kernels, not only the interpreter's loops.
@Suite(.serialized) struct InterruptTests {
    @Test func aLongMatrixProductStopsForAnInterrupt() throws {
        let session = Session { _ in }
        #expect(session.run("a = ones([4000, 4000])").error == nil)
        // The request comes from a thread of its own, as a signal would: a task could wait for
        // the cooperative pool, which other suites keep busy. It is repeated until the product
        // returns, since another suite's interpreter that notices its own flag clears this one.
        let finished = Atomic<Bool>(false)
        let interrupter = Thread {
            Thread.sleep(forTimeInterval: 0.15)
            while !finished.load(ordering: .relaxed) {
                // Only the engine's flag: the interpreter's would stop other suites' loops.
                Interruption.requested.store(true, ordering: .relaxed)
                Thread.sleep(forTimeInterval: 0.02)
            }
        }
        interrupter.start()
        // One expression, one product: only the kernel itself can notice the interrupt.
        let result = session.run("b = a @ a")
        finished.store(true, ordering: .relaxed)
        #expect(result.error?.kind == .interrupted)
        #expect(session.run("a.shape").echo == "(4000, 4000)")
        #expect(session.run("b").error?.kind == .name)
    }
}
