import KisoTensor

/// Keras's images are channels-last, (N, H, W, C); the functional layers follow PyTorch's
/// channels-first (N, C, H, W). These move the channel axis across and back.
extension Variable {
    /// (N, …, C) → (N, C, …).
    func channelsFirst() throws -> Variable {
        guard rank > 2 else { return self }
        return try transposed([0, rank - 1] + Array(1..<(rank - 1)))
    }

    /// (N, C, …) → (N, …, C).
    func channelsLast() throws -> Variable {
        guard rank > 2 else { return self }
        return try transposed([0] + Array(2..<rank) + [1])
    }
}

/// Keras's `padding` argument: "valid" (none) or "same" (the output keeps the input's size at
/// stride 1).
public enum KerasPadding: String, Sendable {
    case valid, same

    /// The padding called `name`.
    public init(named name: String, op: String) throws {
        guard let known = KerasPadding(rawValue: name.lowercased()) else {
            throw TensorError(.value, "\(op): padding must be \"valid\" or \"same\", got \"\(name)\"")
        }
        self = known
    }

    /// The output length along one axis of `size` for a window `kernel` at `stride`.
    func outputLength(_ size: Int, kernel: Int, stride: Int, dilation: Int = 1, op: String) throws -> Int {
        switch self {
        case .same: return (size + stride - 1) / stride
        case .valid:
            let span = dilation * (kernel - 1) + 1
            guard size >= span else {
                throw TensorError(
                    .shape, "\(op): an input of size \(size) is smaller than the window \(span)",
                    hint: "use padding=\"same\" or a smaller kernel")
            }
            return (size - span) / stride + 1
        }
    }
}
