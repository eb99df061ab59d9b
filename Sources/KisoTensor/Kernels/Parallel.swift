import Dispatch
import Glibc

/// Splitting large element loops across the machine's cores.
enum Parallel {
    /// The number of online processors, read once.
    static let coreCount: Int = Swift.max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))

    /// Below this many elements a loop runs on the calling thread: waking a second thread costs
    /// more than it saves.
    static let minimumParallelCount = 1 << 16

    /// Calls `body` on disjoint ranges that together cover `0..<count`, concurrently when the
    /// loop is large enough to profit. `body` must only touch its own range of any output.
    @inline(__always)
    static func forRanges(_ count: Int, _ body: (Range<Int>) -> Void) {
        let chunks = count >= minimumParallelCount ? Swift.min(coreCount, count / (minimumParallelCount / 2)) : 1
        if chunks <= 1 {
            body(0..<count)
            return
        }
        withoutActuallyEscaping(body) { body in
            let task = UncheckedSendable(body)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let start = count * chunk / chunks
                let end = count * (chunk + 1) / chunks
                task.value(start..<end)
            }
        }
    }
}

extension Parallel {
    /// Calls `body(0..<chunks)` concurrently, one call per chunk.
    static func forChunks(_ chunks: Int, _ body: (Int) -> Void) {
        if chunks <= 1 {
            if chunks == 1 { body(0) }
            return
        }
        withoutActuallyEscaping(body) { body in
            let task = UncheckedSendable(body)
            DispatchQueue.concurrentPerform(iterations: chunks) { task.value($0) }
        }
    }
}

/// Hands a value that is safe by construction (disjoint writes, read-only reads) to other threads.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
