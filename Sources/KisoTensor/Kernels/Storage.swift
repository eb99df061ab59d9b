import Glibc

/// Allocation of element storage.
enum Storage {
    /// Buffers at least this large are backed by transparent huge pages where the kernel
    /// allows it on request (as NumPy does): a fresh 80 MB result then costs tens of page
    /// faults instead of twenty thousand.
    static let hugePageThreshold = 1 << 22
    static let hugePageSize = 1 << 21

    /// `count` elements, written by `initialize` (which must write every one) before the array
    /// is returned.
    @inline(__always)
    static func make(count: Int, _ initialize: (UnsafeMutablePointer<Double>) -> Void) -> [Double] {
        [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress {
                adviseHugePages(base, bytes: count * MemoryLayout<Double>.stride)
                initialize(base)
            }
            initialized = count
        }
    }

    /// `count` copies of `value`, written on every core for large counts.
    static func filled(count: Int, value: Double) -> [Double] {
        make(count: count) { base in
            let dst = UncheckedSendable(base)
            Parallel.forRanges(count) { range in
                (dst.value + range.lowerBound).initialize(repeating: value, count: range.count)
            }
        }
    }

    private static func adviseHugePages(_ base: UnsafeMutablePointer<Double>, bytes: Int) {
        guard bytes >= hugePageThreshold else { return }
        let start = (Int(bitPattern: base) + hugePageSize - 1) & ~(hugePageSize - 1)
        let end = (Int(bitPattern: base) + bytes) & ~(hugePageSize - 1)
        guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
        // Only advice: if the kernel declines, the memory is simply backed by small pages.
        _ = madvise(pointer, end - start, MADV_HUGEPAGE)
    }
}
