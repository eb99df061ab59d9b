import KisoNN
import KisoTensor

/// A Keras-style `Sequential` model as a Kiso object: layers in order, callable on a batch,
/// its trainable weights as a dict pytree (`m.params`) that `m.apply(params, x)` runs on, so
/// `grad` and the optimizers work on a model as on hand-written parameters.
final class ModelObject: KisoObject {
    /// The layers and their weights.
    let model: Sequential
    /// The training loop `compile` set up; nil until then.
    var trainer: Trainer?
    /// The optimizer object `compile` was given or made, which keeps its state between fits.
    var optimizerObject: OptimizerObject?

    init(_ model: Sequential) {
        self.model = model
    }

    static let objectType = ObjectType(
        "Model", of: ModelObject.self, receiver: "m",
        doc: "A Sequential model: layers applied in order, with weights, summary, params and apply.",
        example:
            "m = Sequential([Dense(4, activation=\"relu\"), Dense(1)], input_shape=[2], seed=1); m(ones([3, 2])).shape"
    ) { t in
        t.text { $0.description }
        t.attribute("name", doc: "The model's name.", example: "Sequential([Dense(1)]).name") { .string($0.model.name) }
        t.attribute(
            "layers", doc: "The layers, in order (the same objects: changing one changes the model).",
            example: "Sequential([Dense(2), Dense(1)]).layers"
        ) { o in .list(o.model.layers.map { .object(LayerObject($0)) }) }
        t.attribute(
            "built", doc: "Whether every layer has its weights.",
            example: "Sequential([Dense(1)], input_shape=[3]).built"
        ) {
            .bool($0.model.inputShape != nil)
        }
        t.attribute(
            "weights", doc: "Every weight by path (`dense/kernel`), layer by layer.",
            example: "Sequential([Dense(1)], input_shape=[3], seed=0).weights"
        ) { o in o.allWeights(trainable: nil) }
        t.attribute(
            "trainable_weights", doc: "The weights gradients change, by path.",
            example: "Sequential([Dense(1)], input_shape=[3], seed=0).trainable_weights"
        ) { o in o.allWeights(trainable: true) }
        t.attribute(
            "non_trainable_weights", doc: "The weights training moves without gradients (running statistics), by path.",
            example: "Sequential([BatchNormalization()], input_shape=[3]).non_trainable_weights"
        ) { o in o.allWeights(trainable: false) }
        t.attribute(
            "params",
            doc: "The trainable weights as a dict of dicts, {layer: {weight: tensor}}: a pytree for grad and opt.step.",
            example: "Sequential([Dense(1)], input_shape=[3], seed=0).params"
        ) { o in try o.params() }
        t.method(
            "call", [param("x", .tensor), param("training", .bool, .bool(false))],
            doc: "The model on the batch x; training=true turns dropout on and moves batch normalisation's statistics.",
            example: "m = Sequential([Dense(2)], seed=0); m(ones([1, 3]))", grad: .tracedByBody
        ) { o, a in
            let context = ForwardContext(training: try a.bool("training"))
            let y = try o.model.forward(try a.variable("x"), context: context) { _, _, w in Variable(w.value) }
            if context.training { context.keepUpdates(in: o.model.layers) }
            return .traced(y)
        }
        t.method(
            "apply", [param("params", .any), param("x", .tensor), param("training", .bool, .bool(false))],
            doc:
                "The model on x with its trainable weights taken from params (shaped like m.params): differentiable in params, changes nothing.",
            example: "m = Sequential([Dense(1)], input_shape=[2], seed=0); m.apply(m.params, ones([4, 2])).shape",
            grad: .tracedByBody
        ) { o, a in
            guard o.model.inputShape != nil else { throw o.unbuiltError }
            let params = try a["params"]
            let context = ForwardContext(training: try a.bool("training"))
            let layers = o.model.layers
            let y = try o.model.forward(try a.variable("x"), context: context) { i, _, w in
                guard w.trainable else { return Variable(w.value) }
                let name = layers[i].name
                return try paramValue(params, [name, w.name], for: w, path: "\(name)/\(w.name)")
            }
            return .traced(y)
        }
        t.method(
            "set_params", [param("params", .any)],
            doc: "Stores params (shaped like m.params, e.g. from opt.step) as the model's trainable weights.",
            example: "m = Sequential([Dense(1)], input_shape=[2], seed=0); m.set_params(m.params)"
        ) { o, a in
            try o.setParams(try a["params"])
            return .none
        }
        t.method(
            "add", [param("layer", .object("Layer"))],
            doc: "Appends a layer (renamed dense_1, … if its name is taken).",
            example: "m = Sequential(); m.add(Dense(2)); m.layers"
        ) { o, a in
            try o.model.add(try a.object("layer", as: LayerObject.self).layer)
            return .none
        }
        t.method(
            "build", [param("input_shape", .shape)],
            doc: "Makes every layer's weights for inputs of this shape (batch axis first, as Keras: [n, …]).",
            example: "m = Sequential([Dense(2)]); m.build([1, 3]); m.built"
        ) { o, a in
            try o.model.build(inputShape: Array(try a.shape("input_shape").dropFirst()))
            return .none
        }
        t.method(
            "summary", [], doc: "Writes the table of layers, output shapes and parameter counts, as Keras 3 prints it.",
            example: "Sequential([Dense(2)], input_shape=[3]).summary()"
        ) { o, a in
            a.interpreter.output(ModelSummary.text(o.model) + "\n")
            return .none
        }
        t.method(
            "count_params", [], doc: "The number of weight values.",
            example: "Sequential([Dense(2)], input_shape=[3]).count_params()"
        ) {
            o, _ in .int(o.model.parameterCounts.total)
        }
        declareTraining(&t)
        declareFiles(&t)
    }

    /// `<Sequential name="sequential" layers=3 params=163>`.
    var description: String {
        let built = model.inputShape != nil ? " params=\(model.parameterCounts.total)" : " (unbuilt)"
        return "<Sequential name=\"\(model.name)\" layers=\(model.layers.count)\(built)>"
    }

    var unbuiltError: KisoError {
        KisoError(
            .value, "the model `\(model.name)` has no weights yet",
            hint: "give Sequential an input_shape, call it on a batch, or m.build([1, features])")
    }

    /// The weights of every layer by path.
    func allWeights(trainable: Bool?) -> Value {
        var dict = KisoDict()
        for layer in model.layers {
            guard case .dict(let d) = weightDict(layer, prefix: "", trainable: trainable) else { continue }
            for (k, v) in zip(d.keys, d.values) { dict.set(k, v) }
        }
        return .dict(dict)
    }

    /// {layer: {weight: tensor}} for the layers with trainable weights.
    func params() throws -> Value {
        guard model.inputShape != nil else { throw unbuiltError }
        var dict = KisoDict()
        for layer in model.layers where layer.weights.contains(where: \.trainable) {
            dict.set(.string(layer.name), layerParams(layer))
        }
        return .dict(dict)
    }

    /// Stores `params` as the trainable weights, after checking every one is there with its shape.
    func setParams(_ params: Value) throws {
        guard model.inputShape != nil else { throw unbuiltError }
        var values: [(layer: any Layer, index: Int, value: Tensor)] = []
        for layer in model.layers {
            for (k, w) in layer.weights.enumerated() where w.trainable {
                let v = try paramValue(params, [layer.name, w.name], for: w, path: "\(layer.name)/\(w.name)")
                values.append((layer, k, v.value.dtype == .float64 ? v.value : v.value.cast(to: .float64)))
            }
        }
        for (layer, k, value) in values { layer.weights[k].value = value }
    }
}
