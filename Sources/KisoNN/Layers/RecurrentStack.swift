import KisoTensor

/// The shape of a recurrent network as PyTorch's `nn.RNN`/`nn.LSTM`/`nn.GRU` describe it:
/// `layers` layers stacked, each reading the previous one's outputs, and two directions per layer
/// when `bidirectional`.
public struct RecurrentStackShape: Sendable, Equatable {
    /// PyTorch's num_layers.
    public var layers: Int
    /// PyTorch's bidirectional.
    public var bidirectional: Bool

    /// A stack of `layers` layers, one or two directions each.
    public init(layers: Int = 1, bidirectional: Bool = false) {
        self.layers = layers
        self.bidirectional = bidirectional
    }

    /// 1 or 2.
    public var directions: Int { bidirectional ? 2 : 1 }

    /// How many weight sets the stack needs: one per layer and direction.
    public var count: Int { layers * directions }

    /// PyTorch's name for weight set `k`: layer k / D, "_reverse" for the backward direction.
    func label(_ k: Int) -> String {
        "l\(k / directions)" + (k % directions == 1 ? "_reverse" : "")
    }
}

/// A recurrent network over a whole sequence with PyTorch's `num_layers` and `bidirectional`
/// (batch_first=True). `weights` holds one set per layer and direction in PyTorch's order — layer 0,
/// layer 0 reverse, layer 1, … — whose `w_ih` is (G·H, input) for layer 0 and (G·H, D·H) above it.
/// States are stacked PyTorch's way: `h0`/`c0` are (layers·D, batch, H) — (layers·D, H) for an
/// unbatched (time, features) input — and a single layer in one direction also takes
/// (batch, H). Returns the outputs (batch, time, D·H), whose last axis holds the forward
/// direction's H features and then the backward one's, the last h (layers·D, batch, H) and for an
/// LSTM the last c. The backward direction reads the sequence from its end, so its last state is
/// the one after time step 0.
public func recurrentStack(
    _ kind: RecurrentKind, _ sequence: Variable, _ weights: [RecurrentWeights], shape: RecurrentStackShape,
    h0: Variable? = nil, c0: Variable? = nil
) throws -> (outputs: Variable, h: Variable, c: Variable?) {
    let op = kind.name
    guard shape.layers >= 1 else {
        throw TensorError(.value, "\(op): num_layers must be at least 1, got \(shape.layers)")
    }
    guard weights.count == shape.count else {
        let order = shape.bidirectional ? "l0, l0_reverse, l1, l1_reverse, …" : "l0, l1, …"
        throw TensorError(
            .value,
            "\(op): num_layers=\(shape.layers)\(shape.bidirectional ? ", bidirectional" : "") needs \(shape.count) sets of weights, got \(weights.count)",
            hint:
                "pass w_ih, w_hh (and the biases) as lists with one tensor per layer and direction, in PyTorch's order \(order)"
        )
    }
    guard sequence.rank == 2 || sequence.rank == 3 else {
        throw TensorError(
            .shape,
            "\(op): input of shape \(formatShape(sequence.shape)) — expected (batch, time, features) or (time, features)",
            hint: "the batch comes first (PyTorch's batch_first=True)")
    }
    let batched = sequence.rank == 3
    let x = batched ? sequence : try sequence.expandingDims(0)
    let hidden = try weights[0].hiddenSize(gates: kind.gates, inputSize: x.shape[2], op: op)
    for k in 1..<max(weights.count, 1) {
        let inputSize = k < shape.directions ? x.shape[2] : shape.directions * hidden
        let size = try weights[k].hiddenSize(
            gates: kind.gates, inputSize: weights[k].inputWeight.shape.last ?? 0, op: op)
        guard size == hidden else {
            throw TensorError(
                .shape, "\(op): weights \(shape.label(k)) have hidden size \(size), weights l0 have \(hidden)",
                hint: "every layer and direction shares one hidden size")
        }
        guard weights[k].inputWeight.shape[1] == inputSize else {
            throw TensorError(
                .shape,
                "\(op): w_ih \(shape.label(k)) of shape \(formatShape(weights[k].inputWeight.shape)) — expected (\(kind.gates * hidden), \(inputSize))",
                hint: k < shape.directions
                    ? "the first layer reads the input's \(inputSize) features"
                    : "layers above the first read the previous layer's outputs, \(shape.directions)·hidden = \(inputSize) features"
            )
        }
    }
    let h = try initialStates(h0, "h0", shape: shape, batch: x.shape[0], batched: batched, hidden: hidden, op: op)
    let c = try initialStates(c0, "c0", shape: shape, batch: x.shape[0], batched: batched, hidden: hidden, op: op)
    let reversedTime: [TensorIndex] = [.all, .slice(start: nil, stop: nil, step: -1), .all]
    var input = x
    var lastH: [Variable] = []
    var lastC: [Variable] = []
    for layer in 0..<shape.layers {
        var outputs: [Variable] = []
        for direction in 0..<shape.directions {
            let k = layer * shape.directions + direction
            let source = direction == 0 ? input : try input.subscripted(reversedTime)
            let run = try recurrent(kind, source, weights[k], h0: h?[k], c0: c?[k])
            outputs.append(direction == 0 ? run.outputs : try run.outputs.subscripted(reversedTime))
            lastH.append(run.h)
            if let cell = run.c { lastC.append(cell) }
        }
        input = outputs.count == 1 ? outputs[0] : try Variable.concatenate(outputs, axis: 2)
    }
    var outputs = input
    var finalH = try Variable.stack(lastH, axis: 0)
    var finalC = lastC.isEmpty ? nil : try Variable.stack(lastC, axis: 0)
    if !batched {
        outputs = try outputs.squeezed([0])
        finalH = try finalH.squeezed([1])
        finalC = try finalC?.squeezed([1])
    }
    return (outputs, finalH, finalC)
}

/// The initial states of every layer and direction, each (batch, H), from a stacked `state` —
/// nil when none was given (each run then starts from zeros).
private func initialStates(
    _ state: Variable?, _ name: String, shape: RecurrentStackShape, batch: Int, batched: Bool, hidden: Int, op: String
) throws -> [Variable]? {
    guard let state else { return nil }
    let stacked = batched ? [shape.count, batch, hidden] : [shape.count, hidden]
    if shape.count == 1, batched, state.shape == [batch, hidden] { return [state] }
    guard state.shape == stacked else {
        let dims = batched ? "(num_layers·directions, batch, hidden)" : "(num_layers·directions, hidden)"
        throw TensorError(
            .shape, "\(op): \(name) of shape \(formatShape(state.shape)) — expected \(formatShape(stacked)) \(dims)",
            hint: "PyTorch stacks one state per layer and direction along the first axis")
    }
    return try (0..<shape.count).map { k in
        let one = try state.subscripted([.int(k)])
        return batched ? one : try one.expandingDims(0)
    }
}
