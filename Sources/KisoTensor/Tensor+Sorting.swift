/// Sorting and searching with NumPy's semantics: `sort`, `argsort` (stable), `unique`,
/// `searchsorted`, `topk` and `count_nonzero`. NaN sorts after every number, as in NumPy.
extension Tensor {
    /// NumPy's order: numbers ascending, NaN last; equal keys keep their positions.
    @inline(__always)
    static func sortsBefore(_ a: Double, _ b: Double) -> Bool {
        if a.isNaN { return false }
        if b.isNaN { return true }
        return a < b
    }

    /// Applies `transform` to every run of elements along `axis` (the last by default; nil
    /// flattens first) and assembles the results, each `outputLength` long, along that axis.
    func alongAxis(
        _ axis: Int?, op: String, outputLength: ((Int) -> Int)? = nil, dtype: DType? = nil,
        _ transform: ([Double]) throws -> [Double]
    ) throws -> Tensor {
        guard let axis else {
            let result = try transform(scalars)
            return try Tensor(shape: [result.count], scalars: result, dtype: dtype ?? self.dtype)
        }
        guard rank > 0 else {
            throw TensorError.axis("\(op): a 0-d tensor has no axis \(axis)", hint: "use axis=none")
        }
        let resolved = try Tensor.normalizeAxis(axis, rank: rank, op: op)
        let moved = try movedAxis(resolved, to: rank - 1).contiguous()
        let length = shape[resolved]
        let outLength = outputLength?(length) ?? length
        let runs = length == 0 ? moved.count : moved.count / length
        let source = moved.scalars
        var out: [Double] = []
        out.reserveCapacity(runs * outLength)
        for run in 0..<runs {
            let slice = length == 0 ? [] : Array(source[(run * length)..<((run + 1) * length)])
            let result = try transform(slice)
            out += result
        }
        var movedShape = moved.shape
        movedShape[rank - 1] = outLength
        let assembled = try Tensor(shape: movedShape, scalars: out, dtype: dtype ?? self.dtype)
        return try assembled.movedAxis(rank - 1, to: resolved).contiguous()
    }

    /// Stable ascending order of `values` as positions.
    static func stableOrder(_ values: [Double]) -> [Int] {
        Array(values.indices).sorted { i, j in
            let a = values[i]
            let b = values[j]
            if sortsBefore(a, b) { return true }
            if sortsBefore(b, a) { return false }
            return i < j
        }
    }

    /// The elements sorted along `axis` (the last by default; nil sorts the flattened tensor).
    public func sorted(axis: Int? = -1) throws -> Tensor {
        try alongAxis(axis, op: "sort") { run in Tensor.stableOrder(run).map { run[$0] } }
    }

    /// The positions that would sort the elements along `axis`, with ties in their original
    /// order (NumPy's `kind="stable"`).
    public func argsorted(axis: Int? = -1) throws -> Tensor {
        try alongAxis(axis, op: "argsort", dtype: .int64) { run in Tensor.stableOrder(run).map(Double.init) }
    }

    /// What `unique` returns: the sorted distinct values and, for each, where it first appears and
    /// how often; and for every input element the position of its value among the distinct ones.
    public struct Unique: Sendable {
        /// The distinct values, ascending (one NaN at the end if any, as NumPy's `equal_nan`).
        public var values: Tensor
        /// The flat index of each value's first appearance.
        public var firstIndices: Tensor
        /// For each element of the input (in the input's shape, as NumPy 2 gives it), the index
        /// of its value in `values`.
        public var inverse: Tensor
        /// How many times each value appears.
        public var counts: Tensor
    }

    /// The distinct elements of the flattened tensor, sorted, with indices, inverse and counts.
    public func unique() throws -> Unique {
        let flat = scalars
        let order = Tensor.stableOrder(flat)
        var values: [Double] = []
        var first: [Double] = []
        var counts: [Double] = []
        var inverse = [Double](repeating: 0, count: flat.count)
        for position in order {
            let v = flat[position]
            if let last = values.last, last == v || (last.isNaN && v.isNaN) {
                counts[counts.count - 1] += 1
            } else {
                values.append(v)
                first.append(Double(position))
                counts.append(1)
            }
            inverse[position] = Double(values.count - 1)
        }
        return Unique(
            values: try Tensor(shape: [values.count], scalars: values, dtype: dtype),
            firstIndices: try Tensor(shape: [first.count], scalars: first, dtype: .int64),
            inverse: try Tensor(shape: shape, scalars: inverse, dtype: .int64),
            counts: try Tensor(shape: [counts.count], scalars: counts, dtype: .int64))
    }

    /// Where each element of `values` would go in this sorted 1-d tensor to keep it sorted:
    /// before equal elements (`right: false`, NumPy's "left") or after them.
    public func searchSorted(_ values: Tensor, right: Bool = false) throws -> Tensor {
        guard rank == 1 else {
            throw TensorError.shape(
                "searchsorted: the sorted array must be 1-d, got shape \(formatShape(shape))",
                hint: "flatten it, or search each row separately")
        }
        let sorted = scalars
        let positions = values.scalars.map { v -> Double in
            var low = 0
            var high = sorted.count
            while low < high {
                let mid = (low + high) / 2
                let goesRight = right ? !Tensor.sortsBefore(v, sorted[mid]) : Tensor.sortsBefore(sorted[mid], v)
                if goesRight { low = mid + 1 } else { high = mid }
            }
            return Double(low)
        }
        return try Tensor(shape: values.shape, scalars: positions, dtype: .int64)
    }

    /// The `k` largest (or smallest) elements along `axis` and their positions, largest first;
    /// equal values keep their original order (PyTorch's `topk` with `sorted=True`).
    public func topk(_ k: Int, axis: Int = -1, largest: Bool = true) throws -> (values: Tensor, indices: Tensor) {
        guard rank > 0 else {
            throw TensorError.shape("topk: a 0-d tensor has no axis to choose from", hint: "give a 1-d tensor")
        }
        let resolved = try Tensor.normalizeAxis(axis, rank: rank, op: "topk")
        guard k >= 0 && k <= shape[resolved] else {
            throw TensorError.value(
                "topk: k = \(k) is out of range for an axis of length \(shape[resolved])",
                hint: "k must be between 0 and \(shape[resolved])")
        }
        func chosen(_ run: [Double]) -> [Int] {
            let order = Array(run.indices).sorted { i, j in
                let a = run[i]
                let b = run[j]
                let first = largest ? Tensor.sortsBefore(b, a) : Tensor.sortsBefore(a, b)
                let second = largest ? Tensor.sortsBefore(a, b) : Tensor.sortsBefore(b, a)
                if first { return true }
                if second { return false }
                return i < j
            }
            return Array(order.prefix(k))
        }
        let values = try alongAxis(resolved, op: "topk", outputLength: { _ in k }) { run in
            chosen(run).map { run[$0] }
        }
        let indices = try alongAxis(resolved, op: "topk", outputLength: { _ in k }, dtype: .int64) { run in
            chosen(run).map(Double.init)
        }
        return (values, indices)
    }

    /// How many elements are not zero, in all (axis nil) or along each of `axes`.
    public func countNonzero(axes: [Int]? = nil, keepdims: Bool = false) throws -> Tensor {
        let mask = try Tensor(shape: shape, scalars: scalars.map { $0 != 0 ? 1 : 0 }, dtype: .float64)
        return try mask.sum(axes: axes, keepdims: keepdims).cast(to: .int64)
    }
}
