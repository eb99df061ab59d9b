import KisoTensor

/// Keras's `Conv2D` and `Conv1D`: channels-last inputs (N, H, W, C) or (N, L, C), a kernel of
/// shape (kH, kW, in, filters) or (k, in, filters) — PyTorch's is (filters, in, kH, kW) — then
/// bias and activation. Kernel Glorot-uniform, bias zeros. Computed with the functional
/// `conv2d`/`conv1d` on the channels-first view. `padding="same"` at a stride pads as Keras
/// does: ⌈size / stride⌉ outputs, an odd number of zeros with the extra one after the input.
public final class Convolution: Layer {
    public let kind: String
    public var name: String
    public var weights: [LayerWeight] = []
    public var inputShape: [Int]?
    /// The number of output channels.
    public let filters: Int
    /// The window per spatial axis.
    public let kernelSize: [Int]
    /// The step per spatial axis.
    public let strides: [Int]
    /// "valid" or "same".
    public let padding: KerasPadding
    /// Applied after the bias.
    public let activation: ActivationFunction
    /// Whether there is a bias.
    public let useBias: Bool

    /// A convolution over `kernelSize.count` (1 or 2) spatial axes.
    public init(
        filters: Int, kernelSize: [Int], strides: [Int], padding: KerasPadding, activation: ActivationFunction,
        useBias: Bool
    ) throws {
        let spatial = kernelSize.count
        kind = spatial == 1 ? "Conv1D" : "Conv2D"
        guard filters >= 1, kernelSize.allSatisfy({ $0 >= 1 }), strides.count == spatial,
            strides.allSatisfy({ $0 >= 1 })
        else {
            throw TensorError(.value, "\(kind): filters, kernel_size and strides must be at least 1")
        }
        self.filters = filters
        self.kernelSize = kernelSize
        self.strides = strides
        self.padding = padding
        self.activation = activation
        self.useBias = useBias
        name = spatial == 1 ? "conv1d" : "conv2d"
    }

    private var spatial: Int { kernelSize.count }
    private var expected: String { spatial == 1 ? "(batch, length, channels)" : "(batch, height, width, channels)" }

    public func makeWeights(inputShape: [Int], generator: Generator) throws -> [LayerWeight] {
        try checkRank(inputShape, spatial + 1, kind, expected: expected)
        var made = [LayerWeight("kernel", try glorotUniform(kernelSize + [inputShape[spatial], filters], generator))]
        if useBias { made.append(LayerWeight("bias", try Tensor.zeros([filters]))) }
        return made
    }

    public func outputShape(_ inputShape: [Int]) throws -> [Int] {
        try checkRank(inputShape, spatial + 1, kind, expected: expected)
        var shape: [Int] = []
        for axis in 0..<spatial {
            shape.append(
                try padding.outputLength(inputShape[axis], kernel: kernelSize[axis], stride: strides[axis], op: kind))
        }
        return shape + [filters]
    }

    public func forward(_ x: Variable, _ weights: [Variable], _ context: ForwardContext) throws -> Variable {
        try checkRank(Array(x.shape.dropFirst()), spatial + 1, kind, expected: expected)
        let pad: ConvolutionPadding = padding == .same ? .sameAnyStride : .valid
        let input = try x.channelsFirst()
        let bias = useBias ? weights[1] : nil
        let y: Variable
        if spatial == 1 {
            let kernel = try weights[0].transposed([2, 1, 0])
            y = try conv1d(input, kernel, bias: bias, stride: strides[0], padding: pad)
        } else {
            let kernel = try weights[0].transposed([3, 2, 0, 1])
            y = try conv2d(input, kernel, bias: bias, stride: (strides[0], strides[1]), padding: pad)
        }
        return try activation(y.channelsLast())
    }

    public var settings: String {
        func list(_ v: [Int]) -> String {
            v.count == 1 ? "\(v[0])" : "(" + v.map(String.init).joined(separator: ", ") + ")"
        }
        var text = "filters=\(filters), kernel_size=\(list(kernelSize))"
        if strides.contains(where: { $0 != 1 }) { text += ", strides=\(list(strides))" }
        if padding == .same { text += ", padding=\"same\"" }
        if activation != .linear { text += ", activation=\"\(activation.rawValue)\"" }
        return text
    }
}
