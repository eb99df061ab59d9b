import Synchronization

/// Shared copies of the short `[Int]` arrays tensors carry as shapes and strides.
///
/// Every tensor result needs a shape and strides; built fresh, they are two heap allocations
/// beside the one for the elements, and in a loop of small operations they are most of the
/// work. Arrays of up to four entries are instead looked up here by value and shared
/// (copy-on-write keeps sharing them safe). The table is bounded: once full, new arrays are
/// simply allocated as before.
enum SmallIntArrays {
    /// Up to four integers, stored inline, as the table's key.
    struct Key: Hashable {
        var count: Int
        var a = 0
        var b = 0
        var c = 0
        var d = 0

        @inline(__always)
        subscript(_ i: Int) -> Int {
            get {
                switch i {
                case 0: return a
                case 1: return b
                case 2: return c
                default: return d
                }
            }
            set {
                switch i {
                case 0: a = newValue
                case 1: b = newValue
                case 2: c = newValue
                default: d = newValue
                }
            }
        }

        var array: [Int] {
            switch count {
            case 0: return []
            case 1: return [a]
            case 2: return [a, b]
            case 3: return [a, b, c]
            default: return [a, b, c, d]
            }
        }
    }

    /// The most distinct arrays kept: far more than a program's working set of shapes, small
    /// enough that the table never matters for memory.
    static let capacity = 2048

    /// An open-addressing table with a cheap multiplicative hash: Swift's `Dictionary` would
    /// spend more on hashing five integers with SipHash than the allocation it saves.
    struct Table {
        var keys = [Key?](repeating: nil, count: 2 * SmallIntArrays.capacity)
        var arrays = [[Int]](repeating: [], count: 2 * SmallIntArrays.capacity)
        var count = 0

        @inline(__always)
        static func slot(_ key: Key, mask: Int) -> Int {
            @inline(__always) func mix(_ h: UInt64, _ part: Int) -> UInt64 {
                (h ^ UInt64(bitPattern: Int64(part))) &* 0x9E37_79B9_7F4A_7C15
            }
            let h = mix(mix(mix(mix(mix(0, key.count), key.a), key.b), key.c), key.d)
            return Int(truncatingIfNeeded: h >> 32) & mask
        }

        mutating func array(_ key: Key) -> [Int] {
            let mask = keys.count - 1
            var i = Table.slot(key, mask: mask)
            while let found = keys[i] {
                if found == key { return arrays[i] }
                i = (i + 1) & mask
            }
            let made = key.array
            // Kept at most half full, so a probe always ends at an empty slot.
            if count < SmallIntArrays.capacity {
                keys[i] = key
                arrays[i] = made
                count += 1
            }
            return made
        }
    }

    private static let table = Mutex(Table())

    /// The shared array holding `key`'s integers.
    @inline(__always)
    static func array(_ key: Key) -> [Int] {
        if key.count == 0 { return [] }
        return table.withLock { $0.array(key) }
    }

    /// `values` as a shared array when it has at most four entries, else itself.
    @inline(__always)
    static func shared(_ values: some Collection<Int>) -> [Int] {
        guard values.count <= 4 else { return Array(values) }
        var key = Key(count: values.count)
        for (i, v) in values.enumerated() { key[i] = v }
        return array(key)
    }

    /// Row-major strides for `shape`, shared when the rank is at most four.
    @inline(__always)
    static func contiguousStrides(for shape: [Int]) -> [Int] {
        let r = shape.count
        guard r <= 4 else { return Tensor.freshContiguousStrides(for: shape) }
        var key = Key(count: r)
        var running = 1
        var axis = r - 1
        while axis >= 0 {
            key[axis] = running
            running &*= Swift.max(shape[axis], 1)
            axis -= 1
        }
        return array(key)
    }
}
