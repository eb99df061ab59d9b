/// NumPy's `SeedSequence` (numpy/random/bit_generator.pyx) for the default pool of four 32-bit
/// words: it hashes the seed's entropy into the pool and expands the pool into as many state
/// words as a bit generator needs.
struct SeedSequence {
    private static let initA: UInt32 = 0x43b0_d7e5
    private static let multA: UInt32 = 0x931e_8875
    private static let initB: UInt32 = 0x8b51_f9dd
    private static let multB: UInt32 = 0x58f3_8ded
    private static let mixMultL: UInt32 = 0xca01_f9dd
    private static let mixMultR: UInt32 = 0x4973_f715
    private static let poolSize = 4

    /// The mixed entropy pool.
    private(set) var pool: [UInt32]

    /// The 32-bit words NumPy splits a non-negative integer into, lowest first; zero is one word.
    static func words(of seed: UInt64) -> [UInt32] {
        if seed == 0 { return [0] }
        var words: [UInt32] = []
        var rest = seed
        while rest > 0 {
            words.append(UInt32(truncatingIfNeeded: rest))
            rest >>= 32
        }
        return words
    }

    /// Mixes `entropy` (32-bit words, as `_coerce_to_uint32_array` produces them) into the pool.
    init(entropy: [UInt32]) {
        var hashConstant = SeedSequence.initA
        func hashmix(_ value: UInt32) -> UInt32 {
            var value = value ^ hashConstant
            hashConstant = hashConstant &* SeedSequence.multA
            value = value &* hashConstant
            return value ^ (value >> 16)
        }
        func mix(_ x: UInt32, _ y: UInt32) -> UInt32 {
            let result = SeedSequence.mixMultL &* x &- SeedSequence.mixMultR &* y
            return result ^ (result >> 16)
        }
        var pool = [UInt32](repeating: 0, count: SeedSequence.poolSize)
        for i in 0..<pool.count {
            pool[i] = hashmix(i < entropy.count ? entropy[i] : 0)
        }
        for source in 0..<pool.count {
            for destination in 0..<pool.count where source != destination {
                pool[destination] = mix(pool[destination], hashmix(pool[source]))
            }
        }
        if entropy.count > pool.count {
            for source in pool.count..<entropy.count {
                for destination in 0..<pool.count {
                    pool[destination] = mix(pool[destination], hashmix(entropy[source]))
                }
            }
        }
        self.pool = pool
    }

    /// `generate_state(count, np.uint32)`.
    func generateState32(count: Int) -> [UInt32] {
        var hashConstant = SeedSequence.initB
        var state = [UInt32](repeating: 0, count: count)
        for i in 0..<count {
            var value = pool[i % pool.count] ^ hashConstant
            hashConstant = hashConstant &* SeedSequence.multB
            value = value &* hashConstant
            state[i] = value ^ (value >> 16)
        }
        return state
    }

    /// `generate_state(count, np.uint64)`: pairs of 32-bit words read little-endian.
    func generateState64(count: Int) -> [UInt64] {
        let halves = generateState32(count: count * 2)
        return (0..<count).map { UInt64(halves[2 * $0]) | (UInt64(halves[2 * $0 + 1]) << 32) }
    }
}
