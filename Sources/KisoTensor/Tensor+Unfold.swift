/// Where a sliding window reads a batch of images: the window's size and dilation, how far it
/// starts before the image (padding), its stride, and how many positions it takes in each
/// direction. Positions outside the image read a fill value instead.
///
/// Convolution and pooling are built on this: `unfold` (im2col) copies every window into a
/// column, so a convolution becomes one matrix product; `fold` (col2im) adds columns back into
/// an image and is unfold's adjoint.
public struct WindowGeometry: Equatable, Sendable {
    /// The input's spatial size (height, width).
    public var input: (Int, Int)
    /// The window's size (kH, kW).
    public var kernel: (Int, Int)
    /// The step between positions (sH, sW).
    public var stride: (Int, Int)
    /// How far before the first row and column the first window starts (pH, pW).
    public var padding: (Int, Int)
    /// The gap between the window's taps (dH, dW); 1 means adjacent.
    public var dilation: (Int, Int)
    /// The number of window positions (outH, outW).
    public var output: (Int, Int)

    /// A geometry with every field given.
    public init(
        input: (Int, Int), kernel: (Int, Int), stride: (Int, Int), padding: (Int, Int), dilation: (Int, Int),
        output: (Int, Int)
    ) {
        self.input = input
        self.kernel = kernel
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
        self.output = output
    }

    /// The number of taps of one window, kH·kW.
    public var taps: Int { kernel.0 * kernel.1 }
    /// The number of window positions, outH·outW.
    public var positions: Int { output.0 * output.1 }

    public static func == (a: WindowGeometry, b: WindowGeometry) -> Bool {
        a.input == b.input && a.kernel == b.kernel && a.stride == b.stride && a.padding == b.padding
            && a.dilation == b.dilation && a.output == b.output
    }
}

extension Tensor {
    /// im2col: for a (N, C, H, W) tensor, the (N, C·kH·kW, outH·outW) tensor whose column l
    /// holds the window at position l, row c·kH·kW + i·kW + j its tap (i, j) of channel c
    /// (PyTorch's `unfold` layout). Taps outside the image read `fill`.
    public func unfold(_ geometry: WindowGeometry, fill: Double = 0) throws -> Tensor {
        let op = "unfold"
        guard rank == 4 else {
            throw TensorError.shape(
                "\(op): expected a (N, C, H, W) tensor, got shape \(formatShape(shape))",
                hint: "add the batch and channel axes with reshape")
        }
        let (n, c, h, w) = (shape[0], shape[1], shape[2], shape[3])
        guard (h, w) == geometry.input else {
            throw TensorError.shape(
                "\(op): input of size \(h)×\(w) for a geometry made for \(geometry.input.0)×\(geometry.input.1)")
        }
        let rows = try Tensor.checkedCount(of: [c, geometry.taps], op: op)
        let total = try Tensor.checkedCount(of: [n, rows, geometry.positions], op: op)
        let source = contiguous().storage
        let g = geometry
        let (outH, outW) = g.output
        let plane = h * w
        let out = [Double](unsafeUninitializedCapacity: total) { buffer, initialized in
            source.withUnsafeBufferPointer { input in
                var next = 0
                for image in 0..<(n * c) {
                    let base = image * plane
                    for i in 0..<g.kernel.0 {
                        for j in 0..<g.kernel.1 {
                            for oy in 0..<outH {
                                let y = oy * g.stride.0 - g.padding.0 + i * g.dilation.0
                                if y < 0 || y >= h {
                                    for _ in 0..<outW {
                                        buffer[next] = fill
                                        next += 1
                                    }
                                    continue
                                }
                                let row = base + y * w
                                var x = j * g.dilation.1 - g.padding.1
                                for _ in 0..<outW {
                                    buffer[next] = x >= 0 && x < w ? input[row + x] : fill
                                    next += 1
                                    x += g.stride.1
                                }
                            }
                        }
                    }
                }
            }
            initialized = total
        }
        return Tensor(uncheckedShape: [n, rows, geometry.positions], storage: out)
    }

    /// col2im, unfold's adjoint: for a (N, C·kH·kW, outH·outW) tensor, the (N, C, H, W) image in
    /// which every tap adds its value at the pixel it was read from (taps outside the image are
    /// dropped).
    public func fold(_ geometry: WindowGeometry) throws -> Tensor {
        let op = "fold"
        let g = geometry
        guard rank == 3, g.taps > 0, shape[1] % g.taps == 0, shape[2] == g.positions else {
            throw TensorError.shape(
                "\(op): expected (N, C·\(g.taps), \(g.positions)) columns for a \(g.kernel.0)×\(g.kernel.1) window at \(g.output.0)×\(g.output.1) positions, got shape \(formatShape(shape))"
            )
        }
        let n = shape[0]
        let c = shape[1] / g.taps
        let (h, w) = g.input
        let (outH, outW) = g.output
        let plane = h * w
        let total = try Tensor.checkedCount(of: [n, c, h, w], op: op)
        let source = contiguous().storage
        var out = [Double](repeating: 0, count: total)
        source.withUnsafeBufferPointer { input in
            out.withUnsafeMutableBufferPointer { buffer in
                var next = 0
                for image in 0..<(n * c) {
                    let base = image * plane
                    for i in 0..<g.kernel.0 {
                        for j in 0..<g.kernel.1 {
                            for oy in 0..<outH {
                                let y = oy * g.stride.0 - g.padding.0 + i * g.dilation.0
                                if y < 0 || y >= h {
                                    next += outW
                                    continue
                                }
                                let row = base + y * w
                                var x = j * g.dilation.1 - g.padding.1
                                for _ in 0..<outW {
                                    if x >= 0 && x < w { buffer[row + x] += input[next] }
                                    next += 1
                                    x += g.stride.1
                                }
                            }
                        }
                    }
                }
            }
        }
        return Tensor(uncheckedShape: [n, c, h, w], storage: out)
    }
}
