import KisoTensor

/// One weight of a layer, named as Keras names it (`kernel`, `bias`, `gamma`, `moving_mean`).
public struct LayerWeight {
    /// The weight's name inside its layer.
    public var name: String
    /// Its current value.
    public var value: Tensor
    /// Whether training changes it through gradients (false for running statistics).
    public var trainable: Bool

    /// A weight.
    public init(_ name: String, _ value: Tensor, trainable: Bool = true) {
        self.name = name
        self.value = value
        self.trainable = trainable
    }
}

/// What one forward pass knows besides the input and the weights: whether it trains (dropout
/// on, batch statistics), where dropout draws from, and the state a training pass updates.
public final class ForwardContext {
    /// Training mode: dropout drops, batch normalisation uses the batch's statistics.
    public let training: Bool
    /// The stream dropout draws from; nil draws from the global stream.
    public let generator: Generator?
    /// Non-trainable weights a training pass moved (batch normalisation's running statistics),
    /// by layer and weight index; the caller decides whether to keep them.
    public var stateUpdates: [(layer: ObjectIdentifier, weight: Int, value: Tensor)] = []

    /// A context for one pass.
    public init(training: Bool, generator: Generator? = nil) {
        self.training = training
        self.generator = generator
    }

    /// Writes the recorded state updates into whichever of `layers` made them.
    public func keepUpdates(in layers: [any Layer]) {
        for update in stateUpdates {
            guard let layer = layers.first(where: { ObjectIdentifier($0) == update.layer }) else { continue }
            layer.weights[update.weight].value = update.value
        }
    }

    /// Uniform draws on [0, 1) of `shape`, from the context's generator or the global stream.
    func uniform(_ shape: [Int]) throws -> Tensor {
        try generator?.random(shape) ?? Random.random(shape)
    }
}

/// A layer with weights and Keras's defaults. Shapes exclude the batch axis (Keras's `None`);
/// images are channels-last, (height, width, channels), as in Keras — PyTorch puts channels first.
///
/// A layer is built once, when it first learns its input's shape: `build` draws its weights.
/// `forward` takes the weights as variables, in the order of `weights`, so a model can be run
/// on parameters given from outside (`apply(params, x)`) and differentiated through them.
public protocol Layer: AnyObject {
    /// Keras's class name: `Dense`, `Conv2D`.
    var kind: String { get }
    /// The layer's name in its model: `dense`, `dense_1`.
    var name: String { get set }
    /// The weights, empty until built.
    var weights: [LayerWeight] { get set }
    /// The input shape (without the batch axis) it was built for; nil until built.
    var inputShape: [Int]? { get set }
    /// The weights for an input of `inputShape`, drawn from `generator`.
    func makeWeights(inputShape: [Int], generator: Generator) throws -> [LayerWeight]
    /// The output shape (without the batch axis) for an input of `inputShape`.
    func outputShape(_ inputShape: [Int]) throws -> [Int]
    /// The layer on a batch `x`, with `weights` in the order of `self.weights`.
    func forward(_ x: Variable, _ weights: [Variable], _ context: ForwardContext) throws -> Variable
    /// The settings that differ from Keras's defaults, as `units=3, activation="relu"`.
    var settings: String { get }
}

extension Layer {
    /// Whether the weights have been made.
    public var isBuilt: Bool { inputShape != nil }

    /// Keras's automatic name for the class: `Conv2D` → `conv2d`, `MaxPooling2D` →
    /// `max_pooling2d`, `ReLU` → `re_lu`.
    public var defaultName: String { snakeCase(kind) }

    /// Draws the weights for `inputShape` (once; a built layer checks the shape instead).
    public func build(inputShape shape: [Int], generator: Generator) throws {
        if let built = inputShape {
            guard built.last == shape.last, built.count == shape.count else {
                throw TensorError(
                    .shape,
                    "\(kind) `\(name)` was built for inputs of shape \(describeBatchShape(built)), got \(describeBatchShape(shape))",
                    hint: "a layer keeps the input size it was first called with; make a new layer for another size")
            }
            return
        }
        weights = try makeWeights(inputShape: shape, generator: generator)
        inputShape = shape
    }

