import KisoTensor

/// What `compile` fixed: the loss, the optimizer (its state kept between fits, as Keras keeps
/// it) and the metrics by the names they are logged under.
public struct TrainingSetup {
    /// A named Keras loss, or a function of (prediction, target) on variables.
    public enum Loss {
        case named(KerasLoss)
        case custom((Variable, Tensor) throws -> Variable)
    }

    /// The loss.
    public var loss: Loss
    /// The update rule with its state.
    public var optimizer: any Optimizer
    /// Metrics as given: names such as "accuracy", "mae"; "accuracy" is resolved at the first batch.
    public var metricNames: [String]

    /// A setup, checking the metric names.
    public init(loss: Loss, optimizer: any Optimizer, metrics: [String]) throws {
        for name in metrics where name != "accuracy" && name != "acc" && KerasMetric(named: name) == nil {
            throw TensorError(
                .value, "compile: unknown metric \"\(name)\"",
                hint:
                    "use \"accuracy\", \"mae\", \"mse\", \"binary_accuracy\", \"categorical_accuracy\" or \"sparse_categorical_accuracy\""
            )
        }
        self.loss = loss
        self.optimizer = optimizer
        metricNames = metrics
    }

    /// The mean loss of a batch.
    func loss(_ prediction: Variable, _ target: Tensor) throws -> Variable {
        switch loss {
        case .named(let named): return try named(prediction, target)
        case .custom(let f):
            let value = try f(prediction, target)
            guard value.count == 1 else {
                throw TensorError(
                    .shape, "the loss function returned shape \(formatShape(value.shape)); it must return one number",
                    hint: "take the mean over the batch")
            }
            return try value.reshaped([])
        }
    }

    /// The metrics with the names Keras logs them under (accuracy stays "accuracy").
    func metrics(target: Tensor, prediction: [Int]) -> [(name: String, metric: KerasMetric)] {
        metricNames.compactMap { name in
            if name == "accuracy" || name == "acc" {
                return (name, KerasMetric.accuracy(target: target, prediction: prediction))
            }
            return KerasMetric(named: name).map { (name, $0) }
        }
    }
}

/// What `fit` returns: every epoch's logs by name (`loss`, `accuracy`, `val_loss`, …).
public final class History {
    /// The epochs run, from 0.
    public internal(set) var epochs: [Int] = []
    /// Each logged quantity's value per epoch, in the order first logged.
    public internal(set) var values: [(name: String, values: [Double])] = []
    /// Whether training stopped early (a callback or Ctrl-C).
    public internal(set) var stoppedBy: String?

    /// A history to fill.
    public init() {}

    /// Appends one epoch's logs.
    func record(epoch: Int, _ logs: [(String, Double)]) {
        epochs.append(epoch)
        for (name, value) in logs {
            if let i = values.firstIndex(where: { $0.name == name }) {
                values[i].values.append(value)
            } else {
                values.append((name, [value]))
            }
        }
    }
}

/// Something told after each epoch, which may stop training (Keras's callbacks).
public protocol TrainingCallback: AnyObject {
    /// Before the first epoch.
    func trainingBegins(_ trainer: Trainer) throws
    /// Before each epoch; may change the learning rate.
    func epochBegins(_ epoch: Int, _ trainer: Trainer) throws
    /// After each epoch with its logs; set `trainer.stopRequested` to stop.
    func epochEnds(_ epoch: Int, logs: [(String, Double)], _ trainer: Trainer) throws
    /// After the last epoch (also when stopped early).
    func trainingEnds(_ trainer: Trainer) throws
    /// Whether the callback changes the learning rate, so that each epoch logs the rate it
    /// trained with as `learning_rate`, as Keras's schedules and ReduceLROnPlateau do.
    var changesLearningRate: Bool { get }
}

extension TrainingCallback {
    public var changesLearningRate: Bool { false }
    public func trainingBegins(_ trainer: Trainer) throws {}
    public func epochBegins(_ epoch: Int, _ trainer: Trainer) throws {}
    public func epochEnds(_ epoch: Int, logs: [(String, Double)], _ trainer: Trainer) throws {}
    public func trainingEnds(_ trainer: Trainer) throws {}
}

/// How `fit` runs: epochs of shuffled mini-batches, validation, what it reports.
public struct FitOptions {
    public var epochs = 1
    public var batchSize = 32
    public var shuffle = true
    /// Data to validate on after each epoch.
    public var validationData: (x: Tensor, y: Tensor)?
    /// The fraction of the data, taken from its end before shuffling, kept for validation.
    public var validationSplit = 0.0
    /// Shuffles the batches; nil uses the model's generator.
    public var generator: Generator?

    /// Defaults as Keras's.
    public init() {}
}

