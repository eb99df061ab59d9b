import KisoPlot
import KisoTensor
import KisoTestSupport
import Testing

@testable import KisoLang
@testable import KisoNN

/// A Kiso literal holding `t`'s values exactly (Swift prints doubles round-trip).
private func literal(_ t: Tensor) -> String {
    "reshape([" + t.scalars.map { "\($0)" }.joined(separator: ", ") + "], ["
        + t.shape.map(String.init).joined(separator: ", ") + "])"
}

/// compile, fit, evaluate, predict and the callbacks, as the language sees them; Keras's
/// optimizers against Keras 3 (scripts/gen_keras_fixtures.py).
@Suite struct FitTests {
    private let moons = """
        X, y = make_moons(120, noise=0.1, random_state=0)
        def model()
            m = Sequential([Dense(8, activation="relu"), Dense(1, activation="sigmoid")], input_shape=[2], seed=1)
            m.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
            m
        end
        """

    @Test func kerasOptimizersMatchKeras() throws {
        for c in try Fixture.cases("keras_optimizers") {
            let name = c["name"] as? String ?? "?"
            let config = c["config"] as? [String: Any] ?? [:]
            var arguments = (config["learning_rate"] as? Double).map { "learning_rate=\($0)" } ?? ""
            if let momentum = config["momentum"] as? Double { arguments += ", momentum=\(momentum)" }
            let h = Harness()
            h.run(
                "opt = \(config["optimizer"] as? String ?? "")(\(arguments))\nw = \(literal(try Fixture.tensor(c["start"])))"
            )
            let grads = c["grads"] as? [Any] ?? []
            let after = c["after"] as? [Any] ?? []
            #expect(grads.count == 3 && after.count == 3, "\(name)")
            for (g, expected) in zip(grads, after) {
                h.run("w = opt.step(w, \(literal(try Fixture.tensor(g))))")
                let e = try Fixture.tensor(expected)
                #expect(h.run("float(max(abs(w - \(literal(e))))) < 1e-12") == "True", "\(name): \(h.run("w"))")
            }
        }
    }

