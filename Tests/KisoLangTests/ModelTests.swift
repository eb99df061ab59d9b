import KisoTestSupport
import Testing

@testable import KisoLang

/// Keras-style layers and Sequential models as the language sees them: calling layers and
/// models, weights and params, grad and the optimizers through `m.apply`, summaries, errors.
@Suite struct ModelTests {
    @Test func layersAreCallableAndBuildOnFirstCall() {
        let h = Harness()
        h.run("seed(0)\nlayer = Dense(3, activation=\"relu\")")
        #expect(h.run("layer") == "<Dense name=\"dense\" units=3, activation=\"relu\">")
        #expect(h.run("layer.built") == "False")
        #expect(h.run("layer(ones([2, 4])).shape") == "(2, 3)")
        #expect(h.run("layer.call(ones([2, 4])).shape") == "(2, 3)")
        #expect(h.run("layer.built") == "True")
        #expect(h.run("list(layer.weights.keys())") == "['dense/kernel', 'dense/bias']")
        #expect(h.run("layer.count_params()") == "15")
        #expect(h.run("type(layer)") == "'Layer'")
        #expect(h.run("Dense(2, name=\"hidden\").name") == "'hidden'")
    }

    @Test func dropoutOnlyInTrainingAndBatchNormalisationMovesItsStatistics() {
        let h = Harness()
        #expect(h.run("d = Dropout(0.5)\nd(ones([1, 4]))") == "[[1. 1. 1. 1.]]")
        #expect(h.run("seed(3)\ny = d(ones([1, 100]), training=true)\nint(sum(y == 0) + sum(y == 2))") == "100")
        #expect(h.run("bool(sum(y == 0) > 30 and sum(y == 0) < 70)") == "True")
        h.run("bn = BatchNormalization()\ny = bn([[1.0, 2.0], [3.0, 6.0]], training=true)")
        #expect(h.run("bn.non_trainable_weights[\"batch_normalization/moving_mean\"]") == "[0.02 0.04]")
        #expect(h.run("bn.non_trainable_weights[\"batch_normalization/moving_variance\"]") == "[1.   1.03]")
    }

