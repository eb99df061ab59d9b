import Testing

@testable import KisoTensor

/// Every differentiable operation's gradient against central differences. Each function is
/// reduced to a scalar by a weighted sum with fixed random weights, so that every output
/// element contributes a different amount and a misplaced gradient cannot cancel out.
@Suite struct AutodiffOpTests {
    private let random: RandomState

    init() throws {
        random = try RandomState(seed: 7)
    }

    private func normal(_ shape: [Int]) throws -> Tensor {
        try random.standardNormal(shape)
    }

    private func positive(_ shape: [Int]) throws -> Tensor {
        try random.uniform(low: 0.5, high: 2.0, size: shape)
    }

    /// `sum(op(inputs) * w)` for random weights `w` of the result's shape.
    private func weighted(
        _ op: @escaping ([Variable]) throws -> Variable, _ inputs: [Tensor]
    ) throws
        -> ([Variable]) throws -> Variable
    {
        let shape = try op(inputs.map { Variable($0) }).shape
        let weights = Variable(try normal(shape))
        return { try (op($0) * weights).sum() }
    }

    /// Expects the reverse-mode gradient of `op` (weighted to a scalar) to match central
    /// differences in every input.
    private func check(
        _ op: @escaping ([Variable]) throws -> Variable, _ inputs: [Tensor], rtol: Double = 1e-5,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let result = try gradientCheck(of: weighted(op, inputs), at: inputs, rtol: rtol)
        #expect(result.passed, "\(result)", sourceLocation: sourceLocation)
    }

    @Test func arithmeticBroadcasts() throws {
        let shapes: [([Int], [Int])] = [
            ([3, 4], [3, 4]), ([3, 1], [4]), ([2, 3, 4], [3, 1]), ([], [2, 3]), ([5], []),
        ]
        for (sa, sb) in shapes {
            try check({ try $0[0] + $0[1] }, [normal(sa), normal(sb)])
            try check({ try $0[0] - $0[1] }, [normal(sa), normal(sb)])
            try check({ try $0[0] * $0[1] }, [normal(sa), normal(sb)])
            try check({ try $0[0] / $0[1] }, [normal(sa), positive(sb)])
            try check({ try Variable.power($0[0], $0[1]) }, [positive(sa), normal(sb)])
        }
        try check({ try -$0[0] }, [normal([2, 3])])
        try check({ try $0[0].pow(3) }, [normal([4])])
    }

    @Test func broadcastGradientHasTheOperandShape() throws {
        let grads = try gradient(
            of: { try ($0[0] * $0[1]).sum() }, at: [normal([3, 1]), normal([1, 4])], argnums: [0, 1])
        #expect(grads[0].shape == [3, 1])
        #expect(grads[1].shape == [1, 4])
    }

    @Test func powerAtZero() throws {
        // d/dx x**0 is 0 (not 0·inf), and d/dy 0**y is 0, as in JAX.
        let grads = try gradient(
            of: { try Variable.power($0[0], $0[1]).sum() }, at: [Tensor([0, 2]), Tensor([0, 3])], argnums: [0, 1])
        #expect(grads[0].scalars == [0, 12])
        #expect(try grads[1][0].scalar == 0)
    }

    @Test func elementwiseFunctions() throws {
        let x = try normal([3, 4])
        try check({ try $0[0].exp() }, [x])
        try check({ try $0[0].log() }, [positive([3, 4])])
        try check({ try $0[0].log1p() }, [positive([3, 4])])
        try check({ try $0[0].sqrt() }, [positive([3, 4])])
        try check({ try $0[0].abs() }, [x])
        try check({ try $0[0].tanh() }, [x])
        try check({ try $0[0].sigmoid() }, [x])
        try check({ try $0[0].softplus() }, [x])
        try check({ try $0[0].sin() }, [x])
        try check({ try $0[0].cos() }, [x])
        try check({ try $0[0].erf() }, [x])
        try check({ try $0[0].relu() }, [x])
    }

