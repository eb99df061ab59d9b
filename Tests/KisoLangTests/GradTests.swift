import Foundation
import Testing

@testable import KisoLang

/// Runs `setup` then evaluates `check`, a Kiso expression that must come out true.
private func holds(_ setup: String, _ check: String) -> Bool {
    let h = Harness()
    let first = h.run(setup)
    guard !first.hasPrefix("ERROR") else {
        Issue.record("setup failed: \(first)")
        return false
    }
    let result = h.run("bool(\(check))")
    if result != "True" { Issue.record("\(check) gave \(result)") }
    return result == "True"
}

@Suite struct GradTests {
    @Test func polynomialsAndHigherDerivatives() {
        #expect(eval("grad(x -> x^3)(2.0)") == "12.0")
        #expect(eval("grad(x -> 3*x^4 - 2*x^2 + x)(1.5)") == "35.5")
        #expect(eval("grad(grad(x -> x^3))(2.0)") == "12.0")
        #expect(eval("grad(grad(grad(x -> x^3)))(2.0)") == "6.0")
        #expect(eval("grad(x -> 1 / x)(4.0)") == "-0.0625")
        #expect(eval("value_and_grad(x -> x^2 + 1)(3.0)") == "(10.0, 6.0)")
    }

    @Test func tensorFunctionsWithBroadcastingAndMatmul() {
        let setup = """
            rng = default_rng(3); X = rng.normal(0, 1, [5, 3]); W = rng.normal(0, 1, [3, 2]); b = rng.normal(0, 1, [2])
            f(W, b) = sum((X @ W + b)^2)
            r = X @ W + b
            gW, gb = grad(f, argnums=[0, 1])(W, b)
            """
        #expect(holds(setup, "max(abs(gW - X.T @ (2 * r))) < 1e-12"))
        #expect(holds(setup, "max(abs(gb - sum(2 * r, axis=0))) < 1e-12"))
        #expect(holds(setup, "gW.shape == (3, 2) and gb.shape == (2,)"))
    }

    @Test func reductionsAndSoftmaxAgainstKnownGradients() {
        let setup = "x = [[0.5, -1.0, 2.0], [1.5, 0.0, -0.5]]"
        #expect(holds(setup, "max(abs(grad(v -> logsumexp(v))(x) - softmax(x.flatten()).reshape(2, 3))) < 1e-12"))
        #expect(holds(setup, "all(grad(v -> sum(max(v, axis=1)))(x) == [[0, 0, 1], [1, 0, 0]])"))
        #expect(holds(setup, "all(grad(v -> mean(v))(x) == full([2, 3], 1 / 6))"))
        #expect(holds(setup, "all(grad(v -> sum(v[1:, :2] * 2))(x) == [[0, 0, 0], [2, 2, 0]])"))
        #expect(holds(setup, "all(grad(v -> sum(relu(v)))(x) == [[1, 0, 1], [1, 0, 0]])"))
    }

