import CBLAS

/// Shared plumbing of the LAPACK-backed operations: argument checks, batch layout, conversion
/// between NumPy's row-major matrices and LAPACK's column-major ones.

extension TensorError {
    static func linalg(_ message: String, hint: String? = nil) -> TensorError {
        TensorError(.linalg, message, hint: hint)
    }
}

/// `value` as a BLAS/LAPACK integer (32-bit in the OpenBLAS Kiso uses), or an error naming `op`.
func blasInt(_ value: Int, op: String) throws -> blasint {
    guard let converted = blasint(exactly: value) else {
        throw TensorError.value(
            "\(op): dimension \(value) exceeds OpenBLAS's 32-bit limit of \(blasint.max)",
            hint: "split the problem into smaller matrices")
    }
    return converted
}

/// The workspace size LAPACK reports in `work[0]` after a query, as a count to allocate.
func workspaceCount(_ reported: Double, op: String) throws -> blasint {
    let wanted = reported.isFinite ? Swift.max(reported.rounded(.up), 1) : Double.infinity
    guard wanted < Double(blasint.max) else {
        throw TensorError(
            .memory, "\(op): LAPACK asked for a workspace of \(reported) elements",
            hint: "use smaller matrices")
    }
    return blasint(wanted)
}

/// A fresh buffer of `count` doubles set to zero, allocated within the memory limit.
func zeroBuffer(_ count: Int, op: String) throws -> [Double] {
    _ = try Tensor.checkedCount(of: [count], op: op)
    return [Double](repeating: 0, count: count)
}

/// A stack of square matrices: the batch shape, the order `n`, and the elements of every matrix
/// in row-major order, one matrix after another.
struct SquareStack {
    var batchShape: [Int]
    var n: Int
    var elements: [Double]

    /// The number of matrices.
    var batchCount: Int { batchShape.reduce(1, *) }

    /// Checks that `a` is a matrix or a stack of them with square trailing dimensions.
    init(_ a: Tensor, op: String) throws {
        guard a.rank >= 2 else {
            throw TensorError.shape(
                "\(op): expected a square matrix or a stack of them, got a \(a.rank)-d tensor of shape \(formatShape(a.shape))",
                hint: "\(op) needs at least two dimensions; reshape a vector into a matrix first")
        }
        let rows = a.shape[a.rank - 2]
        let cols = a.shape[a.rank - 1]
        guard rows == cols else {
            throw TensorError.shape(
                "\(op): expected square matrices, got shape \(formatShape(a.shape)) (\(rows)×\(cols))",
                hint: "the last two dimensions must be equal; for a rectangular system use Linalg.lstsq")
        }
        batchShape = Array(a.shape.dropLast(2))
        n = rows
        _ = try blasInt(n, op: op)
        elements = a.contiguous().scalars
    }
}

/// The `rows`×`cols` row-major matrix at `source` written transposed (as `cols`×`rows`) into
/// `target`; also the conversion between row-major and column-major storage of one matrix.
func transposeMatrix(
    _ source: UnsafePointer<Double>, rows: Int, cols: Int, into target: UnsafeMutablePointer<Double>
) {
    for i in 0..<rows {
        for j in 0..<cols {
            target[j &* rows &+ i] = source[i &* cols &+ j]
        }
    }
}

/// The storage offsets of every matrix in a batch, in row-major order of `shape`, where the
/// operand's batch dimensions step by `strides` (0 for broadcast dimensions).
func batchOffsets(shape: [Int], strides: [Int], base: Int) -> [Int] {
    let count = shape.reduce(1, *)
    guard count > 0 else { return [] }
    var offsets = [Int](repeating: base, count: count)
    var index = [Int](repeating: 0, count: shape.count)
    var position = base
    for k in 0..<count {
        offsets[k] = position
        var axis = shape.count - 1
        while axis >= 0 {
            index[axis] &+= 1
            position &+= strides[axis]
            if index[axis] < shape[axis] { break }
            position &-= strides[axis] &* shape[axis]
            index[axis] = 0
            axis -= 1
        }
    }
    return offsets
}

/// The strides with which an operand whose batch dimensions are `shape` (strides `strides`)
/// is read as the broadcast batch shape `target`: aligned on the right, 0 where stretched.
func broadcastBatchStrides(shape: [Int], strides: [Int], to target: [Int]) -> [Int] {
    let lead = target.count - shape.count
    var result = [Int](repeating: 0, count: target.count)
    for i in 0..<shape.count where shape[i] != 1 {
        result[lead + i] = strides[i]
    }
    return result
}

/// The message for LAPACK rejecting an argument, which means Kiso called it wrongly.
func lapackArgumentError(_ routine: String, info: blasint, op: String) -> TensorError {
    TensorError.linalg(
        "\(op): LAPACK \(routine) rejected argument \(-info)",
        hint: "this is a bug in Kiso; please report it with the shapes involved")
}

/// Refuses NaN and infinite entries before an iterative LAPACK routine sees them: the
/// reference LAPACK in OpenBLAS 0.3.21 can loop forever rescaling a non-finite matrix (in
/// `dlascl`), where NumPy's newer build reports non-convergence.
func requireFinite(_ values: [Double], op: String, name: String = "the matrix") throws {
    guard let bad = values.first(where: { !$0.isFinite }) else { return }
    throw TensorError.linalg(
        "\(op): \(name) contains \(bad.isNaN ? "NaN" : "an infinite value")",
        hint: "\(op) needs finite entries; find them with isnan/isinf and replace or drop them")
}
