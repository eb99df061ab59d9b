import KisoBase

/// A stream of raw random bits, the Swift counterpart of NumPy's `bitgen_t`: every sampler is
/// written once against this and draws exactly the words NumPy's C code draws.
protocol RandomBitSource {
    /// The next 64 random bits.
    mutating func nextUInt64() -> UInt64
    /// The next 32 random bits (a bit generator may serve them from half of a 64-bit word).
    mutating func nextUInt32() -> UInt32
    /// A double uniform on [0, 1) with the generator's own construction.
    mutating func nextDouble() -> Double
}

/// The bounded-integer primitives of numpy/random/src/distributions/distributions.c.
enum BoundedDraw {
    /// The smallest all-ones bit mask covering `max` (`gen_mask`).
    static func mask(covering max: UInt64) -> UInt64 {
        var mask = max
        mask |= mask >> 1
        mask |= mask >> 2
        mask |= mask >> 4
        mask |= mask >> 8
        mask |= mask >> 16
        mask |= mask >> 32
        return mask
    }

    /// A uniform integer in [0, max] by masked rejection (`random_interval`); the index draw of
    /// every shuffle. Ranges that fit 32 bits consume 32-bit words.
    static func interval<Source: RandomBitSource>(_ max: UInt64, _ source: inout Source) -> UInt64 {
        if max == 0 { return 0 }
        let mask = mask(covering: max)
        if max <= 0xFFFF_FFFF {
            while true {
                let value = UInt64(source.nextUInt32()) & mask
                if value <= max { return value }
            }
        }
        while true {
            let value = source.nextUInt64() & mask
            if value <= max { return value }
        }
    }

    /// A uniform integer in [0, range] by Lemire's multiply-and-reject on 32-bit words;
    /// `range` must be below 2³² − 1.
    static func lemire32<Source: RandomBitSource>(_ range: UInt32, _ source: inout Source) -> UInt32 {
        let exclusive = range &+ 1
        var product = UInt64(source.nextUInt32()) &* UInt64(exclusive)
        var leftover = UInt32(truncatingIfNeeded: product)
        if leftover < exclusive {
            let threshold = (UInt32.max &- range) % exclusive
            while leftover < threshold {
                product = UInt64(source.nextUInt32()) &* UInt64(exclusive)
                leftover = UInt32(truncatingIfNeeded: product)
            }
        }
        return UInt32(truncatingIfNeeded: product >> 32)
    }

    /// A uniform integer in [0, range] by Lemire's method on 64-bit words; `range` must be below
    /// 2⁶⁴ − 1.
    static func lemire64<Source: RandomBitSource>(_ range: UInt64, _ source: inout Source) -> UInt64 {
        let exclusive = range &+ 1
        var product = source.nextUInt64().multipliedFullWidth(by: exclusive)
        if product.low < exclusive {
            let threshold = (UInt64.max &- range) % exclusive
            while product.low < threshold {
                product = source.nextUInt64().multipliedFullWidth(by: exclusive)
            }
        }
        return product.high
    }

    /// A uniform integer in [0, range] by masked rejection on 32-bit words.
    static func masked32<Source: RandomBitSource>(
        _ range: UInt64, mask: UInt64, _ source: inout Source
    ) -> UInt64 {
        while true {
            let value = UInt64(source.nextUInt32()) & mask
            if value <= range { return value }
        }
    }

    /// A uniform integer in [0, range] by masked rejection on 64-bit words.
    static func masked64<Source: RandomBitSource>(
        _ range: UInt64, mask: UInt64, _ source: inout Source
    ) -> UInt64 {
        while true {
            let value = source.nextUInt64() & mask
            if value <= range { return value }
        }
    }

    /// `count` integers `offset + [0, range]` (wrapping), as `random_bounded_uint64_fill` draws
    /// them: ranges that fit 32 bits use 32-bit words, wider ones 64-bit words; `masked` picks
    /// the legacy masked rejection instead of Lemire's method.
    static func fill<Source: RandomBitSource>(
        offset: UInt64, range: UInt64, count: Int, masked: Bool, op: String, _ source: inout Source
    ) throws -> [UInt64] {
        var out = [UInt64](repeating: offset, count: count)
        if range == 0 { return out }
        if range <= 0xFFFF_FFFF {
            if range == 0xFFFF_FFFF {
                for i in 0..<count {
                    try Interruption.check(op, every: i)
                    out[i] = offset &+ UInt64(source.nextUInt32())
                }
            } else if masked {
                let mask = mask(covering: range)
                for i in 0..<count {
                    try Interruption.check(op, every: i)
                    out[i] = offset &+ masked32(range, mask: mask, &source)
                }
            } else {
                let narrow = UInt32(truncatingIfNeeded: range)
                for i in 0..<count {
                    try Interruption.check(op, every: i)
                    out[i] = offset &+ UInt64(lemire32(narrow, &source))
                }
            }
        } else if range == UInt64.max {
            for i in 0..<count {
                try Interruption.check(op, every: i)
                out[i] = offset &+ source.nextUInt64()
            }
        } else if masked {
            let mask = mask(covering: range)
            for i in 0..<count {
                try Interruption.check(op, every: i)
                out[i] = offset &+ masked64(range, mask: mask, &source)
            }
        } else {
            for i in 0..<count {
                try Interruption.check(op, every: i)
                out[i] = offset &+ lemire64(range, &source)
            }
        }
        return out
    }

    /// One integer in [0, range] with Lemire's method (`random_bounded_uint64` unmasked), the
    /// draw of Floyd's sampling and of the tail shuffle in `Generator.choice`.
    static func single<Source: RandomBitSource>(_ range: UInt64, _ source: inout Source) -> UInt64 {
        if range == 0 { return 0 }
        if range < 0xFFFF_FFFF { return UInt64(lemire32(UInt32(truncatingIfNeeded: range), &source)) }
        if range == 0xFFFF_FFFF { return UInt64(source.nextUInt32()) }
        if range == UInt64.max { return source.nextUInt64() }
        return lemire64(range, &source)
    }
}
