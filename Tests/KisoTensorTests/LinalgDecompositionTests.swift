import Foundation
import Testing

import KisoTestSupport
@testable import KisoTensor

/// eigh, eig, svd, inv, det, slogdet, solve and lstsq against NumPy
/// (Tests/Fixtures/linalg_decompositions.json).
///
/// Eigenvectors and singular vectors are unique only up to sign (and, for repeated values, up
/// to a rotation within their space), and two LAPACK builds may legitimately pick differently.
/// So vectors are compared with NumPy's column by column after matching signs, only where the
/// value they belong to is simple; and every result is also checked by what defines it —
/// `A v = λ v` with unit `v`, orthonormality, and `A = U diag(s) Vh` — which holds whatever the
/// choice.
@Suite struct LinalgDecompositionTests {
    static func cases(_ op: String) throws -> [[String: Any]] {
        try Fixture.cases("linalg_decompositions").filter { $0["op"] as? String == op }
    }

    /// Runs the error cases of `op`; returns the others.
    static func valueCases(
        _ op: String, _ run: ([Tensor], [String: Any]) throws -> Void
    ) throws
        -> Int
    {
        var count = 0
        for c in try cases(op) {
            let label = LinalgFixture.label(c)
            let inputs = try (c["inputs"] as? [Any] ?? []).map(LinalgFixture.operand)
            if let kind = c["error"] as? String {
                expectTensorError(
                    TensorError.Kind(rawValue: kind) ?? .value, contains: c["contains"] as? String ?? "",
                    label
                ) { try run(inputs, c) }
                continue
            }
            try run(inputs, c)
            count += 1
        }
        return count
    }

    static func output(_ c: [String: Any], _ name: String) throws -> Tensor {
        try Fixture.tensor((c["outputs"] as? [String: Any])?[name])
    }

    static func rtol(_ c: [String: Any]) -> Double { c["rtol"] as? Double ?? 1e-9 }

    /// Compares the columns (or, with `rows`, the rows) of two stacks of matrices one by one,
    /// flipping the sign of `actual`'s to match; only the vectors whose index `usable` accepts.
    static func expectVectorsMatch(
        _ actual: Tensor, _ expected: Tensor, rows: Bool = false, usable: (Int, Int) -> Bool,
        _ label: String
    ) {
        #expect(actual.shape == expected.shape, "\(label): shape")
        guard actual.shape == expected.shape, actual.rank >= 2 else { return }
        let r = actual.shape[actual.rank - 2]
        let c = actual.shape[actual.rank - 1]
        let batch = actual.count / Swift.max(r * c, 1)
        let x = MatrixStackView(values: actual.scalars, rows: r, cols: c)
        let y = MatrixStackView(values: expected.scalars, rows: r, cols: c)
        for m in 0..<batch {
            for v in 0..<(rows ? r : c) where usable(m, v) {
                let length = rows ? c : r
                func at(_ s: MatrixStackView, _ i: Int) -> Double { rows ? s[m, v, i] : s[m, i, v] }
                let alignment = (0..<length).reduce(0.0) { $0 + at(x, $1) * at(y, $1) }
                let sign: Double = alignment < 0 ? -1 : 1
                for i in 0..<length where !close(sign * at(x, i), at(y, i), rtol: 1e-8, atol: 1e-9) {
                    Issue.record(
                        "\(label): vector \(v) of matrix \(m) differs at \(i): \(sign * at(x, i)) vs \(at(y, i))"
                    )
                    break
                }
            }
        }
    }

    /// Whether value `i` of the `n` values of matrix `m` is simple (well separated from the others).
    static func isSimple(_ values: [Double], n: Int, m: Int, _ i: Int) -> Bool {
        let scale = (0..<n).reduce(1e-300) { Swift.max($0, abs(values[m * n + $1])) }
        return (0..<n).allSatisfy { j in
            j == i || abs(values[m * n + i] - values[m * n + j]) > 1e-6 * scale
        }
    }

