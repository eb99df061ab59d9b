import KisoTensor

/// The weights of one recurrent layer in PyTorch's layout: `inputWeight` (G·H, I) and
/// `hiddenWeight` (G·H, H) with the G gates stacked along the first axis — LSTM (i, f, g, o),
/// GRU (r, z, n), plain RNN one — and optional biases of G·H.
public struct RecurrentWeights {
    /// W_ih, (G·H, input size).
    public var inputWeight: Variable
    /// W_hh, (G·H, H).
    public var hiddenWeight: Variable
    /// b_ih, (G·H,).
    public var inputBias: Variable?
    /// b_hh, (G·H,).
    public var hiddenBias: Variable?

    /// Weights in PyTorch's layout.
    public init(inputWeight: Variable, hiddenWeight: Variable, inputBias: Variable? = nil, hiddenBias: Variable? = nil)
    {
        self.inputWeight = inputWeight
        self.hiddenWeight = hiddenWeight
        self.inputBias = inputBias
        self.hiddenBias = hiddenBias
    }

    /// The hidden size H, after checking the shapes for `gates` gates and `inputSize` features.
    func hiddenSize(gates: Int, inputSize: Int, op: String) throws -> Int {
        guard hiddenWeight.rank == 2, hiddenWeight.shape[0] == gates * hiddenWeight.shape[1] else {
            throw TensorError(
                .shape,
                "\(op): w_hh of shape \(formatShape(hiddenWeight.shape)) — expected (\(gates)·hidden, hidden)",
                hint: gates > 1 ? "the gates are stacked along the first axis, as in PyTorch" : nil)
        }
        let h = hiddenWeight.shape[1]
        guard inputWeight.rank == 2, inputWeight.shape[0] == gates * h else {
            throw TensorError(
                .shape, "\(op): w_ih of shape \(formatShape(inputWeight.shape)) — expected (\(gates * h), input_size)")
        }
        guard inputWeight.shape[1] == inputSize else {
            throw TensorError(
                .shape,
                "\(op): input has \(inputSize) features, w_ih expects \(inputWeight.shape[1]) — w_ih is (\(gates)·hidden, input_size)"
            )
        }
        for (bias, name) in [(inputBias, "b_ih"), (hiddenBias, "b_hh")] {
            if let bias, bias.shape != [gates * h] {
                throw TensorError(
                    .shape, "\(op): \(name) of shape \(formatShape(bias.shape)) — expected (\(gates * h),)")
            }
        }
        return h
    }

    /// The weights as every step uses them, transposed once per sequence rather than per step.
    func prepared() throws -> StepWeights {
        StepWeights(
            input: try inputWeight.swappingLastTwoAxes(), hidden: try hiddenWeight.swappingLastTwoAxes(),
            inputBias: inputBias, hiddenBias: hiddenBias)
    }
}

/// W_ihᵀ, W_hhᵀ and the biases of a recurrent layer, ready for its steps.
struct StepWeights {
    let input: Variable
    let hidden: Variable
    let inputBias: Variable?
    let hiddenBias: Variable?

    /// x·W_ihᵀ + b_ih.
    func inputPart(_ x: Variable) throws -> Variable {
        let product = try Variable.matmul(x, input)
        return try inputBias.map { try product + $0 } ?? product
    }

    /// h·W_hhᵀ + b_hh.
    func hiddenPart(_ h: Variable) throws -> Variable {
        let product = try Variable.matmul(h, hidden)
        return try hiddenBias.map { try product + $0 } ?? product
    }
}

/// The nonlinearity of a plain RNN cell.
public enum RecurrentNonlinearity: String, Sendable {
    /// tanh, PyTorch's default.
    case tanh
    /// max(x, 0).
    case relu
}

