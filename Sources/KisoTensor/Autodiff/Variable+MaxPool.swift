/// Max pooling as one differentiable operation: each window's largest tap found in one pass,
/// and the gradient sent back to it. Written as unfold, argmax and an advanced-index gather it
/// is four passes and a generic scatter per call: a third of the digits CNN's training step.
extension Variable {
    /// The largest tap of each `geometry` window of a (N, C, H, W) value: (N, C, outH, outW).
    /// Taps are compared in the window's row-major order and the first maximum wins (a NaN wins
    /// at once, as `argmax` decides); taps outside the image read −∞. The gradient goes to the
    /// winning pixel only, as PyTorch's `max_pool2d` sends it.
    public func maxPooled(_ geometry: WindowGeometry) throws -> Variable {
        let op = "max_pool2d"
        guard rank == 4 else {
            throw TensorError.shape("\(op): expected a (N, C, H, W) tensor, got shape \(formatShape(shape))")
        }
        let (n, c, h, w) = (shape[0], shape[1], shape[2], shape[3])
        guard (h, w) == geometry.input else {
            throw TensorError.shape(
                "\(op): input of size \(h)×\(w) for a geometry made for \(geometry.input.0)×\(geometry.input.1)")
        }
        let g = geometry
        let total = try Tensor.checkedCount(of: [n, c, g.output.0, g.output.1], op: op)
        let source = value.contiguous().storage
        // The winning tap of each output cell (i·kW + j), from which its pixel follows.
        var winners = [Int](repeating: 0, count: total)
        var pooled = [Double](repeating: 0, count: total)
        let plane = h * w
        let (outH, outW) = g.output
        let (kH, kW) = g.kernel
        // Whether every window lies inside the image (no padding, no ceil-mode overhang).
        let inside =
            g.padding == (0, 0) && (outH - 1) * g.stride.0 + (kH - 1) * g.dilation.0 < h
            && (outW - 1) * g.stride.1 + (kW - 1) * g.dilation.1 < w
        source.withUnsafeBufferPointer { input in
            winners.withUnsafeMutableBufferPointer { winners in
                pooled.withUnsafeMutableBufferPointer { pooled in
                    var cell = 0
                    for image in 0..<(n * c) {
                        let base = image * plane
                        for oy in 0..<outH {
                            let top = oy * g.stride.0 - g.padding.0
                            for ox in 0..<outW {
                                let left = ox * g.stride.1 - g.padding.1
                                // Indices are bounded by the tensor's size, checked above.
                                func tap(_ i: Int, _ j: Int) -> Double {
                                    let y = top &+ i &* g.dilation.0
                                    let x = left &+ j &* g.dilation.1
                                    if inside { return input[base &+ y &* w &+ x] }
                                    return y >= 0 && y < h && x >= 0 && x < w ? input[base &+ y &* w &+ x] : -.infinity
                                }
                                // The maximum first (a comparison the compiler makes branch-free:
                                // random data would mispredict a branch at every other tap), then
                                // the first tap that equals it, which is argmax's choice.
                                var best = -Double.infinity
                                var nan = false
                                for i in 0..<kH {
                                    for j in 0..<kW {
                                        let v = tap(i, j)
                                        best = v > best ? v : best
                                        if v.isNaN { nan = true }
                                    }
                                }
                                var winner = 0
                                search: for i in 0..<kH {
                                    for j in 0..<kW {
                                        let v = tap(i, j)
                                        // argmax stops at the first NaN.
                                        if nan ? v.isNaN : v == best {
                                            best = v
                                            winner = i * kW + j
                                            break search
                                        }
                                    }
                                }
                                pooled[cell] = best
                                winners[cell] = winner
                                cell += 1
                            }
                        }
                    }
                }
            }
        }
        let inputShape = shape
        return Variable.record(Tensor(uncheckedShape: [n, c, g.output.0, g.output.1], storage: pooled), self) {
            gradient, _ in
            try gradient.scatteredToWinners(winners, geometry: g, inputShape: inputShape)
        }
    }