    @Test func gradcheckAgreesOnManyOperations() {
        let functions = [
            "v -> sum(tanh(v) * sigmoid(v))", "v -> sum(softmax(v, axis=0)[0] * [1, 2, 3])",
            "v -> sum(log_softmax(v) * v)", "v -> norm(v)", "v -> var(v, axis=1).sum() + std(v)",
            "v -> sum(exp(v) / (1 + v^2))", "v -> sum(sqrt(abs(v) + 1) * sin(v) * cos(v))",
            "v -> sum(maximum(v, 0.2) + minimum(v, 0.1) + clip(v, -0.5, 0.5))", "v -> sum(erf(v) * log1p(v^2))",
            "v -> sum(where(v > 0, v^2, -v))", "v -> sum(transpose(v) @ v)", "v -> sum(reshape(v, 3, 2)[0])",
            "v -> sum(concatenate([v, 2 * v], axis=1) ^ 2)", "v -> sum(stack([v, v^2]))",
            "v -> sum(take(v, [0, 2, 2], axis=1))",
            "v -> sum(expand_dims(v, 0) * broadcast_to(squeeze(v[:1]), [2, 3]))", "v -> dot(v[0], v[1])",
            "v -> sum(v % 0.8)", "v -> sum(v.T * 3) + v.sum()", "v -> sum(gelu(v)) + mse_loss(v, 0.5)",
            "v -> sum(layer_norm(v) * [1, 2, 3])", "v -> cross_entropy(v, [2, 0])",
            "v -> bce_with_logits(v, [[1, 0, 1], [0, 1, 1]])",
            "v -> sum(swapaxes(v, 0, 1) * [[1, 2], [3, 4], [5, 6]])", "v -> sum(permute(v, 1, 0) @ v)",
            "v -> sum(flatten(v) * arange(6))", "v -> sum(outer(v[0], v[1]))", "v -> sum(matmul(v, v.T))",
            "v -> sum(power(abs(v) + 1, 1.5))", "v -> min(v) + max(v, axis=0).sum() + mean(v) + logsumexp(v)",
        ]
        for function in functions {
            #expect(
                holds(
                    "x = [[0.3, -1.2, 2.1], [1.4, 0.25, -0.6]]",
                    "gradcheck(\(function), x)[\"passed\"]"), "\(function)")
        }
    }

    @Test func gradcheckReportsTheWorstElement() {
        let report = eval("gradcheck(x -> sum(sin(x)), [[0.5, 1.0, 1.5]])")
        #expect(report.hasPrefix("{'passed': True, 'max_rel_error': "))
        #expect(report.contains("'argument': 0, 'index': (0, "))
        #expect(report.hasSuffix("'elements': 3}"))
        #expect(eval("gradcheck(x -> sum(stop_gradient(x) * x), [1.0, 2.0])[\"passed\"]") == "False")
    }

    @Test func pytreesAndArgnums() {
        #expect(
            eval("grad(p -> p[\"w\"]^2 + sum(p[\"b\"]))({\"w\": 3.0, \"b\": [1.0, 2.0]})")
                == "{'w': 6.0, 'b': array([1., 1.])}")
        #expect(eval("grad(p -> p[0] * p[1][0])([2.0, (5.0, none)])") == "[5.0, (2.0, none)]")
        #expect(eval("grad((a, b, c) -> a * b * c, argnums=(0, 2))(2.0, 3.0, 4.0)") == "(12.0, 6.0)")
        #expect(eval("grad((a, b) -> a * b, argnums=-1)(2.0, 3.0)") == "2.0")
        #expect(eval("grad((a, s) -> a * len(s), argnums=0)(2.0, \"abc\")") == "3.0")
        #expect(eval("grad((a, b) -> a * b, argnums=[1])(2.0, 3.0)") == "(2.0,)")
        #expect(eval("value_and_grad(w -> sum(w^2))([1.0, 2.0])") == "(5.0, array([2., 4.]))")
    }

    @Test func closuresNestingAndLiterals() {
        #expect(eval("a = [1.0, 2.0]; grad(x -> sum(a * x))([0.0, 0.0])") == "[1. 2.]")
        #expect(eval("grad(x -> x * grad(y -> x * y)(1.0))(3.0)") == "6.0")
        #expect(eval("grad(x -> sum([x, 2 * x, 3.0]))(1.0)") == "3.0")
        #expect(eval("grad(x -> x * stop_gradient(x))(3.0)") == "3.0")
        #expect(eval("grad(x -> sum(x ** 2 * (x > 1)))([0.5, 2.0])") == "[0. 4.]")
        #expect(eval("grad(x -> x[argmax(x)])([1.0, 5.0, 2.0])") == "[0. 1. 0.]")
        let h = Harness()
        h.run("def f(x)\n  total = 0\n  for row in x\n    total = total + row[0] * row[1]\n  end\n  total\nend")
        #expect(h.run("grad(f)([[1.0, 2.0], [3.0, 4.0]])") == "[[2. 1.]\n [4. 3.]]")
        h.run("def g(x)\n  print(x)\n  x^2\nend")
        h.printed = ""
        #expect(h.run("grad(g)(2.5)") == "5.0")
        #expect(h.printed == "2.5\n")
    }

    @Test func errorsSayWhatWentWrong() {
        #expect(
            Harness().error("grad(x -> x * 2)([1.0, 2.0])")
                == """
                <input>:1:1: shape error: grad needs a scalar output; f returned shape (2,)
                  1 | grad(x -> x * 2)([1.0, 2.0])
                    | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^
                hint: sum it or pick an element, e.g. f(x).sum() or f(x)[0]
                """)
        #expect(
            Harness().error("grad((a, b) -> a * b, argnums=2)(1.0, 2.0)").hasPrefix(
                "<input>:1:1: index error: grad: argnums 2 is out of range for a function called with 2 arguments"))
        #expect(
            Harness().error("grad(x -> x, argnums=\"x\")").hasPrefix(
                "<input>:1:1: type error: grad: argnums must be an integer or a list of integers, got a string"))
        // An int point is differentiated as the same float point.
        #expect(eval("grad(x -> sum(x))(arange(3))") == "[1. 1. 1.]")
        #expect(
            Harness().error("grad(x -> sum(x))([true, false])").hasPrefix(
                "<input>:1:1: value error: grad: argument 0 holds an bool tensor of shape (2,)"
            ))
        #expect(
            Harness().error("grad(x -> 1.0)(\"a\")").hasPrefix(
                "<input>:1:1: type error: grad: argument 0 holds a string, which cannot be differentiated"))
        #expect(
            Harness().error("grad(x -> sum(diff(x)))([1.0, 2.0])")
                == """
                <input>:1:15: type error: `diff` is not differentiable
                  1 | grad(x -> sum(diff(x)))([1.0, 2.0])
                    |               ^^^^^^^
                hint: grad traces only builtins with a derivative (docs/language.md, Differentiation); wrap the argument in stop_gradient(…) to use its value as a constant
                """)
        #expect(
            Harness().error("grad(x -> [x, \"a\"])(1.0)").hasPrefix(
                "<input>:1:1: type error: grad(<lambda>): the function must return a number or a tensor, but it returned a list"
            ))
        #expect(
            Harness().error("def f(x)\n  x[0] = 1\n  sum(x)\nend\ngrad(f)([1.0, 2.0])").contains(
                "type error: cannot assign into a tensor through an index while differentiating it"))
    }

    @Test func outsideGradNothingChanges() {
        #expect(eval("x = [1.0, 2.0]; sum(relu(x - 1.5))") == "0.5")
        #expect(eval("type(grad(x -> x^2))") == "'builtin'")
        #expect(eval("stop_gradient([1, 2])") == eval("[1, 2]"))
    }
}

