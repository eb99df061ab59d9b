import KisoTensor

/// Keras's `Dropout(rate)`: in training each value is zeroed with probability `rate` and the
/// rest scaled by 1/(1 − rate); outside training (the default when called) it passes x through.
public final class DropoutLayer: Layer {
    public let kind = "Dropout"
    public var name = "dropout"
    public var weights: [LayerWeight] = []
    public var inputShape: [Int]?
    /// The probability of dropping a value.
    public let rate: Double

    /// A dropout layer.
    public init(rate: Double) throws {
        guard rate >= 0, rate < 1 else {
            throw TensorError(.value, "Dropout: rate must be in [0, 1), got \(rate)")
        }
        self.rate = rate
    }

    public func makeWeights(inputShape: [Int], generator: Generator) throws -> [LayerWeight] { [] }

    public func outputShape(_ inputShape: [Int]) throws -> [Int] { inputShape }

    public func forward(_ x: Variable, _ weights: [Variable], _ context: ForwardContext) throws -> Variable {
        try dropout(x, p: rate, training: context.training) { try context.uniform($0) }
    }

    public var settings: String { "rate=\(rate)" }
}
