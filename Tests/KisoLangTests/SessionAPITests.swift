import Foundation
import Testing

@testable import KisoLang

@Suite struct SessionAPITests {
    @Test func shapesOfAttention() throws {
        let h = Harness()
        h.run(
            "rng = default_rng(1); d = 3\nQ = rng.normal(0, 1, [5, 3]); K = rng.normal(0, 1, [4, 3]); V = rng.normal(0, 1, [4, 3])"
        )
        let steps = try h.session.shapes(of: "softmax(Q @ K.T / sqrt(d)) @ V")
        #expect(
            steps.map(\.0) == [
                "Q", "K", "K.T", "Q @ K.T", "d", "sqrt(d)", "Q @ K.T / sqrt(d)", "softmax(Q @ K.T / sqrt(d))", "V",
                "softmax(Q @ K.T / sqrt(d)) @ V",
            ])
        #expect(steps.map(\.1) == [[5, 3], [4, 3], [3, 4], [5, 4], [], [], [5, 4], [5, 4], [4, 3], [5, 3]])
        #expect(throws: KisoError.self) { try h.session.shapes(of: "Q @ Q") }
        #expect(throws: KisoError.self) { try h.session.shapes(of: "Q @") }
    }

    @Test func completions() {
        let h = Harness()
        h.run("softness = 1; x = zeros(3); rng = default_rng(0)")
        #expect(h.session.completions(prefix: "soft") == ["softmax", "softmin", "softness", "softplus"])
        #expect(h.session.completions(prefix: "whi") == ["while"])
        #expect(h.session.completions(prefix: "x.sh") == ["x.shape"])
        #expect(h.session.completions(prefix: "x.su") == ["x.sum"])
        #expect(h.session.completions(prefix: "rng.nor") == ["rng.normal"])
    }

    @Test func help() {
        let session = Session { _ in }
        let sum = session.help("sum")
        #expect(sum?.hasPrefix("sum(x, axis=none, keepdims=false)\n  The sum of the elements") == true)
        #expect(sum?.contains("example: ") == true)
        #expect(session.help("rng.normal")?.hasPrefix("rng.normal(loc=0, scale=1, size=none)") == true)
        #expect(session.help("for")?.contains("loops") == true)
        #expect(session.help("no_such_thing") == nil)
        _ = session.run("f(x, y=2) = x")
        #expect(session.help("f")?.hasPrefix("f(x, y=…)") == true)
    }

    @Test func catalogCoversTheBriefsFunctions() {
        let names = Set(Session.builtinCatalog().map(\.name))
        let required = """
            zeros ones full eye arange linspace meshgrid zeros_like ones_like full_like array tensor exp log log1p expm1
            sqrt abs sign sin cos tan tanh sigmoid erf floor ceil round clip maximum minimum where isnan isinf isfinite
            sum mean var std max min argmax argmin prod cumsum cumprod logsumexp any all norm reshape transpose permute
            squeeze expand_dims flatten concatenate stack split tile repeat flip broadcast_to pad take matmul dot
            default_rng seed rand randn normal randint permutation len range print str int float softmax relu
            set_printoptions rng.normal rng.random rng.integers rng.choice rng.permutation rng.shuffle rng.uniform
            rng.standard_normal
            """.split(whereSeparator: \.isWhitespace).map(String.init)
        for name in required { #expect(names.contains(name), "missing builtin \(name)") }
        for info in Session.builtinCatalog() {
            #expect(!info.doc.isEmpty && !info.example.isEmpty, "\(info.name) lacks a doc line or example")
        }
    }

    @Test func everyExampleRuns() throws {
        // Examples that save files (save, m.save_weights) write into a folder of their own.
        let folder = NSTemporaryDirectory() + "kiso-examples-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for info in Session.builtinCatalog() {
            let session = Session { _ in }
            session.directory = folder
            _ = session.run("rng = default_rng(0); x = arange(6) * 1.0; d = {\"a\": 1}; e = 2.718281828459045")
            let result = session.run(info.example)
            #expect(result.error == nil, "example of \(info.name) failed: \(result.error?.description ?? "")")
        }
    }

    @Test func docsListEveryBuiltin() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../docs/language.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        for info in Session.builtinCatalog() {
            #expect(text.contains("`\(info.signature)`"), "docs/language.md does not list \(info.signature)")
        }
    }
}
