import Glibc
import KisoTensor

/// Whose initialisers to reproduce. The two libraries agree on the variances but not on the
/// layout of a weight's shape nor on the normal draws.
public enum InitializerConvention: String, Sendable {
    /// PyTorch's `torch.nn.init`: shapes (out, in, k…), and `xavier_normal_` / `kaiming_normal_`
    /// draw from a plain normal.
    case torch
    /// Keras's `keras.initializers`: shapes (k…, in, out), and `GlorotNormal` / `HeNormal` draw
    /// from a normal truncated at two standard deviations (values beyond are drawn again) whose
    /// parameter is widened by 1/0.8796… so that the draws keep the intended standard deviation.
    case keras
}

/// The standard deviation of a standard normal truncated to [−2, 2]: Keras divides by it.
let truncatedNormalStandardDeviation = 0.87962566103423978

/// Rounds of redrawing before a truncated draw gives up; each round keeps 95.4 % of the draws,
/// so 64 rounds leave a value undrawn with probability 0.046⁶⁴ per element.
private let truncationRounds = 64

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

    /// (fan_in, fan_out) of a weight of `shape` under `convention`; a 1-d shape has fan_in =
    /// fan_out = its length (Keras's rule; PyTorch refuses it).
    public static func fans(_ shape: [Int], convention: InitializerConvention) throws -> (fanIn: Int, fanOut: Int) {
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
            let receptive = convention == .torch ? shape.dropFirst(2).reduce(1, *) : shape.dropLast(2).reduce(1, *)
            let (inSize, outSize) =
                convention == .torch ? (shape[1], shape[0]) : (shape[shape.count - 2], shape[shape.count - 1])
            return (inSize * receptive, outSize * receptive)
        }
    }

    /// A weight of `shape` drawn from `generator`. `gain` defaults to 1 for Xavier and √2 (ReLU)
    /// for He; `fanOut` makes He use fan_out (PyTorch's mode="fan_out"). Under Keras's convention
    /// the normal initialisers truncate (see `InitializerConvention.keras`).
    public func draw(
        _ shape: [Int], generator: Generator, gain: Double? = nil, convention: InitializerConvention = .torch,
        fanOut: Bool = false
    ) throws -> Tensor {
        let (fanIn, fanOutSize) = try Initializer.fans(shape, convention: convention)
        guard fanIn > 0, fanOutSize > 0 else {
            throw TensorError(.value, "initializer: shape \(formatShape(shape)) has a fan of 0")
        }
        switch self {
        case .xavierUniform:
            let bound = (gain ?? 1) * Glibc.sqrt(6 / Double(fanIn + fanOutSize))
            return try generator.uniform(low: -bound, high: bound, size: shape)
        case .xavierNormal:
            let std = (gain ?? 1) * Glibc.sqrt(2 / Double(fanIn + fanOutSize))
            return try Initializer.normal(shape, std: std, generator: generator, convention: convention)
        case .heUniform:
            let bound = (gain ?? Glibc.sqrt(2)) * Glibc.sqrt(3 / Double(fanOut ? fanOutSize : fanIn))
            return try generator.uniform(low: -bound, high: bound, size: shape)
        case .heNormal:
            let std = (gain ?? Glibc.sqrt(2)) / Glibc.sqrt(Double(fanOut ? fanOutSize : fanIn))
            return try Initializer.normal(shape, std: std, generator: generator, convention: convention)
        }
    }

    /// Normal draws whose standard deviation is `std`: plain (PyTorch), or Keras's normal of
    /// parameter std/0.8796… truncated at two of those parameters.
    private static func normal(
        _ shape: [Int], std: Double, generator: Generator, convention: InitializerConvention
    ) throws -> Tensor {
        guard convention == .keras else { return try generator.normal(loc: 0, scale: std, size: shape) }
        var values = try generator.standardNormal(shape).scalars
        var outside = values.indices.filter { abs(values[$0]) > 2 }
        for _ in 0..<truncationRounds where !outside.isEmpty {
            let redrawn = try generator.standardNormal([outside.count]).scalars
            for (i, z) in zip(outside, redrawn) { values[i] = z }
            outside = outside.filter { abs(values[$0]) > 2 }
        }
        guard outside.isEmpty else {
            throw TensorError(
                .value, "initializer: the truncated normal did not settle after \(truncationRounds) rounds")
        }
        let scale = std / truncatedNormalStandardDeviation
        return try Tensor(shape: shape, scalars: values.map { $0 * scale })
    }
}
