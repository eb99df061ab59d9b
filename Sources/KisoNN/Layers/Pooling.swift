import KisoTensor

/// The size and placement of pooling windows (PyTorch's `kernel_size`, `stride`, `padding`,
/// `dilation`, `ceil_mode`), per spatial axis (height, width).
public struct PoolingWindow: Sendable {
    /// The window's size.
    public var kernel: (Int, Int)
    /// The step between windows; PyTorch's default is the kernel size.
    public var stride: (Int, Int)
    /// Implicit padding on both sides (−∞ for max pooling, zeros for average pooling).
    public var padding: (Int, Int)
    /// The gap between taps (max pooling only).
    public var dilation: (Int, Int)
    /// Whether a last, partial window is kept (the output size rounds up instead of down).
    public var ceilMode: Bool
    /// Keras's `padding="same"` instead of `padding` and `ceilMode`: ⌈size / stride⌉ windows
    /// per axis, reaching past the input as ``ConvolutionPadding/sameAnyStride`` places them.
    public var sameAnyStride = false

    /// A window; `stride` defaults to `kernel`.
    public init(
        kernel: (Int, Int), stride: (Int, Int)? = nil, padding: (Int, Int) = (0, 0), dilation: (Int, Int) = (1, 1),
        ceilMode: Bool = false
    ) {
        self.kernel = kernel
        self.stride = stride ?? kernel
        self.padding = padding
        self.dilation = dilation
        self.ceilMode = ceilMode
    }

    /// The geometry over an `input`-sized image, with PyTorch's output size: ⌊ or ⌈(size + 2p −
    /// d(k − 1) − 1) / s⌉ + 1, less one when ceil mode's last window would start in the padding.
    func geometry(input: (Int, Int), op: String) throws -> WindowGeometry {
        for (name, pair) in [("kernel_size", kernel), ("stride", stride), ("dilation", dilation)]
        where pair.0 < 1 || pair.1 < 1 {
            throw TensorError(.value, "\(op): \(name) must be at least 1, got \(describe(pair))")
        }
        try checkWindowSettings(
            [("kernel_size", kernel), ("stride", stride), ("dilation", dilation), ("padding", padding)], op: op)
        if sameAnyStride {
            let spans = (dilation.0 * (kernel.0 - 1) + 1, dilation.1 * (kernel.1 - 1) + 1)
            let rows = sameAnyStrideWindows(size: input.0, span: spans.0, stride: stride.0)
            let columns = sameAnyStrideWindows(size: input.1, span: spans.1, stride: stride.1)
            return WindowGeometry(
                input: input, kernel: kernel, stride: stride, padding: (rows.before, columns.before),
                dilation: dilation, output: (rows.output, columns.output))
        }
        guard padding.0 >= 0, padding.1 >= 0, padding.0 * 2 <= kernel.0, padding.1 * 2 <= kernel.1 else {
            throw TensorError(
                .value,
                "\(op): padding \(describe(padding)) must be between 0 and half the kernel size \(describe(kernel))")
        }
        func size(_ n: Int, _ k: Int, _ s: Int, _ p: Int, _ d: Int) -> Int {
            let reach = n + 2 * p - d * (k - 1) - 1
            guard reach >= 0 else { return 0 }
            var out = (ceilMode ? (reach + s - 1) / s : reach / s) + 1
            if ceilMode && (out - 1) * s >= n + p { out -= 1 }
            return out
        }
        let output = (
            size(input.0, kernel.0, stride.0, padding.0, dilation.0),
            size(input.1, kernel.1, stride.1, padding.1, dilation.1)
        )
        guard output.0 > 0, output.1 > 0 else {
            throw TensorError(
                .shape,
                "\(op): a \(describe(kernel)) window does not fit an input of size \(input.0)×\(input.1) with padding \(describe(padding))",
                hint: "use a smaller kernel or pad the input")
        }
        return WindowGeometry(
            input: input, kernel: kernel, stride: stride, padding: padding, dilation: dilation, output: output)
    }
}

/// The input as a stack of single-channel images (N·C, 1, H, W), with what undoes that: the
/// (N, C) or (C) prefix of the result. `spatial` is 1 for (N, C, L) inputs, 2 for images.
private func channelImages(_ x: Variable, spatial: Int, op: String) throws -> (Variable, [Int]) {
    guard x.rank == spatial + 1 || x.rank == spatial + 2 else {
        let layout = spatial == 2 ? "(N, C, H, W) or (C, H, W)" : "(N, C, L) or (C, L)"
        throw TensorError(.shape, "\(op): input of shape \(formatShape(x.shape)) — expected \(layout)")
    }
    let prefix = Array(x.shape.prefix(x.rank - spatial))
    let plane = spatial == 2 ? Array(x.shape.suffix(2)) : [1, x.shape[x.rank - 1]]
    return (try x.reshaped([-1, 1] + plane), prefix)
}

