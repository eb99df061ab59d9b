import KisoNN
import KisoTensor

/// Recurrent cells and layers with PyTorch's weight shapes and gate order: weights are passed as
/// w_ih (G·H, I), w_hh (G·H, H) and optional biases, G = 1 (rnn), 4 (lstm: i, f, g, o) or 3
/// (gru: r, z, n); sequences are (batch, time, features).
extension Registry {
    func registerRecurrent() {
        section("Recurrent layers")
        let weights = [
            param("w_ih", .tensor), param("w_hh", .tensor), param("b_ih", .tensor, .none),
            param("b_hh", .tensor, .none),
        ]
        add(
            "rnn_cell",
            [param("x", .tensor), param("h", .tensor)] + weights + [param("nonlinearity", .string, .string("tanh"))],
            doc: "One Elman RNN step: tanh(x·w_ihᵀ + b_ih + h·w_hhᵀ + b_hh) (or relu).",
            example: "rnn_cell(ones([1, 2]), zeros([1, 3]), ones([3, 2]), ones([3, 3]))", grad: .tracedByBody
        ) { a in
            .traced(
                try rnnCell(
                    try a.variable("x"), try a.variable("h"), try a.recurrentWeights(),
                    nonlinearity: try a.nonlinearity()))
        }
        add(
            "lstm_cell", [param("x", .tensor), param("hx", .any, .none)] + weights,
            doc: "One LSTM step from hx = (h, c) (zeros when none), gates i, f, g, o; returns (h', c').",
            example: "h, c = lstm_cell(ones([1, 2]), none, ones([12, 2]), ones([12, 3]))", grad: .tracedByBody
        ) { a in
            let x = try a.variable("x")
            let w = try a.recurrentWeights()
            let state = try a.lstmState(x: x, hidden: w.hiddenWeight.shape.last ?? 0)
            let (h, c) = try lstmCell(x, state, w)
            return .tuple([.traced(h), .traced(c)])
        }
        add(
            "gru_cell", [param("x", .tensor), param("h", .tensor)] + weights,
            doc: "One GRU step, gates r, z, n: h' = (1 − z)·n + z·h.",
            example: "gru_cell(ones([1, 2]), zeros([1, 3]), ones([9, 2]), ones([9, 3]))", grad: .tracedByBody
        ) { a in .traced(try gruCell(try a.variable("x"), try a.variable("h"), try a.recurrentWeights())) }
        let sequenceWeights = [
            param("w_ih", .any), param("w_hh", .any), param("b_ih", .any, .none), param("b_hh", .any, .none),
        ]
        let stack = [param("num_layers", .int, .int(1)), param("bidirectional", .bool, .bool(false))]
        add(
            "rnn",
            [param("x", .tensor)] + sequenceWeights + [
                param("h0", .tensor, .none), param("nonlinearity", .string, .string("tanh")),
            ] + stack,
            doc:
                "An RNN over a (batch, time, features) sequence: (outputs (batch, time, D·hidden), h_n (num_layers·D, batch, hidden)).",
            example: "out, h = rnn(ones([2, 5, 3]), ones([4, 3]) * 0.1, ones([4, 4]) * 0.1)", grad: .tracedByBody
        ) { a in
            let run = try recurrentStack(
                .rnn(try a.nonlinearity()), try a.variable("x"), try a.stackWeights(), shape: try a.stackShape(),
                h0: try a.optionalVariable("h0"))
            return .tuple([.traced(run.outputs), .traced(run.h)])
        }
        add(
            "lstm",
            [param("x", .tensor)] + sequenceWeights + [param("h0", .tensor, .none), param("c0", .tensor, .none)]
                + stack,
            doc:
                "An LSTM over a (batch, time, features) sequence: (outputs, (h_n, c_n)), states (num_layers·D, batch, hidden).",
            example: "out, state = lstm(ones([2, 5, 3]), ones([16, 3]) * 0.1, ones([16, 4]) * 0.1)", grad: .tracedByBody
        ) { a in
            let run = try recurrentStack(
                .lstm, try a.variable("x"), try a.stackWeights(), shape: try a.stackShape(),
                h0: try a.optionalVariable("h0"), c0: try a.optionalVariable("c0"))
            return .tuple([.traced(run.outputs), .tuple([.traced(run.h), run.c.map { .traced($0) } ?? .none])])
        }
        add(
            "gru", [param("x", .tensor)] + sequenceWeights + [param("h0", .tensor, .none)] + stack,
            doc: "A GRU over a (batch, time, features) sequence: (outputs, h_n (num_layers·D, batch, hidden)).",
            example:
                "out, h = gru(ones([2, 5, 3]), [ones([12, 3]), ones([12, 3])], [ones([12, 4]), ones([12, 4])], bidirectional=true)",
            grad: .tracedByBody
        ) { a in
            let run = try recurrentStack(
                .gru, try a.variable("x"), try a.stackWeights(), shape: try a.stackShape(),
                h0: try a.optionalVariable("h0"))
            return .tuple([.traced(run.outputs), .traced(run.h)])
        }
    }
}

