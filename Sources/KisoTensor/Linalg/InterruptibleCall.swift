import CBLAS
import KisoBase

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One LAPACK call run so that Ctrl-C ends it within a fraction of a second, with the session
/// intact. LAPACK has no way to stop a routine partway, and a decomposition of a 3000×3000 matrix
/// is one call of about a minute.
///
/// A call of less than ``childProcessWork`` multiply-adds (a fraction of a second) runs in place.
/// A larger one runs in a child process (`fork`): the child makes the call on its copy of the
/// process's memory and copies the `outputs` into memory it shares with the parent, while the
/// parent polls for Ctrl-C. On Ctrl-C the parent kills the child, which frees its core at once,
/// and throws `interrupted`; its own buffers are written only after the child has finished, so an
/// interrupted call leaves them as they were. Between the calls of a stack of matrices the
/// callers check for Ctrl-C themselves.
enum InterruptibleCall {
    /// The work (n³ for an n×n factorisation) from which a call runs in a child process: about a
    /// tenth of a second, against a fork that costs a few milliseconds.
    static let childProcessWork = 1 << 28

    /// How long the parent sleeps between looks at the child and at Ctrl-C.
    static let pollMicroseconds: useconds_t = 5_000

    /// Makes `call` — one LAPACK routine writing only into `outputs`, and returning its `info` —
    /// and returns that `info`. Throws `interrupted` when Ctrl-C arrives first.
    static func run(
        _ op: String, work: Int, outputs: [UnsafeMutableRawBufferPointer], _ call: () -> blasint
    ) throws -> blasint {
        try Interruption.check(op)
        guard work >= childProcessWork else { return call() }
        let infoSize = MemoryLayout<Int64>.size
        let total = outputs.reduce(infoSize) { $0 + $1.count }
        let shared = mmap(nil, total, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0)
        guard let shared, shared != MAP_FAILED else { return call() }
        defer { munmap(shared, total) }
        let child = fork()
        if child < 0 { return call() }
        if child == 0 {
            // The child: the call, its results into the shared pages, and out without running
            // any of the parent's exit handlers or flushing its buffered output a second time.
            let info = call()
            shared.storeBytes(of: Int64(info), as: Int64.self)
            var offset = infoSize
            for output in outputs {
                if let base = output.baseAddress, output.count > 0 {
                    memcpy(shared + offset, base, output.count)
                }
                offset += output.count
            }
            _exit(0)
        }
        var status: Int32 = 0
        while true {
            let finished = waitpid(child, &status, WNOHANG)
            if finished == child { break }
            if finished < 0 && errno != EINTR { break }
            if Interruption.requested.load(ordering: .relaxed) {
                kill(child, SIGKILL)
                while waitpid(child, &status, 0) < 0 && errno == EINTR {}
                try Interruption.check(op)
            }
            usleep(pollMicroseconds)
        }
        // WIFEXITED and WEXITSTATUS, spelled out: Glibc's macros are not imported.
        guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
            throw TensorError.linalg(
                "\(op): the LAPACK call stopped abnormally (status \(status))",
                hint: "this is a bug in Kiso or OpenBLAS; please report it with the shapes involved")
        }
        var offset = infoSize
        for output in outputs {
            if let base = output.baseAddress, output.count > 0 {
                memcpy(base, shared + offset, output.count)
            }
            offset += output.count
        }
        return blasint(truncatingIfNeeded: shared.load(as: Int64.self))
    }
}

extension UnsafeMutableRawBufferPointer {
    /// The bytes of `count` doubles from `start`, as an output of ``InterruptibleCall``.
    init<Element>(_ start: UnsafeMutablePointer<Element>, count: Int) {
        self.init(UnsafeMutableBufferPointer(start: start, count: count))
    }
}
