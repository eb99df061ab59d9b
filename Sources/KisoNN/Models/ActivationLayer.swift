import KisoTensor

/// Keras's `Activation("relu")` and its named forms `ReLU`, `Softmax`, `LeakyReLU`: an
/// activation as a layer without weights.
public final class ActivationLayer: Layer {
    public let kind: String
    public var name: String
    public var weights: [LayerWeight] = []
    public var inputShape: [Int]?
    /// The function applied.
    public let function: ActivationFunction
    /// LeakyReLU's slope for negative inputs (the Keras layer's default 0.3; the activation
    /// "leaky_relu" uses 0.2 and PyTorch 0.01).
    public let negativeSlope: Double
    /// Softmax's axis.
    public let axis: Int

    /// An activation layer; `kind` is the class name it shows (`Activation`, `ReLU`, …).
    public init(
        _ function: ActivationFunction, kind: String = "Activation", negativeSlope: Double = 0.3, axis: Int = -1
    ) {
        self.function = function
        self.kind = kind
        self.negativeSlope = negativeSlope
        self.axis = axis
        name = ""
        name = defaultName
    }

    public func makeWeights(inputShape: [Int], generator: Generator) throws -> [LayerWeight] { [] }

    public func outputShape(_ inputShape: [Int]) throws -> [Int] { inputShape }

    public func forward(_ x: Variable, _ weights: [Variable], _ context: ForwardContext) throws -> Variable {
        switch function {
        case .leakyRelu: return try leakyRelu(x, negativeSlope: negativeSlope)
        case .softmax: return try x.softmax(axis: axis)
        default: return try function(x)
        }
    }

    public var settings: String {
        switch kind {
        case "Activation": return "\"\(function.rawValue)\""
        case "LeakyReLU": return negativeSlope == 0.3 ? "" : "negative_slope=\(negativeSlope)"
        case "Softmax": return axis == -1 ? "" : "axis=\(axis)"
        default: return ""
        }
    }
}
