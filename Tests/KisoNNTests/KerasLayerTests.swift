import KisoTestSupport
import Testing

@testable import KisoNN
@testable import KisoTensor

/// The Keras-style layers against Keras 3 (torch backend, float64 weights, float32 arithmetic): each layer's forward with
/// the fixture's weights on default_rng(1) inputs, batch normalisation's moving statistics,
/// and the summaries of the course's models (scripts/gen_keras_fixtures.py).
@Suite struct KerasLayerTests {
    /// The layer a fixture case describes, made with Kiso's constructors.
    private func makeLayer(_ kind: String, _ config: [String: Any]) throws -> any Layer {
        func ints(_ key: String) -> [Int]? { config[key] as? [Int] }
        func activation() throws -> ActivationFunction {
            try (config["activation"] as? String).map { try ActivationFunction(named: $0, op: kind) } ?? .linear
        }
        let padding = try KerasPadding(named: config["padding"] as? String ?? "valid", op: kind)
        switch kind {
        case "Dense":
            return try Dense(
                units: config["units"] as? Int ?? 0, activation: try activation(),
                useBias: config["use_bias"] as? Bool ?? true)
        case "Activation": return ActivationLayer(try activation())
        case "ReLU": return ActivationLayer(.relu, kind: "ReLU")
        case "LeakyReLU": return ActivationLayer(.leakyRelu, kind: "LeakyReLU")
        case "Softmax": return ActivationLayer(.softmax, kind: "Softmax")
        case "Flatten": return Flatten()
        case "Reshape": return try Reshape(targetShape: ints("target_shape") ?? [])
        case "Conv2D", "Conv1D":
            let kernel = ints("kernel_size") ?? []
            return try Convolution(
                filters: config["filters"] as? Int ?? 0, kernelSize: kernel,
                strides: ints("strides") ?? [Int](repeating: 1, count: kernel.count), padding: padding,
                activation: try activation(), useBias: true)
        case "MaxPooling2D", "AveragePooling2D":
            let size = ints("pool_size") ?? [2, 2]
            return try Pooling2D(
                maximum: kind == "MaxPooling2D", poolSize: (size[0], size[1]),
                strides: ints("strides").map { ($0[0], $0[1]) }, padding: padding)
        case "GlobalAveragePooling2D": return GlobalAveragePooling2D()
        case "BatchNormalization": return try BatchNormalization()
        case "LayerNormalization": return try LayerNormalization()
        case "Embedding":
            return try EmbeddingLayer(
                inputDim: config["input_dim"] as? Int ?? 0, outputDim: config["output_dim"] as? Int ?? 0)
        case "SimpleRNN", "LSTM", "GRU":
            let cell: RecurrentKind = kind == "LSTM" ? .lstm : kind == "GRU" ? .gru : .rnn(.tanh)
            return try RecurrentLayer(
                cell, units: config["units"] as? Int ?? 0, returnSequences: config["return_sequences"] as? Bool ?? false
            )
        case "MultiHeadAttention":
            return try MultiHeadAttention(
                heads: config["num_heads"] as? Int ?? 0, keyDim: config["key_dim"] as? Int ?? 0,
                valueDim: config["value_dim"] as? Int, outputSize: config["output_shape"] as? Int)
        case "Attention": return DotProductAttention()
        default: throw FixtureError.malformed("layer \(kind)")
        }
    }

