import KisoTensor
import Testing

@testable import KisoLang

/// The worked example of `ObjectType`'s documentation, declared here as a new module would.
final class Counter: KisoObject {
    var count = 0

    static let objectType = ObjectType(
        "Counter", of: Counter.self, receiver: "c",
        doc: "Counts steps.", example: "c = counter(); c.step(); c.count"
    ) { t in
        t.text { c in "Counter(count=\(c.count))" }
        t.attribute("count", doc: "The steps so far.", example: "c = counter(); c.count") { c in
            .int(c.count)
        }
        t.method(
            "step", [param("by", .int, .int(1))], doc: "Counts `by` more steps; gives the new count.",
            example: "c = counter(); c.step(by=2)"
        ) { c, a in
            c.count += try a.int("by")
            return .int(c.count)
        }
    }
}

extension Registry {
    fileprivate func registerCounter() {
        section("Counting")
        register(Counter.self)
        add("counter", [], doc: "A new Counter at 0.", example: "c = counter()") { _ in .object(Counter()) }
        add(
            "count_of", [param("c", .object("Counter"))], doc: "The count of c.", example: "count_of(counter())"
        ) { a in .int(try a.object("c", as: Counter.self).count) }
    }
}

/// A session whose registry also knows `counter()`.
private final class CounterHarness {
    let session: Session

    init() {
        let registry = Registry()
        registry.registerCounter()
        session = Session(output: { _ in }, registry: registry)
    }

    /// Runs `source` and returns its echo, or the rendered error.
    @discardableResult
    func run(_ source: String) -> String {
        let result = session.run(source)
        if let error = result.error { return "ERROR " + error.render(source: source) }
        return result.echo ?? ""
    }
}

@Suite struct ObjectTests {
    @Test func attributesMethodsAndKeywordArguments() {
        let h = CounterHarness()
        h.run("c = counter()")
        #expect(h.run("c.count") == "0")
        #expect(h.run("c.step()") == "1")
        #expect(h.run("c.step(3)") == "4")
        #expect(h.run("c.step(by=2)") == "6")
        #expect(h.run("count_of(c)") == "6")
        // An object is a reference: state such as a stream or an optimizer's moments is shared.
        h.run("d = c; d.step()")
        #expect(h.run("c.count") == "7")
        #expect(h.run("s = c.step; s(); c.count") == "8")
        #expect(h.run("c == d") == "True")
        #expect(h.run("c == counter()") == "False")
    }

    @Test func argumentErrorsComeFromTheParameters() {
        let h = CounterHarness()
        h.run("c = counter()")
        let keyword = h.run("c.step(byy=2)")
        #expect(keyword.contains("`step` has no parameter `byy`"), "\(keyword)")
        #expect(keyword.contains("did you mean `by`?"), "\(keyword)")
        #expect(h.run("c.step(\"a\")").contains("`step` expected an integer for `by`, got a string"))
        #expect(h.run("c.step(1, 2)").contains("`step` takes at most 2 positional arguments"))
        #expect(h.run("count_of(3)").contains("`count_of` expected a Counter for `c`, got an int"))
    }

