import KisoBase
import KisoNN
import KisoPlot

/// What `fit` shows while it trains, by `verbose` and by where the output goes. With a live
/// display (a terminal): Keras's screen — `Epoch 3/20`, then at verbose=1 the epoch's bar redrawn
/// in place (and, with `live_plot`, a curve under it of the loss the bar shows, after every
/// batch since `fit` began) and left finished
/// with the epoch's time; at verbose=2 one line per epoch after it. Without one (a recorded
/// notebook, a pipe): one untimed line per epoch, the same at every run. verbose=0: nothing.
final class FitProgress {
    private let interpreter: Interpreter
    private let verbose: Int
    private let livePlot: Bool
    /// The terminal's display, when there is one and verbose asks for a timed screen.
    private let display: (any LiveDisplay)?
    private var epochStarted = ContinuousClock.now
    /// When the epoch's first batch ended: Keras leaves that step out of the time per step.
    private var firstStepEnded: ContinuousClock.Instant?
    private var lastDrawn = ContinuousClock.now
    /// The loss the bar showed after every batch since `fit` began, for the live curve.
    private var losses: [Double] = []

    init(interpreter: Interpreter, verbose: Int, livePlot: Bool) {
        self.interpreter = interpreter
        self.verbose = verbose
        self.livePlot = livePlot
        display = verbose > 0 ? interpreter.liveDisplay : nil
    }

    /// Connects the trainer's reports to this display.
    func attach(to trainer: Trainer) {
        trainer.epochStarts = { [unowned self] epoch, epochs in epochStarts(epoch, epochs) }
        trainer.batchReport = { [unowned self] _, step, steps, logs in batchEnds(step, steps, logs) }
        trainer.epochReport = { [unowned self] epoch, epochs, done, steps, logs in
            epochEnds(epoch, epochs, done, steps, logs)
        }
    }

    /// Removes what is drawn live, once training has ended however it ended (an error too);
    /// bars of enclosing `progress` loops are redrawn by those loops.
    func finish() {
        guard let display, interpreter.activeProgress.isEmpty else { return }
        display.finish()
    }

    private func epochStarts(_ epoch: Int, _ epochs: Int) {
        epochStarted = .now
        firstStepEnded = nil
        lastDrawn = epochStarted
        // Keras names the epoch only when there are several.
        if display != nil && epochs > 1 { interpreter.output("Epoch \(epoch + 1)/\(epochs)\n") }
    }

    private func batchEnds(_ step: Int, _ steps: Int, _ logs: [(String, Double)]) {
        guard display != nil else { return }
        let now = ContinuousClock.now
        let perStep = secondsPerStep(done: step, now: now)
        if step == 1 { firstStepEnded = now }
        guard let display, verbose == 1 else { return }
        if livePlot, let loss = logs.first(where: { $0.0 == "loss" }) { losses.append(loss.1) }
        guard now - lastDrawn >= .milliseconds(100) else { return }
        lastDrawn = now
        let bar = ProgressStatus(
            title: "", done: step, total: steps, elapsed: seconds(now - epochStarted),
            metrics: logs.map { (name: $0.0, value: $0.1) }, layout: .kerasEpoch, secondsPerStep: perStep)
        let curves = livePlot && losses.count >= 2 ? [(name: "loss", values: losses)] : []
        display.update(interpreter.activeProgress.map(\.status) + [bar], curves: curves)
    }

    private func epochEnds(_ epoch: Int, _ epochs: Int, _ done: Int, _ steps: Int, _ logs: [(String, Double)]) {
        guard verbose > 0 else { return }
        let metrics = logs.map { (name: $0.0, value: $0.1) }
        guard display != nil else {
            let line = KerasProgressBar.untimedLine(
                epoch: epoch, epochs: epochs, done: done, steps: steps, metrics: metrics)
            interpreter.output(line + "\n")
            return
        }
        let now = ContinuousClock.now
        let elapsed = seconds(now - epochStarted)
        let perStep = secondsPerStep(done: done, now: now)
        let line =
            verbose == 1
            ? KerasProgressBar.line(
                done: done, total: steps, elapsed: elapsed, secondsPerStep: perStep, metrics: metrics, finished: true,
                charset: interpreter.plotDisplay.charset)
            : KerasProgressBar.summaryLine(
                done: done, total: steps, elapsed: elapsed, secondsPerStep: perStep, metrics: metrics)
        interpreter.output(line + "\n")
    }

    /// Keras's estimate: after the first step, the time since it ended over the steps since.
    private func secondsPerStep(done: Int, now: ContinuousClock.Instant) -> Double {
        if let firstStepEnded, done > 1 { return seconds(now - firstStepEnded) / Double(done - 1) }
        return seconds(now - epochStarted) / Double(Swift.max(done, 1))
    }

    private func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}
