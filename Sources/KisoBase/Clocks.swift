#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The two clocks a program times itself with, as Python's `time.perf_counter()` and
/// `time.process_time()` read them: shared by the REPL's `:time` and the language's builtins.
public enum Clocks {
    /// Seconds on the monotonic clock, from an arbitrary origin (Python's `perf_counter`).
    public static func monotonic() -> Double {
        read(CLOCK_MONOTONIC)
    }

    /// Seconds of CPU time this process has used, user and system, all threads (Python's
    /// `process_time`).
    public static func processCPU() -> Double {
        read(CLOCK_PROCESS_CPUTIME_ID)
    }

    private static func read(_ clock: clockid_t) -> Double {
        var time = timespec()
        clock_gettime(clock, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
