import Testing

@testable import KisoTensor

/// Small products of two matrices skip `GemmOperand`'s description of their operands and call
/// `dgemm` directly (Matmul.swift's `smallMatrixProduct`). The call must be the one the general
/// path makes, so each case here is compared bit for bit with `GemmOperand.multiply`, the
/// general path itself, on the layouts an attention step and a network's layers produce.
@Suite struct LinalgSmallProductTests {
    /// Reproducible elements that are not round numbers, so a different summation order would
    /// show in the last bits.
    static func elements(_ count: Int, seed: Int) -> [Double] {
        (0..<count).map { i in
            let x = Double((i * 7919 + seed * 104_729) % 1009) / 97.0 - 5.0
            return x * 1.000_000_1 + Double(i % 3) * 1e-9
        }
    }

    static func matrix(_ rows: Int, _ cols: Int, seed: Int, dtype: DType = .float64) throws -> Tensor {
        var scalars = elements(rows * cols, seed: seed)
        if dtype != .float64 { scalars = scalars.map { dtype == .bool ? ($0 > 0 ? 1 : 0) : $0.rounded() } }
        return try Tensor(shape: [rows, cols], scalars: scalars, dtype: dtype)
    }

    /// The general path's product, as `matmul` made it before the small-matrix path.
    static func generalProduct(_ a: Tensor, _ b: Tensor) throws -> [Double] {
        try GemmOperand.multiply(
            GemmOperand(a, op: "test"), GemmOperand(b, op: "test"), batchShape: [],
            count: a.shape[0] * b.shape[1], op: "test")
    }

    static func expectSameBits(_ a: Tensor, _ b: Tensor, _ label: String) throws {
        let product = try matmul(a, b)
        #expect(product.shape == [a.shape[0], b.shape[1]], "\(label)")
        let general = try generalProduct(a, b)
        let same = zip(product.scalars, general).allSatisfy { $0.bitPattern == $1.bitPattern }
        #expect(same && product.count == general.count, "\(label): \(product.scalars) vs \(general)")
    }

    @Test func attentionShapesGiveTheGeneralPathsBits() throws {
        let q = try Self.matrix(4, 8, seed: 1)
        let k = try Self.matrix(4, 8, seed: 2)
        let v = try Self.matrix(4, 8, seed: 3)
        // Q @ K.T: a transposed view, read column-major by dgemm.
        try Self.expectSameBits(q, k.T, "Q @ K.T")
        let w = try matmul(q, k.T)
        try Self.expectSameBits(w, v, "w @ V")
        try Self.expectSameBits(k.T, q, "K.T @ Q")
        try Self.expectSameBits(q.T, k, "Q.T @ K")
    }

    @Test func viewsWithOffsetsAndGapsGiveTheGeneralPathsBits() throws {
        let base = try Self.matrix(9, 12, seed: 4)
        // Rows 2…6 and columns 3…10 of a larger matrix: an offset and a leading dimension of 12.
        let block = try base.subscripted([.slice(start: 2, stop: 7, step: 1), .slice(start: 3, stop: 11, step: 1)])
        let right = try Self.matrix(8, 5, seed: 5)
        try Self.expectSameBits(block, right, "block @ B")
        try Self.expectSameBits(right.T, block.T, "Bᵀ @ blockᵀ")
        // Every other column: BLAS cannot read it as it lies, so the general path copies it.
        let stepped = try base.subscripted([.slice(start: 0, stop: 4, step: 1), .slice(start: 0, stop: 12, step: 2)])
        try Self.expectSameBits(stepped, try Self.matrix(6, 3, seed: 6), "stepped @ B")
    }

    @Test func integerAndBoolProductsKeepNumPysDTypes() throws {
        let a = try Self.matrix(3, 4, seed: 7, dtype: .int64)
        let b = try Self.matrix(4, 2, seed: 8, dtype: .int64)
        let ints = try matmul(a, b)
        #expect(ints.dtype == .int64)
        try Self.expectSameBits(a, b, "int64")
        let p = try Self.matrix(3, 4, seed: 9, dtype: .bool)
        let q = try Self.matrix(4, 2, seed: 10, dtype: .bool)
        let bools = try matmul(p, q)
        #expect(bools.dtype == .bool)
        #expect(bools.scalars == (try Self.generalProduct(p, q)).map { $0 != 0 ? 1 : 0 })
    }

    @Test func mismatchedInnerSizesStillSayWhatToDo() throws {
        let a = try Self.matrix(4, 8, seed: 11)
        do {
            _ = try matmul(a, a)
            Issue.record("a (4,8) @ (4,8) product was computed")
        } catch let error as TensorError {
            #expect(error.message.contains("inner sizes 8 and 4 differ"))
            #expect(error.hint == "did you mean b.T?")
        }
    }
}
