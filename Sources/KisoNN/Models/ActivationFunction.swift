import KisoTensor

/// An activation named as Keras names it (`"relu"`, `"softmax"`, …), on variables.
public enum ActivationFunction: String, CaseIterable, Sendable {
    case linear, relu, sigmoid, tanh, softmax, gelu, elu, selu, softplus, swish, silu, exponential
    case leakyRelu = "leaky_relu"
    case logSoftmax = "log_softmax"

    /// The activation called `name`, or an error listing the known names.
    public init(named name: String, op: String) throws {
        guard let known = ActivationFunction(rawValue: name) else {
            throw TensorError(
                .value, "\(op): unknown activation \"\(name)\"",
                hint: "use one of " + ActivationFunction.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))
        }
        self = known
    }

    /// The activation applied to `x` (softmax over the last axis; leaky ReLU with Keras's
    /// slope 0.2, where PyTorch's default is 0.01).
    public func callAsFunction(_ x: Variable) throws -> Variable {
        switch self {
        case .linear: return x
        case .relu: return try x.relu()
        case .sigmoid: return try x.sigmoid()
        case .tanh: return try x.tanh()
        case .softmax: return try x.softmax(axis: -1)
        case .logSoftmax: return try x.logSoftmax(axis: -1)
        case .gelu: return try KisoNN.gelu(x)
        case .elu: return try KisoNN.elu(x)
        case .selu: return try KisoNN.selu(x)
        case .softplus: return try x.softplus()
        case .swish, .silu: return try KisoNN.silu(x)
        case .exponential: return try x.exp()
        case .leakyRelu: return try KisoNN.leakyRelu(x, negativeSlope: 0.2)
        }
    }
}