    /// The number of elements over all weights.
    public var parameterCount: Int { weights.reduce(0) { $0 + $1.value.count } }

    /// The layer on `x` with its own weights (building it first if needed).
    public func callAsFunction(
        _ x: Variable, _ context: ForwardContext, generator: () throws -> Generator
    ) throws
        -> Variable
    {
        guard x.rank >= 1 else {
            throw TensorError(
                .shape, "\(kind) `\(name)`: a 0-d input has no batch axis",
                hint: "give a batch: shape (batch, …), e.g. x[None] for one sample")
        }
        if !isBuilt { try build(inputShape: Array(x.shape.dropFirst()), generator: try generator()) }
        return try forward(x, weights.map { Variable($0.value) }, context)
    }

    /// Records a new value for non-trainable weight `index` in `context`.
    func update(_ index: Int, _ value: Tensor, in context: ForwardContext) {
        context.stateUpdates.append((ObjectIdentifier(self), index, value))
    }
}

/// "(None, 10)": a shape with Keras's unknown batch axis first.
public func describeBatchShape(_ shape: [Int]) -> String {
    "(" + (["None"] + shape.map(String.init)).joined(separator: ", ") + ")"
}

/// `MaxPooling2D` → `max_pooling2d`, Keras's rule: an underscore before an upper-case letter
/// that follows a lower-case letter or digit, or that starts a new word after capitals.
func snakeCase(_ name: String) -> String {
    let characters = Array(name)
    var result = ""
    for (i, c) in characters.enumerated() {
        if c.isUppercase, i > 0 {
            let previous = characters[i - 1]
            let nextIsLower = i + 1 < characters.count && characters[i + 1].isLowercase
            if previous.isLowercase || (previous.isUppercase && nextIsLower) { result += "_" }
        }
        result += c.lowercased()
    }
    return result
}

/// The input's size on its last axis, checked to exist, for the layer `op`.
func lastAxis(_ shape: [Int], _ op: String, expected: String) throws -> Int {
    guard let last = shape.last else {
        throw TensorError(
            .shape, "\(op): inputs of shape (None,) have no feature axis", hint: "give inputs of shape \(expected)")
    }
    return last
}

/// Checks that `shape` (without the batch axis) has `rank` axes.
func checkRank(_ shape: [Int], _ rank: Int, _ op: String, expected: String) throws {
    guard shape.count == rank else {
        throw TensorError(
            .shape, "\(op): inputs of shape \(describeBatchShape(shape)) — expected \(expected)",
            hint: rank >= 3 ? "images are channels-last (batch, height, width, channels), as in Keras" : nil)
    }
}

/// A weight drawn with Glorot's uniform rule under Keras's (…, in, out) layout.
func glorotUniform(_ shape: [Int], _ generator: Generator) throws -> Tensor {
    try Initializer.xavierUniform.draw(shape, generator: generator, convention: .keras)
}

/// Keras's orthogonal initialiser: a normal matrix made orthogonal (Q of its QR decomposition
/// with R's diagonal positive, i.e. Gram–Schmidt on the columns, or on the rows when wider).
func orthogonal(_ rows: Int, _ columns: Int, _ generator: Generator) throws -> Tensor {
    let tall = rows >= columns
    let (n, m) = tall ? (rows, columns) : (columns, rows)
    let drawn = try generator.normal(size: [n, m]).scalars
    var q = [[Double]](repeating: [Double](repeating: 0, count: n), count: m)
    for j in 0..<m {
        var v = (0..<n).map { drawn[$0 * m + j] }
        for k in 0..<j {
            let dot = zip(v, q[k]).reduce(0) { $0 + $1.0 * $1.1 }
            for i in 0..<n { v[i] -= dot * q[k][i] }
        }
        let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
        q[j] = v.map { norm > 0 ? $0 / norm : 0 }
    }
    var scalars = [Double](repeating: 0, count: n * m)
    for i in 0..<n { for j in 0..<m { scalars[i * m + j] = q[j][i] } }
    let matrix = try Tensor(shape: [n, m], scalars: scalars)
    return tall ? matrix : try matrix.transposed().contiguous()
}
