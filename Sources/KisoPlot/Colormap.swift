/// The continuous colour scale of heatmaps and colourbars, and the shading ramps used when
/// colour is off.
enum Colormap {
    /// Anchor colours of a perceptually even dark-to-light scale (viridis), evenly spaced.
    private static let anchors: [(Double, Double, Double)] = [
        (68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37),
    ]

    /// The colour for `t` in 0...1 (clamped; NaN gives the low end).
    static func color(_ t: Double) -> PlotColor {
        let s = t.isFinite ? Swift.min(1, Swift.max(0, t)) : 0
        let position = s * Double(anchors.count - 1)
        let lower = Swift.min(Int(position), anchors.count - 2)
        let fraction = position - Double(lower)
        let a = anchors[lower]
        let b = anchors[lower + 1]
        func mix(_ u: Double, _ v: Double) -> UInt8 { UInt8((u + (v - u) * fraction).rounded()) }
        return .rgb(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
    }

    /// Shading characters from empty to full, for drawing intensities without colour.
    static func ramp(_ charset: Charset) -> [Character] {
        switch charset {
        case .unicode: [" ", "░", "▒", "▓", "█"]
        case .ascii: [" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"]
        }
    }

    /// The ramp character for `t` in 0...1 (clamped; NaN gives the empty end).
    static func shade(_ t: Double, _ charset: Charset) -> Character {
        let ramp = ramp(charset)
        let s = t.isFinite ? Swift.min(1, Swift.max(0, t)) : 0
        let index = Swift.min(ramp.count - 1, Int((s * Double(ramp.count - 1)).rounded()))
        return ramp[index]
    }
}
