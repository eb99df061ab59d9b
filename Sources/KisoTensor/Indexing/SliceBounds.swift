/// Python's slice arithmetic (`PySlice_AdjustIndices`), written so that no bound or step can
/// overflow.

/// The positions a slice picks along one dimension: `count` of them, from `start`, `step` apart.
struct SliceBounds: Equatable {
    var start: Int
    var step: Int
    var count: Int

    /// Resolves `start:stop:step` against a dimension of `size` elements.
    init(start: Int?, stop: Int?, step: Int?, size: Int, op: String) throws {
        let step = step ?? 1
        guard step != 0 else {
            throw TensorError.value(
                "\(op): slice step cannot be zero",
                hint: "use a positive step to walk forward or a negative one to walk backward")
        }
        let forward = step > 0
        // Past-the-end bounds clamp to the last position the walk could reach, so a backward
        // walk clamps to -1 … size-1 and a forward one to 0 … size.
        let lower = forward ? 0 : -1
        let upper = forward ? size : size - 1
        let first =
            start.map { SliceBounds.adjust($0, size: size, lower: lower, upper: upper) }
            ?? (forward ? 0 : size - 1)
        let end =
            stop.map { SliceBounds.adjust($0, size: size, lower: lower, upper: upper) }
            ?? (forward ? size : -1)
        let span = forward ? end - first : first - end
        self.start = first
        self.step = step
        // `span - 1` is below `size`, and the step's magnitude is taken unsigned so that
        // `Int.min` divides cleanly.
        self.count = span > 0 ? Int(UInt(span - 1) / step.magnitude) + 1 : 0
    }

    private static func adjust(_ bound: Int, size: Int, lower: Int, upper: Int) -> Int {
        if bound < 0 {
            let counted = bound + size
            return counted < 0 ? lower : counted
        }
        return bound >= size ? upper : bound
    }
}
