/// A map from a pair of token ids to an Int32, with open addressing and a multiplicative hash:
/// the lookup training and encoding do millions of times, several times cheaper than a
/// `Dictionary`, whose hashing is built to resist adversarial keys.
struct PairTable: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var shift: UInt64
    private(set) var count = 0
    /// Never a key: ids are below 2³¹, so a pair's high half is too.
    private static let empty = UInt64.max

    init(capacity: Int = 16) {
        var size = 16
        var bits: UInt64 = 4
        while size < capacity * 2 {
            size <<= 1
            bits += 1
        }
        keys = [UInt64](repeating: PairTable.empty, count: size)
        values = [Int32](repeating: 0, count: size)
        shift = 64 - bits
    }

    /// The key of the pair (a, b).
    @inline(__always)
    static func key(_ a: Int32, _ b: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: a)) << 32 | UInt64(UInt32(bitPattern: b))
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The value stored for `key`, or nil.
    @inline(__always)
    subscript(key: UInt64) -> Int32? {
        let mask = keys.count - 1
        var i = slot(key)
        while true {
            let k = keys[i]
            if k == key { return values[i] }
            if k == PairTable.empty { return nil }
            i = (i + 1) & mask
        }
    }

    /// Stores `value` for `key` unless the key is already there; returns the stored value.
    @inline(__always)
    mutating func insert(_ key: UInt64, _ value: Int32) -> Int32 {
        let mask = keys.count - 1
        var i = slot(key)
        while true {
            let k = keys[i]
            if k == key { return values[i] }
            if k == PairTable.empty { break }
            i = (i + 1) & mask
        }
        keys[i] = key
        values[i] = value
        count += 1
        if count * 2 > keys.count { grow() }
        return value
    }

    private mutating func grow() {
        let (oldKeys, oldValues) = (keys, values)
        keys = [UInt64](repeating: PairTable.empty, count: oldKeys.count * 2)
        values = [Int32](repeating: 0, count: oldKeys.count * 2)
        shift -= 1
        count = 0
        for (k, v) in zip(oldKeys, oldValues) where k != PairTable.empty { _ = insert(k, v) }
    }
}
