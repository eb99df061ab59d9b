#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An insertion-ordered set of byte slices of one buffer, found by content: the word counter for
/// training and the per-word cache for encoding. Keys are offsets into the caller's buffer, so
/// looking a word up copies nothing.
struct SliceTable {
    /// Where each entry's bytes start and end in the buffer, in insertion order.
    private(set) var starts: [Int] = []
    private(set) var ends: [Int] = []
    private var hashes: [UInt64] = []
    /// Open addressing: entry index + 1, or 0 for an empty slot.
    private var slots: [Int32]
    private var mask: Int

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
    }

    var count: Int { starts.count }

    @inline(__always)
    static func hash(_ base: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in start..<end {
            h = (h ^ UInt64(base[i])) &* 0x0000_0100_0000_01B3
        }
        return h ^ (h >> 29)
    }

    /// The entry holding the bytes `base[start..<end]`, added at the end if it is new.
    @inline(__always)
    mutating func insert(_ base: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (index: Int, isNew: Bool) {
        let h = SliceTable.hash(base, start, end)
        var slot = Int(truncatingIfNeeded: h) & mask
        let length = end - start
        while true {
            let stored = Int(slots[slot])
            if stored == 0 { break }
            let e = stored - 1
            if hashes[e] == h && ends[e] - starts[e] == length && equal(base, starts[e], start, length) {
                return (e, false)
            }
            slot = (slot + 1) & mask
        }
        let index = starts.count
        starts.append(start)
        ends.append(end)
        hashes.append(h)
        slots[slot] = Int32(truncatingIfNeeded: index + 1)
        if starts.count * 2 > slots.count { grow() }
        return (index, true)
    }

    @inline(__always)
    private func equal(_ base: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, _ length: Int) -> Bool {
        guard let pointer = base.baseAddress else { return length == 0 }
        return memcmp(pointer + a, pointer + b, length) == 0
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
        for (e, h) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: h) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(truncatingIfNeeded: e + 1)
        }
    }
}
