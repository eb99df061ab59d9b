import KisoTensor
import KisoTestSupport
import Testing

@testable import KisoLang

/// Derivatives of prod, cumsum, cumprod, sort, tensordot and the remaining elementary functions,
/// and jacobian / hessian / vmap, against JAX (scripts/gen_transform_fixtures.py).
@Suite struct TransformTests {
    static let cases: [(source: String, expected: Tensor)] = {
        let raw = (try? Fixture.cases("autodiff_transforms")) ?? []
        return raw.compactMap { c in
            guard let source = c["kiso"] as? String, let expected = try? Fixture.tensor(c["expected"]) else {
                return nil
            }
            return (source, expected)
        }
    }()

    @Test func fixtureIsPresent() {
        #expect(Self.cases.count >= 40)
    }

    @Test(arguments: cases.map(\.source))
    func matchesJAX(_ source: String) throws {
        let expected = try #require(Self.cases.first { $0.source == source }?.expected)
        let actual: Tensor
        switch Session(output: { _ in }).answer(source) {
        case .success(.tensor(let t)): actual = t
        case .success(.number(let x)): actual = Tensor(x)
        case .success(let other): throw TransformTestFailure.unexpected("\(other)")
        case .failure(let error): throw TransformTestFailure.unexpected(error.render(source: source))
        }
        #expect(actual.shape == expected.shape, "shape \(actual.shape) vs JAX's \(expected.shape)")
        #expect(mismatch(actual, expected, rtol: 1e-10, atol: 1e-12) == nil, "\(mismatch(actual, expected) ?? "")")
    }

    @Test func gradchecksOfTheNewPullbacks() {
        for source in [
            "gradcheck(x -> sum(cumprod(x, axis=1) * [[1.0, -2.0, 0.5], [0.3, 0.2, 1.0]]), [[0.5, 1.2, -0.7], [2.0, -0.3, 1.1]])",
            "gradcheck(x -> sum(prod(x, axis=0) ^ 2), [[0.5, 1.2, -0.7], [2.0, -0.3, 1.1]])",
            "gradcheck(x -> sum(sort(x, axis=1) * [[1.0, 2.0, 3.0]]), [[0.5, 1.2, -0.7], [2.0, -0.3, 1.1]])",
            "gradcheck(x -> sum(cumsum(x, axis=0) ^ 2), [[0.5, 1.2], [2.0, -0.3]])",
            "gradcheck((a, b) -> sum(tensordot(a, b, axes=2)), [[[0.5, 1.2], [2.0, -0.3]]], [[0.1, 0.2], [0.3, 0.4]])",
        ] {
            #expect(eval(source).contains("'passed': True"), "\(source): \(eval(source))")
        }
    }

    @Test func badCallsSayWhatIsWrong() {
        #expect(Harness().error("jacobian(x -> \"a\")([1.0])").contains("must return a number or a tensor"))
        #expect(Harness().error("jacobian(x -> x)([1, 2])").contains("derivatives need floats"))
        #expect(Harness().error("jacobian(x -> x, argnums=2)(1.0)").contains("argnums=2 but the function was given 1"))
        #expect(Harness().error("vmap(x -> x)(3.0)").contains("cannot map over axis 0 of a 0-d value"))
        #expect(
            Harness().error("vmap((a, b) -> a + b)([1.0, 2.0], [1.0, 2.0, 3.0])").contains("different sizes, 2 and 3"))
        #expect(
            Harness().error("vmap(x -> x, in_axes=[0, 0])([1.0])").contains("in_axes has 2 entries for 1 arguments"))
        #expect(Harness().error("vmap(x -> x, in_axes=3)([1.0])").contains("out of range"))
        #expect(Harness().error("vmap(x -> x, in_axes=none)([1.0])").contains("no argument is mapped"))
    }

    @Test func vmapOfTuplesStacksEachPart() {
        #expect(eval("a, b = vmap(x -> (x, 2 * x))([1.0, 2.0]); b") == "[2. 4.]")
        #expect(eval("jacobian(x -> sin(x))(0.0)") == "1.0")
    }
}

private enum TransformTestFailure: Error {
    case unexpected(String)
}