/// Each builtin's behaviour under `grad` is declared with it; docs/language.md's lists say the same.
@Suite struct GradDeclarationTests {
    /// The names docs/language.md lists in backquotes after `marker`.
    private func documented(after marker: String) throws -> Set<String> {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../docs/language.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let start = try #require(text.range(of: marker)?.upperBound)
        let open = try #require(text[start...].firstIndex(of: "`"))
        let close = try #require(text[text.index(after: open)...].firstIndex(of: "`"))
        return Set(text[text.index(after: open)..<close].split(whereSeparator: \.isWhitespace).map(String.init))
    }

    private func declared(_ matches: (GradBehaviour) -> Bool) -> Set<String> {
        Set(Registry().functions.filter { matches($0.grad) }.map(\.name))
    }

    @Test func docsListTheDeclaredBehaviours() throws {
        let differentiable = declared {
            switch $0 {
            case .traced, .tracedByBody: return true
            default: return false
            }
        }
        let detaching = declared {
            if case .detaching = $0 { return true } else { return false }
        }
        let structural = declared {
            if case .structural = $0 { return true } else { return false }
        }
        #expect(try documented(after: "follow them, as do these builtins: ") == differentiable)
        #expect(try documented(after: "differentiate as expected): ") == detaching)
        #expect(try documented(after: "differentiated values through untouched: ") == structural)
    }

    @Test func eachBehaviourDoesWhatItSays() {
        // traced: the derivative; detaching: a constant factor; structural: passed through.
        #expect(eval("grad(x -> sum(exp(x)))([0.0, 1.0])") == eval("exp([0.0, 1.0])"))
        #expect(eval("grad(x -> sum(floor(x) * x))([1.5, 2.5])") == "[1. 2.]")
        #expect(eval("grad(x -> sum(x * argmax(x)))([1.0, 3.0])") == "[1. 1.]")
        // list passes x[1] through still tracked: d/dx sum(x1 * x) = (x1, x0 + 2 x1).
        #expect(eval("grad(x -> sum(list(x)[1] * x))([1.0, 3.0])") == "[3. 7.]")
        #expect(eval("grad(x -> len(x) * sum(x))([1.0, 3.0])") == "[2. 2.]")
        #expect(Harness().error("grad(x -> sum(diff(x)))([1.0, 2.0])").contains("`diff` is not differentiable"))
    }
}
