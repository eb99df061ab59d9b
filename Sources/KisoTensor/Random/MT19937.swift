/// The Mersenne Twister behind NumPy's legacy `RandomState` (numpy/random/src/mt19937).
struct MT19937: RandomBitSource {
    private static let stateLength = 624
    private static let shift = 397
    private static let matrixA: UInt32 = 0x9908_b0df
    private static let upperMask: UInt32 = 0x8000_0000
    private static let lowerMask: UInt32 = 0x7fff_ffff

    private var key: [UInt32]
    private var position: Int

    /// Seeds from one 32-bit integer with Knuth's recurrence (`mt19937_seed`), as
    /// `RandomState(seed)` and `np.random.seed(seed)` do for an integer seed.
    init(seed: UInt32) {
        key = [UInt32](repeating: 0, count: MT19937.stateLength)
        var value = seed
        for i in 0..<MT19937.stateLength {
            key[i] = value
            value = 1_812_433_253 &* (value ^ (value >> 30)) &+ UInt32(i + 1)
        }
        position = MT19937.stateLength
    }

    /// Seeds from a list of 32-bit words (`init_by_array`), as `RandomState([a, b, …])` does.
    init(seedWords: [UInt32]) {
        self.init(seed: 19_650_218)
        let n = MT19937.stateLength
        var i = 1
        var j = 0
        for _ in 0..<Swift.max(n, seedWords.count) {
            let previous = key[i - 1] ^ (key[i - 1] >> 30)
            key[i] = (key[i] ^ (previous &* 1_664_525)) &+ seedWords[j] &+ UInt32(truncatingIfNeeded: j)
            i += 1
            j += 1
            if i >= n {
                key[0] = key[n - 1]
                i = 1
            }
            if j >= seedWords.count { j = 0 }
        }
        for _ in 0..<(n - 1) {
            let previous = key[i - 1] ^ (key[i - 1] >> 30)
            key[i] = (key[i] ^ (previous &* 1_566_083_941)) &- UInt32(i)
            i += 1
            if i >= n {
                key[0] = key[n - 1]
                i = 1
            }
        }
        key[0] = 0x8000_0000
    }

    /// A state whose first word is 0x80000000 and the rest `words[1...]`: NumPy's seeding from
    /// fresh entropy.
    init(stateWords words: [UInt32]) {
        key = words
        key[0] = 0x8000_0000
        position = MT19937.stateLength
    }

    /// Regenerates the whole state block.
    private mutating func regenerate() {
        let n = MT19937.stateLength
        let m = MT19937.shift
        for i in 0..<n {
            let y = (key[i] & MT19937.upperMask) | (key[(i + 1) % n] & MT19937.lowerMask)
            let twist = (y >> 1) ^ ((y & 1) == 0 ? 0 : MT19937.matrixA)
            key[i] = key[(i + m) % n] ^ twist
        }
        position = 0
    }

    mutating func nextUInt32() -> UInt32 {
        if position >= MT19937.stateLength { regenerate() }
        var y = key[position]
        position += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c_5680
        y ^= (y << 15) & 0xefc6_0000
        y ^= y >> 18
        return y
    }

    /// The first 32-bit word is the high half, as NumPy's compiled `mt19937_next64` orders it.
    mutating func nextUInt64() -> UInt64 {
        let high = UInt64(nextUInt32())
        return (high << 32) | UInt64(nextUInt32())
    }

    /// 53 bits from two words: 27 from the first and 26 from the second.
    mutating func nextDouble() -> Double {
        let a = Double(nextUInt32() >> 5)
        let b = Double(nextUInt32() >> 6)
        return (a * 67_108_864.0 + b) / 9_007_199_254_740_992.0
    }
}
