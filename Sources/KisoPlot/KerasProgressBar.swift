import KisoBase

/// The text Keras 3 writes while `fit` trains (keras/src/utils/progbar.py and
/// callbacks/progbar_logger.py, 3.15): the bar verbose=1 redraws during an epoch and leaves
/// finished on screen, the line verbose=2 writes after each epoch, and an untimed line for output
/// that must be the same at every run. Numbers in, text out.
public enum KerasProgressBar {
    /// Columns of Keras's bar.
    static let barColumns = 20

    /// verbose=1's line: ` 4/25 ━━━━━━━━───────────── 0s 27ms/step - accuracy: 0.6172 - loss: 0.7189`.
    /// While the epoch runs the time is Keras's estimate of what remains (`secondsPerStep` ×
    /// steps left, truncated); once `finished`, the seconds the epoch took. With a `width`, metrics
    /// are dropped from the right (then the bar shortened) so that a redrawn line never wraps.
    public static func line(
        done: Int, total: Int, elapsed: Double, secondsPerStep: Double, metrics: [(name: String, value: Double)],
        finished: Bool, width: Int? = nil, charset: Charset = .unicode
    ) -> String {
        let total = max(total, 1)
        let done = min(max(done, 0), total)
        let digits = String(total).count
        let count = String(repeating: " ", count: max(0, digits - String(done).count)) + "\(done)/\(total)"
        let finished = finished || done >= total
        var time =
            " "
            + (finished ? cFormat("%.0f", seconds(elapsed)) + "s" : remaining(secondsPerStep * Double(total - done)))
            + stepTime(secondsPerStep)
        var shown = metrics.map { " - \($0.name): \(value($0.value))" }
        var columns = barColumns
        if let width {
            let frame = charset == .ascii ? 2 : 0
            func length(_ bar: Int) -> Int {
                DisplayWidth.of(count) + 1 + bar + frame + DisplayWidth.of(time)
                    + shown.reduce(0) { $0 + DisplayWidth.of($1) }
            }
            while !shown.isEmpty && length(barColumns) > width { shown.removeLast() }
            if length(5) > width { time = "" }
            columns = max(5, min(barColumns, width - length(0)))
        }
        let line =
            count + " " + bar(done: done, total: total, columns: columns, charset: charset) + time + shown.joined()
        guard let width, DisplayWidth.of(line) > width else { return line }
        return String(line.prefix(max(0, width)))
    }

    /// verbose=2's line after each epoch: `25/25 - 0s - 3ms/step - accuracy: 0.4938 - loss: 0.6978`.
    public static func summaryLine(
        done: Int, total: Int, elapsed: Double, secondsPerStep: Double, metrics: [(name: String, value: Double)]
    ) -> String {
        let total = max(total, 1)
        let digits = String(total).count
        let done = min(max(done, 0), total)
        let count = String(repeating: " ", count: max(0, digits - String(done).count)) + "\(done)/\(total)"
        // Keras 3.15 tests `avg > 1e-3` here, without the absolute value its bar takes, so a
        // negative value is written in e-notation on this line only.
        let shown = metrics.map { m in
            " - \(m.name): " + (m.value > 1e-3 ? cFormat("%.4f", m.value) : scientific(m.value))
        }
        return count + " - " + cFormat("%.0f", seconds(elapsed)) + "s -" + stepTime(secondsPerStep) + shown.joined()
    }

    /// One epoch without times, for output that must be the same at every run (a recorded
    /// notebook, a pipe): `Epoch 3/20 - 32/32 - accuracy: 0.9100 - loss: 0.2500`.
    public static func untimedLine(
        epoch: Int, epochs: Int, done: Int, steps: Int, metrics: [(name: String, value: Double)]
    ) -> String {
        "Epoch \(epoch + 1)/\(epochs) - \(done)/\(steps)" + metrics.map { " - \($0.name): \(value($0.value))" }.joined()
    }

    /// A logged value as Keras's bar writes it: `%.4f` above 1e-3 in magnitude, `%.4e` otherwise
    /// (so an exact 0 is `0.0000e+00`).
    public static func value(_ v: Double) -> String {
        Swift.abs(v) > 1e-3 ? cFormat("%.4f", v) : scientific(v)
    }

    /// `%.4e`, with Python's `nan` for every NaN (C writes `-nan` for a negative one).
    static func scientific(_ v: Double) -> String {
        v.isNaN ? "nan" : cFormat("%.4e", v)
    }

    /// ` 2ms/step`: whole seconds at or above 1 s (and for 0), else milliseconds, else microseconds.
    static func stepTime(_ secondsPerStep: Double) -> String {
        let s = seconds(secondsPerStep)
        if s >= 1 || s == 0 { return " " + cFormat("%.0f", s) + "s/step" }
        if s >= 1e-3 { return " " + cFormat("%.0f", s * 1e3) + "ms/step" }
        return " " + cFormat("%.0f", s * 1e6) + "us/step"
    }

    /// The estimate of what remains: `42s`, `3:07`, `1:02:03` (truncated, as `%d` truncates).
    static func remaining(_ estimate: Double) -> String {
        let eta = seconds(estimate)
        let whole = Int(min(eta, 1e15))
        if eta > 3600 {
            return "\(whole / 3600):" + twoDigits((whole % 3600) / 60) + ":" + twoDigits(whole % 60)
        }
        if eta > 60 { return "\(whole / 60):" + twoDigits(whole % 60) }
        return "\(whole)s"
    }

    /// Keras's bar: `int(20 × done / total)` columns done. Keras colours one glyph two ways;
    /// without colour the steps left are drawn light, so the bar reads on any terminal.
    static func bar(done: Int, total: Int, columns: Int, charset: Charset) -> String {
        let full = min(columns, Int(Double(columns) * Double(done) / Double(max(total, 1))))
        if charset == .ascii {
            return "[" + String(repeating: "=", count: full) + String(repeating: ".", count: columns - full) + "]"
        }
        return String(repeating: "━", count: full) + String(repeating: "─", count: columns - full)
    }

    private static func seconds(_ s: Double) -> Double {
        s.isFinite ? max(0, s) : 0
    }

    private static func twoDigits(_ n: Int) -> String {
        n < 10 ? "0\(n)" : "\(n)"
    }
}
