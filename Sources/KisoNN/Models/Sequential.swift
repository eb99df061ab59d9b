import KisoTensor

/// Keras's `Sequential`: layers applied one after another. Layer names are made unique within
/// the model as Keras makes them (`dense`, `dense_1`, …), counting per model rather than per
/// process, so a notebook's names do not depend on what ran before.
public final class Sequential {
    /// The model's name.
    public var name: String
    /// The layers, in order.
    public private(set) var layers: [any Layer] = []
    /// The shape of one input sample, when known.
    public private(set) var inputShape: [Int]?
    /// Draws the weights of layers as they are built.
    public let generator: Generator

    /// A model of `layers`; with `inputShape` every layer is built at once.
    public init(
        _ layers: [any Layer], inputShape: [Int]? = nil, generator: Generator, name: String = "sequential"
    )
        throws
    {
        self.name = name
        self.generator = generator
        for layer in layers { try add(layer) }
        if let inputShape { try build(inputShape: inputShape) }
    }

    /// Appends a layer, renaming it if its name is taken, and builds it when the model is built.
    public func add(_ layer: any Layer) throws {
        guard !layers.contains(where: { $0 === layer }) else {
            throw TensorError(
                .value, "Sequential: layer `\(layer.name)` is already in the model",
                hint: "make a new layer for each position")
        }
        let taken = Set(layers.map(\.name))
        if taken.contains(layer.name) {
            let base = layer.name
            var k = 1
            while taken.contains("\(base)_\(k)") { k += 1 }
            layer.name = "\(base)_\(k)"
        }
        layers.append(layer)
        if let inputShape {
            _ = try build(inputShape: inputShape)
        }
    }

    /// Builds every layer for samples of `shape`; returns the output shape of each layer.
    @discardableResult
    public func build(inputShape shape: [Int]) throws -> [[Int]] {
        guard shape.allSatisfy({ $0 >= 1 }) else {
            throw TensorError(.value, "Sequential: input_shape \(formatShape(shape)) must hold sizes of at least 1")
        }
        var current = shape
        var shapes: [[Int]] = []
        for layer in layers {
            try layer.build(inputShape: current, generator: generator)
            current = try layer.outputShape(current)
            shapes.append(current)
        }
        inputShape = shape
        return shapes
    }

    /// The output shape of every layer, when the model is built.
    public func layerOutputShapes() throws -> [[Int]]? {
        guard var current = inputShape else { return nil }
        return try layers.map { layer in
            current = try layer.outputShape(current)
            return current
        }
    }

    /// Every weight with its path `layer/weight`, in layer order.
    public var namedWeights: [(path: String, layer: Int, index: Int, weight: LayerWeight)] {
        layers.enumerated().flatMap { (i, layer) in
            layer.weights.enumerated().map { (k, w) in ("\(layer.name)/\(w.name)", i, k, w) }
        }
    }

    /// The model on `x`. `weight(layer, index, weight)` gives each weight as a variable
    /// (the stored value, or a parameter given from outside); a training pass records the
    /// moving statistics it updates in `context`.
    public func forward(
        _ x: Variable, context: ForwardContext, weight: (Int, Int, LayerWeight) throws -> Variable
    ) throws -> Variable {
        guard x.rank >= 1 else {
            throw TensorError(
                .shape, "Sequential: a 0-d input has no batch axis", hint: "give inputs of shape (batch, …)")
        }
        let sample = Array(x.shape.dropFirst())
        if let built = inputShape {
            guard built.count == sample.count, built.last == sample.last else {
                throw TensorError(
                    .shape,
                    "the model `\(name)` was built for inputs of shape \(describeBatchShape(built)), got \(describeBatchShape(sample))",
                    hint: "give inputs of shape \(describeBatchShape(built)), the batch first")
            }
        } else {
            try build(inputShape: sample)
        }
        var y = x
        for (i, layer) in layers.enumerated() {
            let weights = try layer.weights.enumerated().map { try weight(i, $0.offset, $0.element) }
            y = try layer.forward(y, weights, context)
        }
        return y
    }

    /// The number of weights' elements: (total, trainable).
    public var parameterCounts: (total: Int, trainable: Int) {
        var total = 0
        var trainable = 0
        for layer in layers {
            for w in layer.weights {
                total += w.value.count
                if w.trainable { trainable += w.value.count }
            }
        }
        return (total, trainable)
    }
}
