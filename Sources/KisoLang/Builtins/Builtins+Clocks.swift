import KisoBase

/// Python's `time.perf_counter()` and `time.process_time()`: a program times a part of itself
/// (a training loop, say) as the same program in Python would.
extension Registry {
    func registerClocks() {
        section("Python builtins")
        add(
            "perf_counter", [],
            doc:
                "Seconds on a monotonic clock from an arbitrary start, as Python's time.perf_counter(): the difference of two readings is the wall time between them.",
            example: "t = perf_counter(); perf_counter() - t >= 0.0"
        ) { _ in .number(Clocks.monotonic()) }
        add(
            "process_time", [],
            doc:
                "Seconds of CPU time this process has used (user and system, all threads), as Python's time.process_time().",
            example: "t = process_time(); process_time() - t >= 0.0"
        ) { _ in .number(Clocks.processCPU()) }
    }
}
