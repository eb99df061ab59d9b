import Glibc
import Synchronization

/// The process-wide legacy stream behind NumPy's module functions (`np.random.seed`,
/// `np.random.rand`, …): one `RandomState`, seeded from system entropy at first use and
/// guarded by a mutex, so calls from any thread draw from the same sequence.
///
/// | NumPy                            | Kiso                                  |
/// |----------------------------------|---------------------------------------|
/// | `np.random.seed(0)`              | `try Random.seed(0)`                  |
/// | `np.random.rand(2, 3)`           | `try Random.rand(2, 3)`               |
/// | `np.random.randn(4)`             | `try Random.randn(4)`                 |
/// | `np.random.normal(0, 2, (3,))`   | `try Random.normal(loc: 0, scale: 2, size: [3])` |
/// | `np.random.randint(0, 10, 5)`    | `try Random.randint(0, 10, size: [5])` |
/// | `np.random.permutation(10)`      | `try Random.permutation(10)`          |
///
/// A Kiso session has a stream of its own (``using(_:_:)``), so two sessions in one process —
/// tests run side by side, a lesson's checks — never draw from each other's sequence; code
/// outside any session uses the process-wide one.
public enum Random {
    private static let global = Mutex(RandomState())

    /// The key of the stream the session running on this thread uses, if any.
    private static let sessionStreamKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// Runs `body` with `state` as the legacy stream of this thread (a session's own stream,
    /// kept alive by the session for the duration).
    public static func using<Result>(_ state: RandomState, _ body: () throws -> Result) rethrows -> Result {
        let previous = pthread_getspecific(sessionStreamKey)
        pthread_setspecific(sessionStreamKey, Unmanaged.passUnretained(state).toOpaque())
        defer { pthread_setspecific(sessionStreamKey, previous) }
        return try body()
    }

    /// Runs `body` with exclusive use of the stream: this thread's session's, else the global one.
    public static func withState<Result: Sendable>(
        _ body: (RandomState) throws -> Result
    ) throws
        -> Result
    {
        if let raw = pthread_getspecific(sessionStreamKey) {
            return try body(Unmanaged<RandomState>.fromOpaque(raw).takeUnretainedValue())
        }
        return try global.withLock { state in try body(state) }
    }

    /// Reseeds the global stream (`np.random.seed(seed)`), seeds in 0…2³²−1.
    public static func seed(_ seed: Int) throws {
        try withState { try $0.seed(seed) }
    }

    /// Reseeds the global stream from a list of values (`np.random.seed([s0, s1, …])`).
    public static func seed(_ seeds: [Int]) throws {
        try withState { try $0.seed(seeds) }
    }

    /// `np.random.rand(d0, d1, …)`: floats uniform on [0, 1).
    public static func rand(_ shape: Int...) throws -> Tensor {
        try withState { try $0.randomSample(shape) }
    }

    /// `np.random.randn(d0, d1, …)`: standard normal floats.
    public static func randn(_ shape: Int...) throws -> Tensor {
        try withState { try $0.standardNormal(shape) }
    }

    /// `np.random.random(size)` / `np.random.random_sample(size)`: floats uniform on [0, 1).
    public static func random(_ size: [Int]? = nil) throws -> Tensor {
        try withState { try $0.randomSample(size) }
    }

    /// `np.random.standard_normal(size)`.
    public static func standardNormal(_ size: [Int]? = nil) throws -> Tensor {
        try withState { try $0.standardNormal(size) }
    }

    /// `np.random.normal(loc, scale, size)`.
    public static func normal(
        loc: Double = 0.0, scale: Double = 1.0, size: [Int]? = nil
    ) throws
        -> Tensor
    {
        try withState { try $0.normal(loc: loc, scale: scale, size: size) }
    }

    /// `np.random.uniform(low, high, size)`.
    public static func uniform(
        low: Double = 0.0, high: Double = 1.0, size: [Int]? = nil
    ) throws
        -> Tensor
    {
        try withState { try $0.uniform(low: low, high: high, size: size) }
    }

    /// `np.random.randint(low, high, size)`: int64 values on [low, high), or [0, low).
    public static func randint(_ low: Int, _ high: Int? = nil, size: [Int]? = nil) throws -> Tensor {
        try withState { try $0.randint(low, high, size: size) }
    }

    /// `np.random.choice(count, size, replace, p)`.
    public static func choice(
        _ count: Int, size: [Int]? = nil, replace: Bool = true, p: [Double]? = nil
    ) throws -> Tensor {
        try withState { try $0.choice(count, size: size, replace: replace, p: p) }
    }

    /// `np.random.choice(a, size, replace, p)` for a 1-d tensor.
    public static func choice(
        _ a: Tensor, size: [Int]? = nil, replace: Bool = true, p: [Double]? = nil
    ) throws -> Tensor {
        try withState { try $0.choice(a, size: size, replace: replace, p: p) }
    }

    /// `np.random.poisson(lam, size)`: int64 counts.
    public static func poisson(lam: Tensor = Tensor(1.0), size: [Int]? = nil) throws -> Tensor {
        try withState { try $0.poisson(lam: lam, size: size) }
    }

    /// `np.random.multivariate_normal(mean, cov, size)`, by the legacy SVD construction.
    public static func multivariateNormal(mean: Tensor, cov: Tensor, size: [Int]? = nil) throws -> Tensor {
        try withState { try $0.multivariateNormal(mean: mean, cov: cov, size: size) }
    }

    /// `np.random.permutation(n)`.
    public static func permutation(_ n: Int) throws -> Tensor {
        try withState { try $0.permutation(n) }
    }

    /// `np.random.permutation(x)`: a shuffled copy along axis 0.
    public static func permutation(_ x: Tensor) throws -> Tensor {
        try withState { try $0.permutation(x) }
    }

    /// `np.random.shuffle(x)`: shuffles `x` in place along axis 0.
    public static func shuffle(_ x: inout Tensor) throws {
        let input = x
        x = try withState { state in
            var local = input
            try state.shuffle(&local)
            return local
        }
    }
}
