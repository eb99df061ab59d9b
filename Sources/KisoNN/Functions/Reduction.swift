import KisoTensor

/// How a loss turns its per-element losses into its result (PyTorch's `reduction`).
public enum Reduction: String, Sendable, CaseIterable {
    /// The average.
    case mean
    /// The total.
    case sum
    /// No reduction: the per-element losses.
    case none

    /// The reduction named `name`, or an error listing the names for `op`.
    public init(named name: String, op: String) throws {
        guard let reduction = Reduction(rawValue: name) else {
            throw TensorError(
                .value, "\(op): unknown reduction \"\(name)\"", hint: "use \"mean\", \"sum\" or \"none\"")
        }
        self = reduction
    }

    /// `losses` reduced.
    func apply(_ losses: Variable) throws -> Variable {
        switch self {
        case .mean: return try losses.mean()
        case .sum: return try losses.sum()
        case .none: return losses
        }
    }
}