    @Test func eigh() throws {
        let checked = try Self.valueCases("eigh") { inputs, c in
            let label = LinalgFixture.label(c)
            let uplo = c["uplo"] as? String ?? "L"
            let result = try Linalg.eigh(inputs[0], uplo: uplo)
            let w = try Self.output(c, "eigenvalues")
            #expect(mismatch(result.eigenvalues, w, rtol: 1e-10, atol: 1e-12) == nil, "\(label)")
            let n = inputs[0].shape.last ?? 0
            let values = w.scalars
            Self.expectVectorsMatch(
                result.eigenvectors, try Self.output(c, "eigenvectors"),
                usable: { m, i in Self.isSimple(values, n: n, m: m, i) }, label)
            // A v = λ v on the matrix the chosen triangle describes, and VᵀV = I.
            let a = MatrixStackView(values: inputs[0].scalars, rows: n, cols: n)
            let v = MatrixStackView(values: result.eigenvectors.scalars, rows: n, cols: n)
            let lambda = result.eigenvalues.scalars
            for m in 0..<(n == 0 ? 0 : inputs[0].count / (n * n)) {
                for k in 0..<n {
                    for i in 0..<n {
                        var av = 0.0
                        for j in 0..<n {
                            let lower =
                                uplo == "L"
                                ? a[m, Swift.max(i, j), Swift.min(i, j)] : a[m, Swift.min(i, j), Swift.max(i, j)]
                            av += lower * v[m, j, k]
                        }
                        #expect(
                            close(av, lambda[m * n + k] * v[m, i, k], rtol: 1e-9, atol: 1e-9),
                            "\(label): A v = λ v")
                        var gram = 0.0
                        for j in 0..<n { gram += v[m, j, i] * v[m, j, k] }
                        #expect(close(gram, i == k ? 1 : 0, atol: 1e-10), "\(label): orthonormal")
                    }
                }
            }
        }
        #expect(checked >= 10)
    }

    @Test func eig() throws {
        let checked = try Self.valueCases("eig") { inputs, c in
            let label = LinalgFixture.label(c)
            let result = try Linalg.eig(inputs[0])
            let w = try Self.output(c, "eigenvalues")
            // dgeev's order is deterministic for a given matrix: compared as is.
            #expect(mismatch(result.eigenvalues, w, rtol: 1e-8, atol: 1e-10) == nil, "\(label)")
            let n = inputs[0].shape.last ?? 0
            let values = w.scalars
            Self.expectVectorsMatch(
                result.eigenvectors, try Self.output(c, "eigenvectors"),
                usable: { m, i in Self.isSimple(values, n: n, m: m, i) }, label)
            let a = MatrixStackView(values: inputs[0].scalars, rows: n, cols: n)
            let v = MatrixStackView(values: result.eigenvectors.scalars, rows: n, cols: n)
            let lambda = result.eigenvalues.scalars
            for m in 0..<(inputs[0].count / Swift.max(n * n, 1)) {
                for k in 0..<n {
                    var norm = 0.0
                    for i in 0..<n {
                        var av = 0.0
                        for j in 0..<n { av += a[m, i, j] * v[m, j, k] }
                        #expect(
                            close(av, lambda[m * n + k] * v[m, i, k], rtol: 1e-8, atol: 1e-8),
                            "\(label): A v = λ v")
                        norm += v[m, i, k] * v[m, i, k]
                    }
                    #expect(
                        close(norm, 1, atol: 1e-12), "\(label): unit eigenvectors, as LAPACK normalises them")
                }
            }
        }
        #expect(checked >= 4)
        #expect(try Linalg.eigvals(Tensor(shape: [2, 2], scalars: [2, 0, 0, 3])).scalars == [2, 3])
    }

    @Test func svd() throws {
        let checked = try Self.valueCases("svd") { inputs, c in
            let label = LinalgFixture.label(c)
            let full = c["fullMatrices"] as? Bool ?? true
            let computeUV = c["computeUV"] as? Bool ?? true
            let result = try Linalg.svd(inputs[0], fullMatrices: full, computeUV: computeUV)
            let s = try Self.output(c, "s")
            #expect(mismatch(result.s, s, rtol: 1e-10, atol: 1e-12) == nil, "\(label)")
            guard computeUV else {
                #expect(result.u == nil && result.vh == nil, "\(label)")
                return
            }
            guard let u = result.u, let vh = result.vh else {
                Issue.record("\(label): missing vectors")
                return
            }
            let shape = inputs[0].shape
            let (rows, cols) = (shape[shape.count - 2], shape[shape.count - 1])
            let k = Swift.min(rows, cols)
            let values = s.scalars
            // A pair (uᵢ, vᵢ) is unique up to a common sign when sᵢ is simple and non-zero.
            let usable = { (m: Int, i: Int) -> Bool in
                i < k && values[m * k + i] > 1e-8 * values[m * k] && Self.isSimple(values, n: k, m: m, i)
            }
            Self.expectVectorsMatch(u, try Self.output(c, "u"), usable: usable, label)
            Self.expectVectorsMatch(vh, try Self.output(c, "vh"), rows: true, usable: usable, label)
            // A = U[:, :k] diag(s) Vh[:k], and both bases orthonormal.
            let uCols = u.shape[u.rank - 1]
            let a = MatrixStackView(values: inputs[0].scalars, rows: rows, cols: cols)
            let uu = MatrixStackView(values: u.scalars, rows: rows, cols: uCols)
            let vv = MatrixStackView(values: vh.scalars, rows: vh.shape[vh.rank - 2], cols: cols)
            let sv = result.s.scalars
            for m in 0..<(inputs[0].count / Swift.max(rows * cols, 1)) {
                for i in 0..<rows {
                    for j in 0..<cols {
                        var sum = 0.0
                        for t in 0..<k { sum += uu[m, i, t] * sv[m * k + t] * vv[m, t, j] }
                        #expect(close(sum, a[m, i, j], atol: 1e-10), "\(label): reconstruction")
                    }
                }
            }
            #expect(
                mismatch(try matmul(Self.transposed(u), u), Self.identityStack(u.shape), atol: 1e-10)
                    == nil, "\(label): UᵀU")
            #expect(
                mismatch(
                    try matmul(vh, Self.transposed(vh)),
                    Self.identityStack(Array(vh.shape.dropLast()) + [vh.shape[vh.rank - 2]]), atol: 1e-10)
                    == nil, "\(label): Vh Vhᵀ")
        }
        #expect(checked >= 20)
    }

    /// The last two axes swapped, as a strided view.
    static func transposed(_ t: Tensor) -> Tensor {
        var shape = t.shape
        var strides = t.strides
        shape.swapAt(t.rank - 1, t.rank - 2)
        strides.swapAt(t.rank - 1, t.rank - 2)
        return Tensor(view: t.storage, shape: shape, strides: strides, offset: t.offset, dtype: t.dtype)
    }

    /// Identity matrices of the order of `shape`'s last axis, stacked like `shape`'s leading axes.
    static func identityStack(_ shape: [Int]) -> Tensor {
        let n = shape.last ?? 0
        let batch = shape.dropLast(2).reduce(1, *)
        var values = [Double](repeating: 0, count: batch * n * n)
        for m in 0..<batch { for i in 0..<n { values[m * n * n + i * n + i] = 1 } }
        return Tensor(uncheckedShape: Array(shape.dropLast(2)) + [n, n], storage: values)
    }

    @Test func inv() throws {
        let checked = try Self.valueCases("inv") { inputs, c in
            let result = try Linalg.inv(inputs[0])
            let expected = try Self.output(c, "result")
            #expect(
                mismatch(result, expected, rtol: Self.rtol(c), atol: 1e-12) == nil,
                "\(LinalgFixture.label(c)): \(mismatch(result, expected) ?? "")")
        }
        #expect(checked >= 5)
    }

    @Test func detAndSlogdet() throws {
        let dets = try Self.valueCases("det") { inputs, c in
            let result = try Linalg.det(inputs[0])
            #expect(
                mismatch(result, try Self.output(c, "result"), rtol: Self.rtol(c), atol: 1e-12) == nil,
                "\(LinalgFixture.label(c))")
        }
        let slogdets = try Self.valueCases("slogdet") { inputs, c in
            let result = try Linalg.slogdet(inputs[0])
            #expect(
                mismatch(result.sign, try Self.output(c, "sign")) == nil, "\(LinalgFixture.label(c)) sign")
            #expect(
                mismatch(result.logabsdet, try Self.output(c, "logabsdet"), rtol: Self.rtol(c), atol: 1e-10)
                    == nil, "\(LinalgFixture.label(c)) log")
        }
        #expect(dets >= 8 && slogdets >= 8)
    }

    @Test func solve() throws {
        let checked = try Self.valueCases("solve") { inputs, c in
            let result = try Linalg.solve(inputs[0], inputs[1])
            let expected = try Self.output(c, "result")
            #expect(
                mismatch(result, expected, rtol: Self.rtol(c), atol: 1e-12) == nil,
                "\(LinalgFixture.label(c)): \(mismatch(result, expected) ?? "")")
        }
        #expect(checked >= 9)
    }

    @Test func lstsq() throws {
        let checked = try Self.valueCases("lstsq") { inputs, c in
            let label = LinalgFixture.label(c)
            let result = try Linalg.lstsq(inputs[0], inputs[1], rcond: c["rcond"] as? Double)
            let tolerance = Self.rtol(c)
            #expect(
                mismatch(result.solution, try Self.output(c, "solution"), rtol: tolerance, atol: 1e-12)
                    == nil, "\(label) x")
            #expect(
                mismatch(result.residuals, try Self.output(c, "residuals"), rtol: tolerance, atol: 1e-12)
                    == nil, "\(label) residuals")
            #expect(
                mismatch(
                    result.singularValues, try Self.output(c, "singularValues"), rtol: 1e-10, atol: 1e-12)
                    == nil, "\(label) s")
            #expect(result.rank == (c["outputs"] as? [String: Any])?["rank"] as? Int, "\(label) rank")
        }
        #expect(checked >= 9)
    }

    static let nonFinite = Tensor(
        uncheckedShape: [3, 3], storage: [1, .nan, 0, 0, 1, 0, 0, 0, .infinity])

    // The iterative routines refuse non-finite input up front (OpenBLAS 0.3.21's LAPACK can
    // loop forever on it); LU-based ones propagate NaN as NumPy does. None may trap or hang.
    @Test func nonFiniteInputsAreRefusedByIterativeRoutines() {
        expectTensorError(.linalg, contains: "eigh: the matrix contains NaN", "eigh") {
            _ = try Linalg.eigh(Self.nonFinite)
        }
        expectTensorError(.linalg, contains: "eig: the matrix contains NaN", "eig") {
            _ = try Linalg.eig(Self.nonFinite)
        }
        expectTensorError(.linalg, contains: "svd: the matrix contains NaN", "svd") {
            _ = try Linalg.svd(Self.nonFinite)
        }
        expectTensorError(.linalg, contains: "lstsq: a contains NaN", "lstsq") {
            _ = try Linalg.lstsq(Self.nonFinite, Tensor([1, 2, 3]))
        }
        expectTensorError(.linalg, contains: "lstsq: b contains an infinite value", "lstsq b") {
            _ = try Linalg.lstsq(
                Tensor(uncheckedShape: [2, 1], storage: [1, 2]), Tensor([1, .infinity]))
        }
    }

    @Test func nonFiniteInputsPropagateThroughLU() throws {
        #expect(try Linalg.inv(Self.nonFinite).scalars.contains { $0.isNaN })
        #expect(try Linalg.det(Self.nonFinite).scalar?.isNaN == true)
        #expect(try Linalg.solve(Self.nonFinite, Tensor([1, 2, 3])).scalars.contains { $0.isNaN })
    }

    @Test func eighRejectsABadTriangleName() {
        expectTensorError(.value, contains: "uplo", "eigh uplo") {
            _ = try Linalg.eigh(Tensor(shape: [1, 1], scalars: [1]), uplo: "X")
        }
    }
}
