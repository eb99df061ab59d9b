/// The characters the output may use.
public enum Charset: Sendable, Equatable, CaseIterable {
    /// Braille, block elements and box drawing.
    case unicode
    /// Printable ASCII only (`--ascii`, or a locale that is not UTF-8): every byte is below 0x80.
    case ascii
}

/// How a plot's canvas turns pixels into characters.
public enum CanvasKind: Sendable, Equatable, CaseIterable {
    /// Braille patterns: 2×4 dots per character cell, the finest resolution (the default).
    case braille
    /// Quadrant block elements: 2×2 pixels per cell, bolder lines.
    case block
    /// ASCII strokes (`/ \ | - _ '`), 2×3 pixels per cell; used for every plot in `.ascii` mode.
    case ascii
}

/// What the caller knows about where the plot is shown: colour support, charset and room.
public struct RenderOptions: Sendable, Equatable {
    /// The colour layer to emit (`.none` for plain, deterministic text).
    public var colorMode: ColorMode
    /// The characters allowed in the output; `.ascii` forces the ASCII canvas.
    public var charset: Charset
    /// The widest line the caller can show (e.g. the terminal's columns); plots shrink to fit.
    public var maxWidth: Int?

    /// Options for plain Unicode text with no colour and no width limit.
    public init(colorMode: ColorMode = .none, charset: Charset = .unicode, maxWidth: Int? = nil) {
        self.colorMode = colorMode
        self.charset = charset
        self.maxWidth = maxWidth
    }
}

/// The bounds every size is clamped to, so that 0, negative or absurd sizes neither crash nor
/// allocate without limit.
public enum PlotSize {
    /// Default plotting-area width in character cells.
    public static let defaultWidth = 60
    /// Default plotting-area height in character cells.
    public static let defaultHeight = 15
    /// Smallest and largest plotting-area width in cells.
    public static let widthRange = 4...400
    /// Smallest and largest plotting-area height in cells.
    public static let heightRange = 2...200
    /// Smallest total line width honoured from `RenderOptions.maxWidth`.
    public static let minimumLineWidth = 20

    /// `value` clamped to `range`, or `fallback` when absent.
    static func clamp(_ value: Int?, _ range: ClosedRange<Int>, fallback: Int) -> Int {
        Swift.min(range.upperBound, Swift.max(range.lowerBound, value ?? fallback))
    }
}

/// A closed interval of an axis. Construction orders the ends and replaces non-finite ones,
/// so any pair of numbers is accepted.
public struct AxisLimits: Sendable, Equatable {
    /// The lower end.
    public let lower: Double
    /// The upper end (never below `lower`).
    public let upper: Double

    /// The interval between `a` and `b` in either order; non-finite ends become 0.
    public init(_ a: Double, _ b: Double) {
        let x = a.isFinite ? a : 0
        let y = b.isFinite ? b : 0
        lower = Swift.min(x, y)
        upper = Swift.max(x, y)
    }
}
