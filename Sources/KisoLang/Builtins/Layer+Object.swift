import KisoNN
import KisoTensor

/// A Keras-style layer as a Kiso object: callable on a batch (`Dense(3)(x)`), its weights drawn
/// when it first sees an input (from the global stream, or the model's seeded generator).
final class LayerObject: KisoObject {
    /// The layer, shared with every model that holds it.
    let layer: any Layer

    init(_ layer: any Layer) {
        self.layer = layer
    }

    static let objectType = ObjectType(
        "Layer", of: LayerObject.self, receiver: "layer",
        doc: "A layer with weights and Keras's defaults (Dense, Conv2D, LSTM, …); call it on a batch.",
        example: "layer = Dense(3); layer(ones([2, 4])).shape"
    ) { t in
        t.text { $0.description }
        t.attribute("name", doc: "The layer's name, as its weights' paths begin.", example: "Dense(3).name") {
            .string($0.layer.name)
        }
        t.attribute(
            "built", doc: "Whether the weights exist (after the first call or build).", example: "Dense(3).built"
        ) {
            .bool($0.layer.isBuilt)
        }
        t.attribute(
            "weights", doc: "Every weight by path (`dense/kernel`), trainable ones first as Keras lists them.",
            example: "layer = Dense(2); layer(ones([1, 3])); layer.weights"
        ) { o in weightDict(o.layer, prefix: "", trainable: nil) }
        t.attribute(
            "trainable_weights", doc: "The weights gradients change, by path.",
            example: "layer = Dense(2); layer(ones([1, 3])); layer.trainable_weights"
        ) { o in weightDict(o.layer, prefix: "", trainable: true) }
        t.attribute(
            "non_trainable_weights", doc: "The weights training moves without gradients (running statistics), by path.",
            example: "layer = BatchNormalization(); layer(ones([2, 3])); layer.non_trainable_weights"
        ) { o in weightDict(o.layer, prefix: "", trainable: false) }
        t.attribute(
            "params", doc: "The trainable weights as a dict by weight name, for grad and opt.step.",
            example: "layer = Dense(2); layer(ones([1, 3])); layer.params"
        ) { o in layerParams(o.layer) }
        t.method(
            "call",
            [
                param("x", .any, .none), param("value", .tensor, .none), param("key", .tensor, .none),
                param("training", .bool, .bool(false)), param("query", .tensor, .none),
                param("return_attention_scores", .bool, .bool(false)),
            ],
            doc:
                "The layer on the batch x (building it first); training=true turns dropout on and uses batch statistics. Attention layers take query (or x), value and key, or a list [query, value, key].",
            example: "Dense(3)(ones([2, 4])).shape", grad: .tracedByBody
        ) { o, a in
            let context = ForwardContext(training: try a.bool("training"))
            defer { if context.training { context.keepUpdates(in: [o.layer]) } }
            if let attention = o.layer as? any AttentionLayer {
                return try o.attend(attention, a, context)
            }
            guard !(try a.isNone("x")) else {
                throw KisoError(.argument, "\(o.layer.kind): give the input batch", hint: "layer(x)")
            }
            return .traced(try o.layer(try a.variable("x"), context, generator: layerGenerator))
        }
        t.method(
            "apply", [param("params", .any), param("x", .tensor), param("training", .bool, .bool(false))],
            doc:
                "The layer on x with the trainable weights taken from params (a dict like layer.params): differentiable in params.",
            example: "layer = Dense(2); layer(ones([1, 3])); layer.apply(layer.params, ones([1, 3]))",
            grad: .tracedByBody
        ) { o, a in
            let layer = o.layer
            guard layer.isBuilt else { throw unbuilt(layer) }
            let params = try a["params"]
            let context = ForwardContext(training: try a.bool("training"))
            let weights = try layer.weights.map { w in
                w.trainable ? try paramValue(params, [w.name], for: w, path: w.name) : Variable(w.value)
            }
            return .traced(try layer.forward(try a.variable("x"), weights, context))
        }
        t.method(
            "build", [param("input_shape", .shape)],
            doc: "Makes the weights for inputs of this shape (with the batch axis first, as Keras: [None or n, …]).",
            example: "layer = Dense(3); layer.build([1, 4]); layer.built"
        ) { o, a in
            try o.layer.build(
                inputShape: Array(try a.shape("input_shape").dropFirst()), generator: try layerGenerator())
            return .none
        }
        t.method(
            "count_params", [], doc: "The number of weight values.",
            example: "layer = Dense(3); layer.build([1, 4]); layer.count_params()"
        ) {
            o, _ in .int(o.layer.parameterCount)
        }
    }

