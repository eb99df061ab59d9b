import KisoBase

/// Argument checking and tensor plumbing shared by `Generator` and `RandomState`.
enum RandomSupport {
    /// The output shape for `size` (nil means one value, a 0-d tensor) and its element count.
    static func shape(_ size: [Int]?, op: String) throws -> (shape: [Int], count: Int) {
        let shape = size ?? []
        return (shape, try Tensor.checkedCount(of: shape, op: op))
    }

    /// A float tensor from freshly drawn values laid out in `shape`.
    static func tensor(_ values: [Double], shape: [Int], dtype: DType = .float64) -> Tensor {
        Tensor(uncheckedShape: shape, storage: values, dtype: dtype)
    }

    /// An int64 tensor from drawn integers (exact up to 2⁵³, like every Kiso integer).
    static func integerTensor(_ values: [Int64], shape: [Int]) -> Tensor {
        Tensor(uncheckedShape: shape, storage: values.map { Double($0) }, dtype: .int64)
    }

    /// A non-negative integer seed as the 32-bit words NumPy's SeedSequence hashes.
    static func seedWords(_ seed: Int, op: String) throws -> [UInt32] {
        guard seed >= 0 else {
            throw TensorError.value(
                "\(op): seed \(seed) is negative", hint: "seeds must be non-negative integers, e.g. 0 or 42"
            )
        }
        return SeedSequence.words(of: UInt64(seed))
    }

    /// Throws unless `value` is a finite, non-negative spread such as `scale` (NumPy rejects a
    /// negative sign bit, so -0.0 too).
    static func checkNonNegative(_ value: Double, name: String, op: String) throws {
        if !value.isNaN && value.sign == .minus {
            throw TensorError.value(
                "\(op): \(name) is \(value), which is negative",
                hint: "\(name) must be 0 or more")
        }
    }

    /// The values of `parameter` broadcast to `shape`, in row-major order.
    static func broadcastValues(_ parameter: Tensor, to shape: [Int]) -> [Double] {
        if parameter.shape == shape { return parameter.scalars }
        let view = Tensor(
            view: parameter.storage, shape: shape, strides: parameter.broadcastStrides(to: shape),
            offset: parameter.offset, dtype: parameter.dtype)
        return view.scalars
    }

    /// `base + scale·draw()` for every element of two parameter tensors broadcast together (and
    /// to `size`): uniform's low and range, normal's loc and scale. Every pair is checked by
    /// `prepare` (which returns the scale to use) before anything is drawn, as NumPy does.
    static func shifted(
        _ base: Tensor, _ parameter: Tensor, size: [Int]?, op: String,
        prepare: (Double, Double) throws -> Double, draw: () -> Double
    ) throws -> Tensor {
        let (shape, count) = try parameterShape([base, parameter], size: size, op: op)
        let bases = broadcastValues(base, to: shape)
        let parameters = broadcastValues(parameter, to: shape)
        var scales = [Double](repeating: 0, count: count)
        for i in 0..<count { scales[i] = try prepare(bases[i], parameters[i]) }
        var values = [Double](repeating: 0, count: count)
        for i in 0..<count {
            try Interruption.check(op, every: i)
            values[i] = bases[i] + scales[i] * draw()
        }
        return tensor(values, shape: shape)
    }

    /// The output shape for tensor parameters: their broadcast shape, or `size`, which they
    /// must broadcast to (NumPy's rule for distribution parameters).
    static func parameterShape(
        _ parameters: [Tensor], size: [Int]?, op: String
    ) throws -> (
        shape: [Int], count: Int
    ) {
        var common: [Int] = []
        for parameter in parameters {
            common = try Tensor.broadcastShapes(common, parameter.shape, op: op)
        }
        if let size {
            let combined = try Tensor.broadcastShapes(size, common, op: op)
            guard combined == size else {
                throw TensorError.shape(
                    "\(op): parameters of shape \(formatShape(common)) do not fit size \(formatShape(size))",
                    hint: "size must be a shape the parameters broadcast to, or nil to use their shape")
            }
        }
        let shape = size ?? common
        return (shape, try Tensor.checkedCount(of: shape, op: op))
    }

    /// The population size of a `choice` from a count.
    static func population(count: Int, sampleCount: Int, op: String) throws -> Int {
        if count <= 0 && sampleCount != 0 {
            throw TensorError.value(
                "\(op): a = \(count) leaves nothing to choose from",
                hint: "pass a positive count, or a non-empty tensor")
        }
        return count
    }

