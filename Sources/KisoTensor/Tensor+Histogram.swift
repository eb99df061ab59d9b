/// NumPy's `histogram`, with its bin rules to the last bit: equal-width edges from `linspace`,
/// every bin half-open [a, b) but the last closed [a, b], so the maximum is counted.
extension Tensor {
    /// How `histogram` is told its bins.
    public enum HistogramBins {
        /// This many equal-width bins over `range`, or over the data's minimum and maximum.
        case count(Int)
        /// These edges, increasing (`bins + 1` of them for `bins` bins).
        case edges(Tensor)
    }

    /// The counts of the elements of this tensor (all of them, flattened) in each bin, and the
    /// bin edges, as `numpy.histogram(a, bins, range, density, weights)`. Elements outside the
    /// range are not counted. With `weights` (one per element) each bin holds its elements'
    /// summed weights; with `density` the counts are divided by their total and the bin widths,
    /// so the histogram integrates to 1. Counts are int64 unless weights or density make them
    /// floats.
    ///
    /// Throws when the bin count is not positive, the range is reversed or not finite (or, with
    /// no range, the data hold an infinity or NaN), the edges do not increase, the weights do not
    /// match the data, or the range is too narrow for that many distinct edges.
    public func histogram(
        bins: HistogramBins = .count(10), range: (Double, Double)? = nil, density: Bool = false,
        weights: Tensor? = nil
    ) throws -> (counts: Tensor, edges: Tensor) {
        let op = "histogram"
        let data = flattened().scalars
        if let weights, weights.shape != shape {
            throw TensorError.shape(
                "\(op): weights have shape \(formatShape(weights.shape)), the data \(formatShape(shape))",
                hint: "give one weight per element of the data")
        }
        let w = weights?.flattened().scalars
        var counts: [Double]
        let edges: Tensor
        switch bins {
        case .count(let binCount):
            guard binCount >= 1 else {
                throw TensorError.value("\(op): bins must be positive, got \(binCount)", hint: "ask for 1 bin or more")
            }
            let (first, last) = try Tensor.outerEdges(data, range: range, op: op)
            // Weighed first, so that too many bins are refused in histogram's own name.
            try TensorLimits.checkAllocation(shape: [try Tensor.checkedSum(binCount, 1, op: op)], op: op)
            edges = try Tensor.linspace(first, last, num: binCount + 1)
            let e = edges.scalars
            if zip(e, e.dropFirst()).contains(where: { $0 >= $1 }) {
                throw TensorError.value(
                    "\(op): too many bins for the data range: \(binCount) bins of width > 0 do not fit in [\(first), \(last)]",
                    hint: "ask for fewer bins, or give a wider range")
            }
            counts = Tensor.equalWidthCounts(data, weights: w, edges: e, first: first, last: last)
        case .edges(let given):
            guard given.rank == 1 else {
                throw TensorError.shape(
                    "\(op): bins of shape \(formatShape(given.shape)); edges must be a 1-d list",
                    hint: "give a number of bins, or the edges as a list")
            }
            let e = given.scalars
            if e.contains(where: \.isNaN) {
                throw TensorError.value("\(op): the bin edges contain nan", hint: "give finite, increasing edges")
            }
            if zip(e, e.dropFirst()).contains(where: { $0 > $1 }) {
                throw TensorError.value(
                    "\(op): bins must increase monotonically, got \(e.map(formatScalar))",
                    hint: "sort the edges, e.g. sort(bins)")
            }
            edges = given
            counts = Tensor.cumulativeCounts(data, weights: w, edges: e)
        }
        if density {
            let e = edges.scalars
            let total = try Tensor(counts).sum().scalars[0]
            counts = counts.indices.map { counts[$0] / (e[$0 + 1] - e[$0]) / total }
            return (Tensor(counts), edges)
        }
        let dtype: DType = weights.map { $0.dtype == .bool ? .int64 : $0.dtype } ?? .int64
        return (Tensor(counts, dtype: dtype), edges)
    }

    /// NumPy's `_get_outer_edges`: the given range, else the data's extremes ((0, 1) for no data),
    /// widened by ½ either side when they coincide.
    private static func outerEdges(_ data: [Double], range: (Double, Double)?, op: String) throws -> (Double, Double) {
        var first: Double
        var last: Double
        if let range {
            (first, last) = range
            guard first <= last else {
                throw TensorError.value(
                    "\(op): range (\(formatScalar(first)), \(formatScalar(last))) is reversed",
                    hint: "give range=(low, high) with low ≤ high")
            }
            guard first.isFinite && last.isFinite else {
                throw TensorError.value(
                    "\(op): range (\(formatScalar(first)), \(formatScalar(last))) is not finite",
                    hint: "give finite bounds")
            }
        } else if let low = data.min(), let high = data.max() {
            guard !data.contains(where: \.isNaN), low.isFinite, high.isFinite else {
                let shown = data.contains(where: \.isNaN) ? "nan" : "[\(formatScalar(low)), \(formatScalar(high))]"
                throw TensorError.value(
                    "\(op): the data's range \(shown) is not finite, so no bins can span it",
                    hint: "give range=(low, high), or remove the infinities and NaN first")
            }
            (first, last) = (low, high)
        } else {
            (first, last) = (0, 1)
        }
        if first == last {
            first -= 0.5
            last += 0.5
        }
        return (first, last)
    }

    /// Counts in equal-width bins by NumPy's arithmetic: the bin a value's offset computes, then
    /// moved one left or right where rounding put it beside its true edge.
    private static func equalWidthCounts(
        _ data: [Double], weights: [Double]?, edges: [Double], first: Double, last: Double
    ) -> [Double] {
        let n = edges.count - 1
        var counts = [Double](repeating: 0, count: n)
        let width = last - first
        for (i, x) in data.enumerated() where x >= first && x <= last {
            let position = (x - first) / width * Double(n)
            // NaN or infinity arise only when `last − first` overflows; any in-range bin will do
            // before the edge corrections below.
            var bin = position.isFinite ? Int(Swift.min(Swift.max(position, 0), Double(n))) : 0
            if bin == n { bin -= 1 }
            if x < edges[bin] && bin > 0 { bin -= 1 }
            if x >= edges[bin + 1] && bin != n - 1 { bin += 1 }
            counts[bin] += weights?[i] ?? 1
        }
        return counts
    }

    /// Counts between given edges as NumPy forms them: positions of the edges in the sorted data
    /// (the last edge inclusive), differenced; with weights, cumulative sums of the sorted weights.
    private static func cumulativeCounts(_ data: [Double], weights: [Double]?, edges: [Double]) -> [Double] {
        guard edges.count > 1 else { return [] }
        let order = data.indices.sorted { sortsBefore(data[$0], data[$1]) }
        let sorted = order.map { data[$0] }
        func position(_ edge: Double, right: Bool) -> Int {
            var low = 0
            var high = sorted.count
            while low < high {
                let mid = (low + high) / 2
                let goesRight = right ? !sortsBefore(edge, sorted[mid]) : sortsBefore(sorted[mid], edge)
                if goesRight { low = mid + 1 } else { high = mid }
            }
            return low
        }
        let positions = edges.indices.map { position(edges[$0], right: $0 == edges.count - 1) }
        var cumulative: [Double]
        if let weights {
            cumulative = [0]
            var running = 0.0
            for i in order {
                running += weights[i]
                cumulative.append(running)
            }
        } else {
            cumulative = (0...sorted.count).map(Double.init)
        }
        return (1..<positions.count).map { cumulative[positions[$0]] - cumulative[positions[$0 - 1]] }
    }
}