    @Test func sequentialNamesWeightsAndParams() {
        let h = Harness()
        h.run("m = Sequential([Dense(4, activation=\"tanh\"), Dense(4), Dense(1)], input_shape=[2], seed=1)")
        #expect(h.run("m") == "<Sequential name=\"sequential\" layers=3 params=37>")
        #expect(h.run("(m.layers[0].name, m.layers[1].name, m.layers[2].name)") == "('dense', 'dense_1', 'dense_2')")
        #expect(
            h.run("list(m.weights.keys())")
                == "['dense/kernel', 'dense/bias', 'dense_1/kernel', 'dense_1/bias', 'dense_2/kernel', 'dense_2/bias']")
        #expect(h.run("list(m.params.keys())") == "['dense', 'dense_1', 'dense_2']")
        #expect(h.run("m.params[\"dense_1\"][\"kernel\"].shape") == "(4, 4)")
        #expect(h.run("x = [[0.5, -1.0], [2.0, 0.25]]\nall(m(x) == m.apply(m.params, x))") == "True")
        // The same seed gives the same starting weights; another seed other ones.
        h.run("m2 = Sequential([Dense(4, activation=\"tanh\"), Dense(4), Dense(1)], input_shape=[2], seed=1)")
        #expect(h.run("all(m2(x) == m(x))") == "True")
        h.run("m3 = Sequential([Dense(4, activation=\"tanh\"), Dense(4), Dense(1)], input_shape=[2], seed=2)")
        #expect(h.run("all(m3(x) == m(x))") == "False")
        // A layer's weights are the model's: the list holds the same layers.
        #expect(h.run("all(m.layers[0].weights[\"dense/kernel\"] == m.weights[\"dense/kernel\"])") == "True")
    }

    @Test func gradAndOptimizersTrainAModelThroughApply() {
        let h = Harness()
        h.run(
            """
            m = Sequential([Dense(8, activation="tanh"), Dense(1)], input_shape=[1], seed=0)
            x = linspace(-1, 1, 16).reshape([16, 1])
            y = x ^ 2
            def loss(p)
                mean((m.apply(p, x) - y) ^ 2)
            end
            first = loss(m.params)
            opt = adam(lr=0.05)
            p = m.params
            for i in range(200)
                p = opt.step(p, grad(loss)(p))
            end
            m.set_params(p)
            """)
        #expect(h.run("bool(loss(m.params) < first / 10)") == "True", "\(h.run("first")), \(h.run("loss(m.params)"))")
        #expect(h.run("all(m(x) == m.apply(p, x))") == "True")
        #expect(h.run("g = grad(loss)(m.params)\nlist(g[\"dense\"].keys())") == "['kernel', 'bias']")
    }

    @Test func summaryWritesKerasTable() throws {
        let h = Harness()
        h.run(
            "summary(Sequential([Dense(10, activation=\"relu\"), Dense(8, activation=\"relu\"), Dense(5, activation=\"softmax\")], input_shape=[2]))"
        )
        let root = try Fixture.root("keras_layers")
        let expected = (root["summaries"] as? [[String: Any]])?.first?["text"] as? String
        #expect(h.printed == expected)
        h.printed = ""
        h.run("m = Sequential([Dense(2), ReLU(), Dense(5), Softmax()], input_shape=[3])\nm.summary()")
        #expect(h.printed.contains(" Total params: 23 (92.00 B)\n"))
        h.printed = ""
        h.run("Sequential([Dense(2)]).summary()")
        #expect(h.printed.contains("│ dense (Dense)                   │ ?                      │   0 (unbuilt) │"))
    }

    @Test func attentionLayersTakeQueryValueAndKey() {
        let h = Harness()
        h.run("seed(1)\nattn = MultiHeadAttention(num_heads=2, key_dim=10, value_dim=8, output_shape=2)")
        h.run("q = ones([1, 5, 3])\nv = ones([1, 4, 3])")
        #expect(
            h.run("o, s = attn(query=q, value=v, key=v, return_attention_scores=true)\n(o.shape, s.shape)")
                == "((1, 5, 2), (1, 2, 5, 4))")
        #expect(h.run("len(attn.trainable_weights)") == "8")
        #expect(h.run("Attention()([ones([3, 2, 5]), ones([3, 4, 5]), ones([3, 4, 5])]).shape") == "(3, 2, 5)")
        #expect(h.run("LSTM(4, return_sequences=true)(ones([2, 6, 3])).shape") == "(2, 6, 4)")
    }

    @Test func errorsSayWhatWasWrong() {
        let h = Harness()
        #expect(h.error("Sequential([Dense(2), 3])").contains("item 1 of the layers is an int, not a layer"))
        #expect(h.error("Dense(0)").contains("Dense: units must be at least 1, got 0"))
        #expect(h.error("Dense(2, activation=\"rellu\")").contains("unknown activation \"rellu\""))
        #expect(h.error("Dense(2)(3.0)").contains("a 0-d input has no batch axis"))
        h.run("m = Sequential([Dense(2)], input_shape=[3], seed=0)")
        #expect(
            h.error("m.apply({\"dense\": {\"kernel\": ones([3, 2])}}, ones([1, 3]))").contains(
                "params has no `dense/bias`"))
        #expect(
            h.error("m.apply({\"dense\": {\"kernel\": ones([2, 2]), \"bias\": zeros(2)}}, ones([1, 3]))")
                .contains("`dense/kernel` has shape (2,2), the weight has (3,2)"))
        #expect(
            h.error("m(ones([1, 4]))").contains(
                "the model `sequential` was built for inputs of shape (None, 3), got (None, 4)"))
        #expect(h.error("Sequential([Dense(2)]).params").contains("has no weights yet"))
        #expect(h.error("Conv2D(2, 3)(ones([1, 5, 5]))").contains("expected (batch, height, width, channels)"))
        h.run("d = Dense(2)\nm4 = Sequential([d])")
        #expect(h.error("m4.add(d)").contains("already in the model"))
    }
}
