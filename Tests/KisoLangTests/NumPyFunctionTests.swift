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
        let expected = Self.cases.first { $0.source == source }?.expected ?? ""
        let actual = eval(source)
        // A scalar prints every digit, so a different summation order (NumPy's einsum and BLAS
        // add in their own orders, LAPACK builds factor in theirs) may change the last one:
        // scalars, alone or in a tuple, agree to 1e-12.
        if actual != expected, let xs = Self.scalars(actual), let ys = Self.scalars(expected), xs.count == ys.count {
            for (x, y) in zip(xs, ys) {
                #expect(close(x, y, rtol: 1e-12, atol: 1e-300), "\(actual) vs NumPy's \(expected)")
            }
        } else {
            #expect(actual == expected)
        }
    }

    /// The numbers of `text` when it is one number or a tuple of numbers, else nil.
    static func scalars(_ text: String) -> [Double]? {
        if let x = Double(text) { return [x] }
        guard text.hasPrefix("("), text.hasSuffix(")") else { return nil }
        let items = text.dropFirst().dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let numbers = items.compactMap { Double($0) }
        return numbers.count == items.count ? numbers : nil
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
        #expect(Harness().error("histogram([1.0, 2.0], bins=10000000000)").contains("memory error: histogram: shape"))
        #expect(Harness().error("seed(0); choice(3, 5, replace=false)").contains("or pass replace=true"))
    }

    @Test func pytorchSpellingsRefuseBadInput() {
        #expect(Harness().error("zeros([2, 3]).sum(dim=0, axis=1)").contains("got both `dim` and `axis`"))
        #expect(Harness().error("zeros([2, 3]).size(2)").contains("size: dim 2 is out of range for 2 axes"))
        #expect(Harness().error("zeros([2, 3]).flatten(1, 0)").contains("start_dim (1) comes after end_dim (0)"))
        #expect(Harness().error("gelu(1.0, approximate=\"fast\")").contains("approximate must be \"none\" or \"tanh\""))
        #expect(Harness().error("zeros([2, 3, 4]).transpose(0, 1)").contains("transpose"))
        #expect(eval("zeros([2, 3]).size") == "6")
    }

    @Test func narrowDtypesAreRefusedNotSilentlyWidened() {
        #expect(Harness().error("astype([1.5], \"float32\")").contains("dtype 'float32' is not supported"))
        #expect(
            Harness().error("zeros(3, dtype=\"float32\")").contains("Kiso computes in float64, int64 and bool only"))
        #expect(Harness().error("zeros(3, dtype=\"int32\")").contains("dtype 'int32' is not supported"))
        #expect(Harness().error("astype([1.5], len)").contains("`len` is not a dtype"))
        #expect(Harness().error("astype([1.5], 3)").contains("expected a dtype"))
        #expect(eval("zeros(2, dtype=float).dtype") == "'float64'")
    }

    @Test func einsumIsDifferentiable() {
        let check = eval(
            "A = default_rng(0).normal(0, 1, [3, 3]); B = default_rng(1).normal(0, 1, [3, 2]); "
                + "gradcheck((X, Y) -> sum(einsum(\"ij,jk->ik\", X, Y) ^ 2) + einsum(\"ii\", X), A, B)")
        #expect(check.contains("'passed': True"), "\(check)")
        #expect(eval("grad(v -> einsum(\"i,i\", v, v))([1.0, 2.0])") == "[2. 4.]")
    }

    @Test func einsumErrorsNameTheSubscripts() {
        #expect(
            Harness().error("einsum(\"ij,jk\", [1.0], [1.0])").contains("\"ij\" names 2 axes for an operand with 1"))
        #expect(Harness().error("einsum(\"ij->k\", ones([2, 2]))").contains("output index k appears in no operand"))
        #expect(Harness().error("einsum(\"ij\", ones([2, 2]), ones([2]))").contains("name 1 operand, but 2 were given"))
        #expect(Harness().error("einsum(\"ii\", ones([2, 3]))").contains("index i has length 2 and 3"))
    }

    @Test func covarianceAndCorrelationAreDifferentiable() {
        let check = eval(
            "A = default_rng(2).normal(0, 1, [3, 6]); w = [1.0, 2.0, 0.5, 1.0, 3.0, 1.0]; "
                + "gradcheck(X -> sum(cov(X, aweights=w) ^ 2) + sum(corrcoef(X) * [[0, 1, 2], [3, 0, 1], [2, 1, 0]]), A)"
        )
        #expect(check.contains("'passed': True"), "\(check)")
        // Var(x) = Σ(xᵢ − x̄)² / (n − 1), so its gradient is 2(xᵢ − x̄) / (n − 1).
        #expect(eval("grad(x -> cov(x))([1.0, 2.0, 6.0])") == "[-2. -1.  3.]")
    }

    @Test func statisticsErrorsSayWhatToFix() {
        #expect(Harness().error("cov(zeros([2, 2, 2]))").contains("cov: m has 3 dimensions"))
        #expect(Harness().error("cov([1, 2, 3], [1, 2])").contains("cov: m has 3 observations and y has 2"))
        #expect(Harness().error("cov([[1, 2, 3]], fweights=[1, 2])").contains("there are 3 observations"))
        #expect(Harness().error("cov([1, 2, 3], fweights=[1, 0.5, 1])").contains("not a whole number"))
        #expect(Harness().error("cov([1, 2, 3], aweights=[1, -1, 1])").contains("weights cannot be negative"))
        #expect(Harness().error("histogram([1, 2], bins=0)").contains("bins must be positive"))
        #expect(Harness().error("histogram([1, 2], bins=2.5)").contains("bins must be a whole number of bins"))
        #expect(Harness().error("histogram([1, 2], bins=[0, 2, 1])").contains("bins must increase monotonically"))
        #expect(Harness().error("histogram([1, 2], range=(2, 1))").contains("range (2.0, 1.0) is reversed"))
        #expect(Harness().error("histogram([1, inf])").contains("range [1.0, inf] is not finite"))
        #expect(Harness().error("histogram([1, nan])").contains("range nan is not finite"))
        #expect(Harness().error("histogram([1, 2], range=[1])").contains("range must be two numbers"))
        #expect(Harness().error("histogram([1, 2], weights=[1])").contains("one weight per element"))
        #expect(Harness().error("histogram([1.0, 1.0 + 1e-15], bins=100)").contains("too many bins"))
        #expect(Harness().error("ones(3).item()").contains("item: x has 3 elements"))
        #expect(Harness().error("arange(3).item(3)").contains("index 3 is out of range for 3 elements"))
        #expect(Harness().error("ones([2, 2]).item(0, 0, 0)").contains("3 indices for a tensor with 2 axes"))
    }

    @Test func linearAlgebraAndLegacyRandomErrorsSayWhatToFix() {
        #expect(Harness().error("qr([1.0, 2.0])").contains("qr: expected a matrix or a stack of them"))
        #expect(Harness().error("qr(eye(2), mode=\"raw\")").contains("mode must be \"reduced\", \"complete\" or \"r\""))
        #expect(Harness().error("cholesky([[1, 2], [2, 1]])").contains("cholesky: matrix is not positive definite"))
        #expect(Harness().error("grad(a -> sum(qr(a)[1]))(eye(2))").contains("`qr` is not differentiable"))
        #expect(Harness().error("shuffle(arange(3))").contains("`shuffle` changes its argument `x` in place"))
        #expect(Harness().error("poisson(-1.0)").contains("poisson: lam is -1.0; a rate must be 0 or more"))
        #expect(
            Harness().error("multivariate_normal([0, 0], [[2, 1.5], [1.5, 1]])").contains(
                "cov is not symmetric positive semi-definite"))
        #expect(Harness().error("choice(3, 5, replace=false)").contains("cannot take 5 samples without replacement from 3"))
    }

    /// An undefined name that NumPy or PyTorch has (np.random's and np.linalg's included) says it
    /// is not a Kiso builtin yet, or what Kiso calls it, rather than guessing a keyword.
    @Test func libraryNamesKisoLacksSaySo() {
        #expect(
            Harness().error("binomial(10, 0.5)").contains(
                "`binomial` is not a Kiso builtin yet; a Generator draws it: `rng = default_rng(0); rng.binomial(…)`"))
        #expect(Harness().error("eigvalsh(eye(2))").contains("hint: `eigvalsh` is not a Kiso builtin yet"))
        #expect(Harness().error("lognormal(0, 1)").contains("hint: `lognormal` is not a Kiso builtin yet"))
        #expect(Harness().error("absolute(-1)").contains("hint: Kiso calls `absolute` `abs`"))
        #expect(Harness().error("randperm(3)").contains("hint: Kiso calls `randperm` `permutation`"))
        #expect(Harness().error("np.random.weibull(2.0)").contains("`weibull` is not a Kiso builtin yet"))
        #expect(eval("import numpy as np; np.random.seed(0); np.random.choice(10, 3, replace=false)") == "[2 8 4]")
        #expect(eval("import torch; torch.cholesky([[4.0, 2.0], [2.0, 3.0]]).shape") == "(2, 2)")
        #expect(eval("import torch; torch.linalg.qr(eye(2))[1].shape") == "(2, 2)")
    }
}
