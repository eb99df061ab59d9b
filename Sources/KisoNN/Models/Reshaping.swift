import KisoTensor

/// Keras's `Flatten`: each sample's values in one axis, (batch, everything else).
public final class Flatten: Layer {
    public let kind = "Flatten"
    public var name = "flatten"
    public var weights: [LayerWeight] = []
    public var inputShape: [Int]?

    /// A flattening layer.
    public init() {}

    public func makeWeights(inputShape: [Int], generator: Generator) throws -> [LayerWeight] { [] }

    public func outputShape(_ inputShape: [Int]) throws -> [Int] { [inputShape.reduce(1, *)] }

    public func forward(_ x: Variable, _ weights: [Variable], _ context: ForwardContext) throws -> Variable {
        try x.reshaped([x.shape[0], x.shape.dropFirst().reduce(1, *)])
    }

    public var settings: String { "" }
}

/// Keras's `Reshape(target_shape)`: each sample reshaped, the batch axis kept; one size may be -1.
public final class Reshape: Layer {
    public let kind = "Reshape"
    public var name = "reshape"
    public var weights: [LayerWeight] = []
    public var inputShape: [Int]?
    /// The shape of each sample afterwards.
    public let targetShape: [Int]

    /// A reshaping layer.
    public init(targetShape: [Int]) throws {
        guard targetShape.allSatisfy({ $0 >= 1 || $0 == -1 }), targetShape.filter({ $0 == -1 }).count <= 1 else {
            throw TensorError(
                .value, "Reshape: target_shape \(formatShape(targetShape)) must hold sizes ≥ 1 and at most one -1")
        }
        self.targetShape = targetShape
    }

    public func makeWeights(inputShape: [Int], generator: Generator) throws -> [LayerWeight] { [] }

    public func outputShape(_ inputShape: [Int]) throws -> [Int] {
        let total = inputShape.reduce(1, *)
        let known = targetShape.filter { $0 != -1 }.reduce(1, *)
        let resolved = targetShape.map { $0 == -1 && known > 0 ? total / known : $0 }
        guard resolved.reduce(1, *) == total else {
            throw TensorError(
                .shape,
                "Reshape: inputs of shape \(describeBatchShape(inputShape)) (\(total) values each) cannot take target_shape \(formatShape(targetShape))"
            )
        }
        return resolved
    }

    public func forward(_ x: Variable, _ weights: [Variable], _ context: ForwardContext) throws -> Variable {
        try x.reshaped([x.shape[0]] + outputShape(Array(x.shape.dropFirst())))
    }

    public var settings: String { "target_shape=\(formatShape(targetShape))" }
}