/// Gate `k` of `count` stacked along the last axis.
private func gate(_ stacked: Variable, _ k: Int, of count: Int) throws -> Variable {
    let size = stacked.shape[stacked.rank - 1] / count
    let lead = [TensorIndex](repeating: .all, count: stacked.rank - 1)
    return try stacked.subscripted(lead + [.slice(start: k * size, stop: (k + 1) * size, step: 1)])
}

/// Checks a state's shape against the input's batch and the hidden size.
private func checkState(_ state: Variable, _ name: String, batch: [Int], hidden: Int, op: String) throws {
    guard state.shape == batch + [hidden] else {
        throw TensorError(
            .shape,
            "\(op): \(name) of shape \(formatShape(state.shape)) — expected \(formatShape(batch + [hidden])) (batch, hidden)"
        )
    }
}

/// The batch part of a cell input (N, I) or (I,), after checking it.
private func cellBatch(_ x: Variable, op: String) throws -> [Int] {
    guard x.rank == 1 || x.rank == 2 else {
        throw TensorError(
            .shape, "\(op): input of shape \(formatShape(x.shape)) — expected (batch, input_size) or (input_size,)")
    }
    return Array(x.shape.dropLast())
}

/// PyTorch's `RNNCell`: h' = act(x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh).
public func rnnCell(
    _ x: Variable, _ h: Variable, _ weights: RecurrentWeights, nonlinearity: RecurrentNonlinearity = .tanh
) throws -> Variable {
    let op = "rnn_cell"
    let batch = try cellBatch(x, op: op)
    let hidden = try weights.hiddenSize(gates: 1, inputSize: x.shape[x.rank - 1], op: op)
    try checkState(h, "h", batch: batch, hidden: hidden, op: op)
    let step = try weights.prepared()
    return try rnnStep(step.inputPart(x), h, step, nonlinearity)
}

private func rnnStep(
    _ inputPart: Variable, _ h: Variable, _ weights: StepWeights, _ nonlinearity: RecurrentNonlinearity
) throws -> Variable {
    let pre = try inputPart + weights.hiddenPart(h)
    return nonlinearity == .tanh ? try pre.tanh() : try pre.relu()
}

/// PyTorch's `LSTMCell`: gates i, f, g, o (in that order) from x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh;
/// c' = σ(f)·c + σ(i)·tanh(g), h' = σ(o)·tanh(c') (the engine's fused `lstmCellUpdate`).
/// Returns (h', c').
public func lstmCell(
    _ x: Variable, _ state: (h: Variable, c: Variable), _ weights: RecurrentWeights
) throws
    -> (h: Variable, c: Variable)
{
    let op = "lstm_cell"
    let batch = try cellBatch(x, op: op)
    let hidden = try weights.hiddenSize(gates: 4, inputSize: x.shape[x.rank - 1], op: op)
    try checkState(state.h, "h", batch: batch, hidden: hidden, op: op)
    try checkState(state.c, "c", batch: batch, hidden: hidden, op: op)
    let step = try weights.prepared()
    return try lstmStep(step.inputPart(x), state, step)
}

private func lstmStep(
    _ inputPart: Variable, _ state: (h: Variable, c: Variable), _ weights: StepWeights
)
    throws -> (h: Variable, c: Variable)
{
    let gates = try inputPart + weights.hiddenPart(state.h)
    return try Variable.lstmCellUpdate(gates: gates, cell: state.c)
}

/// PyTorch's `GRUCell`: gates r, z, n; r = σ(x_r + h_r), z = σ(x_z + h_z),
/// n = tanh(x_n + r·h_n) (where x_· and h_· include their biases), h' = (1 − z)·n + z·h.
public func gruCell(_ x: Variable, _ h: Variable, _ weights: RecurrentWeights) throws -> Variable {
    let op = "gru_cell"
    let batch = try cellBatch(x, op: op)
    let hidden = try weights.hiddenSize(gates: 3, inputSize: x.shape[x.rank - 1], op: op)
    try checkState(h, "h", batch: batch, hidden: hidden, op: op)
    let step = try weights.prepared()
    return try gruStep(step.inputPart(x), h, step)
}

