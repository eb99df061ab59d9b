import KisoTensor

/// "(2, 3)", or "2" when both are equal: how messages show a per-axis setting.
func describe(_ pair: (Int, Int)) -> String { pair.0 == pair.1 ? "\(pair.0)" : "(\(pair.0), \(pair.1))" }

/// The int64 positions 0 ..< n in the given shape (of n elements), for gathers.
func positions(_ n: Int, shape: [Int]) throws -> Tensor {
    // Through arange, which weighs n against the memory limit before making the n values.
    try Tensor.arange(0, Double(n), dtype: .int64).reshaped(shape)
}

/// The largest kernel, stride, padding or dilation a layer accepts: far beyond any image, and
/// small enough that the output-size arithmetic cannot overflow.
let largestWindowSetting = 1 << 31

/// Checks that no per-axis setting exceeds `largestWindowSetting`.
func checkWindowSettings(_ settings: [(String, (Int, Int))], op: String) throws {
    for (name, pair) in settings where pair.0 > largestWindowSetting || pair.1 > largestWindowSetting {
        throw TensorError(.value, "\(op): \(name) \(describe(pair)) is too large")
    }
}

/// A class index or position as a message shows it: whole numbers as integers (without
/// converting values too large for an Int), anything else as given.
func describeIndex(_ x: Double) -> String {
    Swift.abs(x) < 1e15 && x == x.rounded() ? String(Int(x)) : String(x)
}
