import KisoNN
import KisoTensor

/// Keras-style layers with weights, the Sequential model and its summary.
extension Registry {
    func registerModels() {
        section("Models and layers (Keras)")
        register(LayerObject.self)
        register(ModelObject.self)
        registerDenseLayers()
        registerImageLayers()
        registerNormalizationLayers()
        registerSequenceLayers()
        add(
            "Sequential",
            [
                param("layers", .any, .list([])), param("input_shape", .shape, .none), param("seed", .int, .none),
                param("name", .string, .string("sequential")),
            ],
            doc:
                "A model applying layers in order (Keras's Sequential); input_shape (without the batch axis) builds it at once, seed makes its starting weights reproducible.",
            example: "m = Sequential([Dense(10, activation=\"relu\"), Dense(1)], input_shape=[2], seed=1)"
        ) { a in
            let layers = try layerList(try a["layers"])
            let generator =
                try a.isNone("seed") ? try layerGenerator() : try KisoTensor.Generator(seed: try a.int("seed"))
            let model = try Sequential(
                layers, inputShape: try a.optionalShape("input_shape"), generator: generator, name: try a.string("name")
            )
            return .object(ModelObject(model))
        }
        add(
            "summary", [param("model", .object("Model"))],
            doc:
                "Writes the model's table of layers, output shapes and parameter counts, as Keras 3's model.summary().",
            example: "summary(Sequential([Dense(2)], input_shape=[3]))"
        ) { a in
            a.interpreter.output(ModelSummary.text(try a.object("model", as: ModelObject.self).model) + "\n")
            return .none
        }
    }

    private func registerDenseLayers() {
        add(
            "Dense",
            [
                param("units", .int), param("activation", .string, .none), param("use_bias", .bool, .bool(true)),
                param("name", .string, .none),
            ],
            doc: "activation(x·kernel + bias) with kernel (in, units), Glorot-uniform, bias zeros (Keras's Dense).",
            example: "Dense(3, activation=\"relu\")(ones([2, 4]))"
        ) { a in
            try named(
                try Dense(
                    units: try a.int("units"), activation: try activation(a) ?? .linear, useBias: try a.bool("use_bias")
                ), a)
        }
        add(
            "Activation", [param("activation", .string), param("name", .string, .none)],
            doc: "An activation as a layer: \"relu\", \"softmax\", \"tanh\", \"sigmoid\", \"gelu\", ….",
            example: "Activation(\"tanh\")([[0.0, 1.0]])"
        ) { a in try named(ActivationLayer(try activation(a) ?? .linear), a) }
        add(
            "ReLU", [param("name", .string, .none)], doc: "max(x, 0) as a layer.", example: "ReLU()([[-1.0, 2.0]])"
        ) { a in try named(ActivationLayer(.relu, kind: "ReLU"), a) }
        add(
            "Softmax", [param("axis", .int, .int(-1)), param("name", .string, .none)],
            doc: "Softmax over an axis as a layer.", example: "Softmax()([[1.0, 2.0, 3.0]])"
        ) { a in try named(ActivationLayer(.softmax, kind: "Softmax", axis: try a.int("axis")), a) }
        add(
            "LeakyReLU", [param("negative_slope", .number, .number(0.3)), param("name", .string, .none)],
            doc:
                "x, or negative_slope·x below 0 (the layer's default slope is 0.3, the activation's 0.2, PyTorch's 0.01).",
            example: "LeakyReLU()([[-1.0, 2.0]])"
        ) { a in
            try named(ActivationLayer(.leakyRelu, kind: "LeakyReLU", negativeSlope: try a.number("negative_slope")), a)
        }
        add(
            "Dropout", [param("rate", .number), param("name", .string, .none)],
            doc: "Zeroes values with probability rate when called with training=true, scaling the rest by 1/(1−rate).",
            example: "Dropout(0.5)(ones([1, 6]), training=true)"
        ) { a in try named(try DropoutLayer(rate: try a.number("rate")), a) }
        add(
            "Flatten", [param("name", .string, .none)],
            doc: "Each sample's values in one axis: (batch, everything else).",
            example: "Flatten()(ones([2, 3, 4])).shape"
        ) { a in try named(Flatten(), a) }
        add(
            "Reshape", [param("target_shape", .shape), param("name", .string, .none)],
            doc: "Each sample reshaped to target_shape, the batch axis kept.",
            example: "Reshape([3, 2])(ones([4, 6])).shape"
        ) { a in try named(try Reshape(targetShape: try a.shape("target_shape")), a) }
        add(
            "Embedding", [param("input_dim", .int), param("output_dim", .int), param("name", .string, .none)],
            doc: "Integer tokens → rows of an (input_dim, output_dim) table drawn uniformly from ±0.05.",
            example: "Embedding(10, 4)([[1, 2, 3]]).shape"
        ) { a in try named(try EmbeddingLayer(inputDim: try a.int("input_dim"), outputDim: try a.int("output_dim")), a)
        }
    }

