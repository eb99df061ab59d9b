import KisoBase
import Testing

@testable import KisoPlot

/// The progress bar's text: Keras's layout, fitted to the width, in both character sets.
@Suite struct ProgressBarTests {
    static let statuses: [(String, ProgressStatus)] = [
        ("start", ProgressStatus(title: "VI", done: 0, total: 1000, elapsed: 0)),
        (
            "middle",
            ProgressStatus(
                title: "VI", done: 412, total: 1000, elapsed: 1.23,
                metrics: [("elbo", -123.456789), ("kl", 0.000012345)])
        ),
        ("done", ProgressStatus(title: "Epoch 3/20", done: 32, total: 32, elapsed: 0.064, metrics: [("loss", 0.25)])),
        ("unknown_total", ProgressStatus(title: "", done: 7, total: nil, elapsed: 14, metrics: [("loss", 2)])),
        ("slow_steps", ProgressStatus(title: "fit", done: 3, total: 10, elapsed: 7.5)),
    ]

    @Test func snapshotAtSeveralWidths() {
        var text = ""
        for (name, status) in Self.statuses {
            for width in [80, 40, 20] {
                text += "\(name) @\(width)\n" + ProgressBar.line(status, width: width) + "\n"
            }
            text += "\(name) ascii\n" + ProgressBar.line(status, width: 80, charset: .ascii) + "\n"
        }
        Snapshot.check(text, "progress_bars")
    }

    @Test func neverWiderThanAsked() {
        for (_, status) in Self.statuses {
            for width in 20...100 {
                #expect(DisplayWidth.of(ProgressBar.line(status, width: width)) <= width)
                #expect(ProgressBar.line(status, width: width, charset: .ascii).count <= width)
            }
        }
    }

    @Test func barFillsInHalfCells() {
        #expect(ProgressBar.barText(done: 0, total: 4, columns: 4, charset: .unicode) == "────")
        #expect(ProgressBar.barText(done: 1, total: 4, columns: 4, charset: .unicode) == "━───")
        #expect(ProgressBar.barText(done: 3, total: 8, columns: 4, charset: .unicode) == "━╸──")
        #expect(ProgressBar.barText(done: 9, total: 8, columns: 4, charset: .unicode) == "━━━━")
        #expect(ProgressBar.barText(done: 3, total: 8, columns: 4, charset: .ascii) == "[=>..]")
        #expect(ProgressBar.barText(done: 0, total: 0, columns: 3, charset: .unicode) == "━━━")
    }

    @Test func metricsAsKerasShowsThem() {
        #expect(ProgressBar.metricText(0.25) == "0.2500")
        #expect(ProgressBar.metricText(-123.456789) == "-123.4568")
        #expect(ProgressBar.metricText(0) == "0.0000")
        #expect(ProgressBar.metricText(0.000012345) == "1.2345e-5")
        #expect(ProgressBar.metricText(.nan) == "nan")
        #expect(ProgressBar.metricText(-.infinity) == "-inf")
        #expect(ProgressBar.metricText(1e300) == "1e300")
    }

    @Test func timePerStepInSensibleUnits() {
        #expect(ProgressBar.timeText(ProgressStatus(title: "", done: 0, total: 5, elapsed: 0.5)) == "0s")
        #expect(ProgressBar.timeText(ProgressStatus(title: "", done: 500, total: nil, elapsed: 1)) == "1s 2ms/step")
        #expect(ProgressBar.timeText(ProgressStatus(title: "", done: 10, total: nil, elapsed: 30)) == "30s 3s/step")
        #expect(ProgressBar.timeText(ProgressStatus(title: "", done: 1, total: nil, elapsed: .nan)) == "0s 0us/step")
    }
}