/// Keras's training loop for a `Sequential`: compile's setup, fit, evaluate, predict.
public final class Trainer {
    /// The model trained.
    public let model: Sequential
    /// The loss, optimizer and metrics.
    public var setup: TrainingSetup
    /// Set by a callback (or an interrupt) to end training after the current epoch or batch.
    public var stopRequested = false
    /// Why training stopped early, for the history.
    public var stopReason: String?
    /// Checked after every batch; true stops training there (Ctrl-C), keeping what was learnt.
    public var interrupted: () -> Bool = { false }
    /// Whether an error thrown inside a batch is a stop request (Ctrl-C reached a kernel or the
    /// loss function): training then ends as if `interrupted` had answered true before that
    /// batch, whose update was not applied.
    public var isInterruption: (any Error) -> Bool = { ($0 as? TensorError)?.kind == .interrupted }
    /// Told before each epoch's first batch.
    public var epochStarts: (_ epoch: Int, _ epochs: Int) -> Void = { _, _ in }
    /// Told after each epoch: the line of logs (the caller decides where it goes).
    public var epochReport:
        (_ epoch: Int, _ epochs: Int, _ done: Int, _ steps: Int, _ logs: [(String, Double)]) -> Void = {
            _, _, _, _, _ in
        }
    /// Told after each batch: step, steps and the running logs (for a live progress display).
    public var batchReport: (_ epoch: Int, _ step: Int, _ steps: Int, _ logs: [(String, Double)]) -> Void = {
        _, _, _, _ in
    }

    /// A trainer for `model` with `setup`.
    public init(model: Sequential, setup: TrainingSetup) {
        self.model = model
        self.setup = setup
    }

    /// Keras's `fit`.
    public func fit(_ x: Tensor, _ y: Tensor, options: FitOptions, callbacks: [any TrainingCallback]) throws -> History
    {
        guard options.epochs >= 0, options.batchSize >= 1 else {
            throw TensorError(.value, "fit: epochs must be ≥ 0 and batch_size ≥ 1")
        }
        guard x.rank >= 1, y.rank >= 1, x.shape[0] == y.shape[0], x.shape[0] > 0 else {
            throw TensorError(
                .shape,
                "fit: x has shape \(formatShape(x.shape)) and y \(formatShape(y.shape)); they need the same number of samples (at least one)"
            )
        }
        guard (0..<1).contains(options.validationSplit) else {
            throw TensorError(.value, "fit: validation_split must be in [0, 1), got \(options.validationSplit)")
        }
        var (trainX, trainY) = (x, y)
        var validation = options.validationData
        if options.validationSplit > 0 {
            let n = x.shape[0]
            let cut = Int((Double(n) * (1 - options.validationSplit)).rounded(.down))
            guard cut >= 1, cut < n else {
                throw TensorError(
                    .value,
                    "fit: validation_split \(options.validationSplit) leaves no training or no validation samples")
            }
            trainX = try rows(x, 0..<cut)
            trainY = try rows(y, 0..<cut)
            validation = (try rows(x, cut..<n), try rows(y, cut..<n))
        }
        if model.inputShape == nil { try model.build(inputShape: Array(x.shape.dropFirst())) }
        let generator = options.generator ?? model.generator
        let n = trainX.shape[0]
        let steps = (n + options.batchSize - 1) / options.batchSize
        let history = History()
        stopRequested = false
        stopReason = nil
        for callback in callbacks { try callback.trainingBegins(self) }
        epochs: for epoch in 0..<options.epochs {
            for callback in callbacks { try callback.epochBegins(epoch, self) }
            let order = options.shuffle ? try generator.permutation(n).scalars.map { Int($0) } : Array(0..<n)
            epochStarts(epoch, options.epochs)
            var totals = RunningLogs()
            for step in 0..<steps {
                let picked = Array(order[(step * options.batchSize)..<Swift.min(n, (step + 1) * options.batchSize)])
                let batchX = try gather(trainX, picked)
                let batchY = try gather(trainY, picked)
                var stopped = false
                do {
                    try trainStep(batchX, batchY, into: &totals)
                    batchReport(epoch, step + 1, steps, totals.logs)
                    stopped = interrupted()
                } catch  where isInterruption(error) {
                    stopped = true
                }
                if stopped {
                    stopReason = "interrupted"
                    // An epoch stopped before its first batch finished has nothing to record.
                    guard !totals.isEmpty else { break epochs }
                    var logs = totals.logs
                    if let validation {
                        logs += try evaluate(validation.x, validation.y, batchSize: options.batchSize).map {
                            ("val_" + $0.0, $0.1)
                        }
                    }
                    if callbacks.contains(where: \.changesLearningRate) {
                        logs.append(("learning_rate", setup.optimizer.learningRate))
                    }
                    history.record(epoch: epoch, logs)
                    epochReport(epoch, options.epochs, totals.steps, steps, logs)
                    break epochs
                }
            }
            var logs = totals.logs
            if let validation {
                logs += try evaluate(validation.x, validation.y, batchSize: options.batchSize).map {
                    ("val_" + $0.0, $0.1)
                }
            }
            if callbacks.contains(where: \.changesLearningRate) {
                logs.append(("learning_rate", setup.optimizer.learningRate))
            }
            history.record(epoch: epoch, logs)
            epochReport(epoch, options.epochs, steps, steps, logs)
            for callback in callbacks { try callback.epochEnds(epoch, logs: logs, self) }
            if stopRequested { break }
        }
        for callback in callbacks { try callback.trainingEnds(self) }
        history.stoppedBy = stopReason
        return history
    }

