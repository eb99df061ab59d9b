import Glibc
import KisoTensor

/// Whose convention decides which axes of a weight are its inputs and outputs.
public enum FanLayout: String, Sendable {
    /// PyTorch: (out, in, k…) — fan_in = in·k…, fan_out = out·k…
    case torch
    /// Keras: (k…, in, out) — fan_in = in·k…, fan_out = out·k…
    case keras
}

/// The weight initialisers of Glorot & Bengio (Xavier) and He et al. (Kaiming).
public enum Initializer: Sendable {
    /// Uniform on ±gain·√(6/(fan_in + fan_out)).
    case xavierUniform
    /// Normal with standard deviation gain·√(2/(fan_in + fan_out)).
    case xavierNormal
    /// Uniform on ±gain·√(3/fan) (fan_in by default); gain √2 gives ±√(6/fan_in).
    case heUniform
    /// Normal with standard deviation gain/√fan; gain √2 gives √(2/fan_in).
    case heNormal

    /// (fan_in, fan_out) of a weight of `shape` under `layout`; a 1-d shape has fan_in = fan_out
    /// = its length (Keras's rule; PyTorch refuses it).
    public static func fans(_ shape: [Int], layout: FanLayout) throws -> (fanIn: Int, fanOut: Int) {
        switch shape.count {
        case 0:
            throw TensorError(
                .shape, "initializer: a 0-d weight has no fan in or out", hint: "give a shape such as [out, in]")
        case 1: return (shape[0], shape[0])
        default:
            // Sizes beyond what could ever be drawn are refused before their products overflow.
            guard shape.allSatisfy({ $0 >= 0 && $0 <= largestWindowSetting }),
                shape.reduce(1.0, { $0 * Double($1) }) <= Double(TensorLimits.maxBytes)
            else {
                throw TensorError(
                    .memory, "initializer: shape \(formatShape(shape)) is too large or has a negative size")
            }
            let receptive = layout == .torch ? shape.dropFirst(2).reduce(1, *) : shape.dropLast(2).reduce(1, *)
            let (inSize, outSize) =
                layout == .torch ? (shape[1], shape[0]) : (shape[shape.count - 2], shape[shape.count - 1])
            return (inSize * receptive, outSize * receptive)
        }
    }

    /// A weight of `shape` drawn from `generator`. `gain` defaults to 1 for Xavier and √2 (ReLU)
    /// for He; `fanOut` makes He use fan_out (PyTorch's mode="fan_out").
    public func draw(
        _ shape: [Int], generator: Generator, gain: Double? = nil, layout: FanLayout = .torch, fanOut: Bool = false
    ) throws -> Tensor {
        let (fanIn, fanOutSize) = try Initializer.fans(shape, layout: layout)
        guard fanIn > 0, fanOutSize > 0 else {
            throw TensorError(.value, "initializer: shape \(formatShape(shape)) has a fan of 0")
        }
        switch self {
        case .xavierUniform:
            let bound = (gain ?? 1) * Glibc.sqrt(6 / Double(fanIn + fanOutSize))
            return try generator.uniform(low: -bound, high: bound, size: shape)
        case .xavierNormal:
            let std = (gain ?? 1) * Glibc.sqrt(2 / Double(fanIn + fanOutSize))
            return try generator.normal(loc: 0, scale: std, size: shape)
        case .heUniform:
            let bound = (gain ?? Glibc.sqrt(2)) * Glibc.sqrt(3 / Double(fanOut ? fanOutSize : fanIn))
            return try generator.uniform(low: -bound, high: bound, size: shape)
        case .heNormal:
            let std = (gain ?? Glibc.sqrt(2)) / Glibc.sqrt(Double(fanOut ? fanOutSize : fanIn))
            return try generator.normal(loc: 0, scale: std, size: shape)
        }
    }
}
