/// im2col and col2im as differentiable operations. Each is the other's adjoint, so each one's
/// pullback is the other: convolution and pooling, written as unfold followed by a matrix
/// product or a reduction, get their gradients (and gradients of gradients) from these two.
extension Variable {
    /// The windows of a (N, C, H, W) value as columns (see `Tensor.unfold`); taps outside the
    /// image read `fill` and receive no gradient.
    public func unfolded(_ geometry: WindowGeometry, fill: Double = 0) throws -> Variable {
        Variable.record(try value.unfold(geometry, fill: fill), self) { g, _ in try g.folded(geometry) }
    }

    /// Columns added back into a (N, C, H, W) image (see `Tensor.fold`).
    public func folded(_ geometry: WindowGeometry) throws -> Variable {
        Variable.record(try value.fold(geometry), self) { g, _ in try g.unfolded(geometry) }
    }
}
