import Glibc
import KisoTestSupport
import Testing

@testable import KisoNN
@testable import KisoTensor

/// The layers' gradients against central differences (including gradients of gradients through
/// unfold and fold), their error messages, and the behaviour PyTorch's fixtures cannot pin down:
/// dropout's draws, the initialisers' distributions, the course's worked examples.
@Suite struct LayerTests {
    private func normal(_ shape: [Int], seed: Int) throws -> Tensor {
        try Generator(seed: seed).standardNormal(shape)
    }

    private func expectMessage(_ expected: String, _ body: () throws -> Any) {
        do {
            _ = try body()
            Issue.record("expected the error: \(expected)")
        } catch let error as TensorError {
            #expect(error.message == expected)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    /// Max pooling of (N, 1, H, W) images as unfold, argmax and a gather: the composition the
    /// fused operation replaced.
    private func composedMaxPool(_ images: Variable, _ geometry: WindowGeometry) throws -> Variable {
        let columns = try images.unfolded(geometry, fill: -.infinity)
        let winners = try columns.value.argmax(axis: 1)
        let count = images.shape[0]
        let rows = try positions(count, shape: [count, 1])
        let at = try positions(geometry.positions, shape: [1, geometry.positions])
        let pooled = try columns.subscripted([.tensor(rows), .tensor(winners), .tensor(at)])
        return try pooled.reshaped([images.shape[0], images.shape[1], geometry.output.0, geometry.output.1])
    }

    /// The fused max pooling gives the composition's values, gradients and gradients of
    /// gradients to the last bit: ties (small integers), overlapping windows, padding, dilation,
    /// NaN, and windows whose every tap is −∞.
    @Test func fusedMaxPoolMatchesItsCompositionBitForBit() throws {
        let windows = [
            PoolingWindow(kernel: (2, 2)),
            PoolingWindow(kernel: (3, 3), stride: (1, 1), padding: (1, 1)),
            PoolingWindow(kernel: (3, 2), stride: (2, 1), padding: (1, 0), dilation: (2, 1), ceilMode: true),
        ]
        // Small integers as floats (many ties), one NaN, and one image of −∞ only.
        var scalars = try Generator(seed: 5).integers(0, 3, size: [3, 1, 7, 6]).scalars
        scalars[2 * 6 + 3] = .nan
        for k in 42..<84 { scalars[k] = -.infinity }
        let ties = try Tensor(shape: [3, 1, 7, 6], scalars: scalars)
        for input in [ties, try normal([3, 1, 7, 6], seed: 6)] {
            for window in windows {
                let geometry = try window.geometry(input: (7, 6), op: "max_pool2d")
                let mix = Variable(try normal([3, 1, geometry.output.0, geometry.output.1], seed: 7))
                func run(_ pool: @escaping (Variable) throws -> Variable) throws -> (Tensor, Tensor, Tensor) {
                    let value = try pool(Variable(input)).value
                    let grad = try gradient(of: { try (pool($0[0]) * mix).sum() }, at: [input])[0]
                    // A gradient of a gradient (in the mixing weights): the scatter's pullback.
                    let second = try gradient(
                        of: { m in
                            let g = try gradient(of: { try (pool($0[0]) * m[0]).sum() }, at: [Variable(input)])[0]
                            return try (g * g).sum()
                        }, at: [mix.value])[0]
                    return (value, grad, second)
                }
                let fused = try run { try $0.maxPooled(geometry) }
                let composed = try run { try self.composedMaxPool($0, geometry) }
                func bits(_ t: Tensor) -> [UInt64] { t.scalars.map(\.bitPattern) }
                #expect(bits(fused.0) == bits(composed.0), "values, \(window)")
                #expect(bits(fused.1) == bits(composed.1), "gradients, \(window)")
                #expect(
                    fused.2.shape == composed.2.shape && bits(fused.2) == bits(composed.2), "second order, \(window)")
            }
        }
    }

    @Test func layerGradientsAgreeWithFiniteDifferences() throws {
        let x = try normal([2, 2, 5, 5], seed: 1)
        let w = try normal([4, 1, 3, 3], seed: 2)
        let weights = Variable(try normal([2, 3, 2, 2], seed: 3))
        let mix = Variable(try normal([2, 2, 3, 3], seed: 4))
        let checks: [(String, [Tensor], ([Variable]) throws -> Variable)] = [
            (
                "conv2d groups stride padding", [x, w],
                { try (conv2d($0[0], $0[1], stride: (2, 1), padding: .explicit(1, 0), groups: 2) * 1.5).sum() }
            ),
            (
                "conv_transpose2d", [x],
                { try convTranspose2d($0[0], weights, stride: (2, 2), padding: (1, 0)).tanh().sum() }
            ),
            (
                "max_pool2d", [x],
                {
                    try
                        (maxPool($0[0], PoolingWindow(kernel: (3, 3), stride: (2, 2), padding: (1, 1), ceilMode: true))
                        * mix).sum()
                }
            ),
            ("avg_pool2d", [x], { try avgPool($0[0], PoolingWindow(kernel: (2, 3), padding: (1, 1))).exp().sum() }),
            ("adaptive_avg_pool2d", [x], { try adaptiveAvgPool2d($0[0], outputSize: (3, 2)).exp().sum() }),
            (
                "batch_norm", [x],
                {
                    try (batchNorm($0[0], runningMean: nil, runningVar: nil, training: true).output.tanh()).sum()
                }
            ),
            ("group_norm", [x], { try groupNorm($0[0], groups: 2).exp().mean() }),
            ("instance_norm", [x], { try instanceNorm($0[0]).exp().mean() }),
        ]
        for (name, arguments, f) in checks {
            let result = try gradientCheck(of: f, at: arguments)
            #expect(result.passed, "\(name): \(result)")
        }
    }

    @Test func recurrentAndAttentionGradientsAgreeWithFiniteDifferences() throws {
        let sequence = try normal([2, 4, 3], seed: 5)
        let inputWeight = try Tensor.multiply(try normal([8, 3], seed: 6), Tensor(0.5))
        let hiddenWeight = try Tensor.multiply(try normal([8, 2], seed: 7), Tensor(0.5))
        let lstm: ([Variable]) throws -> Variable = { v in
            let weights = RecurrentWeights(inputWeight: v[1], hiddenWeight: v[2])
            let (outputs, h, c) = try recurrent(.lstm, v[0], weights)
            return try outputs.sin().sum() + h.sum() + (c ?? h).exp().sum()
        }
        #expect(try gradientCheck(of: lstm, at: [sequence, inputWeight, hiddenWeight]).passed)
        // Two bidirectional GRU layers: the second reads both directions of the first (6 features).
        let stacked: ([Variable]) throws -> Variable = { v in
            let weights = [
                RecurrentWeights(inputWeight: v[1], hiddenWeight: v[2]),
                RecurrentWeights(inputWeight: try v[1] * 0.5, hiddenWeight: try v[2].sin()),
                RecurrentWeights(inputWeight: v[3], hiddenWeight: v[2]),
                RecurrentWeights(inputWeight: try v[3].cos(), hiddenWeight: try v[2] * -1),
            ]
            let run = try recurrentStack(
                .gru, v[0], weights, shape: RecurrentStackShape(layers: 2, bidirectional: true), h0: v[4])
            return try run.outputs.sin().sum() + (run.h * run.h).sum()
        }
        let gruInput = try Tensor.multiply(try normal([9, 3], seed: 13), Tensor(0.5))
        let gruHidden = try Tensor.multiply(try normal([9, 3], seed: 14), Tensor(0.5))
        let upperInput = try Tensor.multiply(try normal([9, 6], seed: 15), Tensor(0.5))
        let states = try normal([4, 2, 3], seed: 16)
        let result = try gradientCheck(
            of: stacked, at: [sequence, gruInput, gruHidden, upperInput, states], argnums: [0, 1, 2, 3, 4])
        #expect(result.passed, "\(result)")
        let q = try normal([2, 3, 4], seed: 8)
        let attention: ([Variable]) throws -> Variable = { v in
            try scaledDotProductAttention(v[0], v[0] * 0.5, v[0].sin(), isCausal: true).tanh().sum()
        }
        #expect(try gradientCheck(of: attention, at: [q]).passed)
    }

    @Test func convolutionHasSecondDerivatives() throws {
        // d/dw of ‖∂/∂x conv(x, w)‖² goes through fold's pullback, which is unfold.
        let x = try normal([1, 1, 4, 4], seed: 9)
        let w = try normal([2, 1, 2, 2], seed: 10)
        let f: ([Variable]) throws -> Variable = { v in
            let inner = try gradient(of: { try conv2d($0[0], v[0]).tanh().sum() }, at: [Variable(x)])
            return try (inner[0] * inner[0]).sum()
        }
        let result = try gradientCheck(of: f, at: [w])
        #expect(result.passed, "\(result)")
    }

    @Test func theFusedLSTMUpdateHasSecondDerivatives() throws {
        // The inner gradient runs the fused update's pullbacks on tracked values, so the outer
        // gradient differentiates their formulas.
        let gates = try normal([2, 8], seed: 11)
        let cell = try normal([2, 2], seed: 12)
        let f: ([Variable]) throws -> Variable = { v in
            let inner = try gradient(
                of: { u in
                    let (h, c) = try Variable.lstmCellUpdate(gates: u[0], cell: u[1])
                    return try (h * h).sum() + c.sin().sum()
                }, at: [v[0], v[1]], argnums: [0, 1])
            return try (inner[0] * inner[0]).sum() + inner[1].exp().sum()
        }
        let result = try gradientCheck(of: f, at: [gates, cell], argnums: [0, 1])
        #expect(result.passed, "\(result)")
    }

    @Test func shapeErrorsSayWhatWasExpected() {
        let image = Variable(try! Tensor.zeros([1, 3, 4, 4]))
        expectMessage("conv2d: input has 3 channels, weight expects 1 — weight is (out, in, kH, kW)") {
            try conv2d(image, Variable(try Tensor.zeros([2, 1, 3, 3])))
        }
        expectMessage("conv2d: input of shape (4,4) — expected (N, C, H, W) or (C, H, W)") {
            try conv2d(Variable(try Tensor.zeros([4, 4])), Variable(try Tensor.zeros([2, 1, 3, 3])))
        }
        expectMessage("conv2d: padding=\"same\" needs stride 1, got 2") {
            try conv2d(image, Variable(try Tensor.zeros([2, 3, 3, 3])), stride: (2, 2), padding: .same)
        }
        expectMessage(
            "conv2d: the input is 4×4 after padding 4×4, smaller than the 5×5 the dilated kernel covers"
        ) { try conv2d(image, Variable(try Tensor.zeros([2, 3, 3, 3])), dilation: (2, 2)) }
        expectMessage("linear: input has 3 features, weight expects 4 — weight is (out_features, in_features)") {
            try linear(Variable(try Tensor.zeros([2, 3])), Variable(try Tensor.zeros([5, 4])))
        }
        expectMessage("lstm_cell: input has 3 features, w_ih expects 2 — w_ih is (4·hidden, input_size)") {
            try lstmCell(
                Variable(try Tensor.zeros([1, 3])),
                (Variable(try Tensor.zeros([1, 2])), Variable(try Tensor.zeros([1, 2]))),
                RecurrentWeights(
                    inputWeight: Variable(try Tensor.zeros([8, 2])), hiddenWeight: Variable(try Tensor.zeros([8, 2]))))
        }
        let gate = { (rows: Int, columns: Int) throws -> RecurrentWeights in
            RecurrentWeights(
                inputWeight: Variable(try Tensor.zeros([rows, columns])),
                hiddenWeight: Variable(try Tensor.zeros([rows, rows / 4])))
        }
        let sequence = Variable(try! Tensor.zeros([2, 5, 3]))
        expectMessage("lstm: num_layers=2, bidirectional needs 4 sets of weights, got 2") {
            try recurrentStack(
                .lstm, sequence, [try gate(8, 3), try gate(8, 4)],
                shape: RecurrentStackShape(layers: 2, bidirectional: true))
        }
        expectMessage("lstm: w_ih l1 of shape (8,3) — expected (8, 2)") {
            try recurrentStack(
                .lstm, sequence, [try gate(8, 3), try gate(8, 3)], shape: RecurrentStackShape(layers: 2))
        }
        expectMessage("lstm: h0 of shape (2,2) — expected (2,2,2) (num_layers·directions, batch, hidden)") {
            try recurrentStack(
                .lstm, sequence, [try gate(8, 3), try gate(8, 2)], shape: RecurrentStackShape(layers: 2),
                h0: Variable(try Tensor.zeros([2, 2])))
        }
        expectMessage("embedding: padding_idx 5 is out of range for 5 rows") {
            try embedding(Tensor([1], dtype: .int64), Variable(try Tensor.zeros([5, 2])), paddingIndex: 5)
        }
        expectMessage("max_pool2d: padding 3 must be between 0 and half the kernel size 2") {
            try maxPool(image, PoolingWindow(kernel: (2, 2), padding: (3, 3)))
        }
        expectMessage("cross_entropy: target 4 is out of range for 4 classes") {
            try crossEntropy(Variable(try Tensor.zeros([2, 4])), Tensor([1, 4], dtype: .int64))
        }
        expectMessage("embedding: index 5 is out of range for 5 rows") {
            try embedding(Tensor([5], dtype: .int64), Variable(try Tensor.zeros([5, 2])))
        }
        expectMessage("multi_head_attention: 3 heads do not divide the embedding size 4") {
            let e = Variable(try Tensor.eye(4))
            return try multiHeadAttention(
                Variable(try Tensor.zeros([2, 4])), AttentionWeights(query: e, key: e, value: e, output: e), heads: 3)
        }
        // Sizes that would overflow the output-size arithmetic, and indices too large for an Int.
        expectMessage("conv2d: padding (9000000000000000000, 0) is too large") {
            try conv2d(
                image, Variable(try Tensor.zeros([2, 3, 3, 3])), padding: .explicit(9_000_000_000_000_000_000, 0))
        }
        expectMessage("max_pool2d: kernel_size 4000000000000000000 is too large") {
            try maxPool(image, PoolingWindow(kernel: (4_000_000_000_000_000_000, 4_000_000_000_000_000_000)))
        }
        expectMessage("cross_entropy: target 1e+300 is out of range for 4 classes") {
            try crossEntropy(Variable(try Tensor.zeros([1, 4])), Tensor([1e300]))
        }
        expectMessage("one_hot: index 1e+300 is too large for a one-hot encoding") { try oneHot(Tensor([1e300])) }
        expectMessage("batch_norm: evaluation (training=false) needs running_mean and running_var") {
            try batchNorm(Variable(try Tensor.zeros([2, 3])), runningMean: nil, runningVar: nil, training: false)
        }
    }

    @Test func dropoutKeepsTheExpectedValue() throws {
        let x = Variable(try Tensor.ones([200, 50]))
        let generator = try Generator(seed: 3)
        let y = try dropout(x, p: 0.3, training: true) { try generator.random($0) }
        let kept = y.value.scalars.filter { $0 != 0 }
        // Survivors are scaled by 1/(1 − p); about 70% survive.
        #expect(kept.allSatisfy { Swift.abs($0 - 1 / 0.7) < 1e-15 })
        #expect(Swift.abs(Double(kept.count) / 10_000 - 0.7) < 0.02)
        // The same draws give the same mask; evaluation and p = 0 pass x through; p = 1 gives zeros.
        let again = try dropout(x, p: 0.3, training: true) { try Generator(seed: 3).random($0) }
        #expect(again.value.scalars == y.value.scalars)
        let unused: ([Int]) throws -> Tensor = { _ in throw TensorError(.value, "no draws expected") }
        #expect(try dropout(x, p: 0.3, training: false, uniform: unused).value.scalars == x.value.scalars)
        #expect(try dropout(x, p: 1, uniform: unused).value.scalars.allSatisfy { $0 == 0 })
        let grads = try gradient(
            of: { try dropout($0[0], p: 0.5) { try Generator(seed: 4).random($0) }.sum() }, at: [try Tensor.ones([4])])
        #expect(grads[0].scalars.allSatisfy { $0 == 0 || $0 == 2 })
        #expect(throws: TensorError.self) { try dropout(x, p: 1.5, uniform: unused) }
    }

    @Test func initialisersUsePyTorchsAndKerassFans() throws {
        for entry in try Fixture.cases("nn_fans") {
            let shape = entry["shape"] as? [Int] ?? []
            let fans = try Initializer.fans(shape, convention: .torch)
            #expect(fans.fanIn == entry["fan_in"] as? Int, "fan_in of \(shape)")
            #expect(fans.fanOut == entry["fan_out"] as? Int, "fan_out of \(shape)")
        }
        // Keras reads a conv kernel as (kH, kW, in, out) and a dense kernel as (in, out).
        #expect(try Initializer.fans([3, 3, 4, 8], convention: .keras) == (36, 72))
        #expect(try Initializer.fans([5, 7], convention: .keras) == (5, 7))
        let generator = try Generator(seed: 0)
        let uniform = try Initializer.xavierUniform.draw([200, 100], generator: generator)
        let bound = Glibc.sqrt(6.0 / 300)
        #expect(uniform.scalars.allSatisfy { Swift.abs($0) <= bound })
        #expect((uniform.scalars.map(Swift.abs).max() ?? 0) > bound * 0.99)
        let he = try Initializer.heNormal.draw([400, 100], generator: generator)
        let std = try he.std().scalar ?? 0
        #expect(Swift.abs(std / Glibc.sqrt(2.0 / 100) - 1) < 0.02)
        let fanOut = try Initializer.heUniform.draw([10, 400], generator: generator, fanOut: true)
        #expect(fanOut.scalars.allSatisfy { Swift.abs($0) <= Glibc.sqrt(6.0 / 10) })
    }

    @Test func kerassNormalInitialisersTruncateAndPyTorchsDoNot() throws {
        // 100 000 draws of fan_in 250: He's target standard deviation is √(2/250) under both.
        let generator = try Generator(seed: 12)
        let target = Glibc.sqrt(2.0 / 250)
        let parameter = target / 0.87962566103423978
        let keras = try Initializer.heNormal.draw([250, 400], generator: generator, convention: .keras).scalars
        let torch = try Initializer.heNormal.draw([400, 250], generator: generator, convention: .torch).scalars
        func std(_ xs: [Double]) -> Double {
            let mean = xs.reduce(0, +) / Double(xs.count)
            return Glibc.sqrt(xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(xs.count))
        }
        func share(_ xs: [Double], within bound: Double) -> Double {
            Double(xs.filter { Swift.abs($0) < bound }.count) / Double(xs.count)
        }
        #expect(Swift.abs(std(keras) / target - 1) < 0.01)
        #expect(Swift.abs(std(torch) / target - 1) < 0.01)
        // Keras: nothing beyond 2 parameters, and P(|z| < 1 | |z| ≤ 2) = 0.6827/0.9545 = 0.7153
        // of the draws within one parameter.
        #expect(keras.allSatisfy { Swift.abs($0) <= 2 * parameter })
        #expect(Swift.abs(share(keras, within: parameter) - 0.7153) < 0.006)
        // PyTorch: a plain normal, 4.55 % beyond two standard deviations and 68.27 % within one.
        #expect(Swift.abs((1 - share(torch, within: 2 * target)) - 0.0455) < 0.003)
        #expect(Swift.abs(share(torch, within: target) - 0.6827) < 0.006)
        let glorot = try Initializer.xavierNormal.draw([300, 200], generator: generator, convention: .keras).scalars
        let glorotTarget = Glibc.sqrt(2.0 / 500)
        #expect(Swift.abs(std(glorot) / glorotTarget - 1) < 0.01)
        #expect(glorot.allSatisfy { Swift.abs($0) <= 2 * glorotTarget / 0.87962566103423978 })
    }

    @Test func theCoursesExamples() throws {
        // The course prints [2, 3, 4] for [1, 2, 3, 4, 5] correlated with [0.5, 1, 0.5]; it is [4, 6, 8].
        let signal = Variable(try Tensor(shape: [1, 1, 5], scalars: [1, 2, 3, 4, 5]))
        let kernel = Variable(try Tensor(shape: [1, 1, 3], scalars: [0.5, 1, 0.5]))
        #expect(try conv1d(signal, kernel).value.scalars == [4, 6, 8])
        // Pooling the 5×5 checkerboard: every 2×2 window holds a 1, and averages ½.
        let board = try Tensor(shape: [1, 1, 5, 5], scalars: (0..<25).map { Double(($0 / 5 + $0 % 5) % 2) })
        #expect(
            try maxPool(Variable(board), PoolingWindow(kernel: (2, 2), stride: (1, 1))).value.scalars
                == Array(repeating: 1, count: 16))
        #expect(try avgPool(Variable(board), PoolingWindow(kernel: (2, 2))).value.scalars == [0.5, 0.5, 0.5, 0.5])
        // Batch normalisation with Keras's eps 1e-3: each column has mean 0 and variance v/(v + eps).
        let batch = try Tensor(shape: [4, 2], scalars: [1, 10, 2, 20, 3, 30, 4, 40])
        let normalised = try batchNorm(
            Variable(batch), runningMean: nil, runningVar: nil, training: true, epsilon: 1e-3)
        let column = try normalised.output.value.subscripted([.all, .int(0)]).scalars
        let expected = [-1.5, -0.5, 0.5, 1.5].map { $0 / Glibc.sqrt(1.25 + 1e-3) }
        #expect(zip(column, expected).allSatisfy { Swift.abs($0 - $1) < 1e-12 })
    }

