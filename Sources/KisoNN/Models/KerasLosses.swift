import KisoTensor

/// Keras's losses by name, each the mean over the batch of a per-sample loss. Probabilities are
/// clipped to [1e-7, 1 − 1e-7] before logarithms (Keras's epsilon), and the cross-entropies
/// take probabilities, not logits (Keras's `from_logits=False`; PyTorch's take logits).
public enum KerasLoss: String, CaseIterable, Sendable {
    case mse = "mean_squared_error"
    case mae = "mean_absolute_error"
    case binaryCrossentropy = "binary_crossentropy"
    case categoricalCrossentropy = "categorical_crossentropy"
    case sparseCategoricalCrossentropy = "sparse_categorical_crossentropy"

    /// Keras's fuzz factor.
    static let epsilon = 1e-7

    /// The loss called `name` ("mse" and "mae" are accepted for the long names).
    public init(named name: String) throws {
        switch name {
        case "mse": self = .mse
        case "mae": self = .mae
        default:
            guard let known = KerasLoss(rawValue: name) else {
                throw TensorError(
                    .value, "compile: unknown loss \"\(name)\"",
                    hint:
                        "use \"mse\", \"mae\", \"binary_crossentropy\", \"categorical_crossentropy\", \"sparse_categorical_crossentropy\" or a function (prediction, target) → number"
                )
            }
            self = known
        }
    }

    /// The short name Keras logs: `loss` is always `loss`; this names the loss in messages.
    public var shortName: String {
        switch self {
        case .mse: return "mse"
        case .mae: return "mae"
        default: return rawValue
        }
    }

    /// The mean loss of `prediction` against `target` over the batch.
    public func callAsFunction(_ prediction: Variable, _ target: Tensor) throws -> Variable {
        switch self {
        case .sparseCategoricalCrossentropy:
            let classes = prediction.shape.last ?? 0
            let labels = try sparseLabels(target, batch: prediction.shape[0], classes: classes)
            let p = try normalised(prediction).clip(KerasLoss.epsilon, 1 - KerasLoss.epsilon)
            let picked = try (p.log() * Variable(try oneHot(labels, classes: classes).cast(to: .float64))).sum(axes: [
                -1
            ])
            return try picked.mean().negated()
        default:
            let t = Variable(try sameRank(target, as: prediction))
            let perSample: Variable
            switch self {
            case .mse: perSample = try ((prediction - t) * (prediction - t)).mean(axes: [-1])
            case .mae: perSample = try (prediction - t).abs().mean(axes: [-1])
            case .binaryCrossentropy:
                let p = try prediction.clip(KerasLoss.epsilon, 1 - KerasLoss.epsilon)
                let terms = try t * p.log() + (Variable(1.0) - t) * (Variable(1.0) - p).log()
                perSample = try terms.mean(axes: [-1]).negated()
            case .categoricalCrossentropy:
                let p = try normalised(prediction).clip(KerasLoss.epsilon, 1 - KerasLoss.epsilon)
                perSample = try (t * p.log()).sum(axes: [-1]).negated()
            case .sparseCategoricalCrossentropy: perSample = prediction
            }
            return try perSample.mean()
        }
    }

    /// Probabilities rescaled to sum to one over the last axis, as Keras does before a
    /// categorical cross-entropy.
    private func normalised(_ p: Variable) throws -> Variable {
        try p / p.sum(axes: [-1], keepdims: true)
    }
}

/// `target` reshaped to `prediction`'s rank when they differ by a trailing axis of one (Keras's
/// `squeeze_or_expand_to_same_rank`): labels (n,) against predictions (n, 1).
func sameRank(_ target: Tensor, as prediction: Variable) throws -> Tensor {
    var t = target.dtype == .float64 ? target : target.cast(to: .float64)
    if t.rank + 1 == prediction.rank, prediction.shape.last == 1 { t = try t.reshaped(t.shape + [1]) }
    if t.rank == prediction.rank + 1, t.shape.last == 1 { t = try t.reshaped(Array(t.shape.dropLast())) }
    guard t.shape == prediction.shape else {
        throw TensorError(
            .shape,
            "the targets have shape \(formatShape(target.shape)) but the model gives \(formatShape(prediction.shape))",
            hint: "give one target per output; for class labels use sparse_categorical_crossentropy")
    }
    return t
}

