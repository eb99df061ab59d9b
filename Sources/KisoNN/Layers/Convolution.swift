import KisoTensor

/// How far a convolution's windows reach past the input's edges (PyTorch's `padding`).
public enum ConvolutionPadding: Equatable, Sendable {
    /// The same number of zeros on both sides of each spatial axis (height, width).
    case explicit(Int, Int)
    /// No padding: every window lies inside the input.
    case valid
    /// As many zeros as keep the output the input's size at stride 1; an odd total puts the
    /// extra zero after the input, as PyTorch does.
    case same
    /// Keras's and TensorFlow's "same" at any stride: ⌈size / stride⌉ outputs, with the zeros
    /// they need split as `same` splits them (the extra one after). At stride 1 it is `same`;
    /// PyTorch refuses "same" with strides.
    case sameAnyStride
}

/// Keras's "same" placement along one axis of `size` for a window covering `span` at `stride`:
/// ⌈size / stride⌉ windows and the zeros before the first (the total is split with the extra
/// zero after the input, as TensorFlow does).
func sameAnyStrideWindows(size: Int, span: Int, stride: Int) -> (before: Int, output: Int) {
    let output = (size + stride - 1) / stride
    let total = Swift.max((output - 1) * stride + span - size, 0)
    return (total / 2, output)
}

/// The spatial geometry of a convolution of an `input`-sized image with a `kernel`-sized
/// filter, checked, for the operation `op`.
func convolutionGeometry(
    input: (Int, Int), kernel: (Int, Int), stride: (Int, Int), padding: ConvolutionPadding,
    dilation: (Int, Int), op: String
) throws -> WindowGeometry {
    for (name, pair) in [("stride", stride), ("dilation", dilation)] where pair.0 < 1 || pair.1 < 1 {
        throw TensorError(.value, "\(op): \(name) must be at least 1, got \(describe(pair))")
    }
    var settings = [("stride", stride), ("dilation", dilation), ("kernel", kernel), ("input", input)]
    if case .explicit(let h, let w) = padding { settings.append(("padding", (h, w))) }
    try checkWindowSettings(settings, op: op)
    var before = (0, 0)
    var after = (0, 0)
    switch padding {
    case .explicit(let h, let w):
        guard h >= 0, w >= 0 else {
            throw TensorError(.value, "\(op): padding must be 0 or more, got \(describe((h, w)))")
        }
        before = (h, w)
        after = (h, w)
    case .valid: break
    case .same:
        guard stride == (1, 1) else {
            throw TensorError(
                .value, "\(op): padding=\"same\" needs stride 1, got \(describe(stride))",
                hint: "give the padding as numbers when striding")
        }
        let total = (dilation.0 * (kernel.0 - 1), dilation.1 * (kernel.1 - 1))
        before = (total.0 / 2, total.1 / 2)
        after = (total.0 - before.0, total.1 - before.1)
    case .sameAnyStride:
        let spans = (dilation.0 * (kernel.0 - 1) + 1, dilation.1 * (kernel.1 - 1) + 1)
        let rows = sameAnyStrideWindows(size: input.0, span: spans.0, stride: stride.0)
        let columns = sameAnyStrideWindows(size: input.1, span: spans.1, stride: stride.1)
        return WindowGeometry(
            input: input, kernel: kernel, stride: stride, padding: (rows.before, columns.before), dilation: dilation,
            output: (rows.output, columns.output))
    }
    let span = (dilation.0 * (kernel.0 - 1) + 1, dilation.1 * (kernel.1 - 1) + 1)
    let padded = (input.0 + before.0 + after.0, input.1 + before.1 + after.1)
    guard padded.0 >= span.0, padded.1 >= span.1 else {
        throw TensorError(
            .shape,
            "\(op): the input is \(input.0)×\(input.1) after padding \(padded.0)×\(padded.1), smaller than the \(span.0)×\(span.1) the dilated kernel covers",
            hint: "pad the input or use a smaller kernel")
    }
    let output = ((padded.0 - span.0) / stride.0 + 1, (padded.1 - span.1) / stride.1 + 1)
    return WindowGeometry(
        input: input, kernel: kernel, stride: stride, padding: before, dilation: dilation, output: output)
}

/// PyTorch's `conv2d`: the cross-correlation of a (N, C, H, W) input — or an unbatched
/// (C, H, W) one — with (O, C/groups, kH, kW) filters, plus a bias of O values.
///
/// Each filter's windows are unfolded into columns (im2col), so the whole convolution is one
/// batched matrix product; its gradient comes from the product's and unfold's.
public func conv2d(
    _ input: Variable, _ weight: Variable, bias: Variable? = nil, stride: (Int, Int) = (1, 1),
    padding: ConvolutionPadding = .explicit(0, 0), dilation: (Int, Int) = (1, 1), groups: Int = 1
) throws -> Variable {
    try convolution(
        input, weight, bias: bias, stride: stride, padding: padding, dilation: dilation, groups: groups,
        op: "conv2d", spatial: 2)
}

