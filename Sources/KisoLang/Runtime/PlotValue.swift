import KisoPlot

/// How a session draws plots when they are echoed or printed.
///
/// The default — 64 columns, no colour, Unicode — is what notebooks record, so recorded outputs
/// are the same on every machine. The REPL sets the terminal's width, colour support and
/// `--ascii`; KisoLang itself never looks at the terminal.
public struct PlotDisplay: Sendable, Equatable {
    /// The widest line a plot may take, in terminal columns; plots shrink to fit.
    public var width: Int
    /// The colour layer to emit (`.none` for plain text).
    public var colorMode: ColorMode
    /// The characters allowed in the output (`.ascii` draws every plot in pure ASCII).
    public var charset: Charset

    /// Display options; the defaults are the deterministic ones notebooks record.
    public init(width: Int = 64, colorMode: ColorMode = .none, charset: Charset = .unicode) {
        self.width = width
        self.colorMode = colorMode
        self.charset = charset
    }

    /// The options KisoPlot renders with.
    public var renderOptions: RenderOptions {
        RenderOptions(colorMode: colorMode, charset: charset, maxWidth: width)
    }
}

/// A plot as a Kiso value: the KisoPlot description plus the noun that names it in lists and
/// in `:vars`. It is drawn only when shown, under the session's `PlotDisplay`.
struct PlotValue {
    var plot: Plot
    /// "line plot", "bar plot", "heatmap", "grid of 5 plots", ….
    var kind: String

    /// The drawing, as echo and print show it.
    func drawing(_ display: PlotDisplay) -> String {
        plot.render(display.renderOptions)
    }

    /// The one-line form used inside lists, tuples and dicts: `<bar plot: T = 0.1>`.
    var summary: String {
        guard let title = plot.title, !title.isEmpty else { return "<\(kind)>" }
        return "<\(kind): \(title)>"
    }
}

extension Interpreter {
    /// The text the REPL echoes for `value`, with plots drawn under the session's display options.
    func echoedText(_ value: Value) -> String {
        if case .plot(let p) = value { return p.drawing(plotDisplay) }
        return value.echoed
    }

    /// The text `print` and `str` write for `value`, with plots drawn as on echo.
    func printedText(_ value: Value) -> String {
        if case .plot(let p) = value { return p.drawing(plotDisplay) }
        return value.printed
    }
}
