import KisoTensor

/// Keras's `Embedding(input_dim, output_dim)`: integer tokens → rows of an (input_dim,
/// output_dim) table drawn uniformly from ±0.05 (PyTorch draws from a standard normal).
public final class EmbeddingLayer: Layer {
    public let kind = "Embedding"
    public var name = "embedding"
    public var weights: [LayerWeight] = []
    public var inputShape: [Int]?
    /// The number of tokens.
    public let inputDim: Int
    /// The size of each embedding.
    public let outputDim: Int

    /// An embedding table.
    public init(inputDim: Int, outputDim: Int) throws {
        guard inputDim >= 1, outputDim >= 1 else {
            throw TensorError(.value, "Embedding: input_dim and output_dim must be at least 1")
        }
        self.inputDim = inputDim
        self.outputDim = outputDim
    }

    public func makeWeights(inputShape: [Int], generator: Generator) throws -> [LayerWeight] {
        [LayerWeight("embeddings", try generator.uniform(low: -0.05, high: 0.05, size: [inputDim, outputDim]))]
    }

    public func outputShape(_ inputShape: [Int]) throws -> [Int] { inputShape + [outputDim] }

    public func forward(_ x: Variable, _ weights: [Variable], _ context: ForwardContext) throws -> Variable {
        let tokens = x.value
        guard tokens.scalars.allSatisfy({ $0 == $0.rounded() && $0 >= 0 && $0 < Double(inputDim) }) else {
            throw TensorError(
                .value, "Embedding: tokens must be whole numbers in 0..<\(inputDim)",
                hint: "input_dim is the number of distinct tokens")
        }
        return try embedding(tokens.cast(to: .int64), weights[0])
    }

    public var settings: String { "input_dim=\(inputDim), output_dim=\(outputDim)" }
}
