import Foundation
import KisoBase
import Testing

@testable import KisoPlot

/// `fit`'s lines: the same text as Keras 3 for the same numbers (Tests/Fixtures/keras_progbar.json,
/// from scripts/gen_keras_progbar_fixtures.py), snapshots of the bar fitted to narrow terminals,
/// and the untimed line of recordings.
@Suite struct KerasProgressBarTests {
    struct Case {
        let verbose: Int
        let target: Int
        let current: Int
        let start: Double
        let first: Double
        let now: Double
        let finalize: Bool
        let metrics: [(name: String, value: Double)]
        let expected: String
    }

    static func cases() throws -> [Case] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent("keras_progbar.json")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let cases = try #require(root["cases"] as? [[String: Any]])
        func number(_ any: Any?) -> Double {
            if let s = any as? String { return Double(s) ?? .nan }
            return (any as? NSNumber)?.doubleValue ?? .nan
        }
        return try cases.map { c in
            let names = try #require(c["names"] as? [String])
            let values = try #require(c["values"] as? [Any])
            return Case(
                verbose: try #require(c["verbose"] as? Int), target: try #require(c["target"] as? Int),
                current: try #require(c["current"] as? Int), start: number(c["t_start"]), first: number(c["t_first"]),
                now: number(c["t_now"]), finalize: try #require(c["finalize"] as? Bool),
                metrics: zip(names, values).map { (name: $0, value: number($1)) },
                expected: try #require(c["expected"] as? String))
        }
    }

    @Test func linesAreKeras3s() throws {
        let cases = try Self.cases()
        #expect(cases.count >= 15)
        for c in cases {
            // Keras's estimate of a step: after the first, the time since it over the steps since.
            let perStep =
                c.current > 1 ? (c.now - c.first) / Double(c.current - 1) : (c.now - c.start) / Double(c.current)
            let elapsed = c.now - c.start
            let line =
                c.verbose == 1
                ? KerasProgressBar.line(
                    done: c.current, total: c.target, elapsed: elapsed, secondsPerStep: perStep, metrics: c.metrics,
                    finished: c.finalize)
                : KerasProgressBar.summaryLine(
                    done: c.current, total: c.target, elapsed: elapsed, secondsPerStep: perStep, metrics: c.metrics)
            // Keras draws the steps still to do with the same glyph in grey; Kiso draws them light.
            #expect(line.replacingOccurrences(of: "─", with: "━") == c.expected)
        }
    }

    @Test func theBarFillsByWholeColumns() {
        #expect(
            KerasProgressBar.bar(done: 0, total: 25, columns: 20, charset: .unicode)
                == String(repeating: "─", count: 20))
        #expect(
            KerasProgressBar.bar(done: 4, total: 25, columns: 20, charset: .unicode) == "━━━"
                + String(repeating: "─", count: 17))
        #expect(
            KerasProgressBar.bar(done: 25, total: 25, columns: 20, charset: .unicode)
                == String(repeating: "━", count: 20))
        #expect(KerasProgressBar.bar(done: 1, total: 2, columns: 6, charset: .ascii) == "[===...]")
    }

    @Test func valuesAsKerasWritesThem() {
        #expect(KerasProgressBar.value(0.25) == "0.2500")
        #expect(KerasProgressBar.value(0) == "0.0000e+00")
        #expect(KerasProgressBar.value(1e-3) == "1.0000e-03")
        #expect(KerasProgressBar.value(-0.0012) == "-0.0012")
        #expect(KerasProgressBar.value(-.nan) == "nan")
        #expect(KerasProgressBar.value(-.infinity) == "-inf")
        // %.4f rounds the exact binary value: 0.30005 is stored just below its decimal.
        #expect(KerasProgressBar.value(0.30005) == "0.3000")
    }

    @Test func stepTimesAndEstimatesInKerassUnits() {
        #expect(KerasProgressBar.stepTime(0) == " 0s/step")
        #expect(KerasProgressBar.stepTime(2.5) == " 2s/step")
        #expect(KerasProgressBar.stepTime(0.0025) == " 2ms/step")
        #expect(KerasProgressBar.stepTime(0.000999) == " 999us/step")
        #expect(KerasProgressBar.stepTime(.nan) == " 0s/step")
        #expect(KerasProgressBar.remaining(59.99) == "59s")
        #expect(KerasProgressBar.remaining(60.5) == "1:00")
        #expect(KerasProgressBar.remaining(3600.5) == "1:00:00")
        #expect(KerasProgressBar.remaining(.infinity) == "0s")
    }

    static let running: [(String, ProgressStatus)] = [
        (
            "middle",
            ProgressStatus(
                title: "", done: 412, total: 1000, elapsed: 1.23,
                metrics: [("accuracy", 0.91), ("loss", 0.25), ("val_loss", 0.000012)], layout: .kerasEpoch,
                secondsPerStep: 0.0021)
        ),
        (
            "first_step",
            ProgressStatus(
                title: "", done: 1, total: 32, elapsed: 0.046, metrics: [("loss", 0.7)], layout: .kerasEpoch,
                secondsPerStep: 0.046)
        ),
        (
            "last_step",
            ProgressStatus(
                title: "", done: 32, total: 32, elapsed: 0.5, metrics: [("loss", 0.7)], layout: .kerasEpoch,
                secondsPerStep: 0.015)
        ),
    ]

    @Test func snapshotOfTheLiveBarAtSeveralWidths() {
        var text = ""
        for (name, status) in Self.running {
            for width in [100, 60, 40, 20] {
                text += "\(name) @\(width)\n" + ProgressBar.line(status, width: width) + "\n"
            }
            text += "\(name) ascii\n" + ProgressBar.line(status, width: 100, charset: .ascii) + "\n"
        }
        text += "finished, interrupted at step 12 of 32\n"
        text +=
            KerasProgressBar.line(
                done: 12, total: 32, elapsed: 3.4, secondsPerStep: 0.27, metrics: [("loss", 0.5)], finished: true)
            + "\n"
        text += "untimed\n"
        text += KerasProgressBar.untimedLine(
            epoch: 2, epochs: 20, done: 32, steps: 32, metrics: [("accuracy", 0.91), ("loss", 0.25), ("val_loss", 0)])
        Snapshot.check(text, "keras_progress_bars")
    }

    @Test func theLiveBarIsNeverWiderThanAsked() {
        for (_, status) in Self.running {
            for width in 20...120 {
                #expect(DisplayWidth.of(ProgressBar.line(status, width: width)) <= width)
                #expect(ProgressBar.line(status, width: width, charset: .ascii).count <= width)
            }
        }
    }
}
