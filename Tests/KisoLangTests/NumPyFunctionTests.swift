import KisoTestSupport
import Testing

@testable import KisoLang

/// Sorting, statistics, array-building and matrix functions against NumPy: each fixture case is a
/// Kiso expression and the text NumPy's result prints as (scripts/gen_numpy_functions_fixtures.py).
@Suite struct NumPyFunctionTests {
    static let cases: [(source: String, expected: String)] = {
        let raw = (try? Fixture.cases("numpy_functions")) ?? []
        return raw.compactMap { c in
            guard let source = c["kiso"] as? String, let expected = c["expected"] as? String else { return nil }
            return (source, expected)
        }
    }()

    @Test func fixtureIsPresent() {
        #expect(Self.cases.count >= 80)
    }

    @Test(arguments: cases.map(\.source))
    func matchesNumPy(_ source: String) {
        let expected = Self.cases.first { $0.source == source }?.expected
        #expect(eval(source) == expected)
    }

    @Test func errorsNameTheProblem() {
        #expect(Harness().error("searchsorted([[1, 2]], 1)").contains("searchsorted: the sorted array must be 1-d"))
        #expect(Harness().error("quantile([1, 2], 1.5)").contains("quantiles must lie in [0, 1], got 1.5"))
        #expect(Harness().error("percentile([1, 2], 150)").contains("percentiles lie in [0, 100]"))
        #expect(Harness().error("topk([1, 2], 3)").contains("topk: k = 3 is out of range"))
        #expect(Harness().error("bincount([1, -1])").contains("non-negative integer"))
        #expect(Harness().error("convolve([1, 2], [1], mode=\"wide\")").contains("has no mode \"wide\""))
        #expect(Harness().error("convolve([], [1])").contains("neither input may be empty"))
        #expect(Harness().error("diag(zeros([2, 2, 2]))").contains("diag: takes a 1-d tensor"))
        #expect(Harness().error("tensordot(ones([2, 3]), ones([4, 5]), axes=1)").contains("the contracted axes differ"))
        #expect(Harness().error("matrix_power(ones([2, 3]), 2)").contains("expected a square matrix"))
        #expect(Harness().error("median([])").contains("no elements"))
    }
}
