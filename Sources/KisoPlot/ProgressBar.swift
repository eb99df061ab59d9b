import KisoBase

/// Where a long loop stands: how many steps are done of how many, how long they took, and the
/// latest value of each metric the loop reports.
public struct ProgressStatus: Sendable, Equatable {
    /// What the loop is doing (`VI`, `Epoch 3/20`); may be empty.
    public var title: String
    /// Steps finished so far.
    public var done: Int
    /// Steps in all, when known.
    public var total: Int?
    /// Seconds since the loop started.
    public var elapsed: Double
    /// The latest value of each reported metric, in the order they were first reported.
    public var metrics: [(name: String, value: Double)]
    /// Which line shows it.
    public var layout: Layout
    /// Seconds per step when the loop estimates them itself (Keras leaves the first step out);
    /// nil divides `elapsed` by `done`.
    public var secondsPerStep: Double?

    /// The line a status is shown as.
    public enum Layout: Sendable, Equatable {
        /// `progress(…)`'s bar: title, steps, time so far, metrics.
        case progress
        /// Keras's bar of one epoch of `fit` (``KerasProgressBar``): steps, time left, metrics.
        case kerasEpoch
    }

    /// A status; `metrics` in display order.
    public init(
        title: String, done: Int, total: Int?, elapsed: Double, metrics: [(name: String, value: Double)] = [],
        layout: Layout = .progress, secondsPerStep: Double? = nil
    ) {
        self.title = title
        self.done = done
        self.total = total
        self.elapsed = elapsed
        self.metrics = metrics
        self.layout = layout
        self.secondsPerStep = secondsPerStep
    }

    public static func == (a: ProgressStatus, b: ProgressStatus) -> Bool {
        a.title == b.title && a.done == b.done && a.total == b.total && a.elapsed == b.elapsed
            && a.layout == b.layout && a.secondsPerStep == b.secondsPerStep
            && a.metrics.count == b.metrics.count
            && zip(a.metrics, b.metrics).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }
}

/// A one-line progress bar in Keras's layout:
/// `VI 412/1000 ━━━━━━━━╸━━━━━━━━━━━ 1s 2ms/step - elbo: -123.4567`.
/// Numbers in, text out: the terminal decides where and how often to draw it.
public enum ProgressBar {
    /// The bar for `status`, at most `width` columns (the metrics are dropped from the right,
    /// then the bar shortened, to fit).
    public static func line(_ status: ProgressStatus, width: Int, charset: Charset = .unicode) -> String {
        let width = max(20, width)
        if status.layout == .kerasEpoch {
            return KerasProgressBar.line(
                done: status.done, total: status.total ?? status.done, elapsed: status.elapsed,
                secondsPerStep: status.secondsPerStep ?? status.elapsed / Double(max(status.done, 1)),
                metrics: status.metrics, finished: false, width: width, charset: charset)
        }
        var head = status.title.isEmpty ? "" : status.title + " "
        if let total = status.total {
            let digits = String(max(total, 0)).count
            let done = String(min(status.done, max(total, 0)))
            head += String(repeating: " ", count: max(0, digits - done.count)) + done + "/\(max(total, 0))"
        } else {
            head += "\(status.done) steps"
        }
        var tail = " " + timeText(status)
        var shownMetrics = status.metrics.map { " - \($0.name): \(metricText($0.value))" }
        let barWidth = 20
        // Drop metrics from the right until the line fits, keeping at least a 5-column bar.
        // The ASCII bar adds its brackets around the columns.
        let frame = charset == .ascii ? 2 : 0
        func length(_ bar: Int) -> Int {
            DisplayWidth.of(head) + (status.total == nil ? 0 : 1 + bar + frame) + DisplayWidth.of(tail)
                + shownMetrics.reduce(0) { $0 + DisplayWidth.of($1) }
        }
        while !shownMetrics.isEmpty && length(5) > width { shownMetrics.removeLast() }
        if length(5) > width { tail = "" }
        var line = head
        if let total = status.total {
            let bar = max(5, min(barWidth, width - length(0)))
            line += " " + barText(done: status.done, total: total, columns: bar, charset: charset)
        }
        line += tail + shownMetrics.joined()
        return DisplayWidth.of(line) <= width ? line : String(line.prefix(width))
    }

    /// The bar itself: done columns heavy, the rest light, with a half-cell at the boundary.
    static func barText(done: Int, total: Int, columns: Int, charset: Charset) -> String {
        let fraction = total <= 0 ? 1 : min(1, max(0, Double(done) / Double(total)))
        let halves = Int((fraction * Double(columns * 2)).rounded(.down))
        let full = halves / 2
        let half = halves % 2 == 1
        let rest = columns - full - (half ? 1 : 0)
        if charset == .ascii {
            return "[" + String(repeating: "=", count: full) + (half ? ">" : "") + String(repeating: ".", count: rest)
                + "]"
        }
        return String(repeating: "━", count: full) + (half ? "╸" : "") + String(repeating: "─", count: rest)
    }

    /// `1s 2ms/step`: whole seconds so far and the time per step, as Keras shows them.
    static func timeText(_ status: ProgressStatus) -> String {
        let seconds = status.elapsed.isFinite ? max(0, status.elapsed) : 0
        var text = "\(Int(seconds.rounded(.down)))s"
        if status.done > 0 {
            let perStep = seconds / Double(status.done)
            if perStep >= 1 {
                text += " \(Int(perStep.rounded()))s/step"
            } else if perStep >= 1e-3 {
                text += " \(Int((perStep * 1e3).rounded()))ms/step"
            } else {
                text += " \(Int((perStep * 1e6).rounded()))us/step"
            }
        }
        return text
    }

    /// A metric as Keras prints it: four decimals, or five significant digits when four
    /// decimals would show nothing.
    public static func metricText(_ value: Double) -> String {
        guard value.isFinite, value != 0, Swift.abs(value) < 1e-3 else {
            return NumberFormat.fixed(value, decimals: 4, zero: nil)
        }
        return NumberFormat.compact(value, significant: 5)
    }
}