    private func registerImageLayers() {
        for spatial in [2, 1] {
            let name = spatial == 2 ? "Conv2D" : "Conv1D"
            add(
                name,
                [
                    param("filters", .int), param("kernel_size", .shape), param("strides", .shape, .int(1)),
                    param("padding", .string, .string("valid")), param("activation", .string, .none),
                    param("use_bias", .bool, .bool(true)), param("name", .string, .none),
                ],
                doc: spatial == 2
                    ? "2-d convolution of channels-last images (batch, height, width, channels), kernel (kH, kW, in, filters)."
                    : "1-d convolution of channels-last sequences (batch, length, channels), kernel (k, in, filters).",
                example: spatial == 2
                    ? "Conv2D(4, 3)(ones([1, 10, 10, 5])).shape" : "Conv1D(4, 3)(ones([1, 10, 5])).shape"
            ) { a in
                let layer = try Convolution(
                    filters: try a.int("filters"), kernelSize: try perAxis(a, "kernel_size", spatial),
                    strides: try perAxis(a, "strides", spatial),
                    padding: try KerasPadding(named: try a.string("padding"), op: name),
                    activation: try activation(a) ?? .linear,
                    useBias: try a.bool("use_bias"))
                return try named(layer, a)
            }
        }
        for maximum in [true, false] {
            let name = maximum ? "MaxPooling2D" : "AveragePooling2D"
            add(
                name,
                [
                    param("pool_size", .shape, .int(2)), param("strides", .shape, .none),
                    param("padding", .string, .string("valid")), param("name", .string, .none),
                ],
                doc: maximum
                    ? "The maximum of each pool_size window of channels-last images (strides default to pool_size)."
                    : "The mean of each pool_size window of channels-last images (strides default to pool_size).",
                example: "\(name)()(ones([1, 8, 8, 3])).shape"
            ) { a in
                let size = try perAxis(a, "pool_size", 2)
                let strides = try a.isNone("strides") ? nil : try perAxis(a, "strides", 2)
                let layer = try Pooling2D(
                    maximum: maximum, poolSize: (size[0], size[1]), strides: strides.map { ($0[0], $0[1]) },
                    padding: try KerasPadding(named: try a.string("padding"), op: name))
                return try named(layer, a)
            }
        }
        add(
            "GlobalAveragePooling2D", [param("name", .string, .none)],
            doc: "The mean over height and width of channels-last images: (batch, h, w, c) → (batch, c).",
            example: "GlobalAveragePooling2D()(ones([2, 4, 4, 3])).shape"
        ) { a in try named(GlobalAveragePooling2D(), a) }
    }

    private func registerNormalizationLayers() {
        add(
            "BatchNormalization",
            [
                param("momentum", .number, .number(0.99)), param("epsilon", .number, .number(0.001)),
                param("name", .string, .none),
            ],
            doc:
                "Normalises each feature (last axis) over the batch in training, with moving statistics otherwise (Keras: momentum 0.99, epsilon 1e-3).",
            example: "BatchNormalization()([[1.0, 2.0], [3.0, 6.0]], training=true)"
        ) { a in
            try named(try BatchNormalization(momentum: try a.number("momentum"), epsilon: try a.number("epsilon")), a)
        }
        add(
            "LayerNormalization", [param("epsilon", .number, .number(0.001)), param("name", .string, .none)],
            doc: "Normalises each sample over its last axis, then scales by gamma and shifts by beta (epsilon 1e-3).",
            example: "LayerNormalization()([[1.0, 2.0, 3.0]])"
        ) { a in try named(try LayerNormalization(epsilon: try a.number("epsilon")), a) }
    }
}