/// PyTorch's `conv1d`: a (N, C, L) or (C, L) input with (O, C/groups, k) filters; computed as a
/// conv2d of height 1.
public func conv1d(
    _ input: Variable, _ weight: Variable, bias: Variable? = nil, stride: Int = 1,
    padding: ConvolutionPadding = .explicit(0, 0), dilation: Int = 1, groups: Int = 1
) throws -> Variable {
    let flat: ConvolutionPadding
    switch padding {
    case .explicit(_, let p): flat = .explicit(0, p)
    default: flat = padding
    }
    return try convolution(
        input, weight, bias: bias, stride: (1, stride), padding: flat, dilation: (1, dilation), groups: groups,
        op: "conv1d", spatial: 1)
}

/// Shared by conv1d and conv2d: `spatial` is the number of spatial axes the caller's tensors have.
private func convolution(
    _ input: Variable, _ weight: Variable, bias: Variable?, stride: (Int, Int), padding: ConvolutionPadding,
    dilation: (Int, Int), groups: Int, op: String, spatial: Int
) throws -> Variable {
    let layout = spatial == 2 ? "(N, C, H, W) or (C, H, W)" : "(N, C, L) or (C, L)"
    let weightLayout = spatial == 2 ? "(out, in, kH, kW)" : "(out, in, k)"
    guard input.rank == spatial + 1 || input.rank == spatial + 2 else {
        throw TensorError(
            .shape, "\(op): input of shape \(formatShape(input.shape)) — expected \(layout)",
            hint: "add a batch axis of 1 with reshape for a single example")
    }
    guard weight.rank == spatial + 2 else {
        throw TensorError(
            .shape, "\(op): weight of shape \(formatShape(weight.shape)) — expected \(weightLayout)")
    }
    guard groups >= 1 else { throw TensorError(.value, "\(op): groups must be at least 1, got \(groups)") }
    let batched = input.rank == spatial + 2
    var x = batched ? input : try input.expandingDims(0)
    var w = weight
    if spatial == 1 {
        x = try x.expandingDims(2)
        w = try w.expandingDims(2)
    }
    let (n, c, h, width) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
    let (out, perGroup, kh, kw) = (w.shape[0], w.shape[1], w.shape[2], w.shape[3])
    guard c % groups == 0, out % groups == 0 else {
        throw TensorError(
            .value, "\(op): groups=\(groups) must divide the input channels (\(c)) and the output channels (\(out))")
    }
    guard perGroup * groups == c else {
        let expected = groups == 1 ? "\(perGroup)" : "\(perGroup) per group (\(perGroup * groups) in all)"
        throw TensorError(
            .shape,
            "\(op): input has \(c) channel\(c == 1 ? "" : "s"), weight expects \(expected) — weight is \(weightLayout)",
            hint: "the weight's second size is the number of input channels divided by groups")
    }
    if let bias, bias.shape != [out] {
        throw TensorError(
            .shape, "\(op): bias of shape \(formatShape(bias.shape)) for \(out) output channels — expected (\(out),)")
    }
    let geometry = try convolutionGeometry(
        input: (h, width), kernel: (kh, kw), stride: stride, padding: padding, dilation: dilation, op: op)
    let columns = try x.unfolded(geometry)
    let depth = perGroup * kh * kw
    var y: Variable
    if groups == 1 {
        y = try Variable.matmul(w.reshaped([out, depth]), columns)
    } else {
        let grouped = try columns.reshaped([n, groups, depth, geometry.positions])
        y = try Variable.matmul(w.reshaped([groups, out / groups, depth]), grouped)
    }
    var shape = [n, out, geometry.output.0, geometry.output.1]
    if spatial == 1 { shape.remove(at: 2) }
    y = try y.reshaped(shape)
    if let bias { y = try y + bias.reshaped([out] + [Int](repeating: 1, count: spatial)) }
    return batched ? y : try y.squeezed([0])
}

