import CBLAS
import Synchronization

/// OpenBLAS's thread count, chosen per call from the size of the work.
///
/// Splitting a small product across threads saves little even on an idle machine, and on a
/// busy one (two cores shared with other processes) OpenBLAS's waiting threads can make it many
/// times slower than one thread. So products up to `singleThreadWork` multiply-adds (a 256³
/// product, about half a millisecond on one core) run on one thread, larger ones on all.
enum BLASThreads {
    /// The largest m·n·k run on one thread.
    static let singleThreadWork = 256 * 256 * 256

    /// The smallest m·n·k that `matmul` splits across cores itself: below it one core is faster
    /// than waking another.
    static let selfSplitMinimum = 128 * 128 * 128

    /// The largest m·n·k that `matmul` splits across cores itself (one single-threaded product
    /// per core); above it OpenBLAS's own threads do as well.
    static let selfSplitWork = 1024 * 1024 * 1024

    /// The m·n·k of one band of rows in a larger product, between which `matmul` checks for
    /// Ctrl-C: a few tenths of a second on two cores, and large enough that OpenBLAS still
    /// runs each band at full speed.
    static let interruptBlock = 1 << 30

    /// The count last given to OpenBLAS (0 before the first call), so unchanged counts cost
    /// nothing. OpenBLAS's setting is process-wide: concurrent products may see each other's
    /// choice, which changes only their speed.
    private static let current = Atomic<Int>(0)

    /// Sets the thread count for work of `multiplyAdds` (m·n·k for a product, n³ for a
    /// factorisation).
    static func prepare(_ library: BLASLibrary, multiplyAdds: Int) {
        let wanted = multiplyAdds <= singleThreadWork ? 1 : library.threadCount
        if current.exchange(wanted, ordering: .relaxed) != wanted {
            library.setNumThreads(Int32(clamping: wanted))
        }
    }

    /// m·n·k without overflow (saturating), for `prepare`.
    static func work(_ m: Int, _ n: Int, _ k: Int) -> Int {
        let (mn, o1) = m.multipliedReportingOverflow(by: n)
        let (mnk, o2) = mn.multipliedReportingOverflow(by: k)
        return o1 || o2 ? Int.max : mnk
    }
}
