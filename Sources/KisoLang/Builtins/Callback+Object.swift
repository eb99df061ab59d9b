import KisoNN
import KisoTensor

/// A Keras-style callback for `m.fit(…, callbacks=[…])`: early stopping, learning-rate
/// schedules, or a user function called after each epoch.
final class CallbackObject: KisoObject {
    /// What the callback is.
    enum Kind {
        /// A callback written in Swift.
        case native(any TrainingCallback)
        /// `LearningRateScheduler(f)`: lr = f(epoch, lr) before each epoch.
        case schedule(Value)
        /// `LambdaCallback(on_epoch_end=f)`: f(epoch, logs) after each epoch.
        case epochEnd(Value)
        /// `CSVLogger(path)`.
        case csvLogger(String)
        /// `ModelCheckpoint(path, monitor, save_best_only)`.
        case checkpoint(String, monitor: String, bestOnly: Bool)
    }

    let kind: Kind
    /// How it prints.
    let text: String

    init(_ kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }

    static let objectType = ObjectType(
        "Callback", of: CallbackObject.self, receiver: "cb",
        doc:
            "Something fit calls around each epoch: EarlyStopping, ReduceLROnPlateau, LearningRateScheduler, LambdaCallback.",
        example: "cb = EarlyStopping(monitor=\"loss\", patience=2)"
    ) { t in
        t.text { $0.text }
        t.attribute(
            "stopped_epoch", doc: "For EarlyStopping, the epoch (from 0) it stopped training after, else none.",
            example: "EarlyStopping().stopped_epoch"
        ) { o in
            guard case .native(let callback as EarlyStopping) = o.kind, let epoch = callback.stoppedEpoch else {
                return .none
            }
            return .int(epoch)
        }
    }

    /// The callback the training loop calls; user functions run through `interpreter`, files
    /// are written as fit's (`a`).
    func trainingCallback(_ interpreter: Interpreter, span: SourceSpan, _ a: Arguments) throws -> any TrainingCallback {
        switch kind {
        case .csvLogger(let path):
            let target = try writablePath(path, a)
            return CSVLoggerCallback { bytes in try writeFile(bytes, to: target, a) }
        case .checkpoint(let path, let monitor, let bestOnly):
            let target = try writablePath(path, a)
            return CheckpointCallback(monitor: monitor, bestOnly: bestOnly) { model in
                try writeFile(NumPyFile.npz(model.namedWeights.map { ($0.path, $0.weight.value) }), to: target, a)
            }
        case .native(let callback): return callback
        case .schedule(let f):
            return ClosureCallback(
                epochBegins: { epoch, trainer in
                    let rate = try interpreter.call(
                        f, [.int(epoch), .number(trainer.setup.optimizer.learningRate)], span: span)
                    trainer.setup.optimizer.learningRate = try Convert.number(rate, "the schedule's learning rate")
                }, changesLearningRate: true)
        case .epochEnd(let f):
            return ClosureCallback(epochEnds: { epoch, logs, trainer in
                var dict = KisoDict()
                for (name, value) in logs { dict.set(.string(name), .number(value)) }
                let result = try interpreter.call(f, [.int(epoch), .dict(dict)], span: span)
                // Returning true asks training to stop, as setting model.stop_training does in Keras.
                if case .bool(true) = result {
                    trainer.stopRequested = true
                    trainer.stopReason = "callback"
                }
            })
        }
    }
}

extension ModelObject {
    /// The `callbacks=` list of fit as the training loop's callbacks: callback objects, or plain
    /// functions f(epoch, logs) called after each epoch.
    func trainingCallbacks(_ value: Value, _ a: Arguments) throws -> [any TrainingCallback] {
        let items: [Value]
        switch value {
        case .list(let list), .tuple(let list): items = list
        case .none: items = []
        default:
            throw KisoError(
                .type, "fit: callbacks must be a list, got \(value.kindName)",
                hint: "callbacks=[EarlyStopping(patience=3)]")
        }
        return try items.enumerated().map { i, item in
            if case .object(let callback as CallbackObject) = item {
                return try callback.trainingCallback(a.interpreter, span: a.span, a)
            }
            if item.isCallable {
                return try CallbackObject(.epochEnd(item), text: "").trainingCallback(a.interpreter, span: a.span, a)
            }
            throw KisoError(
                .type, "fit: callback \(i) is \(item.kindName), not a callback",
                hint: "give callbacks such as EarlyStopping(…) or functions f(epoch, logs)")
        }
    }
}

