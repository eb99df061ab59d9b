import KisoTensor

/// An optimizer: state kept between steps, and a functional `step` that takes the parameters
/// and their gradients and returns the updated parameters (the inputs are values, untouched).
///
/// Parameters are matched to their state by position, so pass them in the same order every
/// step (a tree's leaves always come in the same order).
public protocol Optimizer {
    /// The step size the next update uses; a schedule may change it between steps.
    var learningRate: Double { get set }
    /// The updated parameters after one step on `grads`.
    mutating func step(_ params: [Tensor], _ grads: [Tensor]) throws -> [Tensor]
}

extension Optimizer {
    /// One step over a tree of parameters, returning a tree of the same structure.
    public mutating func step(_ params: Tree<Tensor>, _ grads: Tree<Tensor>) throws -> Tree<Tensor> {
        guard params.hasSameStructure(as: grads) else {
            throw TensorError(
                .value, "step: the gradients' structure differs from the parameters'",
                hint: "pass the gradient tree that grad returned for these parameters")
        }
        return try params.replacingLeaves(with: step(params.leaves, grads.leaves))
    }
}

/// Parameters and gradients as flat float arrays, checked to pair up, for an update loop.
struct ParameterPairs {
    var params: [[Double]]
    var grads: [[Double]]
    var shapes: [[Int]]

    init(_ params: [Tensor], _ grads: [Tensor], op: String) throws {
        guard params.count == grads.count else {
            throw TensorError(
                .value, "\(op): \(params.count) parameters but \(grads.count) gradients",
                hint: "pass one gradient per parameter, in the same order")
        }
        for (i, (p, g)) in zip(params, grads).enumerated() where p.shape != g.shape {
            throw TensorError(
                .shape,
                "\(op): parameter \(i) has shape \(formatShape(p.shape)) but its gradient has \(formatShape(g.shape))",
                hint: "pass the gradients in the order of the parameters")
        }
        self.params = params.map(\.scalars)
        self.grads = grads.map(\.scalars)
        self.shapes = params.map(\.shape)
    }

    /// The updated values as tensors of the parameters' shapes.
    func tensors(_ values: [[Double]]) throws -> [Tensor] {
        try zip(shapes, values).map { try Tensor(shape: $0, scalars: $1) }
    }
}

/// Fresh zero state for each parameter, or the existing state when it still fits.
func zeroState(_ state: [[Double]], like params: [[Double]]) -> [[Double]] {
    if state.count == params.count && zip(state, params).allSatisfy({ $0.count == $1.count }) { return state }
    return params.map { [Double](repeating: 0, count: $0.count) }
}
