/// A plot: data plus decorations, drawn as text when rendered. Values are built by the plot-type
/// functions (`Plot.line`, `Plot.function`, `Plot.scatter`, `Plot.bar`, `Plot.histogram`,
/// `Plot.heatmap`, `Plot.decisionMap`, `Plot.grid`); the drawing happens only in `render`,
/// which is where the colour mode, the charset and the available width are known.
public struct Plot: Sendable, CustomStringConvertible {
    /// A line centred above the plot.
    public var title: String?
    /// The label under the x axis.
    public var xlabel: String?
    /// The label left of the y axis.
    public var ylabel: String?
    /// The plotting area's width in character cells (default 60; clamped to `PlotSize.widthRange`).
    /// For `Plot.grid` it is the total width of the grid.
    public var width: Int?
    /// The plotting area's height in character cells (default 15; clamped to `PlotSize.heightRange`).
    public var height: Int?
    /// How pixels become characters; `.ascii` output always uses the ASCII canvas.
    public var canvas: CanvasKind = .braille
    /// Fixed x limits; automatic (data range, widened to ticks) when nil.
    public var xlim: AxisLimits?
    /// Fixed y limits; automatic (data range, widened to ticks) when nil.
    public var ylim: AxisLimits?
    /// Whether named series, groups and classes are listed beside the plot.
    public var showLegend = true

    let content: Content

    enum Content: Sendable {
        case axes(AxesData)
        case bars(BarData)
        case heatmap(HeatmapData)
        case grid(GridData)
    }

    init(_ content: Content, title: String?) {
        self.content = content
        self.title = title
    }

    /// The drawing as lines of text, without trailing newlines or trailing spaces.
    public func lines(_ options: RenderOptions = RenderOptions()) -> [String] {
        block(RenderContext(options: options, fillWidth: nil)).lines.map {
            $0.rendered(options.colorMode, charset: options.charset)
        }
    }

    /// The drawing as one string, lines joined by newlines.
    public func render(_ options: RenderOptions = RenderOptions()) -> String {
        lines(options).joined(separator: "\n")
    }

    /// The drawing in plain Unicode without colour.
    public var description: String { render() }

    func block(_ context: RenderContext) -> TextBlock {
        switch content {
        case .axes(let data): AxesRenderer(plot: self, data: data, context: context).render()
        case .bars(let data): BarRenderer(plot: self, data: data, context: context).render()
        case .heatmap(let data): HeatmapRenderer(plot: self, data: data, context: context).render()
        case .grid(let data): GridRenderer(plot: self, data: data, context: context).render()
        }
    }
}

/// Everything a renderer needs to know about where its output goes.
struct RenderContext: Sendable {
    var options: RenderOptions
    /// When set (inside a grid), the plot's total width should be exactly this many columns.
    var fillWidth: Int?

    var charset: Charset { options.charset }
    var colorMode: ColorMode { options.colorMode }
    var usesColor: Bool { options.colorMode != .none }

    /// The widest line allowed, if any.
    var widthBudget: Int? {
        if let fillWidth { return fillWidth }
        return options.maxWidth.map { Swift.max(PlotSize.minimumLineWidth, $0) }
    }

    /// The canvas kind after the charset is taken into account.
    func canvasKind(_ requested: CanvasKind) -> CanvasKind {
        charset == .ascii ? .ascii : requested
    }

    /// The label text made safe: control characters become spaces.
    func clean(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return TextLayout.sanitized(text)
    }

    var ellipsis: String { charset == .ascii ? "~" : "…" }
}

/// Box-drawing pieces for frames, in Unicode or ASCII.
struct BorderGlyphs {
    let topLeft: String
    let topRight: String
    let bottomLeft: String
    let bottomRight: String
    let horizontal: String
    let vertical: String
    let leftTick: String
    let bottomTick: String

    init(_ charset: Charset) {
        switch charset {
        case .unicode:
            (topLeft, topRight, bottomLeft, bottomRight) = ("┌", "┐", "└", "┘")
            (horizontal, vertical, leftTick, bottomTick) = ("─", "│", "┤", "┬")
        case .ascii:
            (topLeft, topRight, bottomLeft, bottomRight) = ("+", "+", "+", "+")
            (horizontal, vertical, leftTick, bottomTick) = ("-", "|", "+", "+")
        }
    }
}

/// The note under a plot saying how many values were not drawn, or nil when none were skipped.
func skippedNote(_ count: Int, noun: String = "point") -> String? {
    guard count > 0 else { return nil }
    return "\(count) \(noun)\(count == 1 ? "" : "s") not shown (nan/inf)"
}
