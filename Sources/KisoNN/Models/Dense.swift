import KisoTensor

/// Keras's `Dense`: activation(x · kernel + bias) over the last axis, with kernel (in, units) —
/// the transpose of PyTorch's `Linear` weight (out, in). Kernel Glorot-uniform, bias zeros.
public final class Dense: Layer {
    public let kind = "Dense"
    public var name: String
    public var weights: [LayerWeight] = []
    public var inputShape: [Int]?
    /// The number of outputs.
    public let units: Int
    /// Applied after the affine map.
    public let activation: ActivationFunction
    /// Whether there is a bias.
    public let useBias: Bool

    /// A dense layer of `units` outputs.
    public init(units: Int, activation: ActivationFunction = .linear, useBias: Bool = true) throws {
        guard units >= 1 else {
            throw TensorError(.value, "Dense: units must be at least 1, got \(units)")
        }
        self.units = units
        self.activation = activation
        self.useBias = useBias
        name = "dense"
    }

    public func makeWeights(inputShape: [Int], generator: Generator) throws -> [LayerWeight] {
        let features = try lastAxis(inputShape, kind, expected: "(batch, features)")
        var made = [LayerWeight("kernel", try glorotUniform([features, units], generator))]
        if useBias { made.append(LayerWeight("bias", try Tensor.zeros([units]))) }
        return made
    }

    public func outputShape(_ inputShape: [Int]) throws -> [Int] {
        _ = try lastAxis(inputShape, kind, expected: "(batch, features)")
        return inputShape.dropLast() + [units]
    }

    public func forward(_ x: Variable, _ weights: [Variable], _ context: ForwardContext) throws -> Variable {
        var y = try Variable.matmul(x, weights[0])
        if useBias { y = try y + weights[1] }
        return try activation(y)
    }

    public var settings: String {
        "units=\(units)" + (activation == .linear ? "" : ", activation=\"\(activation.rawValue)\"")
            + (useBias ? "" : ", use_bias=false")
    }
}