    /// One optimizer step on a batch, adding its loss and metrics to `totals`.
    private func trainStep(_ x: Tensor, _ y: Tensor, into totals: inout RunningLogs) throws {
        let slots = model.namedWeights.filter(\.weight.trainable)
        let context = ForwardContext(training: true, generator: model.generator)
        var prediction: Tensor? = nil
        let (loss, grads) = try valueAndGradient(
            of: { params in
                let y0 = try self.model.forward(Variable(x), context: context) { i, k, w in
                    guard let position = slots.firstIndex(where: { $0.layer == i && $0.index == k }) else {
                        return Variable(w.value)
                    }
                    return params[position]
                }
                prediction = y0.value
                return try self.setup.loss(y0, y)
            }, at: slots.map(\.weight.value), argnums: Array(slots.indices))
        let updated = try setup.optimizer.step(slots.map(\.weight.value), grads)
        for (slot, value) in zip(slots, updated) { model.layers[slot.layer].weights[slot.index].value = value }
        context.keepUpdates(in: model.layers)
        try totals.add(loss: loss.scalar ?? .nan, prediction: prediction, target: y, setup: setup)
    }

    /// Keras's `evaluate`: the loss and metrics over `x`, in inference mode, by name.
    public func evaluate(_ x: Tensor, _ y: Tensor, batchSize: Int = 32) throws -> [(String, Double)] {
        guard x.rank >= 1, y.rank >= 1, x.shape[0] == y.shape[0], x.shape[0] > 0 else {
            throw TensorError(
                .shape,
                "evaluate: x has shape \(formatShape(x.shape)) and y \(formatShape(y.shape)); they need the same number of samples"
            )
        }
        var totals = RunningLogs()
        let n = x.shape[0]
        for start in stride(from: 0, to: n, by: Swift.max(batchSize, 1)) {
            let range = start..<Swift.min(n, start + batchSize)
            let prediction = try predict(try rows(x, range))
            let target = try rows(y, range)
            let loss = try setup.loss(Variable(prediction), target)
            try totals.add(loss: loss.value.scalar ?? .nan, prediction: prediction, target: target, setup: setup)
        }
        return totals.logs
    }

    /// Keras's `predict`: the model on `x` in inference mode.
    public func predict(_ x: Tensor) throws -> Tensor {
        try model.forward(Variable(x), context: ForwardContext(training: false)) { _, _, w in Variable(w.value) }.value
    }
}

/// Losses and metrics summed over the samples seen, for means weighted by batch size as
/// Keras's trackers weigh them.
struct RunningLogs {
    /// The batches added.
    private(set) var steps = 0
    private var samples = 0
    private var lossSum = 0.0
    private var metricSums: [(String, Double)] = []

    mutating func add(loss: Double, prediction: Tensor?, target: Tensor, setup: TrainingSetup) throws {
        let count = target.shape.first ?? 1
        steps += 1
        samples += count
        lossSum += loss * Double(count)
        guard let prediction else { return }
        let metrics = setup.metrics(target: target, prediction: prediction.shape)
        if metricSums.isEmpty { metricSums = metrics.map { ($0.name, 0) } }
        for (i, m) in metrics.enumerated() where i < metricSums.count {
            metricSums[i].1 += try m.metric.sum(prediction, target)
        }
    }

    /// Whether no batch was added.
    var isEmpty: Bool { steps == 0 }

    /// The means so far, sorted by name as Keras's progress bar lists them.
    var logs: [(String, Double)] {
        let n = Double(Swift.max(samples, 1))
        return ([("loss", lossSum / n)] + metricSums.map { ($0.0, $0.1 / n) }).sorted { $0.0 < $1.0 }
    }
}

/// The rows `range` of `t`.
func rows(_ t: Tensor, _ range: Range<Int>) throws -> Tensor {
    try t.subscripted([.slice(start: range.lowerBound, stop: range.upperBound, step: nil)])
}

/// The rows of `t` at `indices`.
func gather(_ t: Tensor, _ indices: [Int]) throws -> Tensor {
    try t.take(try Tensor(shape: [indices.count], scalars: indices.map(Double.init), dtype: .int64), axis: 0)
}
