import KisoBase

/// Wall-clock timing for `:time`.
enum Clock {
    /// Seconds on the monotonic clock, from an arbitrary origin.
    static func now() -> Double {
        Clocks.monotonic()
    }

    /// A duration with a unit that keeps three or four significant digits: `812 µs`, `12.35 ms`,
    /// `2.500 s`.
    static func format(seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "?" }
        if seconds < 1e-3 { return fixed(seconds * 1e6, decimals: 0) + " µs" }
        if seconds < 1 { return fixed(seconds * 1e3, decimals: 2) + " ms" }
        return fixed(seconds, decimals: 3) + " s"
    }

    /// `value` with `decimals` digits after the point, by integer arithmetic.
    static func fixed(_ value: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (value * scale).rounded()
        guard scaled < 9e15 else { return "\(value)" }
        let units = Int(scaled)
        let factor = Int(scale)
        guard decimals > 0 else { return String(units) }
        let fraction = String(units % factor)
        return "\(units / factor)." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
}
