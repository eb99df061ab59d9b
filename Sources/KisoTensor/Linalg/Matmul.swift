import CBLAS

/// NumPy's `matmul` (`a @ b`): the matrix product, batched over leading dimensions.
///
/// A 1-d `a` is taken as a row vector and a 1-d `b` as a column vector, and the added axis is
/// removed from the result; the dimensions before the last two broadcast against each other.
/// 0-d operands are rejected (multiply by a scalar with `*`). The result's dtype is NumPy's:
/// float64 when either operand is, int64 for integers, bool for two bool operands.
public func matmul(_ a: Tensor, _ b: Tensor) throws -> Tensor {
    let op = "matmul"
    guard a.rank > 0, b.rank > 0 else {
        let which = a.rank == 0 ? "first" : "second"
        throw TensorError.shape(
            "\(op): \(formatShape(a.shape)) @ \(formatShape(b.shape)) — the \(which) operand is 0-d",
            hint: "matmul needs vectors or matrices; multiply by a scalar with *")
    }
    if a.rank == 2, b.rank == 2, let product = try smallMatrixProduct(a, b, op: op) { return product }
    let left = a.rank == 1 ? asRowVector(a) : a
    let right = b.rank == 1 ? asColumnVector(b) : b
    let m = left.shape[left.rank - 2]
    let k = left.shape[left.rank - 1]
    let n = right.shape[right.rank - 1]
    let innerRight = right.shape[right.rank - 2]
    guard k == innerRight else {
        throw TensorError.shape(
            "\(op): \(formatShape(a.shape)) @ \(formatShape(b.shape)) — inner sizes \(k) and \(innerRight) differ",
            hint: matmulHint(a, b))
    }
    let batchA = Array(left.shape.dropLast(2))
    let batchB = Array(right.shape.dropLast(2))
    let batch: [Int]
    do {
        batch = try Tensor.broadcastShapes(batchA, batchB, op: op)
    } catch {
        throw TensorError.shape(
            "\(op): \(formatShape(a.shape)) @ \(formatShape(b.shape)) — batch dimensions \(formatShape(batchA)) and \(formatShape(batchB)) cannot be broadcast",
            hint: "dimensions before the last two must match or be 1 when aligned from the right")
    }
    let count: Int
    var shape: [Int]
    if batch.isEmpty {
        // Plain matrices: the shapes come from the shared small arrays, not fresh ones.
        count = try Tensor.checkedCount(of: SmallIntArrays.array(.init(count: 2, a: m, b: n)), op: op)
        switch (a.rank > 1, b.rank > 1) {
        case (true, true): shape = SmallIntArrays.array(.init(count: 2, a: m, b: n))
        case (true, false): shape = SmallIntArrays.array(.init(count: 1, a: m))
        case (false, true): shape = SmallIntArrays.array(.init(count: 1, a: n))
        case (false, false): shape = []
        }
    } else {
        count = try Tensor.checkedCount(of: batch + [m, n], op: op)
        shape = batch
        if a.rank > 1 { shape.append(m) }
        if b.rank > 1 { shape.append(n) }
    }
    let dtype = productDType(a.dtype, b.dtype)
    if count == 0 { return Tensor(uncheckedShape: shape, storage: [], dtype: dtype) }
    var product = try GemmOperand.multiply(
        GemmOperand(left, op: op), GemmOperand(right, op: op), batchShape: batch, count: count, op: op)
    if dtype == .bool { product = product.map { $0 != 0 ? 1 : 0 } }
    return Tensor(uncheckedShape: shape, storage: product, dtype: dtype)
}

/// `a @ b` for two matrices whose product `GemmOperand.multiply` would make with one `dgemm`
/// call (no dimension of 1, both readable by BLAS as they lie, fewer than
/// `BLASThreads.selfSplitMinimum` multiply-adds), made with exactly that call; nil for every
/// other pair, which the general path takes. An attention step's 4×8 @ 8×4 spends more in
/// describing its operands (`GemmOperand` copies each tensor and its batch tables) than in
/// the arithmetic.
private func smallMatrixProduct(_ a: Tensor, _ b: Tensor, op: String) throws -> Tensor? {
    let m = a.shape[0]
    let k = a.shape[1]
    let n = b.shape[1]
    guard k == b.shape[0], m > 1, n > 1, k > 1, BLASThreads.work(m, n, k) < BLASThreads.selfSplitMinimum,
        let left = GemmOperand.layout(rows: m, cols: k, rowStride: a.strides[0], colStride: a.strides[1]),
        let right = GemmOperand.layout(rows: k, cols: n, rowStride: b.strides[0], colStride: b.strides[1]),
        left.leading <= Int(Int32.max), right.leading <= Int(Int32.max)
    else { return nil }
    let library = try BLASLibrary.shared(op: op)
    BLASThreads.prepare(library, multiplyAdds: m * n * k)
    var product = Storage.make(count: m * n) { c in
        a.storage.withUnsafeBufferPointer { storageA in
            b.storage.withUnsafeBufferPointer { storageB in
                guard let baseA = storageA.baseAddress, let baseB = storageB.baseAddress else {
                    c.initialize(repeating: 0, count: m * n)
                    return
                }
                library.dgemm(
                    CblasRowMajor, left.transposed ? CblasTrans : CblasNoTrans,
                    right.transposed ? CblasTrans : CblasNoTrans, blasint(m), blasint(n), blasint(k), 1.0,
                    baseA + a.offset, blasint(left.leading), baseB + b.offset, blasint(right.leading), 0.0, c,
                    blasint(n))
            }
        }
    }
    let dtype = productDType(a.dtype, b.dtype)
    if dtype == .bool { product = product.map { $0 != 0 ? 1 : 0 } }
    return Tensor(uncheckedShape: SmallIntArrays.array(.init(count: 2, a: m, b: n)), storage: product, dtype: dtype)
}

/// The dtype NumPy gives a sum of products of `a` and `b` elements: integers stay integers
/// (whole numbers times whole numbers add up to whole numbers, exactly while they stay below
/// 2⁵³, as every int64 tensor's values do), and two bool operands give bool (any true pair).
func productDType(_ a: DType, _ b: DType) -> DType {
    a == .bool && b == .bool ? .bool : DType.promote(a, b)
}

extension Tensor {
    /// The matrix product `self @ other` (see `matmul(_:_:)`).
    public func matmul(_ other: Tensor) throws -> Tensor {
        try KisoTensor.matmul(self, other)
    }
}

/// A 1-d tensor seen as a 1×n matrix, without copying.
func asRowVector(_ v: Tensor) -> Tensor {
    Tensor(
        view: v.storage, shape: [1, v.shape[0]], strides: [0, v.strides[0]], offset: v.offset,
        dtype: v.dtype)
}

/// A 1-d tensor seen as an n×1 matrix, without copying.
func asColumnVector(_ v: Tensor) -> Tensor {
    Tensor(
        view: v.storage, shape: [v.shape[0], 1], strides: [v.strides[0], 0], offset: v.offset,
        dtype: v.dtype)
}

/// A suggestion for mismatched inner sizes: the transpose that would make the product defined.
private func matmulHint(_ a: Tensor, _ b: Tensor) -> String {
    let aInner = a.shape[a.rank - 1]
    if b.rank >= 2 && b.shape[b.rank - 1] == aInner { return "did you mean b.T?" }
    if a.rank >= 2 && b.rank >= 2 && a.shape[a.rank - 2] == b.shape[b.rank - 2] {
        return "did you mean a.T?"
    }
    return
        "the last dimension of a must equal the second-to-last dimension of b (or b's length when b is 1-d)"
}
