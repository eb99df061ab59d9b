/// How much colour the output may use. Colour is a layer over the text: with `.none` the output
/// holds no escape codes at all, and the characters are the same in every mode.
public enum ColorMode: Sendable, Equatable, CaseIterable {
    /// Plain text, no escape codes (pipes, files, `NO_COLOR`, recorded notebook outputs).
    case none
    /// The 16 standard terminal colours (SGR 30–37, 90–97).
    case ansi16
    /// The xterm 256-colour palette (SGR 38;5;n).
    case ansi256
    /// 24-bit colour (SGR 38;2;r;g;b).
    case truecolor
}

/// A colour for a series, a marker or a cell background.
public enum PlotColor: Sendable, Equatable, Hashable {
    /// One of the eight basic terminal colours, which follow the terminal's theme.
    case red, green, yellow, blue, magenta, cyan, white, black
    /// A grey that is readable on dark and light backgrounds (bright black).
    case gray
    /// An exact colour; approximated by the nearest palette entry below truecolor.
    case rgb(UInt8, UInt8, UInt8)

    /// The colours given to series, groups and classes in order, cycling when there are more.
    public static let palette: [PlotColor] = [.blue, .red, .green, .magenta, .yellow, .cyan]

    /// The `index`th palette colour (cycling; negative indices count as their magnitude).
    public static func series(_ index: Int) -> PlotColor {
        let count = palette.count
        let wrapped = index == Int.min ? 0 : abs(index) % count
        return palette[wrapped]
    }

    private var basicIndex: Int? {
        switch self {
        case .black: 0
        case .red: 1
        case .green: 2
        case .yellow: 3
        case .blue: 4
        case .magenta: 5
        case .cyan: 6
        case .white: 7
        case .gray: 8
        case .rgb: nil
        }
    }

    /// The approximate RGB value, used to blend colours and to pick a readable text colour.
    var approximateRGB: (r: Double, g: Double, b: Double) {
        switch self {
        case .black: (0, 0, 0)
        case .red: (205, 49, 49)
        case .green: (13, 188, 121)
        case .yellow: (229, 229, 16)
        case .blue: (36, 114, 200)
        case .magenta: (188, 63, 188)
        case .cyan: (17, 168, 205)
        case .white: (229, 229, 229)
        case .gray: (128, 128, 128)
        case .rgb(let r, let g, let b): (Double(r), Double(g), Double(b))
        }
    }

    /// Relative luminance in 0...1, to choose black or white text on a coloured background.
    var luminance: Double {
        let c = approximateRGB
        return (0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b) / 255
    }

    /// The SGR parameters selecting this colour as foreground (or background) in `mode`.
    func sgr(background: Bool, mode: ColorMode) -> String {
        switch mode {
        case .none: return ""
        case .ansi16:
            let index = basicIndex ?? Self.nearestBasic(approximateRGB)
            let base = index >= 8 ? (background ? 100 : 90) + index - 8 : (background ? 40 : 30) + index
            return String(base)
        case .ansi256:
            let lead = background ? "48;5;" : "38;5;"
            if let index = basicIndex { return lead + String(index) }
            return lead + String(Self.nearest256(approximateRGB))
        case .truecolor:
            if let index = basicIndex {
                let base = index >= 8 ? (background ? 100 : 90) + index - 8 : (background ? 40 : 30) + index
                return String(base)
            }
            let c = approximateRGB
            return (background ? "48;2;" : "38;2;") + "\(Int(c.r));\(Int(c.g));\(Int(c.b))"
        }
    }

    /// The xterm 256-colour index nearest to an RGB value (the 6×6×6 cube or the grey ramp).
    static func nearest256(_ c: (r: Double, g: Double, b: Double)) -> Int {
        let levels: [Double] = [0, 95, 135, 175, 215, 255]
        func level(_ v: Double) -> Int {
            var best = 0
            for i in 1..<levels.count where abs(levels[i] - v) < abs(levels[best] - v) { best = i }
            return best
        }
        let (ri, gi, bi) = (level(c.r), level(c.g), level(c.b))
        let cubeDistance =
            square(levels[ri] - c.r) + square(levels[gi] - c.g) + square(levels[bi] - c.b)
        let mean = (c.r + c.g + c.b) / 3
        let greyStep = Swift.min(23, Swift.max(0, Int(((mean - 8) / 10).rounded())))
        let grey = Double(8 + 10 * greyStep)
        let greyDistance = square(grey - c.r) + square(grey - c.g) + square(grey - c.b)
        if greyDistance < cubeDistance { return 232 + greyStep }
        return 16 + 36 * ri + 6 * gi + bi
    }

    /// The nearest of the 16 basic colours to an RGB value.
    static func nearestBasic(_ c: (r: Double, g: Double, b: Double)) -> Int {
        let basics: [PlotColor] = [.black, .red, .green, .yellow, .blue, .magenta, .cyan, .white, .gray]
        var best = 0
        var bestDistance = Double.infinity
        for (i, color) in basics.enumerated() {
            let b = color.approximateRGB
            let distance = square(b.r - c.r) + square(b.g - c.g) + square(b.b - c.b)
            if distance < bestDistance {
                bestDistance = distance
                best = i
            }
        }
        return best
    }

    /// A colour between `a` (at 0) and `b` (at 1).
    static func blend(_ a: PlotColor, _ b: PlotColor, _ t: Double) -> PlotColor {
        let s = t.isFinite ? Swift.min(1, Swift.max(0, t)) : 0
        let x = a.approximateRGB
        let y = b.approximateRGB
        func mix(_ u: Double, _ v: Double) -> UInt8 { UInt8((u + (v - u) * s).rounded()) }
        return .rgb(mix(x.r, y.r), mix(x.g, y.g), mix(x.b, y.b))
    }
}

private func square(_ x: Double) -> Double { x * x }
