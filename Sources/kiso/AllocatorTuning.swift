import Glibc
import KisoBase

/// A larger per-thread cache in glibc's allocator, set before Kiso does anything else.
///
/// Each step of a training loop makes and drops dozens of small blocks of the same few sizes
/// (a variable and a pullback closure per operation on the tape, shapes, argument lists). glibc
/// keeps at most 7 freed blocks of a size in its per-thread cache; the rest go through its bins,
/// which are several times slower, and the circles MLP's `grad` loop ran about 5% slower for it.
/// The cache's size can only be chosen through `GLIBC_TUNABLES`, which glibc reads when a
/// program starts, so `kiso` starts its own executable once more with the setting (one more
/// `execve`, about a millisecond). It leaves everything as it is when the user has set
/// `GLIBC_TUNABLES` or `KISO_NO_REEXEC`, under valgrind (which would lose sight of the new
/// program), and when its executable cannot be found or started.
enum AllocatorTuning {
    /// The setting added: per size, the freed blocks glibc's per-thread cache keeps.
    static let setting = "glibc.malloc.tcache_count=64"

    /// Starts this program again with the tuned cache, or returns to run as it is.
    static func apply(_ environment: Environment = .process) {
        guard environment["GLIBC_TUNABLES"] == nil, environment["KISO_NO_REEXEC"] == nil,
            !(environment["LD_PRELOAD"] ?? "").contains("vgpreload"),
            let path = executablePath()
        else { return }
        setenv("GLIBC_TUNABLES", setting, 1)
        // The resolved path, not /proc/self/exe, so the process keeps its name (`ps`, `pkill kiso`).
        execv(path, CommandLine.unsafeArgv)
        // Still here: the executable could not be started again. Run as we are, without leaving
        // the setting to programs Kiso might start.
        unsetenv("GLIBC_TUNABLES")
    }

    /// The running executable's path, from /proc/self/exe.
    private static func executablePath() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        let path = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // A rebuilt or deleted executable reads as "… (deleted)" and cannot be started again.
        return path.hasSuffix(" (deleted)") ? nil : path
    }
}