    @Test func selections() throws {
        let a = try normal([3, 4])
        let b = try normal([4])
        try check({ try Variable.maximum($0[0], $0[1]) }, [a, b])
        try check({ try Variable.minimum($0[0], $0[1]) }, [a, b])
        let mask = try Tensor.greater(try normal([3, 1]), Tensor(0))
        try check({ try Variable.where(mask, $0[0], $0[1]) }, [a, b])
        try check({ try $0[0].clip(-0.5, 0.5) }, [a])
        try check({ try $0[0].clip($0[1], nil) }, [a, b])
    }

    @Test func tiesSplitTheGradient() throws {
        // maximum(x, x) = x: each side gets half, so the total is 1.
        let same = try gradient(of: { try Variable.maximum($0[0], $0[0]).sum() }, at: [Tensor([1, -2])])
        #expect(same[0].scalars == [1, 1])
        let halves = try gradient(
            of: { try Variable.maximum($0[0], $0[1]).sum() }, at: [Tensor([1, 3]), Tensor([1, 2])], argnums: [0, 1])
        #expect(halves[0].scalars == [0.5, 1])
        #expect(halves[1].scalars == [0.5, 0])
        // relu's derivative at 0 is 0, as jax.nn.relu and PyTorch define it.
        let relu = try gradient(of: { try $0[0].relu().sum() }, at: [Tensor([-1, 0, 2])])
        #expect(relu[0].scalars == [0, 0, 1])
        // max over an axis with a tie shares the cotangent equally.
        let maxTie = try gradient(
            of: { try $0[0].max(axes: [1]).sum() }, at: [Tensor(shape: [2, 3], scalars: [1, 5, 5, 2, 0, 1])])
        #expect(maxTie[0].scalars == [0, 0.5, 0.5, 1, 0, 0])
    }

    @Test func reductionsOverAxes() throws {
        let x = try normal([2, 3, 4])
        let axesChoices: [[Int]?] = [nil, [0], [1], [-1], [0, 2]]
        for axes in axesChoices {
            for keepdims in [false, true] {
                try check({ try $0[0].sum(axes: axes, keepdims: keepdims) }, [x])
                try check({ try $0[0].mean(axes: axes, keepdims: keepdims) }, [x])
                try check({ try $0[0].max(axes: axes, keepdims: keepdims) }, [x])
                try check({ try $0[0].min(axes: axes, keepdims: keepdims) }, [x])
                try check({ try $0[0].logsumexp(axes: axes, keepdims: keepdims) }, [x])
                try check({ try $0[0].variance(axes: axes, keepdims: keepdims) }, [x])
                try check({ try $0[0].std(axes: axes, ddof: 1, keepdims: keepdims) }, [x])
            }
        }
    }

    @Test func softmaxAndLogSoftmax() throws {
        let x = try normal([3, 5])
        for axis in [0, 1, -1] {
            try check({ try $0[0].softmax(axis: axis) }, [x])
            try check({ try $0[0].logSoftmax(axis: axis) }, [x])
        }
        // Large logits stay finite.
        let big = try Tensor.multiply(x, Tensor(300))
        let g = try gradient(of: { try $0[0].logSoftmax()[0, 0] }, at: [big])
        #expect(g[0].scalars.allSatisfy { $0.isFinite })
    }

    @Test func norms() throws {
        let v = try normal([5])
        let m = try normal([3, 4])
        try check({ try $0[0].norm() }, [m])
        try check({ try $0[0].norm(.p(1)) }, [v])
        try check({ try $0[0].norm(.p(3)) }, [v])
        try check({ try $0[0].norm(.p(0.5)) }, [v])
        try check({ try $0[0].norm(.infinity) }, [v])
        try check({ try $0[0].norm(.negativeInfinity) }, [v])
        try check({ try $0[0].norm(.frobenius) }, [m])
        try check({ try $0[0].norm(.p(1), axes: [0, 1]) }, [m])
        try check({ try $0[0].norm(.infinity, axes: [0, 1]) }, [m])
        try check({ try $0[0].norm(axes: [1], keepdims: true) }, [m])
        // Singular values have no derivative here: a differentiated nuclear norm is an error (a
        // constant's is computed; core_norms.json checks it against NumPy).
        #expect(throws: TensorError.self) { try gradient(of: { try $0[0].norm(.nuclear) }, at: [m]) }
    }