/// PyTorch's `conv_transpose2d`: the adjoint of conv2d, which spreads each input pixel over a
/// kernel-sized patch of the output. Input (N, Cin, H, W) or (Cin, H, W); weight
/// (Cin, Cout/groups, kH, kW); the output is (H − 1)·stride − 2·padding + dilation·(kH − 1) +
/// output_padding + 1 high (likewise wide).
public func convTranspose2d(
    _ input: Variable, _ weight: Variable, bias: Variable? = nil, stride: (Int, Int) = (1, 1),
    padding: (Int, Int) = (0, 0), outputPadding: (Int, Int) = (0, 0), groups: Int = 1,
    dilation: (Int, Int) = (1, 1)
) throws -> Variable {
    let op = "conv_transpose2d"
    guard input.rank == 3 || input.rank == 4 else {
        throw TensorError(
            .shape, "\(op): input of shape \(formatShape(input.shape)) — expected (N, C, H, W) or (C, H, W)")
    }
    guard weight.rank == 4 else {
        throw TensorError(
            .shape, "\(op): weight of shape \(formatShape(weight.shape)) — expected (in, out/groups, kH, kW)")
    }
    guard groups >= 1 else { throw TensorError(.value, "\(op): groups must be at least 1, got \(groups)") }
    let batched = input.rank == 4
    let x = batched ? input : try input.expandingDims(0)
    let (n, c, h, width) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
    let (inChannels, perGroup, kh, kw) = (weight.shape[0], weight.shape[1], weight.shape[2], weight.shape[3])
    guard inChannels == c else {
        throw TensorError(
            .shape, "\(op): input has \(c) channels, weight expects \(inChannels) — weight is (in, out/groups, kH, kW)")
    }
    guard c % groups == 0 else {
        throw TensorError(.value, "\(op): groups=\(groups) must divide the input channels (\(c))")
    }
    for (name, pair) in [("stride", stride), ("dilation", dilation)] where pair.0 < 1 || pair.1 < 1 {
        throw TensorError(.value, "\(op): \(name) must be at least 1, got \(describe(pair))")
    }
    try checkWindowSettings(
        [("stride", stride), ("dilation", dilation), ("padding", padding), ("output_padding", outputPadding)],
        op: op)
    guard padding.0 >= 0, padding.1 >= 0, outputPadding.0 >= 0, outputPadding.1 >= 0,
        outputPadding.0 < Swift.max(stride.0, dilation.0), outputPadding.1 < Swift.max(stride.1, dilation.1)
    else {
        throw TensorError(
            .value,
            "\(op): padding \(describe(padding)) and output_padding \(describe(outputPadding)) — both must be 0 or more, and output_padding smaller than the stride or the dilation"
        )
    }
    let outH = (h - 1) * stride.0 - 2 * padding.0 + dilation.0 * (kh - 1) + outputPadding.0 + 1
    let outW = (width - 1) * stride.1 - 2 * padding.1 + dilation.1 * (kw - 1) + outputPadding.1 + 1
    guard outH > 0, outW > 0 else {
        throw TensorError(.shape, "\(op): the output would be \(outH)×\(outW); reduce the padding")
    }
    let out = perGroup * groups
    if let bias, bias.shape != [out] {
        throw TensorError(
            .shape, "\(op): bias of shape \(formatShape(bias.shape)) for \(out) output channels — expected (\(out),)")
    }
    // The output image plays the convolution's input; the given input its positions.
    let geometry = WindowGeometry(
        input: (outH, outW), kernel: (kh, kw), stride: stride, padding: padding, dilation: dilation, output: (h, width))
    let depth = perGroup * kh * kw
    let perInput = c / groups
    let filters = try weight.reshaped([groups, perInput, depth]).swappingLastTwoAxes()
    let pixels = try x.reshaped([n, groups, perInput, h * width])
    let columns = try Variable.matmul(filters, pixels).reshaped([n, out * kh * kw, h * width])
    var y = try columns.folded(geometry)
    if let bias { y = try y + bias.reshaped([out, 1, 1]) }
    return batched ? y : try y.squeezed([0])
}

/// PyTorch's `F.unfold` (im2col) on a (N, C, H, W) or (C, H, W) input: every kernel-sized window
/// as a column, (N, C·kH·kW, L) with L the number of window positions.
public func unfold(
    _ input: Variable, kernel: (Int, Int), dilation: (Int, Int) = (1, 1), padding: (Int, Int) = (0, 0),
    stride: (Int, Int) = (1, 1)
) throws -> Variable {
    let op = "unfold"
    guard input.rank == 3 || input.rank == 4 else {
        throw TensorError(
            .shape, "\(op): input of shape \(formatShape(input.shape)) — expected (N, C, H, W) or (C, H, W)")
    }
    guard kernel.0 >= 1, kernel.1 >= 1 else {
        throw TensorError(.value, "\(op): kernel_size must be at least 1, got \(describe(kernel))")
    }
    let batched = input.rank == 4
    let x = batched ? input : try input.expandingDims(0)
    let geometry = try convolutionGeometry(
        input: (x.shape[2], x.shape[3]), kernel: kernel, stride: stride,
        padding: .explicit(padding.0, padding.1), dilation: dilation, op: op)
    let columns = try x.unfolded(geometry)
    return batched ? columns : try columns.squeezed([0])
}
