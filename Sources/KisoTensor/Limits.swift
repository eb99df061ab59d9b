import Synchronization

/// Process-wide limits that keep a mistaken call from exhausting the machine.
public enum TensorLimits {
    private static let bytes = Atomic<Int>(4 << 30)

    /// The largest allocation, in bytes, a single tensor may request (default 4 GiB).
    /// A larger request throws a `.memory` error instead of allocating.
    public static var maxBytes: Int {
        get { bytes.load(ordering: .relaxed) }
        set { bytes.store(Swift.max(newValue, 0), ordering: .relaxed) }
    }
}

extension Tensor {
    /// The element count of `shape`, checked for negative sizes, overflow and the memory limit.
    static func checkedCount(of shape: [Int], op: String) throws -> Int {
        var count = 1
        for size in shape {
            guard size >= 0 else {
                throw TensorError.value(
                    "\(op): negative dimension \(size) in shape \(formatShape(shape))",
                    hint: "every size in a shape must be 0 or more")
            }
            let (product, overflow) = count.multipliedReportingOverflow(by: size)
            guard !overflow else { throw memoryError(shape: shape, op: op) }
            count = product
        }
        let (bytes, overflow) = count.multipliedReportingOverflow(by: MemoryLayout<Double>.stride)
        guard !overflow, bytes <= TensorLimits.maxBytes else {
            throw memoryError(shape: shape, op: op)
        }
        return count
    }

    /// `a + b`, or a memory error naming `op` when the sum of two sizes overflows.
    static func checkedSum(_ a: Int, _ b: Int, op: String) throws -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        guard !overflow else { throw memoryError(shape: [a, b], op: op) }
        return sum
    }

    /// The product of `sizes`, or a memory error naming `op` when it overflows.
    static func checkedProduct(_ sizes: [Int], op: String) throws -> Int {
        try sizes.reduce(1) { total, size in
            let (product, overflow) = total.multipliedReportingOverflow(by: size)
            guard !overflow else { throw memoryError(shape: sizes, op: op) }
            return product
        }
    }

    private static func memoryError(shape: [Int], op: String) -> TensorError {
        let limit = TensorLimits.maxBytes
        return TensorError(
            .memory,
            "\(op): shape \(formatShape(shape)) needs more than the \(formatBytes(limit)) allocation limit",
            hint: "use a smaller shape, or raise the limit if you really need this much memory")
    }
}

/// A byte count in the largest whole binary unit, for messages.
func formatBytes(_ bytes: Int) -> String {
    let units = ["bytes", "KiB", "MiB", "GiB", "TiB"]
    var value = Double(bytes)
    var unit = 0
    while value >= 1024 && unit < units.count - 1 {
        value /= 1024
        unit += 1
    }
    let rounded = (value * 10).rounded() / 10
    let text = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    return "\(text) \(units[unit])"
}
