/// Turning user-supplied positions into checked, non-negative offsets along one dimension.

enum IndexPositions {
    /// `position` counted from the front of a dimension of `size`, or an error naming `axis`.
    static func normalize(_ position: Int, size: Int, axis: Int, op: String) throws -> Int {
        guard position >= -size && position < size else {
            throw outOfBounds(String(position), size: size, axis: axis, op: op)
        }
        return position < 0 ? position + size : position
    }

    /// A position stored as a `Double` in an index tensor: it must be a whole number, and is then
    /// checked like an integer. The range test comes before the conversion, which would trap on a
    /// value beyond `Int`.
    static func normalize(_ value: Double, size: Int, axis: Int, op: String) throws -> Int {
        let whole = try wholeNumber(value, op: op)
        guard whole >= -Double(size) && whole < Double(size) else {
            throw outOfBounds(describe(whole), size: size, axis: axis, op: op)
        }
        let position = Int(whole)
        return position < 0 ? position + size : position
    }

    /// Every element of a non-boolean index tensor, normalized against a dimension of `size`.
    static func normalize(_ index: Tensor, size: Int, axis: Int, op: String) throws -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(index.count)
        for value in index.scalars {
            result.append(try normalize(value, size: size, axis: axis, op: op))
        }
        return result
    }

    /// `value` when it has no fractional part; NaN and infinities are not whole numbers.
    static func wholeNumber(_ value: Double, op: String) throws -> Double {
        guard value.isFinite && value.rounded(.towardZero) == value else {
            throw TensorError.index(
                "\(op): indices must be whole numbers, but got \(value)",
                hint: "round the positions first (floor, round) or build the index as int64")
        }
        return value
    }

    /// The coordinates of the nonzero elements of `mask`, in row-major order: one list per
    /// dimension, each as long as the number of nonzero elements.
    static func coordinatesOfNonzero(_ mask: Tensor) -> [[Int]] {
        let shape = mask.shape
        var coordinates = [[Int]](repeating: [], count: shape.count)
        var counter = [Int](repeating: 0, count: shape.count)
        for value in mask.scalars {
            if value != 0 {
                for axis in 0..<shape.count { coordinates[axis].append(counter[axis]) }
            }
            // Odometer over the mask's dimensions, last fastest.
            var axis = shape.count - 1
            while axis >= 0 {
                counter[axis] += 1
                if counter[axis] < shape[axis] { break }
                counter[axis] = 0
                axis -= 1
            }
        }
        return coordinates
    }

    private static func outOfBounds(
        _ position: String, size: Int, axis: Int, op: String
    )
        -> TensorError
    {
        let hint =
            size == 0
            ? "axis \(axis) is empty, so no position is valid"
            : "valid positions are -\(size)…\(size - 1)"
        return TensorError.index(
            "\(op): index \(position) is out of bounds for axis \(axis) with size \(size)", hint: hint)
    }

    /// A whole number as an integer when it fits one, else in floating-point notation.
    private static func describe(_ whole: Double) -> String {
        if whole >= -9.2e18 && whole <= 9.2e18 { return String(Int(whole)) }
        return String(whole)
    }
}