    @Test func fitIsReproducibleForASeedAndLogsEachEpoch() {
        let h = Harness()
        h.run(moons)
        h.run("h1 = model().fit(X, y, epochs=3, batch_size=16, validation_split=0.25)")
        let lines = h.printed.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.first?.hasPrefix("Epoch 1/3 - 6/6 - accuracy: ") == true, "\(lines)")
        #expect(lines.first?.contains(" - loss: ") == true && lines.first?.contains(" - val_loss: ") == true)
        h.run("h2 = model().fit(X, y, epochs=3, batch_size=16, validation_split=0.25, verbose=0)")
        #expect(h.run("h1.history == h2.history") == "True")
        #expect(h.run("list(h1.history.keys())") == "['accuracy', 'loss', 'val_accuracy', 'val_loss']")
        #expect(h.run("h1.epoch") == "[0, 1, 2]")
        // Another shuffling stream gives another history.
        #expect(
            h.run(
                "h3 = model().fit(X, y, epochs=3, batch_size=16, verbose=0, rng=default_rng(5))\nh3.history[\"loss\"][0] == h1.history[\"loss\"][0]"
            ) == "False")
        h.run("m = model()\nfirst = m.evaluate(X, y)[0]\nm.fit(X, y, epochs=20, verbose=0)")
        #expect(h.run("bool(m.evaluate(X, y)[0] < first)") == "True")
        #expect(h.run("list(m.evaluate(X, y, return_dict=true).keys())") == "['accuracy', 'loss']")
        #expect(h.run("m.predict(X[:4]).shape") == "(4, 1)")
    }

    @Test func earlyStoppingStopsAndRestoresTheBestWeights() {
        let h = Harness()
        h.run(moons)
        h.run(
            """
            m = model()
            m.compile(optimizer=Adam(learning_rate=0.5), loss="binary_crossentropy")
            es = EarlyStopping(monitor="val_loss", patience=2, restore_best_weights=true)
            h = m.fit(X, y, epochs=60, validation_data=(X[:30], y[:30]), callbacks=[es], verbose=0)
            """)
        #expect(h.run("h.stopped") == "'early stopping'")
        #expect(h.run("len(h.epoch) < 60 and es.stopped_epoch == len(h.epoch) - 1") == "True")
        #expect(h.run("abs(m.evaluate(X[:30], y[:30]) - min(h.history[\"val_loss\"])) < 1e-12") == "True")
    }

    @Test func schedulesPlateausAndUserFunctions() {
        let h = Harness()
        h.run(moons)
        h.run(
            """
            m = model()
            opt = SGD(learning_rate=0.8)
            m.compile(optimizer=opt, loss="binary_crossentropy")
            halve(epoch, lr) = lr / 2
            def note(epoch, logs)
                epoch == 2
            end
            h = m.fit(X, y, epochs=5, callbacks=[LearningRateScheduler(halve), LambdaCallback(note)], verbose=0)
            """)
        #expect(h.run("opt.lr") == "0.1")
        #expect(h.run("len(h.epoch)") == "3")
        #expect(h.run("h.stopped") == "'callback'")
        // Each epoch logs the rate it trained with, as Keras 3.15 does (its float32 rates
        // 0.4000000059604645, 0.20000000298023224, 0.10000000149011612 for this schedule).
        #expect(h.run("h.history[\"learning_rate\"]") == "[0.4, 0.2, 0.1]")
        h.run(
            """
            m = model()
            opt = SGD(learning_rate=1e-9)
            m.compile(optimizer=opt, loss="binary_crossentropy")
            plateau = m.fit(X, y, epochs=4, callbacks=[ReduceLROnPlateau(monitor="loss", factor=0.5, patience=1)], verbose=0)
            """)
        // The loss cannot improve by min_delta at this rate: halved after each epoch but the first.
        #expect(h.run("opt.lr") == "1.25e-10")
        // The rate logged is the one the epoch trained with, before that epoch's reduction (Keras
        // 3.15 logs [1e-9, 1e-9, 5e-10, 2.5e-10] in float32 for the same rule).
        #expect(h.run("plateau.history[\"learning_rate\"]") == "[1e-09, 1e-09, 5e-10, 2.5e-10]")
        #expect(h.run("h2 = m.fit(X, y, epochs=1, verbose=0)\nlist(h2.history.keys())") == "['loss']")
    }

    @Test func plotHistoryAndErrors() {
        let h = Harness()
        h.run(moons)
        h.run("m = model()\nhist = m.fit(X, y, epochs=2, validation_split=0.2, verbose=0)")
        #expect(h.run("type(plot_history(hist))") == "'plot'")
        #expect(h.error("plot_history(hist, \"mae\")").contains("the history has no \"mae\""))
        #expect(h.error("Sequential([Dense(1)], input_shape=[2]).fit(X, y)").contains("is not compiled"))
        #expect(h.error("m.compile(loss=\"msee\")").contains("unknown loss \"msee\""))
        #expect(h.error("m.compile(loss=\"mse\", metrics=[\"acuracy\"])").contains("unknown metric \"acuracy\""))
        #expect(h.error("m.compile(optimizer=\"adamw\", loss=\"mse\")").contains("unknown optimizer \"adamw\""))
        #expect(h.error("m.fit(X, y[:10])").contains("they need the same number of samples"))
        #expect(
            h.error("m.fit(X, y, callbacks=[EarlyStopping()], verbose=0)").contains(
                "monitor \"val_loss\" is not among the logs"))
    }

    /// Ctrl-C during fit ends training after the batch, keeping the model and the history so far.
    @Test func anInterruptKeepsTheModelAndTheHistory() throws {
        let model = try Sequential([Dense(units: 1)], inputShape: [2], generator: Generator(seed: 0))
        let trainer = Trainer(
            model: model,
            setup: try TrainingSetup(loss: .named(.mse), optimizer: try SGD(learningRate: 0.1), metrics: []))
        let before = model.layers[0].weights[0].value.scalars
        var batches = 0
        trainer.interrupted = {
            batches += 1
            return batches == 3
        }
        var reported: [String] = []
        trainer.epochReport = { epoch, epochs, done, steps, logs in
            reported.append(
                KerasProgressBar.untimedLine(
                    epoch: epoch, epochs: epochs, done: done, steps: steps, metrics: logs.map { ($0.0, $0.1) }))
        }
        let x = try Generator(seed: 1).standardNormal([40, 2])
        let y = try Generator(seed: 2).standardNormal([40])
        var options = FitOptions()
        options.epochs = 5
        options.batchSize = 8
        let history = try trainer.fit(x, y, options: options, callbacks: [])
        #expect(history.stoppedBy == "interrupted")
        #expect(history.epochs == [0])
        #expect(reported.count == 1 && reported[0].hasPrefix("Epoch 1/5 - 3/5 - loss: "), "\(reported)")
        #expect(model.layers[0].weights[0].value.scalars != before)
    }

    /// Ctrl-C that reaches a kernel or the loss inside a batch drops that batch only.
    @Test func anInterruptInsideABatchDropsThatBatchAndKeepsTheRest() throws {
        let model = try Sequential([Dense(units: 1)], inputShape: [2], generator: Generator(seed: 0))
        var calls = 0
        let loss = TrainingSetup.Loss.custom { prediction, target in
            calls += 1
            if calls == 3 { throw TensorError(.interrupted, "matmul: interrupted") }
            let mse = KerasLoss.mse
            return try mse(prediction, target)
        }
        let trainer = Trainer(
            model: model, setup: try TrainingSetup(loss: loss, optimizer: try SGD(learningRate: 0.1), metrics: []))
        var reported: [(done: Int, steps: Int)] = []
        trainer.epochReport = { _, _, done, steps, _ in reported.append((done, steps)) }
        var options = FitOptions()
        options.epochs = 5
        options.batchSize = 8
        let x = try Generator(seed: 1).standardNormal([40, 2])
        let history = try trainer.fit(x, try Generator(seed: 2).standardNormal([40]), options: options, callbacks: [])
        #expect(history.stoppedBy == "interrupted")
        #expect(history.epochs == [0])
        #expect(reported.count == 1 && reported[0] == (2, 5), "\(reported)")
    }

    /// A display that keeps what fit asked it to draw.
    final class RecordingDisplay: LiveDisplay {
        var updates: [[ProgressStatus]] = []
        var curves: [[Double]] = []
        var finished = 0
        func update(_ loops: [ProgressStatus], curves: [(name: String, values: [Double])]) {
            updates.append(loops)
            self.curves.append(curves.first?.values ?? [])
        }
        func finish() { finished += 1 }
    }

    /// With a live display (a terminal), verbose=1 prints Keras's epoch lines with times and
    /// draws the bar (and with live_plot the loss) while batches run.
    @Test func onATerminalFitShowsKerassScreen() throws {
        let h = Harness()
        let display = RecordingDisplay()
        h.session.liveDisplay = display
        h.run(moons)
        h.run("m = model()")
        #expect(h.run("h = m.fit(X, y, epochs=2, batch_size=1, live_plot=true); len(h.history[\"loss\"])") == "2")
        let lines = h.printed.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "\(h.printed)")
        if lines.count == 4 {
            #expect(lines[0] == "Epoch 1/2" && lines[2] == "Epoch 2/2", "\(h.printed)")
            #expect(lines[1].hasPrefix("120/120 ━━━━━━━━━━━━━━━━━━━━ ") && lines[1].contains("s/step - accuracy: "))
        }
        #expect(display.finished == 1)
        // The updates are throttled to ten a second, so a fast machine may draw none.
        for loops in display.updates {
            #expect(loops.count == 1 && loops[0].layout == .kerasEpoch && loops[0].total == 120)
        }
        for curve in display.curves { #expect(curve.count >= 2) }
        h.printed = ""
        h.run("h = m.fit(X, y, epochs=1, verbose=2)")
        #expect(h.printed.hasPrefix("4/4 - ") && h.printed.contains("s/step - accuracy: "), "\(h.printed)")
    }
}
