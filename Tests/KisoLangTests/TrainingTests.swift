import KisoNN
import KisoTensor
import Testing

@testable import KisoLang

/// A Kiso literal holding `t`'s values exactly (Swift prints doubles round-trip).
private func literal(_ t: Tensor) -> String {
    "reshape([" + t.scalars.map { "\($0)" }.joined(separator: ", ") + "], "
        + (t.shape.isEmpty ? "[]" : "[" + t.shape.map(String.init).joined(separator: ", ") + "]") + ")"
}

@Suite struct TrainingTests {
    @Test func optimizersStepAQuadraticToItsMinimum() {
        for make in [
            "sgd(lr=0.1)", "sgd(lr=0.05, momentum=0.9)", "sgd(lr=0.05, momentum=0.9, nesterov=true)", "adam(lr=0.1)",
            "rmsprop(lr=0.05)", "rmsprop(lr=0.01, momentum=0.5)",
        ] {
            let h = Harness()
            h.run(
                """
                opt = \(make)
                loss(p) = sum((p["w"] - [1.0, -2.0])^2) + (p["b"] - 3)^2
                p = {"w": [0.0, 0.0], "b": 0.0}
                for i in range(500)
                    p = opt.step(p, grad(loss)(p))
                end
                """)
            #expect(h.run("bool(loss(p) < 1e-6)") == "True", "\(make): \(h.run("p"))")
            #expect(h.run("type(p[\"b\"])") == "'float'", "\(make)")
        }
    }

    @Test func optimizerStateAndErrors() {
        let h = Harness()
        h.run("opt = adam(lr=0.5)")
        #expect(h.run("opt") == "adam(lr=0.5, beta1=0.9, beta2=0.999, eps=1e-08) after 0 steps")
        #expect(h.run("opt.step([1.0], [1.0])") == "[0.5]")
        #expect(h.run("opt.lr") == "0.5")
        #expect(h.run("opt.step([1.0], [1.0], lr=0.25)") == "[0.75]")
        #expect(h.run("opt.lr") == "0.25")
        #expect(
            h.error("opt.step({\"a\": 1.0}, {\"b\": 1.0})").contains(
                "value error: step: the gradients' structure differs from the parameters'"))
        #expect(h.error("sgd(lr=-1)").contains("sgd: lr -1.0"))
        #expect(h.error("opt.stepp").contains("an optimizer has no attribute `stepp`"))
    }

    @Test func clippingAndSchedules() {
        #expect(eval("clip_grad_norm([3.0, 4.0], 1.0)") == "(array([0.59999988, 0.79999984]), 5.0)")
        #expect(eval("clip_grad_norm({\"a\": 3.0, \"b\": [4.0]}, 10.0)[0][\"a\"]") == "3.0")
        #expect(eval("lr_step(25, 0.1, 10)") == eval("0.1 * 0.1^2"))
        #expect(eval("lr_exponential(3, 0.1, 0.5)") == "0.0125")
        #expect(eval("lr_cosine(50, 0.1, 100)") == eval("0.1 * (1 + cos(pi / 2)) / 2"))
        #expect(eval("lr_cosine(100, 0.1, 100, eta_min=0.01)") == "0.01")
        #expect(Harness().error("lr_step(1, 0.1, 0)").contains("`lr_step`: step_size must be at least 1, got 0"))
    }

    @Test func datasetsEqualKisoNNs() throws {
        let cases: [(String, (x: Tensor, y: Tensor))] = [
            (
                "make_circles(n_samples=50, noise=0.1, factor=0.5, random_state=42)",
                try makeCircles(nSamples: 50, noise: 0.1, randomState: 42, factor: 0.5)
            ),
            (
                "make_moons(n_samples=31, noise=0.2, random_state=1)",
                try makeMoons(nSamples: 31, noise: 0.2, randomState: 1)
            ),
            ("make_moons(10, shuffle=false)", try makeMoons(nSamples: 10, shuffle: false)),
            (
                "make_blobs(n_samples=40, n_features=3, centers=4, cluster_std=0.5, random_state=7)",
                try makeBlobs(nSamples: 40, nFeatures: 3, centers: .count(4), clusterStd: [0.5], randomState: 7)
            ),
            (
                "make_blobs(n_samples=9, centers=[[0, 0], [5, 5]], cluster_std=[1.0, 2.0], random_state=0)",
                try makeBlobs(
                    nSamples: 9, centers: .fixed(try Tensor(shape: [2, 2], scalars: [0, 0, 5, 5])),
                    clusterStd: [1.0, 2.0], randomState: 0)
            ),
        ]
        for (call, expected) in cases {
            let h = Harness()
            h.run("X, y = \(call)")
            #expect(h.run("bool(all(X == \(literal(expected.x))))") == "True", "\(call)")
            #expect(h.run("bool(all(y == \(literal(expected.y))))") == "True", "\(call)")
            #expect(h.run("y.dtype") == "'int64'")
            #expect(h.run("X.shape") == "(\(expected.x.shape[0]), \(expected.x.shape[1]))")
        }
        #expect(Harness().error("make_blobs(center_box=[1])").contains("center_box needs two numbers"))
    }

    @Test func aTinyMLPTrains() {
        let h = Harness()
        let setup = h.run(
            """
            X, y = make_moons(n_samples=64, noise=0.1, random_state=0)
            rng = default_rng(0)
            params = [rng.normal(0, 0.5, [2, 8]), zeros(8), rng.normal(0, 0.5, [8, 2]), zeros(2)]
            def loss(p)
                h = tanh(X @ p[0] + p[1])
                cross_entropy(h @ p[2] + p[3], y)
            end
            first = loss(params)
            opt = adam(lr=0.05)
            for step in range(30)
                value, g = value_and_grad(loss)(params)
                params = opt.step(params, g)
            end
            """)
        #expect(setup == "")
        #expect(h.run("bool(loss(params) < 0.6 * first)") == "True", "\(h.run("(first, loss(params))"))")
        #expect(h.run("bool(value < first)") == "True")
        #expect(h.run("type(value)") == "'float'")
    }

    @Test func lossesMatchTheirDefinitions() {
        #expect(eval("bool(abs(cross_entropy([[2.0, 0.5]], [0]) - (-log_softmax([2.0, 0.5])[0])) < 1e-15)") == "True")
        #expect(eval("mse_loss([1.0, 2.0], [1.5, 2.0])") == "0.125")
        #expect(eval("bool(abs(bce_with_logits([0.0], [1]) - log(2)) < 1e-15)") == "True")
        #expect(eval("gelu(0)") == "0.0")
        #expect(eval("bool(all(abs(layer_norm([[1.0, 2.0, 3.0]]) - [[-1.2247, 0, 1.2247]]) < 1e-4))") == "True")
        #expect(
            eval(
                "bool(all(abs(grad(z -> cross_entropy(z, [1, 0]))([[1.0, 2.0], [0.5, 0.5]]) - (softmax([[1.0, 2.0], [0.5, 0.5]]) - [[0, 1], [1, 0]]) / 2) < 1e-15))"
            )
                == "True")
    }
}
