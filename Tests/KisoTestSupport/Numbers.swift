/// Deterministic inputs and bit-level comparisons for the tests of numerical kernels.

/// SplitMix64: a 64-bit generator whose stream depends only on its seed, so randomised tests
/// see the same inputs on every run and machine.
public struct SplitMix64 {
    /// The generator's state; the next output is a function of it alone.
    public var state: UInt64

    /// A generator starting from `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1), from the top 53 bits.
    public mutating func unit() -> Double {
        Double(next() >> 11) / Double(UInt64(1) << 53)
    }

    /// An integer in 0..<bound (with the slight bias of a modulus, harmless for tests).
    public mutating func next(below bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }
}

/// The distance between two doubles of the same sign in units in the last place (0 for equal
/// values and for two nans).
public func ulpDistance(_ a: Double, _ b: Double) -> UInt64 {
    if a == b || (a.isNaN && b.isNaN) { return 0 }
    let x = Int64(bitPattern: a.bitPattern)
    let y = Int64(bitPattern: b.bitPattern)
    return x > y ? UInt64(x &- y) : UInt64(y &- x)
}
