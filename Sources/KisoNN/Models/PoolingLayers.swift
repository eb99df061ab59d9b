import KisoTensor

/// Keras's `MaxPooling2D` and `AveragePooling2D` over channels-last images (N, H, W, C):
/// `pool_size` windows moved by `strides` (the pool size by default). With `padding="same"`
/// there are ⌈size / stride⌉ windows per axis, reaching past the input as Keras's do (the extra
/// one after); a window's maximum or mean is over the pixels it covers, never the padding —
/// TensorFlow's and JAX's rule. (Keras 3.15's torch backend, for uneven padding, repeats the edge
/// pixels instead, which changes the means at the edges.)
public final class Pooling2D: Layer {
    public let kind: String
    public var name: String
    public var weights: [LayerWeight] = []
    public var inputShape: [Int]?
    /// Whether windows give their maximum (else their mean).
    public let takesMaximum: Bool
    /// The window.
    public let poolSize: (Int, Int)
    /// The step between windows.
    public let strides: (Int, Int)
    /// "valid" or "same".
    public let padding: KerasPadding

    /// A pooling layer.
    public init(maximum: Bool, poolSize: (Int, Int), strides: (Int, Int)?, padding: KerasPadding) throws {
        takesMaximum = maximum
        kind = maximum ? "MaxPooling2D" : "AveragePooling2D"
        guard poolSize.0 >= 1, poolSize.1 >= 1, (strides?.0 ?? 1) >= 1, (strides?.1 ?? 1) >= 1 else {
            throw TensorError(.value, "\(kind): pool_size and strides must be at least 1")
        }
        self.poolSize = poolSize
        self.strides = strides ?? poolSize
        self.padding = padding
        name = maximum ? "max_pooling2d" : "average_pooling2d"
    }

    public func makeWeights(inputShape: [Int], generator: Generator) throws -> [LayerWeight] { [] }

    public func outputShape(_ inputShape: [Int]) throws -> [Int] {
        try checkRank(inputShape, 3, kind, expected: "(batch, height, width, channels)")
        return [
            try padding.outputLength(inputShape[0], kernel: poolSize.0, stride: strides.0, op: kind),
            try padding.outputLength(inputShape[1], kernel: poolSize.1, stride: strides.1, op: kind),
            inputShape[2],
        ]
    }

    public func forward(_ x: Variable, _ weights: [Variable], _ context: ForwardContext) throws -> Variable {
        _ = try outputShape(Array(x.shape.dropFirst()))
        var window = PoolingWindow(kernel: poolSize, stride: strides)
        window.sameAnyStride = padding == .same
        let images = try x.channelsFirst()
        let pooled =
            takesMaximum ? try maxPool(images, window) : try avgPool(images, window, countIncludePad: false)
        return try pooled.channelsLast()
    }

    public var settings: String {
        "pool_size=(\(poolSize.0), \(poolSize.1))"
            + (strides == poolSize ? "" : ", strides=(\(strides.0), \(strides.1))")
            + (padding == .same ? ", padding=\"same\"" : "")
    }
}

/// Keras's `GlobalAveragePooling2D`: the mean over height and width, (N, H, W, C) → (N, C).
public final class GlobalAveragePooling2D: Layer {
    public let kind = "GlobalAveragePooling2D"
    public var name = "global_average_pooling2d"
    public var weights: [LayerWeight] = []
    public var inputShape: [Int]?

    /// A global pooling layer.
    public init() {}

    public func makeWeights(inputShape: [Int], generator: Generator) throws -> [LayerWeight] { [] }

    public func outputShape(_ inputShape: [Int]) throws -> [Int] {
        try checkRank(inputShape, 3, kind, expected: "(batch, height, width, channels)")
        return [inputShape[2]]
    }

    public func forward(_ x: Variable, _ weights: [Variable], _ context: ForwardContext) throws -> Variable {
        _ = try outputShape(Array(x.shape.dropFirst()))
        return try x.mean(axes: [1, 2])
    }

    public var settings: String { "" }
}
