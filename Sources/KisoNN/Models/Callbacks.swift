import KisoTensor

/// Which way a monitored quantity improves: down for losses, up for accuracies (Keras's
/// `mode="auto"` decides by the name).
public func improvesUpward(_ monitor: String) -> Bool {
    monitor.hasSuffix("accuracy") || monitor.hasSuffix("acc")
}

/// The monitored value in an epoch's logs, or an error naming what was logged.
func monitored(_ monitor: String, in logs: [(String, Double)], by callback: String) throws -> Double {
    guard let value = logs.first(where: { $0.0 == monitor })?.1 else {
        throw TensorError(
            .value,
            "\(callback): monitor \"\(monitor)\" is not among the logs (\(logs.map(\.0).joined(separator: ", ")))",
            hint: monitor.hasPrefix("val_") ? "give fit validation_data or validation_split, or monitor \"loss\"" : nil)
    }
    return value
}

/// Keras's `EarlyStopping`: stops after `patience` epochs (at least one) in which `monitor` has
/// not improved by more than `minDelta`; with `restoreBestWeights` the model gets back the weights of its best
/// epoch when it stops.
public final class EarlyStopping: TrainingCallback {
    public let monitor: String
    public let patience: Int
    public let minDelta: Double
    public let restoreBestWeights: Bool
    /// The epoch training stopped after, if it did.
    public private(set) var stoppedEpoch: Int?
    private var best = Double.nan
    private var wait = 0
    private var bestWeights: [[Tensor]]?

    /// An early-stopping rule.
    public init(
        monitor: String = "val_loss", patience: Int = 0, minDelta: Double = 0, restoreBestWeights: Bool = false
    )
        throws
    {
        guard patience >= 0, minDelta >= 0 else {
            throw TensorError(.value, "EarlyStopping: patience and min_delta must be ≥ 0")
        }
        self.monitor = monitor
        self.patience = patience
        self.minDelta = minDelta
        self.restoreBestWeights = restoreBestWeights
    }

    public func trainingBegins(_ trainer: Trainer) throws {
        best = .nan
        wait = 0
        stoppedEpoch = nil
        bestWeights = nil
    }

    public func epochEnds(_ epoch: Int, logs: [(String, Double)], _ trainer: Trainer) throws {
        let value = try monitored(monitor, in: logs, by: "EarlyStopping")
        let upward = improvesUpward(monitor)
        let improved = best.isNaN || (upward ? value - minDelta > best : value + minDelta < best)
        if improved {
            best = value
            wait = 0
            if restoreBestWeights { bestWeights = trainer.model.layers.map { $0.weights.map(\.value) } }
            return
        }
        wait += 1
        if wait >= patience {
            stoppedEpoch = epoch
            trainer.stopRequested = true
            trainer.stopReason = "early stopping"
            if restoreBestWeights, let bestWeights {
                for (layer, values) in zip(trainer.model.layers, bestWeights) {
                    for (k, value) in values.enumerated() { layer.weights[k].value = value }
                }
            }
        }
    }
}

/// Keras's `ReduceLROnPlateau`: multiplies the learning rate by `factor` when `monitor` has not
/// improved by `minDelta` for `patience` epochs, then waits `cooldown` epochs; never below `minLR`.
public final class ReduceLROnPlateau: TrainingCallback {
    public let monitor: String
    public let factor: Double
    public let patience: Int
    public let minDelta: Double
    public let cooldown: Int
    public let minLR: Double
    private var best = Double.nan
    private var wait = 0
    private var cooling = 0
    public var changesLearningRate: Bool { true }

    /// A plateau rule with Keras's defaults.
    public init(
        monitor: String = "val_loss", factor: Double = 0.1, patience: Int = 10, minDelta: Double = 1e-4,
        cooldown: Int = 0, minLR: Double = 0
    ) throws {
        guard factor > 0, factor < 1, patience >= 0, cooldown >= 0, minLR >= 0 else {
            throw TensorError(.value, "ReduceLROnPlateau: factor must be in (0, 1); patience, cooldown and min_lr ≥ 0")
        }
        self.monitor = monitor
        self.factor = factor
        self.patience = patience
        self.minDelta = minDelta
        self.cooldown = cooldown
        self.minLR = minLR
    }

    public func trainingBegins(_ trainer: Trainer) throws {
        best = .nan
        wait = 0
        cooling = 0
    }

    public func epochEnds(_ epoch: Int, logs: [(String, Double)], _ trainer: Trainer) throws {
        let value = try monitored(monitor, in: logs, by: "ReduceLROnPlateau")
        let upward = improvesUpward(monitor)
        if cooling > 0 {
            cooling -= 1
            wait = 0
        }
        if best.isNaN || (upward ? value - minDelta > best : value + minDelta < best) {
            best = value
            wait = 0
        } else if cooling == 0 {
            wait += 1
            if wait >= patience {
                let rate = trainer.setup.optimizer.learningRate
                if rate > minLR {
                    trainer.setup.optimizer.learningRate = Swift.max(rate * factor, minLR)
                    cooling = cooldown
                    wait = 0
                }
            }
        }
    }
}

/// A callback made of closures, for schedules and user functions written in the language.
public final class ClosureCallback: TrainingCallback {
    private let begin: ((Int, Trainer) throws -> Void)?
    private let end: ((Int, [(String, Double)], Trainer) throws -> Void)?
    public let changesLearningRate: Bool

    /// Calls `epochBegins` and/or `epochEnds` at those moments; `changesLearningRate` for a
    /// schedule.
    public init(
        epochBegins: ((Int, Trainer) throws -> Void)? = nil,
        epochEnds: ((Int, [(String, Double)], Trainer) throws -> Void)? = nil, changesLearningRate: Bool = false
    ) {
        begin = epochBegins
        end = epochEnds
        self.changesLearningRate = changesLearningRate
    }

    public func epochBegins(_ epoch: Int, _ trainer: Trainer) throws { try begin?(epoch, trainer) }

    public func epochEnds(_ epoch: Int, logs: [(String, Double)], _ trainer: Trainer) throws {
        try end?(epoch, logs, trainer)
    }
}