    @Test func shapeOperations() throws {
        let x = try normal([2, 3, 4])
        try check({ try $0[0].reshaped([6, -1]) }, [x])
        try check({ try $0[0].transposed() }, [x])
        try check({ try $0[0].transposed([1, 2, 0]) }, [x])
        try check({ try $0[0].expandingDims(1) }, [x])
        try check({ try $0[0].squeezed() }, [normal([3, 1, 2])])
        try check({ try $0[0].broadcast(to: [5, 3, 4]) }, [normal([3, 1])])
        try check({ try $0[0].sum(toShape: [3, 1]) }, [normal([2, 3, 4])])
        try check({ try Variable.concatenate([$0[0], $0[1], $0[0]], axis: 1) }, [normal([2, 3]), normal([2, 2])])
        try check({ try Variable.stack([$0[0], $0[1]], axis: -1) }, [normal([2, 3]), normal([2, 3])])
    }

    @Test func indexing() throws {
        let x = try normal([4, 5])
        try check({ try $0[0][1] }, [x])
        try check({ try $0[0][.slice(start: 3, stop: 0, step: -2), .all] }, [x])
        try check({ try $0[0][.ellipsis, .newAxis, -1] }, [x])
        let rows = Tensor([0, 2, 0, 0], dtype: .int64)
        try check({ try $0[0].subscripted([.tensor(rows), .slice(start: 1, stop: nil, step: nil)]) }, [x])
        let cols = Tensor([4, 4, 1, 0], dtype: .int64)
        try check({ try $0[0].subscripted([.tensor(rows), .tensor(cols)]) }, [x])
        let mask = try Tensor.greater(x, Tensor(0))
        try check({ try $0[0].subscripted([.tensor(mask)]) }, [x])
        try check({ try $0[0].take(Tensor([3, 3, 1], dtype: .int64), axis: 1) }, [x])
        try check({ try $0[0].take(Tensor(shape: [2, 2], scalars: [19, 0, 0, 7], dtype: .int64)) }, [x])
    }

    @Test func repeatedIndicesAccumulate() throws {
        let g = try gradient(
            of: { try $0[0].subscripted([.tensor(Tensor([0, 0, 2, 0], dtype: .int64))]).sum() },
            at: [Tensor([1, 2, 3])])
        #expect(g[0].scalars == [3, 0, 1])
        let taken = try gradient(
            of: { try $0[0].take(Tensor([1, 1], dtype: .int64), axis: 0).sum() }, at: [Tensor([5, 6])])
        #expect(taken[0].scalars == [0, 2])
    }

    @Test func matmulAndDot() throws {
        let cases: [([Int], [Int])] = [
            ([3, 4], [4, 5]), ([4], [4, 5]), ([3, 4], [4]), ([4], [4]), ([2, 3, 4], [4, 5]),
            ([2, 1, 3, 4], [5, 4, 2]), ([3, 4], [2, 4, 6]), ([4], [2, 4, 3]),
        ]
        for (sa, sb) in cases {
            try check({ try Variable.matmul($0[0], $0[1]) }, [normal(sa), normal(sb)])
        }
        let dots: [([Int], [Int])] = [
            ([], [3]), ([3, 4], [4, 2]), ([2, 3, 4], [5, 4, 2]), ([2, 4], [3, 4, 2]), ([4], [4]),
        ]
        for (sa, sb) in dots {
            try check({ try Variable.dot($0[0], $0[1]) }, [normal(sa), normal(sb)])
        }
        let product = try Variable.dot(Variable(try normal([2, 3, 4])), Variable(try normal([5, 4, 2])))
        #expect(product.shape == [2, 3, 5, 2])
    }

    @Test func matmulForwardMatchesSums() throws {
        let a = try Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        let b = try Tensor(shape: [3, 2], scalars: [7, 8, 9, 10, 11, 12])
        let c = try Variable.matmul(Variable(a), Variable(b))
        #expect(c.value.scalars == [58, 64, 139, 154])
        #expect(throws: TensorError.self) { try Variable.matmul(Variable(a), Variable(a)) }
    }
}