extension Arguments {
    /// The arguments w_ih, w_hh, b_ih and b_hh.
    fileprivate func recurrentWeights() throws -> RecurrentWeights {
        RecurrentWeights(
            inputWeight: try variable("w_ih"), hiddenWeight: try variable("w_hh"),
            inputBias: try optionalVariable("b_ih"), hiddenBias: try optionalVariable("b_hh"))
    }

    /// num_layers and bidirectional.
    fileprivate func stackShape() throws -> RecurrentStackShape {
        RecurrentStackShape(layers: try int("num_layers"), bidirectional: try bool("bidirectional"))
    }

    /// One weight set per layer and direction from w_ih, w_hh, b_ih, b_hh, each a tensor (one
    /// layer, one direction) or a list of tensors in PyTorch's order l0, l0_reverse, l1, ….
    fileprivate func stackWeights() throws -> [RecurrentWeights] {
        let inputWeights = try layerTensors("w_ih", rank: 2)
        let hiddenWeights = try layerTensors("w_hh", rank: 2)
        let inputBiases = try isNone("b_ih") ? nil : try layerTensors("b_ih", rank: 1)
        let hiddenBiases = try isNone("b_hh") ? nil : try layerTensors("b_hh", rank: 1)
        for (list, name) in [(hiddenWeights, "w_hh"), (inputBiases, "b_ih"), (hiddenBiases, "b_hh")] {
            if let list, list.count != inputWeights.count {
                throw KisoError(
                    .value,
                    "`\(builtin.name)`: w_ih holds \(inputWeights.count) tensor\(inputWeights.count == 1 ? "" : "s") but \(name) holds \(list.count)",
                    hint: "give one tensor per layer and direction in each of w_ih, w_hh, b_ih, b_hh")
            }
        }
        return inputWeights.indices.map { k in
            RecurrentWeights(
                inputWeight: inputWeights[k], hiddenWeight: hiddenWeights[k], inputBias: inputBiases?[k],
                hiddenBias: hiddenBiases?[k])
        }
    }

    /// A weight argument as one tensor per layer and direction: a list of tensors, a tensor of
    /// `rank` (one set), or one of rank + 1 stacking equal-shaped sets along its first axis (which
    /// is what a list literal of equal-shaped tensors becomes).
    private func layerTensors(_ name: String, rank: Int) throws -> [Variable] {
        let value = try self[name]
        switch value {
        case .list(let items), .tuple(let items):
            let perLayer =
                !items.isEmpty
                && items.allSatisfy {
                    switch $0 {
                    case .tensor, .variable: return true
                    default: return false
                    }
                }
            if perLayer { return try items.map { try Convert.variable($0, name) } }
        default: break
        }
        let tensor = try Convert.variable(value, name)
        guard tensor.rank == rank + 1 else { return [tensor] }
        return try (0..<tensor.shape[0]).map { try tensor.subscripted([.int($0)]) }
    }

    /// The argument nonlinearity: "tanh" or "relu".
    fileprivate func nonlinearity() throws -> RecurrentNonlinearity {
        let name = try string("nonlinearity")
        guard let value = RecurrentNonlinearity(rawValue: name) else {
            throw KisoError(
                .value, "`\(builtin.name)`: unknown nonlinearity \"\(name)\"", hint: "use \"tanh\" or \"relu\"")
        }
        return value
    }

    /// The LSTM state (h, c) of argument hx, zeros of the batch's shape when none.
    fileprivate func lstmState(x: Variable, hidden: Int) throws -> (h: Variable, c: Variable) {
        let state = try self["hx"]
        switch state {
        case .none:
            let zeros = Variable(try Tensor.zeros(Array(x.shape.dropLast()) + [hidden]))
            return (zeros, zeros)
        case .tuple(let items) where items.count == 2, .list(let items) where items.count == 2:
            return (try Convert.variable(items[0], "h"), try Convert.variable(items[1], "c"))
        default:
            throw KisoError(
                .type, "`lstm_cell`: hx must be a pair (h, c) or none, got \(state.kindName)",
                hint: "pass the state the previous step returned: h, c = lstm_cell(x, (h, c), …)")
        }
    }
}
