import Glibc

/// Nested numbers as written in a literal, before they are checked to be rectangular.
public indirect enum NestedValues: Sendable {
    /// One number.
    case scalar(Double)
    /// A bracketed list of numbers or lists.
    case list([NestedValues])
}

/// Creating tensors: from nested lists, filled, ranges, grids.
extension Tensor {
    /// A tensor from nested lists, which must be rectangular: a ragged row is an error naming
    /// its position (`[1][2]`) and both lengths.
    public init(nested: NestedValues, dtype: DType = .float64) throws {
        var shape: [Int] = []
        var node = nested
        while case .list(let items) = node {
            shape.append(items.count)
            guard let first = items.first else { break }
            node = first
        }
        var out: [Double] = []
        try Tensor.flatten(nested, shape: shape, depth: 0, path: "", into: &out)
        try self.init(shape: shape, scalars: out, dtype: dtype)
    }

    private static func flatten(
        _ node: NestedValues, shape: [Int], depth: Int, path: String, into out: inout [Double]
    ) throws {
        switch node {
        case .scalar(let v):
            guard depth == shape.count else {
                throw TensorError(
                    .ragged, "tensor: element \(path) is a number where a list of \(shape[depth]) was expected",
                    hint: "every row must have the same length and nesting")
            }
            out.append(v)
        case .list(let items):
            guard depth < shape.count else {
                throw TensorError(
                    .ragged, "tensor: element \(path) is a list where a number was expected",
                    hint: "every row must have the same length and nesting")
            }
            guard items.count == shape[depth] else {
                throw TensorError(
                    .ragged,
                    "tensor: row \(path.isEmpty ? "at the top level" : path) has \(items.count) elements but the first row at that depth has \(shape[depth])",
                    hint: "every row must have the same length; pad the short rows or fix the long ones")
            }
            for (i, item) in items.enumerated() {
                try flatten(item, shape: shape, depth: depth + 1, path: path + "[\(i)]", into: &out)
            }
        }
    }

    /// A tensor of `shape` with every element `value`.
    public static func full(_ shape: [Int], value: Double, dtype: DType = .float64) throws -> Tensor {
        try filled(shape, value: value, dtype: dtype, op: "full")
    }

    private static func filled(_ shape: [Int], value: Double, dtype: DType, op: String) throws -> Tensor {
        let n = try checkedCount(of: shape, op: op)
        return Tensor(uncheckedShape: shape, storage: Storage.filled(count: n, value: value), dtype: dtype)
    }

    /// A tensor of zeros.
    public static func zeros(_ shape: [Int], dtype: DType = .float64) throws -> Tensor {
        try filled(shape, value: 0, dtype: dtype, op: "zeros")
    }

    /// A tensor of ones.
    public static func ones(_ shape: [Int], dtype: DType = .float64) throws -> Tensor {
        try filled(shape, value: 1, dtype: dtype, op: "ones")
    }

    /// Zeros with this tensor's shape and kind.
    public func zerosLike() -> Tensor {
        Tensor(uncheckedShape: shape, storage: [Double](repeating: 0, count: count), dtype: dtype)
    }

    /// Ones with this tensor's shape and kind.
    public func onesLike() -> Tensor {
        Tensor(uncheckedShape: shape, storage: [Double](repeating: 1, count: count), dtype: dtype)
    }

    /// `value` everywhere, with this tensor's shape.
    public func fullLike(_ value: Double) -> Tensor {
        Tensor(uncheckedShape: shape, storage: [Double](repeating: value, count: count), dtype: dtype)
    }