    @Test func oneHotCausalMaskAndPositionalEncoding() throws {
        let encoded = try oneHot(Tensor([2, 0], dtype: .int64))
        #expect(encoded.dtype == .int64)
        #expect(encoded.shape == [2, 3])
        #expect(encoded.scalars == [0, 0, 1, 1, 0, 0])
        let mask = try causalMask(3)
        #expect(mask.dtype == .bool)
        #expect(mask.scalars == [1, 0, 0, 1, 1, 0, 1, 1, 1])
        // A mask too large for memory is refused in its own name, not in a helper's.
        do {
            _ = try causalMask(10_000_000_000)
            Issue.record("a 10¹⁰ × 10¹⁰ mask was not refused")
        } catch let error as TensorError {
            #expect(error.message.hasPrefix("causal_mask: shape (10000000000,10000000000)"))
        }
        let table = try positionalEncoding(length: 5, dimension: 6)
        #expect(table.shape == [5, 6])
        for p in 0..<5 {
            for i in 0..<3 {
                let angle = Double(p) / Glibc.pow(10000, Double(2 * i) / 6)
                #expect(Swift.abs(table.scalars[p * 6 + 2 * i] - Glibc.sin(angle)) < 1e-15)
                #expect(Swift.abs(table.scalars[p * 6 + 2 * i + 1] - Glibc.cos(angle)) < 1e-15)
            }
        }
    }
}