    /// The adjoint of picking each window's winner: a (N, C, H, W) image in which every output
    /// cell's value is added at its winning pixel, in the order `fold` adds taps, so the sums
    /// are those of unfold, gather and fold to the last bit. Winners in the padding are dropped.
    fileprivate func scatteredToWinners(
        _ winners: [Int], geometry g: WindowGeometry, inputShape: [Int]
    ) throws
        -> Variable
    {
        let (h, w) = g.input
        let images = inputShape[0] * inputShape[1]
        let positions = g.positions
        let cotangent = value.contiguous().storage
        var out = [Double](repeating: 0, count: images * h * w)
        // When windows cannot overlap each pixel receives at most one value, so the order of the
        // additions cannot matter and each cell goes straight to its pixel.
        let disjoint =
            g.stride.0 >= (g.kernel.0 - 1) * g.dilation.0 + 1 && g.stride.1 >= (g.kernel.1 - 1) * g.dilation.1 + 1
        let (outH, outW) = g.output
        let (kH, kW) = g.kernel
        cotangent.withUnsafeBufferPointer { gradient in
            winners.withUnsafeBufferPointer { winners in
                out.withUnsafeMutableBufferPointer { buffer in
                    for image in 0..<images {
                        let base = image * h * w
                        let cells = image * positions
                        if disjoint {
                            for oy in 0..<outH {
                                for ox in 0..<outW {
                                    let cell = cells + oy * outW + ox
                                    let tap = winners[cell]
                                    let y = oy * g.stride.0 - g.padding.0 + (tap / kW) * g.dilation.0
                                    let x = ox * g.stride.1 - g.padding.1 + (tap % kW) * g.dilation.1
                                    if y >= 0 && y < h && x >= 0 && x < w { buffer[base + y * w + x] += gradient[cell] }
                                }
                            }
                            continue
                        }
                        for i in 0..<kH {
                            for j in 0..<kW {
                                let tap = i * kW + j
                                for oy in 0..<outH {
                                    let y = oy * g.stride.0 - g.padding.0 + i * g.dilation.0
                                    if y < 0 || y >= h { continue }
                                    for ox in 0..<outW {
                                        let cell = cells + oy * outW + ox
                                        guard winners[cell] == tap else { continue }
                                        let x = ox * g.stride.1 - g.padding.1 + j * g.dilation.1
                                        if x >= 0 && x < w { buffer[base + y * w + x] += gradient[cell] }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        let outputShape = [inputShape[0], inputShape[1], g.output.0, g.output.1]
        return Variable.record(Tensor(uncheckedShape: inputShape, storage: out), self) { gradient, _ in
            try gradient.gatheredFromWinners(winners, geometry: g, outputShape: outputShape)
        }
    }

    /// Each output cell's winning pixel of a (N, C, H, W) value (0 for a winner in the padding):
    /// the adjoint of `scatteredToWinners`, for gradients of gradients.
    fileprivate func gatheredFromWinners(
        _ winners: [Int], geometry g: WindowGeometry, outputShape: [Int]
    ) throws
        -> Variable
    {
        let (h, w) = g.input
        let images = outputShape[0] * outputShape[1]
        let source = value.contiguous().storage
        var out = [Double](repeating: 0, count: images * g.positions)
        for image in 0..<images {
            for oy in 0..<g.output.0 {
                for ox in 0..<g.output.1 {
                    let cell = image * g.positions + oy * g.output.1 + ox
                    let i = winners[cell] / g.kernel.1
                    let j = winners[cell] % g.kernel.1
                    let y = oy * g.stride.0 - g.padding.0 + i * g.dilation.0
                    let x = ox * g.stride.1 - g.padding.1 + j * g.dilation.1
                    if y >= 0 && y < h && x >= 0 && x < w { out[cell] = source[image * h * w + y * w + x] }
                }
            }
        }
        let inputShape = shape
        return Variable.record(Tensor(uncheckedShape: outputShape, storage: out), self) { gradient, _ in
            try gradient.scatteredToWinners(winners, geometry: g, inputShape: inputShape)
        }
    }
}
