import Foundation
import KisoTestSupport
import Testing

@testable import KisoTensor

/// Products with a dimension of 1 against NumPy (Tests/Fixtures/linalg_thin_products.json).
/// NumPy computes a matrix times a column, or a row times a matrix, with dgemv, and a column
/// times a row with its own loop; Kiso does the same, so it gets NumPy's bits, not merely its
/// values to a few ulps (dgemm, which Kiso used before, sums in another order). The gemv cases
/// are compared bit for bit when Kiso's OpenBLAS runs the kernel family NumPy's did when the
/// fixture was made (recorded in it); the k = 1 loop always.
@Suite struct LinalgThinProductTests {
    @Test func matchNumPyBitForBit() throws {
        let root = try Fixture.root("linalg_thin_products")
        let cases = try Fixture.cases("linalg_thin_products")
        #expect(cases.count >= 20)
        let numpyCore = root["openblas_core"] as? String ?? "unknown"
        let sameKernels = try Linalg.backendDescription().contains("(\(numpyCore) kernels")
        var bitwise = 0
        for c in cases {
            let label = LinalgFixture.label(c)
            let a = try LinalgFixture.operand(c["a"])
            let b = try LinalgFixture.operand(c["b"])
            let expected = try Fixture.tensor(c["expected"])
            let actual = try matmul(a, b)
            #expect(actual.shape == expected.shape, "\(label)")
            let innerIsOne = a.rank == 2 && a.shape[1] == 1
            if sameKernels || innerIsOne {
                bitwise += 1
                let same = zip(actual.scalars, expected.scalars).allSatisfy { $0.bitPattern == $1.bitPattern }
                #expect(same, "\(label): \(mismatch(actual, expected) ?? "differs in the last bits")")
            } else {
                #expect(mismatch(actual, expected, rtol: 1e-12, atol: 1e-14) == nil, "\(label)")
            }
        }
        // On the machine the fixture was made on every case is compared bit for bit.
        #expect(bitwise >= 5)
    }

    @Test func signedZerosOfAColumnTimesARowAreNumPys() throws {
        // 0 + a·b, as NumPy's loop: a product of −0 comes out +0 (NumPy gives [[0, 0], [0, 0]] here).
        let column = try Tensor(shape: [2, 1], scalars: [-1, 2])
        let row = try Tensor(shape: [1, 2], scalars: [0, -0.0])
        let product = try matmul(column, row)
        #expect(product.scalars.map(\.sign) == [.plus, .plus, .plus, .plus])
    }
}