private func gruStep(_ inputPart: Variable, _ h: Variable, _ weights: StepWeights) throws -> Variable {
    let hiddenPart = try weights.hiddenPart(h)
    let r = try (gate(inputPart, 0, of: 3) + gate(hiddenPart, 0, of: 3)).sigmoid()
    let z = try (gate(inputPart, 1, of: 3) + gate(hiddenPart, 1, of: 3)).sigmoid()
    let n = try (gate(inputPart, 2, of: 3) + r * gate(hiddenPart, 2, of: 3)).tanh()
    return try (1 - z) * n + z * h
}

/// The kind of recurrent layer `recurrent` runs.
public enum RecurrentKind: Sendable {
    /// A plain RNN with the given nonlinearity.
    case rnn(RecurrentNonlinearity)
    /// A long short-term memory.
    case lstm
    /// A gated recurrent unit.
    case gru

    var gates: Int {
        switch self {
        case .rnn: return 1
        case .lstm: return 4
        case .gru: return 3
        }
    }

    var name: String {
        switch self {
        case .rnn: return "rnn"
        case .lstm: return "lstm"
        case .gru: return "gru"
        }
    }
}

/// One recurrent layer over a whole (batch, time, features) sequence — or an unbatched (time,
/// features) one — as PyTorch's `RNN`/`LSTM`/`GRU` with `batch_first=True`. Returns the outputs
/// (batch, time, hidden), the last hidden state, and for an LSTM the last cell state.
public func recurrent(
    _ kind: RecurrentKind, _ sequence: Variable, _ weights: RecurrentWeights, h0: Variable? = nil, c0: Variable? = nil
) throws -> (outputs: Variable, h: Variable, c: Variable?) {
    let op = kind.name
    guard sequence.rank == 2 || sequence.rank == 3 else {
        throw TensorError(
            .shape,
            "\(op): input of shape \(formatShape(sequence.shape)) — expected (batch, time, features) or (time, features)",
            hint: "the batch comes first (PyTorch's batch_first=True)")
    }
    let batched = sequence.rank == 3
    let x = batched ? sequence : try sequence.expandingDims(0)
    let (n, steps, features) = (x.shape[0], x.shape[1], x.shape[2])
    let hidden = try weights.hiddenSize(gates: kind.gates, inputSize: features, op: op)
    let batchShape = batched ? [n] : []
    func initial(_ state: Variable?, _ name: String) throws -> Variable {
        guard let state else { return Variable(try Tensor.zeros([n, hidden])) }
        try checkState(state, name, batch: batchShape, hidden: hidden, op: op)
        return batched ? state : try state.expandingDims(0)
    }
    var h = try initial(h0, "h0")
    var c = try initial(c0, "c0")
    guard steps > 0 else {
        throw TensorError(.shape, "\(op): the sequence has no time steps", hint: "give at least one step")
    }
    // Each step projects its own input: slicing one projection of the whole sequence would make
    // every step's gradient a sequence-sized scatter, quadratic in the length.
    let step = try weights.prepared()
    var outputs: [Variable] = []
    outputs.reserveCapacity(steps)
    for t in 0..<steps {
        let inputPart = try step.inputPart(x.subscripted([.all, .int(t), .all]))
        switch kind {
        case .rnn(let nonlinearity): h = try rnnStep(inputPart, h, step, nonlinearity)
        case .lstm: (h, c) = try lstmStep(inputPart, (h, c), step)
        case .gru: h = try gruStep(inputPart, h, step)
        }
        outputs.append(h)
    }
    var result = try Variable.stack(outputs, axis: 1)
    if !batched {
        result = try result.squeezed([0])
        h = try h.squeezed([0])
        c = try c.squeezed([0])
    }
    if case .lstm = kind { return (result, h, c) }
    return (result, h, nil)
}
