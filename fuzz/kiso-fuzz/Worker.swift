import Foundation
import KisoBase
import KisoLang
import KisoTensor
import Synchronization

/// Runs a range of programs in this process, each in a fresh session, telling the driver on
/// standard output which one it starts (`B i`) and finishes (`E i`). A crash ends the process;
/// the driver then knows the culprit from the last `B`. A program still running after the
/// timeout is interrupted (Ctrl-C, as a learner would); one that does not stop within the
/// grace period is a hang: the worker prints `H i` and exits with status 3.
enum Worker {
    /// Milliseconds since the start of the program being run, or -1 between programs.
    private static let startedAt = Atomic<Int>(-1)
    private static let current = Atomic<Int>(0)

    static func run(_ options: Options) -> Never {
        TensorLimits.maxBytes = options.memoryMiB << 20
        // The allocation limit is Kiso's own; the address-space limit only stops a check Kiso
        // misses from taking the machine down with it (and turns it into a visible failure).
        var limit = rlimit(
            rlim_cur: rlim_t(options.addressSpaceGiB) << 30, rlim_max: rlim_t(options.addressSpaceGiB) << 30)
        setrlimit(Int32(RLIMIT_AS.rawValue), &limit)
        startWatchdog(timeout: options.timeout, hangAfter: options.hangAfter)

        let generator = ProgramGenerator()
        let mutator = CellMutator(root: options.root, generator: generator)
        for index in options.start..<(options.start + options.count) {
            let program = Campaign.program(index, seed: options.seed, generator: generator, mutator: mutator)
            emit("B \(index)")
            current.store(index, ordering: .relaxed)
            startedAt.store(now(), ordering: .relaxed)
            var printed = 0
            let session = Session { text in printed &+= text.utf8.count }
            let result = session.run(program, origin: "<fuzz>")
            for error in result.errors { _ = error.render(source: program) }
            startedAt.store(-1, ordering: .relaxed)
            emit("E \(index)")
        }
        exit(0)
    }

    private static func emit(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    private static func now() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return time.tv_sec * 1000 + time.tv_nsec / 1_000_000
    }

    private static func startWatchdog(timeout: Double, hangAfter: Double) {
        let thread = Thread {
            var interrupted = -1
            while true {
                usleep(50_000)
                let started = startedAt.load(ordering: .relaxed)
                guard started >= 0 else { continue }
                let elapsed = Double(now() - started) / 1000
                let index = current.load(ordering: .relaxed)
                if elapsed > timeout && interrupted != index {
                    interrupted = index
                    Session.interrupt.store(true, ordering: .relaxed)
                    Interruption.requested.store(true, ordering: .relaxed)
                }
                if elapsed > hangAfter {
                    emit("H \(index)")
                    _exit(3)
                }
            }
        }
        thread.stackSize = 1 << 20
        thread.start()
    }
}
