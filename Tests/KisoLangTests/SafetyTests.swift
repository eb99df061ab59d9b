import KisoBase
import KisoTensor
import Synchronization
import Testing

@testable import KisoLang

/// No input may crash or hang the process.
@Suite struct SafetyTests {
    @Test func deepNestingInTheParser() {
        let session = Session { _ in }
        for source in [
            String(repeating: "(", count: 10_000), String(repeating: "[", count: 10_000) + "1",
            String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000),
            Array(repeating: "1", count: 100_000).joined(separator: "+"),
            String(repeating: "not ", count: 10_000) + "true",
            String(repeating: "f(", count: 5_000),
            String(repeating: "x.", count: 5_000) + "y",
        ] {
            let result = session.run(source)
            #expect(result.error != nil)
        }
    }

    @Test func runawayRecursion() {
        let session = Session { _ in }
        let result = session.run("f(n) = f(n + 1)\nf(0)")
        #expect(result.error?.kind == .recursion)
        let mutual = session.run("def a(n)\n b(n)\nend\ndef b(n)\n a(n)\nend\na(1)")
        #expect(mutual.error?.kind == .recursion)
        #expect(session.run("1 + 1").echo == "2")
    }

    @Test func hugeRangeIsLazy() {
        let session = Session { _ in }
        #expect(session.run("r = range(10^12); len(r)").echo == "1000000000000")
        #expect(session.run("r[10^11]").echo == "100000000000")
        #expect(session.run("list(range(10^12))").error?.kind == .memory)
        #expect(session.run("zeros([10^6, 10^6])").error?.kind == .memory)
        #expect(session.run("causal_mask(10^12)").error?.kind == .memory)
        #expect(session.run("causal_mask(10^6)").error?.kind == .memory)
    }

    @Test func garbageAndEmptyInput() {
        let session = Session { _ in }
        #expect(session.run("").error == nil)
        #expect(session.run("").echo == nil)
        #expect(session.run("   \n\n  # only a comment\n").error == nil)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let length = Int.random(in: 0..<60, using: &generator)
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            _ = session.run(String(decoding: bytes, as: UTF8.self))
        }
        let pieces = [
            "(", ")", "[", "]", "{", "}", "x", "1", "+", "=", "->", "def", "end", "if", ",", ":", "\"", "f\"{", "\n",
            ".", "...",
        ]
        for _ in 0..<500 {
            let source = (0..<Int.random(in: 1..<25, using: &generator)).map { _ in
                pieces.randomElement(using: &generator) ?? ""
            }.joined(separator: " ")
            _ = session.run(source)
            _ = session.isComplete(source)
        }
        #expect(session.run("2 * 21").echo == "42")
    }

    @Test func interruptStopsALongLoop() async throws {
        let session = Session { _ in }
        let running = Atomic<Bool>(true)
        // Other tests' sessions, running in parallel, clear the process-wide flag when they start a
        // run, so it is raised until the loop has stopped rather than once.
        let task = Task.detached {
            try await Task.sleep(for: .milliseconds(100))
            while running.load(ordering: .relaxed) {
                Session.interrupt.store(true, ordering: .relaxed)
                try await Task.sleep(for: .milliseconds(10))
            }
        }
        let result = session.run("x = 0\nwhile true x += 1 end")
        running.store(false, ordering: .relaxed)
        _ = try await task.value
        #expect(result.error?.kind == .interrupted)
        #expect(session.run("x > 0").echo == "True")
    }

    @Test func aCtrlCBeforeARunDoesNotStopIt() throws {
        let session = Session { _ in }
        // As a second Ctrl-C leaves it when it lands during a short entry that ends before any
        // check takes it. (Another test's run starting in parallel may clear it first; then this
        // test passes without testing anything, never the other way round.)
        Interruption.requested.store(true, ordering: .relaxed)
        let result = session.run("plot([1, 4, 9, 16])")
        #expect(result.error == nil)
        let drawn = result.echo ?? ""
        #expect(drawn.contains("┤"), "\(drawn)")
        #expect(!drawn.contains("drawing stopped"), "\(drawn)")
    }

    @Test func isComplete() {
        let session = Session { _ in }
        #expect(session.isComplete("x = 1"))
        #expect(!session.isComplete("def f(x)"))
        #expect(!session.isComplete("for i in range(3)\n  print(i)"))
        #expect(session.isComplete("for i in range(3)\n  print(i)\nend"))
        #expect(!session.isComplete("x = [1,\n2"))
        #expect(!session.isComplete("s = \"abc"))
        #expect(!session.isComplete("if a\n if b\n end"))
        #expect(session.isComplete("f(x) = x + 1"))
        #expect(session.isComplete("x = )"))
        // A `for` inside brackets opens no block: the entry is complete and its error is shown.
        #expect(session.isComplete("s = sum([i * i for i in range(3)])"))
        #expect(!session.isComplete("for x in [i for i in range(3)]"))
    }
}
