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
    static let capacity = 4096

    private static let table = Mutex<[Key: [Int]]>([:])

    /// The shared array holding `key`'s integers.
    @inline(__always)
    static func array(_ key: Key) -> [Int] {
        if key.count == 0 { return [] }
        return table.withLock { table in
            if let found = table[key] { return found }
            let made = key.array
            if table.count < capacity { table[key] = made }
            return made
        }
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
