import Glibc
import KisoTensor

/// Pieces shared by the toy datasets, each following scikit-learn's draw order so that the
/// same `randomState` gives the same points.
enum DatasetSupport {
    /// The generator scikit-learn's `check_random_state` would give: a seeded legacy
    /// RandomState, or an unseeded one for nil.
    static func generator(_ seed: Int?, op: String) throws -> RandomState {
        guard let seed else { return RandomState() }
        guard seed >= 0 && seed <= Int(UInt32.max) else {
            throw TensorError(
                .value, "\(op): random_state \(seed) is outside 0…2³²−1", hint: "use a seed such as 0 or 42")
        }
        return try RandomState(seed: seed)
    }

    /// NumPy's `linspace(start, stop, count, endpoint)`: i·step + start, the last point set to
    /// `stop` exactly when the endpoint is included.
    static func linspace(_ start: Double, _ stop: Double, count: Int, endpoint: Bool) -> [Double] {
        let divisions = endpoint ? count - 1 : count
        guard count > 0 else { return [] }
        if divisions <= 0 { return [start] }
        let step = (stop - start) / Double(divisions)
        var values = (0..<count).map { Double($0) * step + start }
        if endpoint && count > 1 { values[count - 1] = stop }
        return values
    }

    /// Points given as x and y coordinates, as an (n, 2) tensor, with int64 labels.
    static func points(x: [Double], y: [Double], labels: [Double]) throws -> (Tensor, Tensor) {
        var flat: [Double] = []
        flat.reserveCapacity(2 * x.count)
        for i in x.indices {
            flat.append(x[i])
            flat.append(y[i])
        }
        return (
            try Tensor(shape: [x.count, 2], scalars: flat),
            try Tensor(shape: [labels.count], scalars: labels, dtype: .int64)
        )
    }

    /// scikit-learn's `utils.shuffle(X, y, random_state)`: one permutation of the rows
    /// (`arange(n)` shuffled in place) applied to both.
    static func shuffle(_ x: Tensor, _ y: Tensor, _ generator: RandomState) throws -> (Tensor, Tensor) {
        let order = try generator.permutation(x.shape[0])
        return (try x.take(order, axis: 0), try y.take(order, axis: 0))
    }

    /// X plus normal noise of scale `noise`, drawn in X's row-major order.
    static func addNoise(_ x: Tensor, noise: Double?, _ generator: RandomState) throws -> Tensor {
        guard let noise else { return x }
        return try Tensor.add(x, generator.normal(loc: 0, scale: noise, size: x.shape))
    }

    /// How `n` points split between an outer and an inner group: the inner gets the extra one.
    static func split(_ n: Int, op: String) throws -> (outer: Int, inner: Int) {
        guard n >= 1 else {
            throw TensorError(.value, "\(op): n_samples must be at least 1, got \(n)", hint: "ask for 1 or more points")
        }
        // About eight doubles per point are alive at once (angles, coordinates, labels, the
        // joined rows and their shuffled copy); refuse before making any of them.
        try TensorLimits.checkAllocation(shape: [n, 8], op: op)
        return (n / 2, n - n / 2)
    }
}
