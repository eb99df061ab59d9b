/// NumPy's `cov` and `corrcoef`, written on variables: both are compositions of means, products
/// and a matrix product, so each records its derivative through those operations and the same
/// code serves plain tensors (as constants) and values being differentiated.
extension Variable {
    /// The covariance matrix of the variables in `self` (and `y`, stacked after them), as
    /// `numpy.cov(m, y, rowvar, bias, ddof, fweights, aweights)`: with `rowvar` each row is a
    /// variable and each column an observation (otherwise the reverse); a 1-d input is one
    /// variable. The divisor is n − ddof, ddof being 1 unless `bias` (then 0); with weights it is
    /// NumPy's weighted one. A single variable gives a 0-d result, as NumPy's squeeze does.
    ///
    /// As in NumPy, a divisor ≤ 0 gives infinities and NaN rather than an error.
    ///
    /// Throws when an input has more than 2 dimensions, or the weights are not 1-d, of one per
    /// observation, non-negative (and whole numbers, for `frequencyWeights`).
    public func covariance(
        _ y: Variable? = nil, rowvar: Bool = true, bias: Bool = false, ddof: Int? = nil,
        frequencyWeights: Tensor? = nil, analyticWeights: Tensor? = nil
    ) throws -> Variable {
        let op = "cov"
        var x = try asObservationRows(rowvar: rowvar, name: "m", op: op)
        if x.shape[0] == 0 { return Variable(try Tensor(shape: [0, 0], scalars: [])) }
        if let y {
            let rows = try y.asObservationRows(rowvar: true, name: "y", op: op)
            // NumPy turns y only when it has more than one row, unlike m.
            let turned = !rowvar && rows.shape[0] != 1 ? try rows.transposed() : rows
            guard turned.shape[1] == x.shape[1] else {
                throw TensorError.shape(
                    "\(op): m has \(x.shape[1]) observations and y has \(turned.shape[1])",
                    hint: "give y one value per observation of m, as another variable")
            }
            x = try Variable.concatenate([x, turned], axis: 0)
        }
        let n = x.shape[1]
        let ddof = ddof ?? (bias ? 0 : 1)
        let frequencies = try frequencyWeights.map { try Variable.observationWeights($0, count: n, whole: true) }
        let analytic = try analyticWeights.map { try Variable.observationWeights($0, count: n, whole: false) }
        let weights: [Double]? =
            switch (frequencies, analytic) {
            case (let f?, let a?): zip(f, a).map { $0 * $1 }
            case (let f?, nil): f
            case (nil, let a?): a
            case (nil, nil): nil
            }
        let centred: Variable
        var divisor: Double
        var weighted: Variable
        if let weights {
            let w = Variable(try Tensor(shape: [1, n], scalars: weights))
            // NumPy's sum of the weights is pairwise, as the engine's; its Σ w·aweights is
            // Python's sequential sum.
            let total = try w.value.sum().scalars[0]
            let mean = try (x * w).sum(axes: [1], keepdims: true) / total
            centred = try x - mean
            weighted = try centred * w
            if ddof == 0 {
                divisor = total
            } else if let analytic {
                divisor = total - Double(ddof) * zip(weights, analytic).map { $0 * $1 }.reduce(0, +) / total
            } else {
                divisor = total - Double(ddof)
            }
        } else {
            centred = try x - x.mean(axes: [1], keepdims: true)
            weighted = centred
            divisor = Double(n - ddof)
        }
        // NumPy warns and divides by 0 (giving inf and NaN) when no degrees of freedom are left.
        if divisor <= 0 { divisor = 0 }
        weighted = try weighted.transposed()
        let product = try Variable.matmul(centred, weighted)
        return try (product * (1.0 / divisor)).squeezed()
    }

    /// The correlation coefficients of the variables in `self` (and `y`), as
    /// `numpy.corrcoef(x, y, rowvar)`: the covariance divided by the product of standard
    /// deviations, clipped to [−1, 1]. A single variable gives 1 (NaN when its variance is 0 or
    /// not finite).
    ///
    /// Throws as ``covariance(_:rowvar:bias:ddof:frequencyWeights:analyticWeights:)`` does.
    public func correlation(_ y: Variable? = nil, rowvar: Bool = true) throws -> Variable {
        let c = try covariance(y, rowvar: rowvar)
        if c.rank == 0 { return try c / c }
        let deviations = try c.diagonal(axis1: 0, axis2: 1).sqrt()
        let scaled = try c / deviations.reshaped([-1, 1]) / deviations.reshaped([1, -1])
        return try scaled.clip(-1.0, 1.0)
    }

    /// The input as a matrix whose rows are variables and whose columns are observations.
    private func asObservationRows(rowvar: Bool, name: String, op: String) throws -> Variable {
        guard rank <= 2 else {
            throw TensorError.shape(
                "\(op): \(name) has \(rank) dimensions; it takes a vector or a matrix",
                hint: "pass a matrix whose rows (or, with rowvar=false, columns) are the variables")
        }
        let floats = value.dtype == .float64 ? self : Variable(value.cast(to: .float64))
        switch rank {
        case 0: return try floats.reshaped([1, 1])
        case 1: return try floats.reshaped([1, -1])
        default: return rowvar ? floats : try floats.transposed()
        }
    }

    /// Per-observation weights checked as NumPy checks them.
    private static func observationWeights(_ weights: Tensor, count: Int, whole: Bool) throws -> [Double] {
        let name = whole ? "fweights" : "aweights"
        guard weights.rank == 1, weights.shape[0] == count else {
            throw TensorError.shape(
                "cov: \(name) has shape \(formatShape(weights.shape)), but there are \(count) observations",
                hint: "give one weight per observation, as a 1-d list")
        }
        let values = weights.scalars
        if let negative = values.first(where: { $0 < 0 }) {
            throw TensorError.value("cov: \(name) contains \(negative)", hint: "weights cannot be negative")
        }
        if whole, let fraction = values.first(where: { $0 != $0.rounded() }) {
            throw TensorError.value(
                "cov: fweights contains \(fraction), which is not a whole number",
                hint: "fweights count repetitions; use aweights for fractional weights")
        }
        return values
    }
}