    @Test func everyLayerMatchesKeras() throws {
        let cases = try Fixture.cases("keras_layers")
        #expect(cases.count >= 41)
        for c in cases {
            let name = c["name"] as? String ?? "?"
            let layer = try makeLayer(c["layer"] as? String ?? "", c["config"] as? [String: Any] ?? [:])
            if let attention = layer as? any AttentionLayer {
                try checkAttention(attention, c)
                continue
            }
            let x = try Fixture.tensor(c["input"])
            try layer.build(inputShape: Array(x.shape.dropFirst()), generator: Generator(seed: 0))
            let expectedWeights = c["weights"] as? [[String: Any]] ?? []
            #expect(
                layer.weights.map(\.name) == expectedWeights.map { $0["name"] as? String ?? "" },
                "\(name): weight names")
            for (k, w) in expectedWeights.enumerated() where k < layer.weights.count {
                let value = try Fixture.tensor(w["value"])
                #expect(layer.weights[k].value.shape == value.shape, "\(name): shape of \(layer.weights[k].name)")
                layer.weights[k].value = value
            }
            let context = ForwardContext(training: c["training"] as? Bool ?? false)
            let y = try layer.forward(Variable(x), layer.weights.map { Variable($0.value) }, context)
            let expected = try Fixture.tensor(c["output"])
            // Keras 3.15's torch backend computes in float32 even under a float64 policy (its
            // result_type of two float64s is float32), so agreement is to float32's precision.
            let (rtol, atol) = (2e-6, 1e-6)
            #expect(mismatch(y.value, expected, rtol: rtol, atol: atol) == nil, "\(name)")
            #expect(
                try layer.outputShape(Array(x.shape.dropFirst())) == Array(expected.shape.dropFirst()),
                "\(name): output shape")
            if let after = c["after"] as? [[String: Any]] {
                context.keepUpdates(in: [layer])
                let kept = layer.weights.filter { !$0.trainable }
                #expect(kept.count == after.count, "\(name): moving statistics")
                for (w, e) in zip(kept, after) {
                    #expect(
                        mismatch(w.value, try Fixture.tensor(e["value"]), rtol: rtol, atol: atol) == nil,
                        "\(name): \(w.name)")
                }
            }
        }
    }

    /// An attention case: query, value and key in, output and scores out.
    private func checkAttention(_ layer: any AttentionLayer, _ c: [String: Any]) throws {
        let name = c["name"] as? String ?? "?"
        let (q, v, k) = (try Fixture.tensor(c["query"]), try Fixture.tensor(c["value"]), try Fixture.tensor(c["key"]))
        let expectedWeights = c["weights"] as? [[String: Any]] ?? []
        if let mha = layer as? MultiHeadAttention {
            mha.weights = try mha.weights(
                query: Array(q.shape.dropFirst()), value: Array(v.shape.dropFirst()), key: Array(k.shape.dropFirst()),
                generator: Generator(seed: 0))
        }
        #expect(
            layer.weights.map(\.name) == expectedWeights.map { $0["name"] as? String ?? "" }, "\(name): weight names")
        for (i, w) in expectedWeights.enumerated() where i < layer.weights.count {
            let value = try Fixture.tensor(w["value"])
            #expect(layer.weights[i].value.shape == value.shape, "\(name): shape of \(layer.weights[i].name)")
            layer.weights[i].value = value
        }
        let (y, scores) = try layer.attend(
            query: Variable(q), value: Variable(v), key: Variable(k), layer.weights.map { Variable($0.value) },
            ForwardContext(training: false))
        #expect(mismatch(y.value, try Fixture.tensor(c["output"]), rtol: 2e-6, atol: 1e-6) == nil, "\(name)")
        #expect(
            mismatch(scores.value, try Fixture.tensor(c["scores"]), rtol: 2e-6, atol: 1e-6) == nil, "\(name): scores")
    }

    /// The course's two models and a small CNN, printed as Keras 3 prints them.
    @Test func summariesMatchKerasText() throws {
        let root = try Fixture.root("keras_layers")
        let summaries = root["summaries"] as? [[String: Any]] ?? []
        let models: [String: () throws -> Sequential] = [
            "course 2-10-8-5": {
                try Sequential(
                    [
                        Dense(units: 10, activation: .relu), Dense(units: 8, activation: .relu),
                        Dense(units: 5, activation: .softmax),
                    ], inputShape: [2], generator: Generator(seed: 1))
            },
            "course 3-2-5": {
                try Sequential(
                    [
                        Dense(units: 2), ActivationLayer(.relu, kind: "ReLU"), Dense(units: 5),
                        ActivationLayer(.softmax, kind: "Softmax"),
                    ], inputShape: [3], generator: Generator(seed: 1))
            },
            "small cnn": {
                try Sequential(
                    [
                        Convolution(
                            filters: 4, kernelSize: [3, 3], strides: [1, 1], padding: .valid, activation: .relu,
                            useBias: true),
                        Pooling2D(maximum: true, poolSize: (2, 2), strides: nil, padding: .valid), Flatten(),
                        DropoutLayer(rate: 0.2), BatchNormalization(), Dense(units: 10),
                    ], inputShape: [8, 8, 1], generator: Generator(seed: 1))
            },
        ]
        #expect(summaries.count == 3)
        for s in summaries {
            let name = s["name"] as? String ?? ""
            guard let make = models[name] else {
                Issue.record("no model for \(name)")
                continue
            }
            let model = try make()
            #expect(ModelSummary.text(model) + "\n" == s["text"] as? String, "\(name)")
            #expect(model.parameterCounts.total == s["params"] as? Int, "\(name)")
        }
    }

    @Test func namesFollowKerasWithinAModel() throws {
        #expect(snakeCase("MaxPooling2D") == "max_pooling2d")
        #expect(snakeCase("ReLU") == "re_lu")
        #expect(snakeCase("GlobalAveragePooling2D") == "global_average_pooling2d")
        #expect(snakeCase("LSTM") == "lstm")
        #expect(snakeCase("MultiHeadAttention") == "multi_head_attention")
        let model = try Sequential([Dense(units: 2), Dense(units: 2), Dense(units: 1)], generator: Generator(seed: 0))
        #expect(model.layers.map(\.name) == ["dense", "dense_1", "dense_2"])
    }

    @Test func seededModelsStartEqual() throws {
        func make(_ seed: Int) throws -> [Tensor] {
            let m = try Sequential(
                [Dense(units: 4), Dense(units: 1)], inputShape: [3], generator: Generator(seed: seed))
            return m.layers.flatMap { $0.weights.map(\.value) }
        }
        #expect(try make(1).map(\.scalars) == make(1).map(\.scalars))
        #expect(try make(1)[0].scalars != make(2)[0].scalars)
        // Glorot-uniform bound √(6 / (3 + 4)).
        #expect(try make(3)[0].scalars.allSatisfy { abs($0) <= (6.0 / 7).squareRoot() })
    }

    @Test func orthogonalInitialiserIsOrthogonal() throws {
        for (rows, columns) in [(4, 4), (5, 3), (2, 6)] {
            let q = try orthogonal(rows, columns, Generator(seed: 5))
            let product = try (rows >= columns ? q.transposed() : q).matmul(rows >= columns ? q : q.transposed())
            let n = min(rows, columns)
            #expect(mismatch(product, try Tensor.eye(n), rtol: 0, atol: 1e-12) == nil)
        }
    }

    /// Gradients through a whole model — convolution, pooling, both normalisations, dense
    /// layers; recurrent and attention layers; strided "same" padding — with respect to every
    /// weight and the input, against central differences.
    @Test(arguments: [0, 1, 2]) func modelGradientsAgreeWithFiniteDifferences(_ which: Int) throws {
        let sequenceModel = {
            try Sequential(
                [
                    MultiHeadAttention(heads: 2, keyDim: 2), RecurrentLayer(.gru, units: 3, returnSequences: true),
                    RecurrentLayer(.lstm, units: 3), Dense(units: 2),
                ], inputShape: [5, 4], generator: Generator(seed: 3))
        }
        // Keras's "same" padding at strides, where it is uneven, in the convolution and both poolings.
        let stridedSameModel = {
            try Sequential(
                [
                    Convolution(
                        filters: 2, kernelSize: [3, 2], strides: [2, 2], padding: .same, activation: .tanh,
                        useBias: true),
                    Pooling2D(maximum: true, poolSize: (2, 2), strides: (1, 2), padding: .same),
                    Pooling2D(maximum: false, poolSize: (3, 2), strides: (2, 1), padding: .same), Flatten(),
                    Dense(units: 2),
                ], inputShape: [7, 6, 2], generator: Generator(seed: 3))
        }
        let model =
            which == 1
            ? try sequenceModel()
            : which == 2
                ? try stridedSameModel()
                : try Sequential(
                    [
                        Convolution(
                            filters: 3, kernelSize: [2, 2], strides: [1, 1], padding: .valid, activation: .tanh,
                            useBias: true),
                        Pooling2D(maximum: false, poolSize: (2, 2), strides: nil, padding: .valid),
                        BatchNormalization(), Flatten(), Dense(units: 4, activation: .gelu), LayerNormalization(),
                        Dense(units: 2, activation: .softmax),
                    ], inputShape: [5, 5, 2], generator: Generator(seed: 3))
        let x = try Generator(seed: 4).standardNormal(
            which == 1 ? [3, 5, 4] : which == 2 ? [3, 7, 6, 2] : [3, 5, 5, 2])
        let slots = model.namedWeights.filter(\.weight.trainable)
        let f: ([Variable]) throws -> Variable = { arguments in
            let context = ForwardContext(training: true)
            let y = try model.forward(arguments[0], context: context) { i, k, w in
                guard let position = slots.firstIndex(where: { $0.layer == i && $0.index == k }) else {
                    return Variable(w.value)
                }
                return arguments[position + 1]
            }
            return try (y * Variable(try Tensor.arange(0, 6).reshaped([3, 2]))).sum()
        }
        let result = try gradientCheck(of: f, at: [x] + slots.map(\.weight.value), rtol: 1e-5, atol: 1e-7)
        #expect(result.passed, "\(result)")
    }
}
