import KisoLang
import KisoPlot

/// Draws running `progress` loops at the bottom of the terminal: one bar per loop and, under
/// them, a small curve of the innermost loop's first logged value, redrawn in place. Anything
/// the program prints first erases the block, so output and bars never mix; the block is erased
/// when the loops end, leaving only what the program printed.
final class TerminalLiveDisplay: LiveDisplay {
    /// Lines drawn by the last update (the cursor is on the last of them).
    private var drawnLines = 0
    private let display: () -> PlotDisplay
    private let enabled: () -> Bool
    /// Rows the curve takes, axes included.
    static let curveHeight = 6

    /// A display sized and styled like the session's plots (`display` is read at each update,
    /// so a resized terminal is followed) that draws only while `enabled` (not while a screen
    /// replays cells silently).
    init(display: @escaping () -> PlotDisplay, enabled: @escaping () -> Bool = { true }) {
        self.display = display
        self.enabled = enabled
    }

    func update(_ loops: [ProgressStatus], curves: [(name: String, values: [Double])]) {
        guard enabled() else { return }
        let settings = display()
        let width = Swift.max(20, settings.width)
        var lines = loops.map { ProgressBar.line($0, width: width, charset: settings.charset) }
        if let curve = curves.first, curve.values.count >= 2 {
            let kept = Self.thinned(Array(curve.values.indices), to: width * 2)
            var plot = Plot.line(kept.map { curve.values[$0] }, x: kept.map { Double($0 + 1) }, name: curve.name)
            plot.width = Swift.max(20, width - 12)
            plot.height = Self.curveHeight
            lines += plot.lines(
                RenderOptions(colorMode: settings.colorMode, charset: settings.charset, maxWidth: width))
        }
        StandardStreams.write(erasure() + lines.joined(separator: "\n"))
        StandardStreams.flush()
        drawnLines = lines.count
    }

    func finish() {
        clear()
    }

    /// Erases the block, if one is drawn (before the program's own output).
    func clear() {
        guard drawnLines > 0 else { return }
        StandardStreams.write(erasure())
        StandardStreams.flush()
        drawnLines = 0
    }

    /// Moves to the start of the block's first line and clears to the end of the screen.
    private func erasure() -> String {
        guard drawnLines > 0 else { return "\r" }
        return "\r" + (drawnLines > 1 ? "\u{1B}[\(drawnLines - 1)A" : "") + "\u{1B}[J"
    }

    /// At most `count` of `values`, evenly spaced and always keeping the first and last, so a
    /// long run redraws as fast as a short one.
    static func thinned<T>(_ values: [T], to count: Int) -> [T] {
        guard values.count > count, count >= 2 else { return values }
        let step = Double(values.count - 1) / Double(count - 1)
        return (0..<count).map { values[Swift.min(values.count - 1, Int((Double($0) * step).rounded()))] }
    }
}