    /// An `n`×`m` matrix with ones on diagonal `k` (above the main diagonal when positive).
    public static func eye(_ n: Int, _ m: Int? = nil, k: Int = 0) throws -> Tensor {
        let cols = m ?? n
        guard n >= 0, cols >= 0 else {
            throw TensorError.value(
                "eye: sizes must be 0 or more, got \(n)×\(cols)", hint: "for example eye(3) or eye(2, 3)")
        }
        var result = try filled([n, cols], value: 0, dtype: .float64, op: "eye")
        // Row i has its one at column i + k; only rows whose column lands inside are touched.
        let firstRow = Swift.max(0, k > 0 ? 0 : Swift.min(n, -Swift.max(k, -n)))
        for i in firstRow..<n {
            let (j, overflow) = i.addingReportingOverflow(k)
            if overflow || j >= cols { break }
            if j >= 0 { result.storage[i * cols + j] = 1 }
        }
        return result
    }

    /// Evenly spaced values in `[start, stop)`, NumPy's `arange`, of the given dtype; without
    /// one, whole-number arguments give an int64 tensor.
    public static func arange(
        _ start: Double, _ stop: Double, step: Double = 1, dtype: DType? = nil
    ) throws -> Tensor {
        guard step != 0, step.isFinite, start.isFinite, stop.isFinite else {
            throw TensorError.value(
                "arange: start, stop and step must be finite and step non-zero (got \(start), \(stop), \(step))",
                hint: "for example arange(0, 10, 2)")
        }
        let length = Swift.max(0, ((stop - start) / step).rounded(.up))
        guard length <= Double(Int.max / 8) else {
            throw TensorError(
                .memory, "arange: \(length) elements is too many", hint: "use a larger step or a smaller range")
        }
        let n = try checkedCount(of: [Int(length)], op: "arange")
        let whole = [start, stop, step].allSatisfy { $0 == $0.rounded() }
        let values = (0..<n).map { start + Double($0) * step }
        return Tensor(uncheckedShape: [n], storage: values, dtype: dtype ?? (whole ? .int64 : .float64))
    }

    /// `num` evenly spaced values from `start` to `stop` (included unless `endpoint` is false),
    /// computed as NumPy does so the values agree to the last bit.
    public static func linspace(_ start: Double, _ stop: Double, num: Int = 50, endpoint: Bool = true) throws -> Tensor
    {
        guard num >= 0 else {
            throw TensorError.value("linspace: num must be 0 or more, got \(num)", hint: "ask for a non-negative count")
        }
        let n = try checkedCount(of: [num], op: "linspace")
        let div = endpoint ? n - 1 : n
        let delta = stop - start
        var values = (0..<n).map(Double.init)
        if div > 0 {
            let step = delta / Double(div)
            if step == 0 {
                values = values.map { $0 / Double(div) * delta }
            } else {
                values = values.map { $0 * step }
            }
        } else {
            values = values.map { $0 * delta }
        }
        values = values.map { $0 + start }
        if endpoint && n > 1 { values[n - 1] = stop }
        return Tensor(uncheckedShape: [n], storage: values)
    }

    /// Coordinate grids from 1-d coordinate vectors. With `indexing` "xy" (the default, as in
    /// NumPy) the first two outputs have shape (len(y), len(x)); with "ij", (len(x), len(y)).
    public static func meshgrid(_ vectors: [Tensor], indexing: String = "xy") throws -> [Tensor] {
        guard indexing == "xy" || indexing == "ij" else {
            throw TensorError.value(
                "meshgrid: indexing must be 'xy' or 'ij', got '\(indexing)'", hint: "use indexing=\"xy\" or \"ij\"")
        }
        let flat = vectors.map { $0.flattened() }
        var shape = flat.map { $0.count }
        if indexing == "xy" && shape.count >= 2 { shape.swapAt(0, 1) }
        return try flat.enumerated().map { i, v in
            var viewShape = Array(repeating: 1, count: shape.count)
            var axis = i
            if indexing == "xy" && shape.count >= 2 && i < 2 { axis = 1 - i }
            viewShape[axis] = v.count
            return try v.reshaped(viewShape).broadcast(to: shape).contiguous()
        }
    }
}