/// Class labels of shape (n,) or (n, 1), checked to be whole numbers in 0..<classes.
func sparseLabels(_ target: Tensor, batch: Int, classes: Int) throws -> Tensor {
    var labels = target
    if labels.rank == 2, labels.shape[1] == 1 { labels = try labels.reshaped([labels.shape[0]]) }
    guard labels.rank == 1, labels.shape[0] == batch else {
        throw TensorError(
            .shape, "sparse labels of shape \(formatShape(target.shape)) for \(batch) predictions",
            hint: "give one class index per sample, shape (n,)")
    }
    guard labels.scalars.allSatisfy({ $0 == $0.rounded() && $0 >= 0 && $0 < Double(classes) }) else {
        throw TensorError(
            .value, "sparse labels must be whole numbers in 0..<\(classes) (the model has \(classes) outputs)")
    }
    return labels.cast(to: .int64)
}

/// Keras's metrics by name: the value over an epoch is the mean over its samples.
public enum KerasMetric: String, Sendable {
    case binaryAccuracy = "binary_accuracy"
    case categoricalAccuracy = "categorical_accuracy"
    case sparseCategoricalAccuracy = "sparse_categorical_accuracy"
    case mae, mse

    /// The metric called `name`; "accuracy" is resolved later from the shapes, as Keras does.
    public init?(named name: String) {
        switch name {
        case "mean_absolute_error": self = .mae
        case "mean_squared_error": self = .mse
        default:
            guard let known = KerasMetric(rawValue: name) else { return nil }
            self = known
        }
    }

    /// Keras's reading of "accuracy": binary when the model gives one output, sparse when the
    /// targets are class indices (one axis fewer, or a trailing axis of one against several
    /// outputs), categorical otherwise.
    public static func accuracy(target: Tensor, prediction: [Int]) -> KerasMetric {
        if prediction.last == 1 { return .binaryAccuracy }
        if target.rank == prediction.count - 1 || (target.shape.last == 1 && (prediction.last ?? 1) > 1) {
            return .sparseCategoricalAccuracy
        }
        return .categoricalAccuracy
    }

    /// The sum of the per-sample values over the batch (the epoch's value divides by the count).
    public func sum(_ prediction: Tensor, _ target: Tensor) throws -> Double {
        let p = Variable(prediction)
        switch self {
        case .binaryAccuracy:
            let t = try sameRank(target, as: p)
            let hits = zip(prediction.scalars, t.scalars).filter { ($0.0 > 0.5) == ($0.1 > 0.5) }.count
            return Double(hits) / Double(Swift.max(prediction.shape.last ?? 1, 1))
        case .sparseCategoricalAccuracy:
            let labels = try sparseLabels(target, batch: prediction.shape[0], classes: prediction.shape.last ?? 0)
            let guesses = try prediction.argmax(axis: -1)
            return Double(zip(guesses.scalars, labels.scalars).filter { $0.0 == $0.1 }.count)
        case .categoricalAccuracy:
            let t = try sameRank(target, as: p)
            let guesses = try prediction.argmax(axis: -1)
            let truths = try t.argmax(axis: -1)
            return Double(zip(guesses.scalars, truths.scalars).filter { $0.0 == $0.1 }.count)
        case .mae, .mse:
            let t = try sameRank(target, as: p)
            let last = Double(Swift.max(prediction.shape.last ?? 1, 1))
            return zip(prediction.scalars, t.scalars).reduce(0) { sum, pair in
                let d = pair.0 - pair.1
                return sum + (self == .mae ? Swift.abs(d) : d * d)
            } / last
        }
    }
}