extension Registry {
    fileprivate func registerSequenceLayers() {
        let kinds: [(String, RecurrentKind, String)] = [
            ("SimpleRNN", .rnn(.tanh), "tanh(x·kernel + h·recurrent_kernel + bias) at each step"),
            ("LSTM", .lstm, "a long short-term memory (gates i, f, c, o)"),
            ("GRU", .gru, "a gated recurrent unit (gates z, r, h; reset after, as Keras and PyTorch)"),
        ]
        for (name, cell, what) in kinds {
            add(
                name,
                [param("units", .int), param("return_sequences", .bool, .bool(false)), param("name", .string, .none)],
                doc:
                    "Keras's \(name) over (batch, time, features): \(what); the last output (batch, units), or every step's with return_sequences=true.",
                example: "\(name)(4)(ones([2, 5, 3])).shape"
            ) { a in
                try named(
                    try RecurrentLayer(
                        cell, units: try a.int("units"), returnSequences: try a.bool("return_sequences")), a)
            }
        }
        add(
            "MultiHeadAttention",
            [
                param("num_heads", .int), param("key_dim", .int), param("value_dim", .int, .none),
                param("output_shape", .int, .none), param("name", .string, .none),
            ],
            doc:
                "Keras's multi-head attention: call with query, value (and key); per-head projections (features, heads, key_dim), scores softmax(q·kᵀ/√key_dim).",
            example: "MultiHeadAttention(2, 4)(ones([1, 5, 3]), ones([1, 4, 3])).shape"
        ) { a in
            try named(
                try MultiHeadAttention(
                    heads: try a.int("num_heads"), keyDim: try a.int("key_dim"),
                    valueDim: try a.optionalInt("value_dim"),
                    outputSize: try a.optionalInt("output_shape")), a)
        }
        add(
            "Attention", [param("name", .string, .none)],
            doc:
                "Dot-product attention without weights, softmax(q·kᵀ)·v (Keras's Attention: no 1/√d); call with [query, value, key].",
            example: "Attention()([ones([1, 2, 3]), ones([1, 4, 3])]).shape"
        ) { a in try named(DotProductAttention(), a) }
    }
}

/// The layer as a Kiso value, renamed when the call gave `name=`.
func named(_ layer: any Layer, _ a: Arguments) throws -> Value {
    if !(try a.isNone("name")) {
        let name = try a.string("name")
        guard !name.isEmpty, !name.contains("/") else {
            throw KisoError(
                .value, "`\(a.builtin.name)`: name must be non-empty and hold no \"/\"",
                hint: "give a name such as \"hidden\"")
        }
        layer.name = name
    }
    return .object(LayerObject(layer))
}

/// The `activation` argument: nil when none.
private func activation(_ a: Arguments) throws -> ActivationFunction? {
    try a.isNone("activation") ? nil : try ActivationFunction(named: try a.string("activation"), op: a.builtin.name)
}

/// A per-axis setting given as one number or one per axis.
private func perAxis(_ a: Arguments, _ name: String, _ axes: Int) throws -> [Int] {
    let values = try a.shape(name)
    if values.count == 1 { return [Int](repeating: values[0], count: axes) }
    guard values.count == axes else {
        throw KisoError(
            .value, "`\(a.builtin.name)`: \(name) needs 1 or \(axes) values, got \(values.count)")
    }
    return values
}

/// The layers of a Sequential call: a list of Layer objects.
private func layerList(_ value: Value) throws -> [any Layer] {
    guard case .list(let items) = value else {
        throw KisoError(
            .type, "Sequential: layers must be a list of layers, got \(value.kindName)",
            hint: "Sequential([Dense(8), Dense(1)])")
    }
    return try items.enumerated().map { (i, item) in
        guard case .object(let o as LayerObject) = item else {
            throw KisoError(
                .type, "Sequential: item \(i) of the layers is \(item.kindName), not a layer",
                hint: "give layers such as Dense(8); the input shape goes in input_shape=[…]")
        }
        return o.layer
    }
}
