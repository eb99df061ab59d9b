/// One named set of points: a line of a line plot, a group of a scatter plot, a class of a
/// decision map's data points.
public struct Series: Sendable, Equatable {
    /// The name shown in the legend (unnamed series are not listed).
    public var name: String?
    /// The x coordinates; nil means the indices 0, 1, 2, … of `y`.
    public var x: [Double]?
    /// The y coordinates.
    public var y: [Double]
    /// The colour; the palette's next colour when nil.
    public var color: PlotColor?

    /// A series of `y` values over `x` (or over the indices when `x` is nil).
    public init(_ y: [Double], x: [Double]? = nil, name: String? = nil, color: PlotColor? = nil) {
        self.y = y
        self.x = x
        self.name = name
        self.color = color
    }

    /// The number of (x, y) pairs: the length of the shorter of the two lists.
    var pointCount: Int { x.map { Swift.min($0.count, y.count) } ?? y.count }

    /// The `index`th (x, y) pair, read in place: a plot of millions of points makes no copy.
    func point(_ index: Int) -> (x: Double, y: Double) {
        (x?[index] ?? Double(index), y[index])
    }

    /// A note when x and y differ in length, or nil.
    var lengthNote: String? {
        guard let x, x.count != y.count else { return nil }
        let label = name.map { "\($0): " } ?? ""
        return "\(label)x has \(x.count) values and y \(y.count); plotting \(Swift.min(x.count, y.count))"
    }
}

/// The layers of a plot with x and y axes.
struct AxesData: Sendable {
    var lines: [Series] = []
    var groups: [Series] = []
    var region: DecisionRegion?
    /// Whether automatic x limits are widened to the next ticks (not for functions over an interval).
    var niceX = true
    var niceY = true
    var notes: [String] = []
}

/// A classifier's decision over a grid: `values[i][j]` at the i-th y (from the bottom) and the
/// j-th x (from the left), either class ids or the probability of class 1.
struct DecisionRegion: Sendable {
    var values: [[Double]]
    var isProbability: Bool
    var x: AxisLimits
    var y: AxisLimits
    var classCount: Int
    var classNames: [String]

    /// The value of the grid cell containing (x, y), or nil outside or for a missing entry.
    func value(atX px: Double, y py: Double) -> Double? {
        guard !values.isEmpty, x.upper > x.lower, y.upper > y.lower else { return nil }
        let rowCount = values.count
        let row = Int(saturating: ((py - y.lower) / (y.upper - y.lower) * Double(rowCount)).rounded(.down))
        let clampedRow = Swift.min(rowCount - 1, Swift.max(0, row))
        let rowValues = values[clampedRow]
        guard !rowValues.isEmpty else { return nil }
        let column = Int(saturating: ((px - x.lower) / (x.upper - x.lower) * Double(rowValues.count)).rounded(.down))
        let clampedColumn = Swift.min(rowValues.count - 1, Swift.max(0, column))
        let value = rowValues[clampedColumn]
        return value.isFinite ? value : nil
    }
}

/// Marker characters that tell scatter groups and classes apart without colour.
enum Markers {
    static func marker(_ index: Int, _ charset: Charset) -> Character {
        let set: [Character] =
            charset == .ascii ? ["o", "x", "+", "*", "#", "@"] : ["●", "▲", "■", "◆", "▼", "✚"]
        return set[index == Int.min ? 0 : abs(index) % set.count]
    }

    /// Fill characters for decision regions drawn without colour, one per class.
    static func regionFill(_ index: Int, _ charset: Charset) -> Character {
        let set: [Character] = charset == .ascii ? [" ", ".", ":", "-", "="] : [" ", "·", "░", "▒", "▓"]
        return set[index == Int.min ? 0 : abs(index) % set.count]
    }
}
