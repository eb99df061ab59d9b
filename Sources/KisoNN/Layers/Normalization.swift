import KisoTensor

/// What `batchNorm` returns: the normalised batch, and in training with running statistics the
/// updated running mean and variance.
public struct BatchNormResult {
    /// The normalised (and scaled, shifted) input.
    public var output: Variable
    /// (1 − momentum)·running_mean + momentum·batch mean, when running statistics were given
    /// in training.
    public var runningMean: Tensor?
    /// (1 − momentum)·running_var + momentum·(unbiased batch variance), likewise.
    public var runningVar: Tensor?
}

/// The shape that lines a per-channel vector up with axis 1 of a rank-`rank` tensor.
private func channelShape(_ channels: Int, rank: Int) -> [Int] {
    var shape = [Int](repeating: 1, count: rank)
    if rank > 1 { shape[1] = channels }
    return shape
}

/// Checks that an optional per-channel vector has `channels` elements.
private func checkChannels(_ v: Variable?, _ name: String, _ channels: Int, op: String) throws {
    guard let v, v.shape != [channels] else { return }
    throw TensorError(
        .shape, "\(op): \(name) of shape \(formatShape(v.shape)) for \(channels) channels — expected (\(channels),)",
        hint: "give one value per channel (axis 1 of the input)")
}

/// `y · weight + bias` with per-channel weight and bias lined up with axis 1.
private func affine(_ y: Variable, weight: Variable?, bias: Variable?) throws -> Variable {
    let shape = channelShape(y.shape[1], rank: y.rank)
    var result = y
    if let weight { result = try result * weight.reshaped(shape) }
    if let bias { result = try result + bias.reshaped(shape) }
    return result
}

/// PyTorch's `batch_norm` over a (N, C, …) input: each channel normalised with statistics over
/// the batch and every other axis. In training the batch's mean and biased variance are used
/// and the running statistics (if given) move towards the batch's (with the unbiased variance,
/// as PyTorch keeps them); in evaluation the running statistics are used.
public func batchNorm(
    _ x: Variable, runningMean: Tensor?, runningVar: Tensor?, weight: Variable? = nil, bias: Variable? = nil,
    training: Bool, momentum: Double = 0.1, epsilon: Double = 1e-5
) throws -> BatchNormResult {
    let op = "batch_norm"
    guard x.rank >= 2 else {
        throw TensorError(
            .shape, "\(op): input of shape \(formatShape(x.shape)) — expected (N, C) or (N, C, …)",
            hint: "put the batch on axis 0 and the channels (features) on axis 1")
    }
    let channels = x.shape[1]
    for (stat, name) in [(runningMean, "running_mean"), (runningVar, "running_var")] {
        if let stat, stat.shape != [channels] {
            throw TensorError(
                .shape,
                "\(op): \(name) of shape \(formatShape(stat.shape)) for \(channels) channels — expected (\(channels),)")
        }
    }
    try checkChannels(weight, "weight", channels, op: op)
    try checkChannels(bias, "bias", channels, op: op)
    let shape = channelShape(channels, rank: x.rank)
    let axes = [0] + Array(2..<x.rank)
    if !training {
        guard let runningMean, let runningVar else {
            throw TensorError(
                .value, "\(op): evaluation (training=false) needs running_mean and running_var",
                hint: "pass the running statistics, or training=true to use the batch's")
        }
        let mean = Variable(try runningMean.reshaped(shape))
        let scale = Variable(try Tensor.add(runningVar, Tensor(epsilon)).sqrt().reshaped(shape))
        let y = try (x - mean) / scale
        return BatchNormResult(output: try affine(y, weight: weight, bias: bias))
    }
    let perChannel = x.count / Swift.max(channels, 1)
    guard perChannel > 1 else {
        throw TensorError(
            .value, "\(op): training needs more than one value per channel, got input of shape \(formatShape(x.shape))",
            hint: "use a batch of two or more, or training=false")
    }
    let mean = try x.mean(axes: axes, keepdims: true)
    let variance = try x.variance(axes: axes, keepdims: true)
    let y = try (x - mean) / (variance + epsilon).sqrt()
    var result = BatchNormResult(output: try affine(y, weight: weight, bias: bias))
    if let runningMean, let runningVar {
        let batchMean = try mean.value.reshaped([channels])
        let unbiased = try Tensor.multiply(
            variance.value.reshaped([channels]), Tensor(Double(perChannel) / Double(perChannel - 1)))
        func moved(_ old: Tensor, _ new: Tensor) throws -> Tensor {
            try Tensor.add(Tensor.multiply(old, Tensor(1 - momentum)), Tensor.multiply(new, Tensor(momentum)))
        }
        result.runningMean = try moved(runningMean, batchMean)
        result.runningVar = try moved(runningVar, unbiased)
    }
    return result
}

/// PyTorch's `group_norm`: the C channels of a (N, C, …) input split into `groups` groups, each
/// sample's group normalised over its channels and positions, then a per-channel affine map.
public func groupNorm(
    _ x: Variable, groups: Int, weight: Variable? = nil, bias: Variable? = nil, epsilon: Double = 1e-5
) throws -> Variable {
    let op = "group_norm"
    guard x.rank >= 2 else {
        throw TensorError(.shape, "\(op): input of shape \(formatShape(x.shape)) — expected (N, C, …)")
    }
    let channels = x.shape[1]
    guard groups >= 1, channels % groups == 0 else {
        throw TensorError(
            .value, "\(op): num_groups=\(groups) must divide the \(channels) channels",
            hint: "choose a divisor of the channel count")
    }
    try checkChannels(weight, "weight", channels, op: op)
    try checkChannels(bias, "bias", channels, op: op)
    let grouped = try x.reshaped([x.shape[0], groups, -1])
    let mean = try grouped.mean(axes: [2], keepdims: true)
    let variance = try grouped.variance(axes: [2], keepdims: true)
    let y = try ((grouped - mean) / (variance + epsilon).sqrt()).reshaped(x.shape)
    return try affine(y, weight: weight, bias: bias)
}

/// PyTorch's `instance_norm` with the input's own statistics: every (sample, channel) plane of a
/// (N, C, …) input normalised over its positions, then a per-channel affine map.
public func instanceNorm(
    _ x: Variable, weight: Variable? = nil, bias: Variable? = nil, epsilon: Double = 1e-5
) throws -> Variable {
    let op = "instance_norm"
    guard x.rank >= 3 else {
        throw TensorError(
            .shape, "\(op): input of shape \(formatShape(x.shape)) — expected (N, C, L) or (N, C, H, W)",
            hint: "instance normalisation needs positions to average over")
    }
    try checkChannels(weight, "weight", x.shape[1], op: op)
    try checkChannels(bias, "bias", x.shape[1], op: op)
    let axes = Array(2..<x.rank)
    let mean = try x.mean(axes: axes, keepdims: true)
    let variance = try x.variance(axes: axes, keepdims: true)
    let y = try (x - mean) / (variance + epsilon).sqrt()
    return try affine(y, weight: weight, bias: bias)
}