/// PyTorch's `max_pool2d` (and `max_pool1d` with `spatial` 1): the largest value of each
/// window. As in PyTorch the gradient goes to the first maximum of each window.
public func maxPool(_ input: Variable, _ window: PoolingWindow, spatial: Int = 2) throws -> Variable {
    let op = spatial == 2 ? "max_pool2d" : "max_pool1d"
    let (images, prefix) = try channelImages(input, spatial: spatial, op: op)
    let geometry = try window.geometry(input: (images.shape[2], images.shape[3]), op: op)
    let pooled = try images.maxPooled(geometry)
    let outSize = spatial == 2 ? [geometry.output.0, geometry.output.1] : [geometry.output.1]
    return try pooled.reshaped(prefix + outSize)
}

/// PyTorch's `avg_pool2d` (and `avg_pool1d`): the mean of each window, padding counted as zeros
/// when `countIncludePad` (PyTorch's default); a window that ceil mode lets run past the padding
/// divides only by the part inside it.
public func avgPool(
    _ input: Variable, _ window: PoolingWindow, countIncludePad: Bool = true, divisorOverride: Int? = nil,
    spatial: Int = 2
) throws -> Variable {
    let op = spatial == 2 ? "avg_pool2d" : "avg_pool1d"
    guard window.dilation == (1, 1) else { throw TensorError(.value, "\(op): average pooling takes no dilation") }
    if let divisorOverride, divisorOverride < 1 {
        throw TensorError(.value, "\(op): divisor_override must be at least 1, got \(divisorOverride)")
    }
    let (images, prefix) = try channelImages(input, spatial: spatial, op: op)
    let (h, w) = (images.shape[2], images.shape[3])
    let geometry = try window.geometry(input: (h, w), op: op)
    let sums = try images.unfolded(geometry).sum(axes: [1])
    var divisors: [Double] = []
    divisors.reserveCapacity(geometry.positions)
    for oy in 0..<geometry.output.0 {
        for ox in 0..<geometry.output.1 {
            if let divisorOverride {
                divisors.append(Double(divisorOverride))
                continue
            }
            func extent(_ o: Int, _ s: Int, _ p: Int, _ k: Int, _ n: Int) -> (Int, Int) {
                let start = o * s - p
                let end = Swift.min(start + k, n + p)
                return (end - start, Swift.min(end, n) - Swift.max(start, 0))
            }
            let ey = extent(oy, geometry.stride.0, geometry.padding.0, geometry.kernel.0, h)
            let ex = extent(ox, geometry.stride.1, geometry.padding.1, geometry.kernel.1, w)
            divisors.append(Double(countIncludePad ? ey.0 * ex.0 : ey.1 * ex.1))
        }
    }
    let means = try sums / Variable(Tensor(divisors))
    let outSize = spatial == 2 ? [geometry.output.0, geometry.output.1] : [geometry.output.1]
    return try means.reshaped(prefix + outSize)
}

/// PyTorch's `adaptive_avg_pool2d`: the mean over output cell (i, j)'s bin of rows
/// ⌊i·H/oH⌋ ..< ⌈(i+1)·H/oH⌉ (likewise columns), written as two averaging matrices, A·X·Bᵀ.
public func adaptiveAvgPool2d(_ input: Variable, outputSize: (Int, Int)) throws -> Variable {
    let op = "adaptive_avg_pool2d"
    guard input.rank == 3 || input.rank == 4 else {
        throw TensorError(
            .shape, "\(op): input of shape \(formatShape(input.shape)) — expected (N, C, H, W) or (C, H, W)")
    }
    guard outputSize.0 >= 1, outputSize.1 >= 1 else {
        throw TensorError(.value, "\(op): output_size must be at least 1, got \(describe(outputSize))")
    }
    func averaging(_ n: Int, _ out: Int) throws -> Tensor {
        var scalars = [Double](repeating: 0, count: out * n)
        for i in 0..<out {
            let start = i * n / out
            let end = ((i + 1) * n + out - 1) / out
            for j in start..<end { scalars[i * n + j] = 1 / Double(end - start) }
        }
        return try Tensor(shape: [out, n], scalars: scalars)
    }
    let rows = try averaging(input.shape[input.rank - 2], outputSize.0)
    let columns = try averaging(input.shape[input.rank - 1], outputSize.1).transposed()
    return try Variable.matmul(Variable.matmul(Variable(rows), input), Variable(columns))
}
