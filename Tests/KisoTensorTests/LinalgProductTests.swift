import Foundation
import Testing

import KisoTestSupport
@testable import KisoTensor

/// matmul, dot, inner, outer and vdot against NumPy (Tests/Fixtures/linalg_products.json):
/// 1-d promotion, batch broadcasting, empty dimensions, strided views and error messages.
@Suite struct LinalgProductTests {
    static func run(_ op: String, _ a: Tensor, _ b: Tensor) throws -> Tensor {
        switch op {
        case "matmul": return try matmul(a, b)
        case "dot": return try dot(a, b)
        case "inner": return try inner(a, b)
        case "outer": return try outer(a, b)
        case "vdot": return try vdot(a, b)
        default: throw FixtureError.malformed(op)
        }
    }

    @Test func matchesNumPy() throws {
        let cases = try Fixture.cases("linalg_products")
        #expect(cases.count > 50)
        for c in cases {
            let label = LinalgFixture.label(c)
            guard let op = c["op"] as? String else { throw FixtureError.malformed(label) }
            let a = try LinalgFixture.operand(c["a"])
            let b = try LinalgFixture.operand(c["b"])
            if let kind = c["error"] as? String {
                expectTensorError(
                    TensorError.Kind(rawValue: kind) ?? .value, contains: c["contains"] as? String ?? "",
                    hint: c["hint"] as? String, label
                ) { _ = try Self.run(op, a, b) }
                continue
            }
            let expected = try Fixture.tensor(c["expected"])
            let actual = try Self.run(op, a, b)
            // NumPy's dtype: int64 for integer operands, float64 once either is a float.
            #expect(actual.dtype == expected.dtype, "\(label)")
            // Different BLAS builds sum in different orders: agreement to a few ulps of the
            // terms, not bit for bit.
            #expect(
                mismatch(actual, expected, rtol: 1e-10, atol: 1e-12) == nil,
                "\(label): \(mismatch(actual, expected) ?? "")")
        }
    }

    @Test func zeroSizeInnerDimensionGivesZeros() throws {
        let a = try Tensor(shape: [3, 0], scalars: [])
        let b = try Tensor(shape: [0, 2], scalars: [])
        let product = try matmul(a, b)
        #expect(product.shape == [3, 2])
        #expect(product.scalars == [Double](repeating: 0, count: 6))
    }

    @Test func transposedViewsAreReadWithoutCopying() throws {
        // A transposed view is column-major: BLAS takes it as is.
        let base = try Tensor(shape: [3, 2], scalars: [1, 2, 3, 4, 5, 6])
        let transposed = Tensor(
            view: base.storage, shape: [2, 3], strides: [1, 2], offset: 0, dtype: .float64)
        let operand = try GemmOperand(transposed, op: "test")
        #expect(operand.transposed)
        #expect(operand.leading == 2)
        #expect(try matmul(transposed, base).scalars == [35, 44, 44, 56])
    }

    @Test func largeProductUsesTheLibraryCorrectly() throws {
        // Big enough for OpenBLAS's threaded path; checked against a plain triple loop.
        let n = 160
        let a = try Tensor(shape: [n, n], scalars: (0..<(n * n)).map { Double(($0 * 7) % 13) - 6 })
        let b = try Tensor(shape: [n, n], scalars: (0..<(n * n)).map { Double(($0 * 5) % 11) - 5 })
        let product = try matmul(a, b).scalars
        let x = a.scalars
        let y = b.scalars
        for i in stride(from: 0, to: n, by: 17) {
            for j in stride(from: 0, to: n, by: 13) {
                var sum = 0.0
                for k in 0..<n { sum += x[i * n + k] * y[k * n + j] }
                #expect(product[i * n + j] == sum, "(\(i),\(j))")
            }
        }
    }

    @Test func allocationLimitIsHonoured() throws {
        let tall = Tensor(view: [1], shape: [1 << 20, 1], strides: [0, 0], offset: 0, dtype: .float64)
        let wide = Tensor(view: [1], shape: [1, 1 << 20], strides: [0, 0], offset: 0, dtype: .float64)
        expectTensorError(.memory, contains: "matmul", "outer product over the limit") {
            _ = try matmul(tall, wide)
        }
    }

    @Test func backendIsDescribed() throws {
        let description = try Linalg.backendDescription()
        #expect(description.contains("OpenBLAS"))
    }
}