    /// An attention layer on its query, value and key (from `query=`/`x`, `value=`, `key=`, or
    /// a list [query, value, key] as Keras's `Attention` takes), building it first.
    private func attend(_ layer: any AttentionLayer, _ a: Arguments, _ context: ForwardContext) throws -> Value {
        var query = try a.isNone("query") ? nil : try a.variable("query")
        var value = try a.isNone("value") ? nil : try a.variable("value")
        var key = try a.isNone("key") ? nil : try a.variable("key")
        let x = try a["x"]
        if case .list(let items) = x, (2...3).contains(items.count) {
            query = try Convert.variable(items[0], "query")
            value = try Convert.variable(items[1], "value")
            if items.count == 3 { key = try Convert.variable(items[2], "key") }
        } else if !isNoneValue(x) {
            query = try Convert.variable(x, "query")
        }
        guard let query else {
            throw KisoError(.argument, "\(layer.kind): give the query", hint: "attn(query=q, value=v, key=k)")
        }
        let values = value ?? query
        if !layer.isBuilt {
            let generator = try layerGenerator()
            if let mha = layer as? MultiHeadAttention {
                mha.weights = try mha.weights(
                    query: Array(query.shape.dropFirst()), value: Array(values.shape.dropFirst()),
                    key: Array((key ?? values).shape.dropFirst()), generator: generator)
                mha.inputShape = Array(query.shape.dropFirst())
            } else {
                try layer.build(inputShape: Array(query.shape.dropFirst()), generator: generator)
            }
        }
        let (output, scores) = try layer.attend(
            query: query, value: values, key: key, layer.weights.map { Variable($0.value) }, context)
        return try a.bool("return_attention_scores") ? .tuple([.traced(output), .traced(scores)]) : .traced(output)
    }

    /// `<Dense name="dense" units=3>`.
    var description: String {
        let settings = layer.settings
        return "<\(layer.kind) name=\"\(layer.name)\"\(settings.isEmpty ? "" : " " + settings)>"
    }
}

/// A generator for a layer built outside a seeded model: seeded from the global stream, so
/// `random.seed(…)` makes standalone layers' weights reproducible.
func layerGenerator() throws -> KisoTensor.Generator {
    let seed = try Random.randint(0, 1 << 31).scalars[0]
    return try KisoTensor.Generator(seed: Int(seed))
}

/// The error for a layer used before it has weights.
func unbuilt(_ layer: any Layer) -> KisoError {
    KisoError(
        .value, "\(layer.kind) `\(layer.name)` has no weights yet",
        hint: "call it on a batch first, or build it: layer.build([1, features])")
}

/// A layer's weights by path, all of them or only the (non-)trainable ones.
func weightDict(_ layer: any Layer, prefix: String, trainable: Bool?) -> Value {
    var dict = KisoDict()
    let ordered = layer.weights.filter(\.trainable) + layer.weights.filter { !$0.trainable }
    for w in ordered where trainable == nil || w.trainable == trainable {
        dict.set(.string(prefix + "\(layer.name)/\(w.name)"), .tensor(w.value))
    }
    return .dict(dict)
}

/// A layer's trainable weights by weight name.
func layerParams(_ layer: any Layer) -> Value {
    var dict = KisoDict()
    for w in layer.weights where w.trainable { dict.set(.string(w.name), .tensor(w.value)) }
    return .dict(dict)
}

/// The leaf of `params` at `keys` (nested dict keys) as a variable; `path` names it in errors.
func paramValue(_ params: Value, _ keys: [String], path: String) throws -> Variable {
    var current = params
    for key in keys {
        guard case .dict(let d) = current else {
            throw KisoError(
                .type,
                "apply: params must be a dict like model.params, got \(current.kindName) where `\(path)` belongs",
                hint: "start from m.params and change its values")
        }
        guard let next = d[.string(key)] else {
            throw KisoError(
                .value, "apply: params has no `\(path)`",
                hint: "start from m.params, which holds every trainable weight")
        }
        current = next
    }
    return try Convert.variable(current, path)
}

/// Weight `w`'s value in `params` at `keys`, checked to have the weight's shape.
func paramValue(_ params: Value, _ keys: [String], for w: LayerWeight, path: String) throws -> Variable {
    let v = try paramValue(params, keys, path: path)
    guard v.shape == w.value.shape else {
        throw KisoError(
            .shape, "apply: `\(path)` has shape \(formatShape(v.shape)), the weight has \(formatShape(w.value.shape))",
            hint: "keep each parameter's shape; start from m.params")
    }
    return v
}
