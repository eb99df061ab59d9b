import Testing

import KisoTestSupport
@testable import KisoTensor

/// Medium products are split by rows across cores (see `BLASThreads.selfSplitWork`); each
/// layout of the operands must still give the plain triple loop's result.
@Suite struct LinalgSplitProductTests {
    func matrix(_ rows: Int, _ cols: Int, seed: Double) throws -> Tensor {
        try Tensor(shape: [rows, cols], scalars: (0..<(rows * cols)).map { Double(($0 * 7919) % 101) / 50 - 1 + seed })
    }

    func naive(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        let (m, k, n) = (a.shape[0], a.shape[1], b.shape[1])
        let x = a.scalars
        let y = b.scalars
        var out = [Double](repeating: 0, count: m * n)
        for i in 0..<m {
            for p in 0..<k {
                let v = x[i * k + p]
                for j in 0..<n { out[i * n + j] += v * y[p * n + j] }
            }
        }
        return try Tensor(shape: [m, n], scalars: out)
    }

    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func splitProductsAreExact(_ transposeA: Bool, _ transposeB: Bool) throws {
        // 521·300·403 multiply-adds: above the single-thread limit, below the split limit.
        let a = transposeA ? try matrix(300, 521, seed: 0.1).T : try matrix(521, 300, seed: 0.1)
        let b = transposeB ? try matrix(403, 300, seed: -0.2).T : try matrix(300, 403, seed: -0.2)
        #expect(BLASThreads.work(521, 403, 300) > BLASThreads.singleThreadWork)
        let product = try matmul(a, b)
        let expected = try naive(a.contiguous(), b.contiguous())
        #expect(mismatch(product, expected, rtol: 1e-12, atol: 1e-12) == nil)
    }
}
