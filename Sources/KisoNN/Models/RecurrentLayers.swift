import KisoTensor

/// Keras's `SimpleRNN`, `LSTM` and `GRU` over (batch, time, features), returning the last
/// output (batch, units) or, with `return_sequences`, every step's (batch, time, units).
/// Weights in Keras's layout — kernel (in, G·units), recurrent_kernel (units, G·units) — with
/// gates ordered LSTM (i, f, c, o), GRU (z, r, h); PyTorch stores the transposes and orders the
/// GRU's gates (r, z, n). Kernel Glorot-uniform, recurrent kernel orthogonal, bias zeros (an
/// LSTM's forget-gate bias starts at 1; a GRU keeps input and recurrent biases, (2, 3·units)).
/// Computed with the functional `recurrent` on the transposed, reordered weights.
public final class RecurrentLayer: Layer {
    public let kind: String
    public var name: String
    public var weights: [LayerWeight] = []
    public var inputShape: [Int]?
    /// The recurrence.
    public let cell: RecurrentKind
    /// The size of the hidden state.
    public let units: Int
    /// Whether every step's output is returned (else the last one).
    public let returnSequences: Bool

    /// A recurrent layer; `cell` is `.rnn(.tanh)` for SimpleRNN, `.lstm` or `.gru`.
    public init(_ cell: RecurrentKind, units: Int, returnSequences: Bool = false) throws {
        self.cell = cell
        switch cell {
        case .rnn: kind = "SimpleRNN"
        case .lstm: kind = "LSTM"
        case .gru: kind = "GRU"
        }
        guard units >= 1 else { throw TensorError(.value, "\(kind): units must be at least 1, got \(units)") }
        self.units = units
        self.returnSequences = returnSequences
        name = ""
        name = defaultName
    }

    private var gates: Int {
        switch cell {
        case .rnn: return 1
        case .lstm: return 4
        case .gru: return 3
        }
    }

    public func makeWeights(inputShape: [Int], generator: Generator) throws -> [LayerWeight] {
        try checkRank(inputShape, 2, kind, expected: "(batch, time, features)")
        let g = gates * units
        var bias = try Tensor.zeros([g])
        if case .lstm = cell {
            bias = try Tensor(shape: [g], scalars: (0..<g).map { $0 >= units && $0 < 2 * units ? 1 : 0 })
        }
        if case .gru = cell { bias = try Tensor.zeros([2, g]) }
        return [
            LayerWeight("kernel", try glorotUniform([inputShape[1], g], generator)),
            LayerWeight("recurrent_kernel", try orthogonal(units, g, generator)),
            LayerWeight("bias", bias),
        ]
    }

    public func outputShape(_ inputShape: [Int]) throws -> [Int] {
        try checkRank(inputShape, 2, kind, expected: "(batch, time, features)")
        return returnSequences ? [inputShape[0], units] : [units]
    }

    public func forward(_ x: Variable, _ weights: [Variable], _ context: ForwardContext) throws -> Variable {
        try checkRank(Array(x.shape.dropFirst()), 2, kind, expected: "(batch, time, features)")
        var input = try weights[0].swappingLastTwoAxes()
        var hidden = try weights[1].swappingLastTwoAxes()
        var inputBias = weights[2]
        var hiddenBias: Variable? = nil
        if case .gru = cell {
            // Keras (z, r, h) → PyTorch (r, z, n), along the gate axis.
            func reordered(_ v: Variable, axis: Int) throws -> Variable {
                func block(_ k: Int) throws -> Variable {
                    var index = [TensorIndex](repeating: .slice(start: nil, stop: nil, step: nil), count: v.rank)
                    index[axis] = .slice(start: k * units, stop: (k + 1) * units, step: nil)
                    return try v.subscripted(index)
                }
                return try Variable.concatenate([block(1), block(0), block(2)], axis: axis)
            }
            input = try reordered(input, axis: 0)
            hidden = try reordered(hidden, axis: 0)
            let biases = try reordered(weights[2], axis: 1)
            inputBias = try biases.subscripted([.int(0)])
            hiddenBias = try biases.subscripted([.int(1)])
        }
        let result = try recurrent(
            cell, x,
            RecurrentWeights(inputWeight: input, hiddenWeight: hidden, inputBias: inputBias, hiddenBias: hiddenBias))
        return returnSequences ? result.outputs : result.h
    }

    public var settings: String { "units=\(units)" + (returnSequences ? ", return_sequences=true" : "") }
}
