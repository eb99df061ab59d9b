import Glibc
import Synchronization

/// Process-wide limits that keep a mistaken call from exhausting the machine.
public enum TensorLimits {
    private static let bytes = Atomic<Int>(4 << 30)

    /// The most memory, in bytes, the process may hold once a new tensor is made (default 4 GiB):
    /// a single larger request, or one that would take what is already live past the limit,
    /// throws a `.memory` error instead of allocating.
    public static var maxBytes: Int {
        get { bytes.load(ordering: .relaxed) }
        set { bytes.store(Swift.max(newValue, 0), ordering: .relaxed) }
    }

    /// Requests smaller than this are not weighed against what is live: asking the allocator
    /// costs more than making them, and they cannot by themselves exhaust the machine quickly.
    static let liveCheckThreshold = 1 << 20

    /// The process's resident memory in bytes (0 where the system does not say). Storage is a
    /// Swift array freed by reference counting, so no list of live tensors exists to add up;
    /// the kernel's count covers every live tensor (large buffers are returned to it when freed)
    /// and the much smaller rest of the process.
    public static var liveBytes: Int {
        let fd = open("/proc/self/statm", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return 0 }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard count > 0 else { return 0 }
        // "size resident shared …", in pages.
        let fields = buffer[0..<count].split(separator: UInt8(ascii: " "))
        guard fields.count > 1 else { return 0 }
        var pages = 0
        for digit in fields[1] {
            guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return 0 }
            pages = pages &* 10 &+ Int(digit - UInt8(ascii: "0"))
        }
        return pages &* Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// Checks, before anything is made, that a working set of `shape` float64 elements fits the
    /// limits; returns its element count. For code outside the engine that builds its data in
    /// Swift arrays first (the toy data sets) and would otherwise find out only when the machine
    /// runs out of memory.
    @discardableResult
    public static func checkAllocation(shape: [Int], op: String) throws -> Int {
        try Tensor.checkedCount(of: shape, op: op)
    }

    /// Throws when `bytes` more would take the live total over ``maxBytes``.
    static func reserve(bytes: Int, shape: [Int], op: String) throws {
        guard bytes >= liveCheckThreshold else { return }
        let live = liveBytes
        let limit = maxBytes
        guard live <= limit &- bytes else {
            throw TensorError(
                .memory,
                "\(op): shape \(formatShape(shape)) needs \(formatBytes(bytes)), but \(formatBytes(live)) is already in use and the limit is \(formatBytes(limit))",
                hint: "free large values you no longer need (assign none to them), or use smaller shapes")
        }
    }
}

extension Tensor {
    /// The element count of `shape`, checked for negative sizes, overflow and the memory limit.
    ///
    /// The product of the non-zero sizes is held to the same limit as the count: an empty tensor
    /// of shape (10¹², 0) holds nothing, but a reduction over its last axis would make 10¹²
    /// results and a loop over its rows would run 10¹² times, so such a shape is refused where it
    /// is made rather than in each of the operations it would reach.
    /// `allocating: false` checks a view's shape without weighing it against live memory.
    static func checkedCount(of shape: [Int], op: String, allocating: Bool = true) throws -> Int {
        try checkRank(shape.count, op: op)
        var extent = 1
        var empty = false
        for size in shape {
            guard size >= 0 else {
                throw TensorError.value(
                    "\(op): negative dimension \(size) in shape \(formatShape(shape))",
                    hint: "every size in a shape must be 0 or more")
            }
            let (product, overflow) = extent.multipliedReportingOverflow(by: Swift.max(size, 1))
            guard !overflow else { throw memoryError(shape: shape, op: op) }
            extent = product
            empty = empty || size == 0
        }
        let (bytes, overflow) = extent.multipliedReportingOverflow(by: MemoryLayout<Double>.stride)
        guard !overflow, bytes <= TensorLimits.maxBytes else {
            throw memoryError(shape: shape, op: op)
        }
        if empty { return 0 }
        if allocating { try TensorLimits.reserve(bytes: bytes, shape: shape, op: op) }
        return extent
    }

    /// NumPy's limit on dimensions: beyond it every shape and stride list would grow with each
    /// new axis (`for i in range(10^5) x = [x] end` on a tensor) and walks over them go quadratic.
    public static let maxRank = 64

    /// Throws when a tensor would have more than ``maxRank`` dimensions.
    static func checkRank(_ rank: Int, op: String) throws {
        guard rank <= maxRank else {
            throw TensorError.value(
                "\(op): \(rank) dimensions is more than the \(maxRank) a tensor may have",
                hint: "NumPy has the same limit; keep nested data in a list of tensors instead")
        }
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
        if shape.contains(0) {
            return TensorError(
                .memory,
                "\(op): shape \(formatShape(shape)) is empty, but its other sizes multiply past the \(formatBytes(limit)) allocation limit",
                hint: "an operation along its empty axis would make that many results; use smaller sizes")
        }
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
