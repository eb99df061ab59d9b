import KisoNN
import KisoPlot
import KisoTensor

/// What `m.fit` returns, as Keras's History: `h.history["loss"]`, one value per epoch.
final class HistoryObject: KisoObject {
    /// The logs.
    let history: History

    init(_ history: History) {
        self.history = history
    }

    static let objectType = ObjectType(
        "History", of: HistoryObject.self, receiver: "h",
        doc: "The logs of a fit: h.history[name] holds one value per epoch (loss, accuracy, val_loss, …).",
        example:
            "m = Sequential([Dense(1)], input_shape=[1], seed=0); m.compile(loss=\"mse\"); h = m.fit([[1.0], [2.0]], [1.0, 2.0], epochs=2, verbose=0); h.history[\"loss\"]"
    ) { t in
        t.text { $0.description }
        t.attribute(
            "history", doc: "Each logged quantity by name, a list of one float per epoch.",
            example:
                "m = Sequential([Dense(1)], input_shape=[1], seed=0); m.compile(loss=\"mse\"); m.fit([[1.0]], [1.0], epochs=2, verbose=0).history"
        ) { o in
            var dict = KisoDict()
            for (name, values) in o.history.values { dict.set(.string(name), .list(values.map { .number($0) })) }
            return .dict(dict)
        }
        t.attribute(
            "epoch", doc: "The epochs run, counted from 0.",
            example:
                "m = Sequential([Dense(1)], input_shape=[1], seed=0); m.compile(loss=\"mse\"); m.fit([[1.0]], [1.0], epochs=3, verbose=0).epoch"
        ) { o in .list(o.history.epochs.map { .int($0) }) }
        t.attribute(
            "stopped", doc: "Why training ended early (\"early stopping\", \"interrupted\"), or none.",
            example:
                "m = Sequential([Dense(1)], input_shape=[1], seed=0); m.compile(loss=\"mse\"); m.fit([[1.0]], [1.0], verbose=0).stopped"
        ) { o in o.history.stoppedBy.map { .string($0) } ?? .none }
    }

    /// `<History epochs=5 loss=0.0422 accuracy=0.9942>`: the last epoch's values.
    var description: String {
        let last = history.values.map { " \($0.name)=\(KerasProgressBar.value($0.values.last ?? .nan))" }.joined()
        return "<History epochs=\(history.epochs.count)\(last)>"
    }
}