extension Registry {
    func registerCallbacks() {
        register(CallbackObject.self)
        register(HistoryObject.self)
        add(
            "EarlyStopping",
            [
                param("monitor", .string, .string("val_loss")), param("patience", .int, .int(0)),
                param("min_delta", .number, .int(0)), param("restore_best_weights", .bool, .bool(false)),
            ],
            doc:
                "Stops fit after patience epochs without improvement of monitor (by more than min_delta); restore_best_weights=true gives the model back its best epoch's weights.",
            example: "EarlyStopping(monitor=\"val_loss\", patience=3, restore_best_weights=true)"
        ) { a in
            let monitor = try a.string("monitor")
            let callback = try EarlyStopping(
                monitor: monitor, patience: try a.int("patience"), minDelta: try a.number("min_delta"),
                restoreBestWeights: try a.bool("restore_best_weights"))
            return .object(
                CallbackObject(
                    .native(callback), text: "<EarlyStopping monitor=\"\(monitor)\" patience=\(callback.patience)>"))
        }
        add(
            "ReduceLROnPlateau",
            [
                param("monitor", .string, .string("val_loss")), param("factor", .number, .number(0.1)),
                param("patience", .int, .int(10)), param("min_delta", .number, .number(1e-4)),
                param("cooldown", .int, .int(0)), param("min_lr", .number, .int(0)),
            ],
            doc: "Multiplies the learning rate by factor when monitor has not improved for patience epochs.",
            example: "ReduceLROnPlateau(monitor=\"loss\", factor=0.5, patience=2)"
        ) { a in
            let monitor = try a.string("monitor")
            let callback = try ReduceLROnPlateau(
                monitor: monitor, factor: try a.number("factor"), patience: try a.int("patience"),
                minDelta: try a.number("min_delta"), cooldown: try a.int("cooldown"), minLR: try a.number("min_lr"))
            return .object(
                CallbackObject(
                    .native(callback),
                    text: "<ReduceLROnPlateau monitor=\"\(monitor)\" factor=\(formatNumber(callback.factor))>"))
        }
        add(
            "LearningRateScheduler", [param("schedule", .function)],
            doc: "Sets the learning rate to schedule(epoch, lr) before each epoch (epochs counted from 0).",
            example: "halve(epoch, lr) = lr / 2; LearningRateScheduler(halve)"
        ) { a in .object(CallbackObject(.schedule(try a["schedule"]), text: "<LearningRateScheduler>")) }
        add(
            "LambdaCallback", [param("on_epoch_end", .function)],
            doc: "Calls on_epoch_end(epoch, logs) after each epoch; returning true stops training.",
            example: "report(epoch, logs) = print(epoch, logs[\"loss\"]); LambdaCallback(report)"
        ) { a in .object(CallbackObject(.epochEnd(try a["on_epoch_end"]), text: "<LambdaCallback>")) }
        add(
            "CSVLogger", [param("filename", .string)],
            doc:
                "Writes each epoch's logs to a CSV file (epoch, then the logged names alphabetically, as Keras does), rewritten atomically after each epoch.",
            example: "CSVLogger(\"training.csv\")"
        ) { a in
            let path = try a.string("filename")
            return .object(CallbackObject(.csvLogger(path), text: "<CSVLogger \"\(path)\">"))
        }
        add(
            "ModelCheckpoint",
            [
                param("filepath", .string), param("monitor", .string, .string("val_loss")),
                param("save_best_only", .bool, .bool(false)),
            ],
            doc:
                "Writes the model's weights (.npz) after each epoch, or only when monitor improved with save_best_only=true.",
            example: "ModelCheckpoint(\"best.npz\", monitor=\"val_loss\", save_best_only=true)"
        ) { a in
            let path = try a.string("filepath")
            guard path.hasSuffix(".npz") else {
                throw KisoError(.value, "ModelCheckpoint: the path must end in .npz, got \"\(path)\"")
            }
            return .object(
                CallbackObject(
                    .checkpoint(path, monitor: try a.string("monitor"), bestOnly: try a.bool("save_best_only")),
                    text: "<ModelCheckpoint \"\(path)\">"))
        }
        add(
            "plot_history", [param("history", .object("History")), param("metric", .string, .string("loss"))],
            doc: "A line plot of a History's metric per epoch, with its validation curve (val_…) when fit logged one.",
            example:
                "m = Sequential([Dense(1)], input_shape=[1], seed=0); m.compile(loss=\"mse\"); plot_history(m.fit([[1.0]], [2.0], epochs=5, verbose=0))"
        ) { a in
            let history = try a.object("history", as: HistoryObject.self).history
            let metric = try a.string("metric")
            let names = [metric, "val_" + metric].filter { name in history.values.contains { $0.name == name } }
            guard !names.isEmpty else {
                throw KisoError(
                    .value, "plot_history: the history has no \"\(metric)\"",
                    hint: "it logged " + history.values.map { "\"\($0.name)\"" }.joined(separator: ", "))
            }
            let rows = names.compactMap { name in history.values.first { $0.name == name }?.values }
            let curves = try Tensor(shape: [rows.count, history.epochs.count], scalars: rows.flatMap { $0 })
            let epochs = try Tensor(shape: [history.epochs.count], scalars: history.epochs.map { Double($0 + 1) })
            guard let plot = a.interpreter.registry.byName["plot"] else { return .none }
            return try a.interpreter.call(
                .builtin(plot), [.tensor(epochs), .tensor(curves)],
                [("names", .list(names.map { .string($0) }), a.span), ("xlabel", .string("epoch"), a.span)],
                span: a.span)
        }
    }
}
