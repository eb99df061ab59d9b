import KisoTensor

/// "(2, 3)", or "2" when both are equal: how messages show a per-axis setting.
func describe(_ pair: (Int, Int)) -> String { pair.0 == pair.1 ? "\(pair.0)" : "(\(pair.0), \(pair.1))" }

/// The int64 positions 0 ..< n in the given shape (of n elements), for gathers.
func positions(_ n: Int, shape: [Int]) throws -> Tensor {
    try Tensor(shape: shape, scalars: (0..<n).map(Double.init), dtype: .int64)
}
