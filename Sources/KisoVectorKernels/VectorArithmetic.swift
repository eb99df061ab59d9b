/// The element loops of arithmetic, relu and its pullback, and sums down the first axis, four
/// and eight lanes at a time.
///
/// Every lane is the one IEEE operation a scalar loop does on that element (nothing is fused or
/// reordered; a sum down the first axis still adds row after row), so the results are the same
/// bits as the engine's scalar loops and NumPy's; only the number of elements handled per
/// instruction changes.
public enum VectorArithmetic {
    /// An operation on two elements.
    public enum Binary: Sendable {
        case add, subtract, multiply, divide
        /// g where out > 0, else 0 (relu's pullback: the first operand is the cotangent, the
        /// second relu's result).
        case reluPullback
    }

    /// An operation on one element.
    public enum Unary: Sendable {
        /// max(x, 0), keeping nan.
        case relu
    }

    /// destination[i] = x[i] ∘ y[i] for `count` elements.
    public static func apply(
        _ operation: Binary, _ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>,
        _ destination: UnsafeMutablePointer<Double>, count: Int
    ) {
        switch operation {
        case .add: pairs(x, y, destination, count, Add.self)
        case .subtract: pairs(x, y, destination, count, Subtract.self)
        case .multiply: pairs(x, y, destination, count, Multiply.self)
        case .divide: pairs(x, y, destination, count, Divide.self)
        case .reluPullback: pairs(x, y, destination, count, ReluPullback.self)
        }
    }

    /// destination[i] = x[i] ∘ y for `count` elements and one value `y`.
    public static func apply(
        _ operation: Binary, _ x: UnsafePointer<Double>, scalar y: Double,
        _ destination: UnsafeMutablePointer<Double>, count: Int
    ) {
        switch operation {
        case .add: withScalar(x, y, destination, count, Add.self)
        case .subtract: withScalar(x, y, destination, count, Subtract.self)
        case .multiply: withScalar(x, y, destination, count, Multiply.self)
        case .divide: withScalar(x, y, destination, count, Divide.self)
        case .reluPullback: withScalar(x, y, destination, count, ReluPullback.self)
        }
    }

    /// destination[i] = x ∘ y[i] for one value `x` and `count` elements.
    public static func apply(
        _ operation: Binary, scalar x: Double, _ y: UnsafePointer<Double>,
        _ destination: UnsafeMutablePointer<Double>, count: Int
    ) {
        switch operation {
        case .add: scalarFirst(x, y, destination, count, Add.self)
        case .subtract: scalarFirst(x, y, destination, count, Subtract.self)
        case .multiply: scalarFirst(x, y, destination, count, Multiply.self)
        case .divide: scalarFirst(x, y, destination, count, Divide.self)
        case .reluPullback: scalarFirst(x, y, destination, count, ReluPullback.self)
        }
    }

    /// `rows` rows of `width` elements: destination row r = x row r ∘ `row` (or `row` ∘ x row r
    /// when `rowFirst`), x and destination contiguous — a bias added to every row of a batch.
    public static func apply(
        _ operation: Binary, _ x: UnsafePointer<Double>, row: UnsafePointer<Double>, rowFirst: Bool,
        _ destination: UnsafeMutablePointer<Double>, rows: Int, width: Int
    ) {
        switch operation {
        case .add: repeatedRow(x, row, rowFirst, destination, rows, width, Add.self)
        case .subtract: repeatedRow(x, row, rowFirst, destination, rows, width, Subtract.self)
        case .multiply: repeatedRow(x, row, rowFirst, destination, rows, width, Multiply.self)
        case .divide: repeatedRow(x, row, rowFirst, destination, rows, width, Divide.self)
        case .reluPullback: repeatedRow(x, row, rowFirst, destination, rows, width, ReluPullback.self)
        }
    }

    /// destination[i] = f(x[i]) for `count` elements.
    public static func apply(
        _ operation: Unary, _ x: UnsafePointer<Double>, _ destination: UnsafeMutablePointer<Double>, count: Int
    ) {
        switch operation {
        case .relu: pairs(x, x, destination, count, Relu.self)
        }
    }

    /// accumulator[j] += rows[r·stride + j] for r = 0, 1, … in turn and j < width: rows added
    /// one after another into a running sum, each column in row order.
    public static func accumulate(
        rows source: UnsafePointer<Double>, count rows: Int, width: Int, stride: Int,
        into accumulator: UnsafeMutablePointer<Double>
    ) {
        guard width <= 32 else {
            // Wide rows: row after row through memory, as they lie.
            for r in 0..<rows {
                let row = source + r * stride
                var j = 0
                while j + 4 <= width {
                    store(accumulator + j, load(accumulator + j) + load(row + j))
                    j += 4
                }
                while j < width {
                    accumulator[j] += row[j]
                    j += 1
                }
            }
            return
        }
        // Narrow rows (a bias's gradient): the running sums stay in registers down all the rows.
        var j = 0
        while j + 8 <= width {
            var low = load(accumulator + j)
            var high = load(accumulator + j + 4)
            for r in 0..<rows {
                let row = source + r * stride + j
                low += load(row)
                high += load(row + 4)
            }
            store(accumulator + j, low)
            store(accumulator + j + 4, high)
            j += 8
        }
        if j + 4 <= width {
            var sum = load(accumulator + j)
            for r in 0..<rows { sum += load(source + r * stride + j) }
            store(accumulator + j, sum)
            j += 4
        }
        while j < width {
            var sum = accumulator[j]
            for r in 0..<rows { sum += source[r * stride + j] }
            accumulator[j] = sum
            j += 1
        }
    }

