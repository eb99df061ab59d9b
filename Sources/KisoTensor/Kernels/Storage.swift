import Glibc

/// Allocation of element storage.
public enum Storage {
    /// Buffers at least this large are backed by transparent huge pages where the kernel
    /// allows it on request (as NumPy does): a fresh 80 MB result then costs tens of page
    /// faults instead of twenty thousand.
    static let hugePageThreshold = 1 << 22
    static let hugePageSize = 1 << 21

    /// Results up to this many elements are allocated through `small(count:_:)`.
    static let smallCount = 1024

    /// `smallCount` zeros that `small(count:_:)` starts its arrays from; never written.
    private static let zeros: UncheckedSendable<UnsafePointer<Double>> = {
        let buffer = UnsafeMutablePointer<Double>.allocate(capacity: smallCount)
        buffer.initialize(repeating: 0, count: smallCount)
        return UncheckedSendable(UnsafePointer(buffer))
    }()

    /// `count` elements, written by `initialize` (which must write every one) before the array
    /// is returned.
    @inline(__always)
    static func make(count: Int, _ initialize: (UnsafeMutablePointer<Double>) -> Void) -> [Double] {
        if count <= smallCount { return small(count: count, initialize) }
        return [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress {
                adviseHugePages(base, bytes: count * MemoryLayout<Double>.stride)
                initialize(base)
            }
            initialized = count
        }
    }

    /// `make` for a small result, as a throwing `initialize` may need (it must write every
    /// element unless it throws).
    ///
    /// `[Double](unsafeUninitializedCapacity:)` (and `init(repeating:count:)`) allocate through
    /// the standard library's unspecialised entry point, which on Linux looks up the metadata of
    /// `_ContiguousArrayStorage<Double>` in the runtime's table on every call: for a 4×4 result
    /// that look-up costs more than the arithmetic. Reserving capacity in an empty array is
    /// specialised here and finds the metadata through a cached accessor. The elements are
    /// zeroed first (copied from `zeros`), which costs less than the look-up.
    @inline(__always)
    static func small(count: Int, _ initialize: (UnsafeMutablePointer<Double>) throws -> Void) rethrows -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(count)
        var left = count
        while left > 0 {
            let run = Swift.min(left, smallCount)
            out.append(contentsOf: UnsafeBufferPointer(start: zeros.value, count: run))
            left -= run
        }
        try out.withUnsafeMutableBufferPointer { buffer in
            if let base = buffer.baseAddress { try initialize(base) }
        }
        return out
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

    /// Keeps freed buffers of up to 32 MiB in the process for reuse, instead of returning each to
    /// the kernel (glibc's default from 128 KiB up) and paying a page fault per 4 KiB page when
    /// the next one is allocated: a training step allocates and frees the same few megabyte-sized
    /// buffers many times, and fresh pages made a conv2d step several times slower. Up to 128 MiB
    /// of freed memory stays mapped. Called once at start-up by the `kiso` executable.
    public static func keepLargeBuffers() {
        // glibc's mallopt (malloc.h is not part of Swift's Glibc module), with its parameter
        // numbers M_TRIM_THRESHOLD = -1 and M_MMAP_THRESHOLD = -3.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        _ = mallopt(-3, 32 << 20)
        _ = mallopt(-1, 128 << 20)
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
