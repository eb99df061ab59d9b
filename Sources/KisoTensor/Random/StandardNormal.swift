import Glibc

/// Normal samplers: the ziggurat of NumPy's `Generator` and the polar method of the legacy
/// `RandomState`.
enum NormalDraw {
    /// One standard normal by the 256-layer ziggurat (`random_standard_normal` in
    /// distributions.c). One 64-bit word supplies the layer (8 bits), the sign (1 bit) and a
    /// 52-bit position; rare rejections fall back to the wedge test or the tail.
    static func ziggurat<Source: RandomBitSource>(_ source: inout Source) -> Double {
        while true {
            var word = source.nextUInt64()
            let layer = Int(word & 0xff)
            word >>= 8
            let negative = (word & 1) != 0
            let magnitude = (word >> 1) & 0x000f_ffff_ffff_ffff
            var x = Double(magnitude) * ZigguratNormal.width[layer]
            if negative { x = -x }
            if magnitude < ZigguratNormal.acceptBelow[layer] { return x }
            if layer == 0 {
                // The tail beyond the base layer, by Marsaglia's exponential method; 1 − U keeps
                // log1p away from log(0).
                while true {
                    let xx = -ZigguratNormal.inverseTailStart * log1p(-source.nextDouble())
                    let yy = -log1p(-source.nextDouble())
                    if yy + yy > xx * xx {
                        let tail = ZigguratNormal.tailStart + xx
                        return ((magnitude >> 8) & 1) != 0 ? -tail : tail
                    }
                }
            }
            let lower = ZigguratNormal.density[layer]
            let upper = ZigguratNormal.density[layer - 1]
            if (upper - lower) * source.nextDouble() + lower < exp(-0.5 * x * x) { return x }
        }
    }

    /// One standard normal by the polar Box–Muller method (`legacy_gauss`): each accepted pair
    /// yields two values, the second kept in `cache` for the next call.
    static func polar<Source: RandomBitSource>(_ source: inout Source, cache: inout Double?) -> Double {
        if let cached = cache {
            cache = nil
            return cached
        }
        var x1 = 0.0
        var x2 = 0.0
        var r2 = 0.0
        repeat {
            x1 = 2.0 * source.nextDouble() - 1.0
            x2 = 2.0 * source.nextDouble() - 1.0
            r2 = x1 * x1 + x2 * x2
        } while r2 >= 1.0 || r2 == 0.0
        let factor = sqrt(-2.0 * log(r2) / r2)
        cache = factor * x1
        return factor * x2
    }
}
