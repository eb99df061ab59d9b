/// Shape arithmetic shared by every operation: formatting, axis normalisation, broadcasting.

/// A shape as NumPy prints it: `(2,3)`, `(5,)`, `()`.
public func formatShape(_ shape: [Int]) -> String {
    if shape.count == 1 { return "(\(shape[0]),)" }
    return "(" + shape.map(String.init).joined(separator: ",") + ")"
}

extension Tensor {
    /// `axis` as a position in `0..<rank`, accepting negative axes counted from the end.
    static func normalizeAxis(_ axis: Int, rank: Int, op: String) throws -> Int {
        let resolved = axis < 0 ? axis + rank : axis
        guard resolved >= 0 && resolved < rank else {
            let valid = rank == 0 ? "a 0-d tensor has no axes" : "valid axes are -\(rank)…\(rank - 1)"
            throw TensorError.axis(
                "\(op): axis \(axis) is out of bounds for a tensor of rank \(rank)", hint: valid)
        }
        return resolved
    }

    /// Several axes normalised, sorted, and checked for repeats.
    static func normalizeAxes(_ axes: [Int], rank: Int, op: String) throws -> [Int] {
        var seen = Set<Int>()
        var result: [Int] = []
        for axis in axes {
            let resolved = try normalizeAxis(axis, rank: rank, op: op)
            guard seen.insert(resolved).inserted else {
                throw TensorError.axis("\(op): axis \(axis) is repeated in \(axes)", hint: "name each axis once")
            }
            result.append(resolved)
        }
        return result.sorted()
    }

    /// The shape two shapes broadcast to under NumPy's rules (align on the right; a size of 1
    /// stretches), or an error naming both.
    public static func broadcastShapes(_ a: [Int], _ b: [Int], op: String = "broadcast") throws -> [Int] {
        let rank = Swift.max(a.count, b.count)
        // Small ranks are worked out inline and answered with an operand's own array or a
        // shared one, so broadcasting allocates nothing.
        let small = rank <= 4
        var result = small ? [] : [Int](repeating: 1, count: rank)
        var key = SmallIntArrays.Key(count: rank)
        var isA = a.count == rank
        var isB = b.count == rank
        for i in 0..<rank {
            let da = i < rank - a.count ? 1 : a[i - (rank - a.count)]
            let db = i < rank - b.count ? 1 : b[i - (rank - b.count)]
            let d: Int
            if da == db || db == 1 {
                d = da
            } else if da == 1 {
                d = db
            } else {
                throw TensorError.shape(
                    "\(op): shapes \(formatShape(a)) and \(formatShape(b)) cannot be broadcast together (axis \(i - rank): \(da) vs \(db))",
                    hint:
                        "sizes must match or be 1 when aligned from the right; reshape or add an axis with expand_dims")
            }
            if small {
                key[i] = d
                isA = isA && da == d
                isB = isB && db == d
            } else {
                result[i] = d
            }
        }
        guard small else { return result }
        return isA ? a : isB ? b : SmallIntArrays.array(key)
    }

    /// The strides that read this tensor as if it had `shape` (which it must broadcast to):
    /// stretched dimensions get stride 0.
    func broadcastStrides(to target: [Int]) -> [Int] {
        let lead = target.count - shape.count
        var result = [Int](repeating: 0, count: target.count)
        for i in 0..<shape.count where shape[i] != 1 || target[lead + i] == 1 {
            result[lead + i] = shape[i] == 1 ? 0 : strides[i]
        }
        return result
    }
}