    @Test func unknownMembersSuggestTheClosest() {
        let h = CounterHarness()
        h.run("c = counter()")
        let typo = h.run("c.stpe()")
        #expect(typo.contains("name error: a Counter has no attribute `stpe`"), "\(typo)")
        #expect(typo.contains("did you mean `step`?"), "\(typo)")
        #expect(h.run("c.zzzzzzz").contains("hint: a Counter has .count .step"))
        let g = Harness()
        g.run("rng = default_rng(0); x = zeros(3)")
        #expect(g.error("rng.normall(0, 1)").contains("a Generator has no attribute `normall`"))
        #expect(g.error("rng.normall(0, 1)").contains("did you mean `normal`?"))
        #expect(g.error("x.shap").contains("a tensor has no attribute `shap`"))
        #expect(g.error("x.shap").contains("did you mean `shape`?"))
        #expect(
            g.error("x.zzzzzzz").contains(
                "a tensor has .shape .ndim .size .T .dtype .fill .sort and methods such as .sum()"))
        #expect(g.error("\"a\".shape").contains("a string has no attribute `shape`"))
    }

    @Test func printingAndKinds() {
        let h = CounterHarness()
        h.run("c = counter(); c.step(2)")
        #expect(h.run("c") == "Counter(count=2)")
        #expect(h.run("[c, 1]") == "[Counter(count=2), 1]")
        #expect(h.run("str(c)") == "'Counter(count=2)'")
        #expect(h.run("type(c)") == "'Counter'")
        h.run("rng = default_rng(0); rs = RandomState(0); opt = sgd(lr=0.5)")
        #expect(h.run("rng") == "Generator(PCG64)")
        #expect(h.run("rs") == "RandomState(MT19937)")
        #expect(h.run("opt") == "sgd(lr=0.5, momentum=0.0, nesterov=false)")
        #expect(h.run("type(opt)") == "'optimizer'")
        let kinds = h.session.variables.map { "\($0.name): \($0.kind)" }
        #expect(kinds == ["c: Counter", "rng: Generator", "rs: RandomState", "opt: optimizer"])
    }

    @Test func helpComesFromTheDeclaration() {
        let h = CounterHarness()
        h.run("c = counter(); tally = counter()")
        #expect(
            h.session.help("c.step")
                == "c.step(by=1)\n  Counts `by` more steps; gives the new count.\n  example: c = counter(); c.step(by=2)"
        )
        #expect(h.session.help("tally.count") == "c.count\n  The steps so far.\n  example: c = counter(); c.count")
        #expect(h.session.help("Counter")?.hasPrefix("Counter\n  Counts steps.\n  example: ") == true)
        #expect(h.session.help("Counter")?.hasSuffix("attributes: .count\n  methods: .step(…)") == true)
        #expect(h.session.help("c.nothing") == nil)
        let plain = Session { _ in }
        #expect(plain.help("opt.lr")?.hasPrefix("opt.lr\n  The learning rate") == true)
        #expect(plain.help("opt.step")?.hasPrefix("opt.step(params, grads, lr=none)") == true)
        #expect(plain.help("rs.randn")?.hasPrefix("rs.randn(*shape)") == true)
        #expect(plain.help("x.shape")?.hasPrefix("x.shape\n  The length of each axis") == true)
        _ = plain.run("w = zeros(2)")
        #expect(plain.help("w.sum")?.hasPrefix("sum(x, axis=none, keepdims=false)") == true)
        #expect(plain.help("Generator")?.contains("methods: .random(…)") == true)
    }

    @Test func completionAfterTheDot() {
        let h = CounterHarness()
        h.run("c = counter(); opt = adam(); rs = RandomState(1); x = zeros(2)")
        #expect(h.session.completions(prefix: "c.") == ["c.count", "c.step"])
        #expect(h.session.completions(prefix: "opt.") == ["opt.lr", "opt.step"])
        #expect(h.session.completions(prefix: "rs.ra") == ["rs.rand", "rs.randint", "rs.randn", "rs.random"])
        #expect(h.session.completions(prefix: "x.nd") == ["x.ndim"])
        #expect(h.session.completions(prefix: "x.T") == ["x.T"])
    }

    @Test func randomStateDrawsTheEnginesStream() throws {
        let h = Harness()
        h.run("rs = RandomState(5)")
        let engine = try RandomState(seed: 5)
        #expect(h.run("rs.randn(2, 3)") == TensorText.str(try engine.randn(2, 3)))
        #expect(h.run("rs.randint(0, 10, [4])") == TensorText.str(try engine.randint(0, 10, size: [4])))
        #expect(h.run("rs.normal(1, 2)") == TensorText.str(try engine.normal(loc: 1, scale: 2)))
        h.run("rs.seed(5)")
        #expect(h.run("rs.rand(3)") == TensorText.str(try RandomState(seed: 5).randomSample([3])))
        // Its own stream: the global one is untouched.
        h.run("seed(1); a = rand(2); seed(1); rs.rand(5); b = rand(2)")
        #expect(h.run("all(a == b)") == "True")
        #expect(h.error("RandomState(-1)").contains("seed"))
    }

    @Test func tensorAttributesWorkOnValuesBeingDifferentiated() {
        #expect(eval("zeros([2, 3]).shape") == "(2, 3)")
        #expect(eval("arange(6).reshape(2, 3).T.shape") == "(3, 2)")
        #expect(eval("grad(w -> sum(w.T @ [1.0, 2.0]))([[1.0, 2.0], [3.0, 4.0]])") == "[[1. 1.]\n [2. 2.]]")
        #expect(eval("grad(w -> w.size * sum(w))([1.0, 2.0])") == "[2. 2.]")
    }
}
