/// NumPy's default bit generator: a 128-bit linear congruential generator whose output is the
/// XSL-RR permutation of its state (numpy/random/src/pcg64/pcg64.h).
///
/// The 128-bit state is kept as two 64-bit halves; the product is formed with
/// `multipliedFullWidth`, keeping only the low 128 bits as the modular arithmetic requires.
struct PCG64: RandomBitSource {
    private static let multiplierHigh: UInt64 = 2_549_297_995_355_413_924
    private static let multiplierLow: UInt64 = 4_865_540_595_714_422_341

    private(set) var stateHigh: UInt64 = 0
    private(set) var stateLow: UInt64 = 0
    private(set) var incrementHigh: UInt64 = 0
    private(set) var incrementLow: UInt64 = 0
    /// The upper half of the last 64-bit word when a 32-bit draw used only its lower half;
    /// NumPy serves the next 32-bit draw from it.
    private var bufferedHalf: UInt32?

    /// Seeds as `pcg64_set_seed` does: the increment is `(sequence << 1) | 1`, and the seed is
    /// added between two steps.
    init(seedHigh: UInt64, seedLow: UInt64, sequenceHigh: UInt64, sequenceLow: UInt64) {
        incrementHigh = (sequenceHigh << 1) | (sequenceLow >> 63)
        incrementLow = (sequenceLow << 1) | 1
        step()
        let (low, carry) = stateLow.addingReportingOverflow(seedLow)
        stateLow = low
        stateHigh = stateHigh &+ seedHigh &+ (carry ? 1 : 0)
        step()
    }

    /// Seeds from an integer the way `numpy.random.default_rng(seed)` does, through SeedSequence.
    init(seedSequence: SeedSequence) {
        let words = seedSequence.generateState64(count: 4)
        self.init(seedHigh: words[0], seedLow: words[1], sequenceHigh: words[2], sequenceLow: words[3])
    }

    /// state ← state × multiplier + increment (mod 2¹²⁸).
    private mutating func step() {
        let (productHigh, productLow) = stateLow.multipliedFullWidth(by: PCG64.multiplierLow)
        let high = productHigh &+ stateHigh &* PCG64.multiplierLow &+ stateLow &* PCG64.multiplierHigh
        let (low, carry) = productLow.addingReportingOverflow(incrementLow)
        stateLow = low
        stateHigh = high &+ incrementHigh &+ (carry ? 1 : 0)
    }

    mutating func nextUInt64() -> UInt64 {
        step()
        let folded = stateHigh ^ stateLow
        let rotation = stateHigh >> 58
        return (folded >> rotation) | (folded << ((64 &- rotation) & 63))
    }

    mutating func nextUInt32() -> UInt32 {
        if let half = bufferedHalf {
            bufferedHalf = nil
            return half
        }
        let word = nextUInt64()
        bufferedHalf = UInt32(truncatingIfNeeded: word >> 32)
        return UInt32(truncatingIfNeeded: word)
    }

    mutating func nextDouble() -> Double {
        Double(nextUInt64() >> 11) * (1.0 / 9_007_199_254_740_992.0)
    }
}