    /// Validated probabilities for `choice`: one per candidate, none negative or NaN, summing
    /// to 1 within √ε (the sum taken with Kahan compensation, as NumPy does).
    static func probabilities(_ p: [Double], population: Int, op: String) throws -> [Double] {
        guard p.count == population else {
            throw TensorError.value(
                "\(op): p has \(p.count) probabilities for \(population) candidates",
                hint: "give exactly one probability per candidate")
        }
        var sum = p.first ?? 0
        var compensation = 0.0
        for value in p.dropFirst() {
            let y = value - compensation
            let t = sum + y
            compensation = (t - sum) - y
            sum = t
        }
        if sum.isNaN {
            throw TensorError.value(
                "\(op): p contains NaN", hint: "every probability must be a number in [0, 1]")
        }
        if let negative = p.first(where: { $0 < 0 }) {
            throw TensorError.value(
                "\(op): p contains the negative probability \(negative)",
                hint: "probabilities must be 0 or more")
        }
        let tolerance = Double.ulpOfOne.squareRoot()
        guard abs(sum - 1.0) <= tolerance else {
            throw TensorError.value(
                "\(op): p sums to \(sum), not 1", hint: "normalise it first, e.g. p / p.sum()")
        }
        return p
    }

    /// The normalised running sum of `p` (`cumsum`, then divided by its last entry).
    static func normalizedCDF(_ p: [Double]) -> [Double] {
        var cdf = [Double](repeating: 0, count: p.count)
        var running = 0.0
        for i in 0..<p.count {
            running += p[i]
            cdf[i] = running
        }
        if let total = cdf.last {
            for i in 0..<cdf.count { cdf[i] /= total }
        }
        return cdf
    }

    /// The first index whose cdf entry exceeds `u` (`searchsorted(u, side="right")`).
    static func searchRight(_ cdf: [Double], _ u: Double) -> Int {
        var low = 0
        var high = cdf.count
        while low < high {
            let middle = (low + high) / 2
            if cdf[middle] <= u { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Distinct indices drawn with probabilities `p` without replacement, NumPy's way: draw a
    /// batch of uniforms, map them through the cdf of the still-available candidates, keep each
    /// new index at its first occurrence, and repeat for the shortfall.
    static func distinctWeighted(
        _ p: [Double], count: Int, op: String, uniforms: (Int) throws -> [Double]
    ) throws -> [Int64] {
        let positive = p.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
        guard positive >= count else {
            throw TensorError.value(
                "\(op): only \(positive) candidates have non-zero probability, fewer than the \(count) requested without replacement",
                hint: "ask for at most \(positive) samples, or pass replace=true")
        }
        var weights = p
        var found: [Int64] = []
        found.reserveCapacity(count)
        while found.count < count {
            let batch = try uniforms(count - found.count)
            for index in found { weights[Int(index)] = 0 }
            let cdf = normalizedCDF(weights)
            var seen = Set<Int>()
            for u in batch {
                let index = searchRight(cdf, u)
                if seen.insert(index).inserted { found.append(Int64(index)) }
            }
        }
        return found
    }

    /// Throws unless `size` samples can be taken without replacement from `population`.
    static func checkWithoutReplacement(count: Int, population: Int, op: String) throws {
        guard count <= population else {
            throw TensorError.value(
                "\(op): cannot take \(count) samples without replacement from \(population) candidates",
                hint: "ask for at most \(population), or pass replace=true")
        }
    }

    /// Rows of `a` (along axis 0) picked by `indices`, laid out as `shape` followed by the
    /// row shape.
    static func take(_ a: Tensor, rows indices: [Int64], shape: [Int], op: String) throws -> Tensor {
        let rowShape = Array(a.shape.dropFirst())
        let outShape = shape + rowShape
        _ = try Tensor.checkedCount(of: outShape, op: op)
        let rowLength = rowShape.reduce(1, *)
        let source = a.scalars
        var out: [Double] = []
        out.reserveCapacity(indices.count * rowLength)
        for index in indices {
            let start = Int(index) * rowLength
            out.append(contentsOf: source[start..<(start + rowLength)])
        }
        return Tensor(uncheckedShape: outShape, storage: out, dtype: a.dtype)
    }

    /// Shuffles the rows (axis 0) of `x` in place with the Fisher–Yates walk NumPy uses:
    /// from the last row down, swap row i with a row drawn uniformly from 0…i.
    static func shuffleRows<Source: RandomBitSource>(
        _ x: inout Tensor, _ source: inout Source, op: String
    ) throws {
        guard x.rank >= 1 else {
            throw TensorError.value(
                "\(op): cannot shuffle a 0-d tensor",
                hint: "shuffle works along axis 0 of a tensor with at least one axis")
        }
        let n = x.shape[0]
        let rowLength = x.count / Swift.max(n, 1)
        if x.count == 0 || n < 2 { return }
        var values = x.scalars
        for i in stride(from: n - 1, through: 1, by: -1) {
            let j = Int(BoundedDraw.interval(UInt64(i), &source))
            if i == j { continue }
            if rowLength == 1 {
                values.swapAt(i, j)
            } else {
                for k in 0..<rowLength { values.swapAt(i * rowLength + k, j * rowLength + k) }
            }
        }
        x = Tensor(uncheckedShape: x.shape, storage: values, dtype: x.dtype)
    }
}
