import Glibc

/// The elementwise half of an LSTM step, fused: from the gate pre-activations and the cell state
/// to the new hidden and cell states, in one pass forward and one per output backward. Written
/// as separate operations it is a dozen tape nodes and as many temporaries per time step.
extension Variable {
    /// For pre-activations `gates` (…, 4H) in PyTorch's order i, f, g, o and a cell state `cell`
    /// (…, H): c' = σ(f)·c + σ(i)·tanh(g) and h' = σ(o)·tanh(c').
    public static func lstmCellUpdate(gates: Variable, cell: Variable) throws -> (h: Variable, c: Variable) {
        let width = gates.shape.last ?? 0
        guard gates.rank >= 1, width % 4 == 0, cell.shape == Array(gates.shape.dropLast()) + [width / 4] else {
            throw TensorError.shape(
                "lstm: gates of shape \(formatShape(gates.shape)) and cell state of shape \(formatShape(cell.shape)); expected (…, 4H) and (…, H)"
            )
        }
        let hidden = width / 4
        let rows = hidden == 0 ? 0 : cell.count / hidden
        let z = gates.value.contiguous().storage
        let c = cell.value.contiguous().storage
        // Activations σ(i), σ(f), tanh(g), σ(o) in the gates' layout, kept for the pullbacks.
        var activations = [Double](repeating: 0, count: rows * width)
        var newCell = [Double](repeating: 0, count: rows * hidden)
        var cellTanh = [Double](repeating: 0, count: rows * hidden)
        var newHidden = [Double](repeating: 0, count: rows * hidden)
        for r in 0..<rows {
            let base = r * width
            for k in 0..<hidden {
                let i = 1 / (1 + Glibc.exp(-z[base + k]))
                let f = 1 / (1 + Glibc.exp(-z[base + hidden + k]))
                let g = Glibc.tanh(z[base + 2 * hidden + k])
                let o = 1 / (1 + Glibc.exp(-z[base + 3 * hidden + k]))
                activations[base + k] = i
                activations[base + hidden + k] = f
                activations[base + 2 * hidden + k] = g
                activations[base + 3 * hidden + k] = o
                let next = f * c[r * hidden + k] + i * g
                let t = Glibc.tanh(next)
                newCell[r * hidden + k] = next
                cellTanh[r * hidden + k] = t
                newHidden[r * hidden + k] = o * t
            }
        }
        let gateShape = gates.shape
        let cellShape = cell.shape
        let cNew = record(Tensor(uncheckedShape: cellShape, storage: newCell), gates, cell) {
            g, _, needsGates, needsCell in
            if !g.isTracked && !gates.isTracked && !cell.isTracked {
                let dc = g.value.contiguous().storage
                var dGates = [Double](repeating: 0, count: rows * width)
                var dCell = [Double](repeating: 0, count: rows * hidden)
                for r in 0..<rows {
                    let base = r * width
                    for k in 0..<hidden {
                        let d = dc[r * hidden + k]
                        let i = activations[base + k]
                        let f = activations[base + hidden + k]
                        let gg = activations[base + 2 * hidden + k]
                        dGates[base + k] = d * gg * i * (1 - i)
                        dGates[base + hidden + k] = d * c[r * hidden + k] * f * (1 - f)
                        dGates[base + 2 * hidden + k] = d * i * (1 - gg * gg)
                        dCell[r * hidden + k] = d * f
                    }
                }
                return (
                    needsGates ? Variable(Tensor(uncheckedShape: gateShape, storage: dGates)) : nil,
                    needsCell ? Variable(Tensor(uncheckedShape: cellShape, storage: dCell)) : nil
                )
            }
            let (i, f, gg, _) = try split(gates, hidden)
            let zero = Variable(try Tensor.zeros(cellShape))
            let dGates = try concatenate(
                [g * gg * i * (1 - i), g * cell * f * (1 - f), g * i * (1 - gg * gg), zero], axis: -1)
            return (needsGates ? dGates : nil, needsCell ? try g * f : nil)
        }
        let hNew = record(Tensor(uncheckedShape: cellShape, storage: newHidden), gates, cNew) {
            g, _, needsGates, needsCell in
            if !g.isTracked && !gates.isTracked && !cNew.isTracked {
                let dh = g.value.contiguous().storage
                var dGates = [Double](repeating: 0, count: rows * width)
                var dCell = [Double](repeating: 0, count: rows * hidden)
                for r in 0..<rows {
                    let base = r * width
                    for k in 0..<hidden {
                        let d = dh[r * hidden + k]
                        let o = activations[base + 3 * hidden + k]
                        let t = cellTanh[r * hidden + k]
                        dGates[base + 3 * hidden + k] = d * t * o * (1 - o)
                        dCell[r * hidden + k] = d * o * (1 - t * t)
                    }
                }
                return (
                    needsGates ? Variable(Tensor(uncheckedShape: gateShape, storage: dGates)) : nil,
                    needsCell ? Variable(Tensor(uncheckedShape: cellShape, storage: dCell)) : nil
                )
            }
            let (_, _, _, o) = try split(gates, hidden)
            let t = try cNew.tanh()
            let zero = Variable(try Tensor.zeros(cellShape))
            let dGates = try concatenate([zero, zero, zero, g * t * o * (1 - o)], axis: -1)
            return (needsGates ? dGates : nil, needsCell ? try g * o * (1 - t * t) : nil)
        }
        return (hNew, cNew)
    }

    /// σ(i), σ(f), tanh(g), σ(o) from the pre-activations, as differentiable values (the path
    /// gradients of gradients take).
    private static func split(_ gates: Variable, _ hidden: Int) throws -> (Variable, Variable, Variable, Variable) {
        let lead = [TensorIndex](repeating: .all, count: gates.rank - 1)
        func part(_ k: Int) throws -> Variable {
            try gates.subscripted(lead + [.slice(start: k * hidden, stop: (k + 1) * hidden, step: 1)])
        }
        return (try part(0).sigmoid(), try part(1).sigmoid(), try part(2).tanh(), try part(3).sigmoid())
    }
}