    // MARK: - The loops, specialised for each operation (no closure call per group of lanes).

    @inline(__always)
    private static func load(_ p: UnsafePointer<Double>) -> Quad {
        UnsafeRawPointer(p).loadUnaligned(as: Quad.self)
    }

    @inline(__always)
    private static func load(_ p: UnsafeMutablePointer<Double>) -> Quad {
        UnsafeRawPointer(p).loadUnaligned(as: Quad.self)
    }

    @inline(__always)
    private static func store(_ p: UnsafeMutablePointer<Double>, _ value: Quad) {
        UnsafeMutableRawPointer(p).storeBytes(of: value, as: Quad.self)
    }

    @inline(__always)
    private static func pairs<Op: LaneOperation>(
        _ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, _ destination: UnsafeMutablePointer<Double>,
        _ count: Int, _: Op.Type
    ) {
        var i = 0
        while i + 8 <= count {
            let low = Op.lanes(load(x + i), load(y + i))
            let high = Op.lanes(load(x + i + 4), load(y + i + 4))
            store(destination + i, low)
            store(destination + i + 4, high)
            i += 8
        }
        if i + 4 <= count {
            store(destination + i, Op.lanes(load(x + i), load(y + i)))
            i += 4
        }
        while i < count {
            destination[i] = Op.scalar(x[i], y[i])
            i += 1
        }
    }

    @inline(__always)
    private static func withScalar<Op: LaneOperation>(
        _ x: UnsafePointer<Double>, _ y: Double, _ destination: UnsafeMutablePointer<Double>, _ count: Int,
        _: Op.Type
    ) {
        let b = Quad(repeating: y)
        var i = 0
        while i + 4 <= count {
            store(destination + i, Op.lanes(load(x + i), b))
            i += 4
        }
        while i < count {
            destination[i] = Op.scalar(x[i], y)
            i += 1
        }
    }

    @inline(__always)
    private static func scalarFirst<Op: LaneOperation>(
        _ x: Double, _ y: UnsafePointer<Double>, _ destination: UnsafeMutablePointer<Double>, _ count: Int,
        _: Op.Type
    ) {
        let a = Quad(repeating: x)
        var i = 0
        while i + 4 <= count {
            store(destination + i, Op.lanes(a, load(y + i)))
            i += 4
        }
        while i < count {
            destination[i] = Op.scalar(x, y[i])
            i += 1
        }
    }

    @inline(__always)
    private static func repeatedRow<Op: LaneOperation>(
        _ x: UnsafePointer<Double>, _ row: UnsafePointer<Double>, _ rowFirst: Bool,
        _ destination: UnsafeMutablePointer<Double>, _ rows: Int, _ width: Int, _ op: Op.Type
    ) {
        for r in 0..<rows {
            let offset = r * width
            if rowFirst {
                pairs(row, x + offset, destination + offset, width, op)
            } else {
                pairs(x + offset, row, destination + offset, width, op)
            }
        }
    }
}

/// One elementwise operation, on four lanes and on one value, with the same result per element.
private protocol LaneOperation {
    static func lanes(_ a: Quad, _ b: Quad) -> Quad
    static func scalar(_ a: Double, _ b: Double) -> Double
}

private enum Add: LaneOperation {
    @inline(__always) static func lanes(_ a: Quad, _ b: Quad) -> Quad { a + b }
    @inline(__always) static func scalar(_ a: Double, _ b: Double) -> Double { a + b }
}

private enum Subtract: LaneOperation {
    @inline(__always) static func lanes(_ a: Quad, _ b: Quad) -> Quad { a - b }
    @inline(__always) static func scalar(_ a: Double, _ b: Double) -> Double { a - b }
}

private enum Multiply: LaneOperation {
    @inline(__always) static func lanes(_ a: Quad, _ b: Quad) -> Quad { a * b }
    @inline(__always) static func scalar(_ a: Double, _ b: Double) -> Double { a * b }
}

private enum Divide: LaneOperation {
    @inline(__always) static func lanes(_ a: Quad, _ b: Quad) -> Quad { a / b }
    @inline(__always) static func scalar(_ a: Double, _ b: Double) -> Double { a / b }
}

/// g where out > 0, else +0 (a nan out compares false, so 0, as the scalar rule gives).
private enum ReluPullback: LaneOperation {
    @inline(__always) static func lanes(_ g: Quad, _ out: Quad) -> Quad {
        g.replacing(with: 0, where: .!(out .> 0))
    }
    @inline(__always) static func scalar(_ g: Double, _ out: Double) -> Double { out > 0 ? g : 0 }
}

/// max(x, 0) keeping nan: x ≤ 0 (−0 included) becomes +0, nan compares false and stays. The
/// second operand is ignored.
private enum Relu: LaneOperation {
    @inline(__always) static func lanes(_ x: Quad, _: Quad) -> Quad { x.replacing(with: 0, where: x .<= 0) }
    @inline(__always) static func scalar(_ x: Double, _: Double) -> Double { x > 0 || x.isNaN ? x : 0 }
}
