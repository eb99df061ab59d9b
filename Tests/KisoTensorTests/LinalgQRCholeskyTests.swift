import KisoTestSupport
import Testing

@testable import KisoTensor

/// qr and cholesky against NumPy (Tests/Fixtures/linalg_decompositions.json, from
/// scripts/gen_linalg_fixtures.py).
///
/// `qr` calls LAPACK's dgeqrf and dorgqr as NumPy does, so Q and R are NumPy's, signs included,
/// and are compared element by element; NumPy's bundled OpenBLAS and the system one may round
/// the last bits differently, so to 1e-12. `cholesky` is computed in Swift, NumPy's by dpotrf:
/// the same factor, rounded differently in the last bits.
@Suite struct LinalgQRCholeskyTests {
    @Test func qrMatchesNumPy() throws {
        let checked = try LinalgDecompositionTests.valueCases("qr") { inputs, c in
            let label = LinalgFixture.label(c)
            guard let mode = Linalg.QRMode(rawValue: c["mode"] as? String ?? "reduced") else {
                Issue.record("\(label): mode")
                return
            }
            let result = try Linalg.qr(inputs[0], mode: mode)
            let r = try LinalgDecompositionTests.output(c, "r")
            #expect(mismatch(result.r, r) == nil, "\(label) R: \(mismatch(result.r, r) ?? "")")
            guard mode != .r else {
                #expect(result.q == nil, "\(label): mode r returns no Q")
                return
            }
            let expectedQ = try LinalgDecompositionTests.output(c, "q")
            guard let q = result.q else {
                Issue.record("\(label): missing Q")
                return
            }
            #expect(mismatch(q, expectedQ) == nil, "\(label) Q: \(mismatch(q, expectedQ) ?? "")")
            // Whatever the rounding, Q R rebuilds a and Q's columns are orthonormal.
            #expect(mismatch(try matmul(q, result.r), inputs[0].contiguous(), atol: 1e-10) == nil, "\(label): QR")
            let gram = try matmul(LinalgDecompositionTests.transposed(q), q)
            #expect(
                mismatch(gram, LinalgDecompositionTests.identityStack(gram.shape), atol: 1e-10) == nil,
                "\(label): QᵀQ")
        }
        #expect(checked >= 25)
    }

    @Test func choleskyMatchesNumPy() throws {
        let checked = try LinalgDecompositionTests.valueCases("cholesky") { inputs, c in
            let result = try Linalg.cholesky(inputs[0])
            let expected = try LinalgDecompositionTests.output(c, "result")
            #expect(
                mismatch(result, expected) == nil,
                "\(LinalgFixture.label(c)): \(mismatch(result, expected) ?? "")")
        }
        #expect(checked >= 4)
    }

    @Test func qrPropagatesNonFiniteValues() throws {
        let result = try Linalg.qr(LinalgDecompositionTests.nonFinite)
        #expect(result.r.scalars.contains { $0.isNaN })
    }
}
