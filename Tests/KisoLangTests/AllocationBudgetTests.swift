import KisoAllocationCounter
import Testing

@testable import KisoLang

/// How many heap allocations the interpreter and the engine make per turn of a small loop.
/// Allocation counts are deterministic, unlike times, so the allocation budgets of
/// docs/performance.md are asserted here. They hold for the optimised build, which is what
/// users run (`swift test -c release --filter AllocationBudget`, part of `make bench`); an
/// unoptimised build allocates where the optimiser would not, so there only the count of the
/// scalar loop is checked.
@Suite struct AllocationBudgetTests {
    /// Runs `source` on this thread (the counter counts this thread's allocations only).
    private func run(_ interpreter: Interpreter, _ source: String) throws {
        var parser = Parser(source: source)
        let statements = parser.parseProgram()
        #expect(parser.errors.isEmpty)
        var resolver = Resolver(intern: interpreter.intern)
        resolver.resolve(statements)
        for statement in statements { _ = try interpreter.execute(statement, frame: nil) }
    }

    /// The allocations of one turn of `body`: the difference between 1 + `turns` turns and
    /// 1 turn of the same loop, so that starting the loop is not counted.
    private func allocationsPerTurn(setup: String, body: String, turns: Int = 200) throws -> Double {
        let interpreter = Interpreter(output: { _ in }, registry: Registry())
        try run(interpreter, setup)
        // One loop text for every count, its length read from a variable set beforehand: the
        // counted runs parse and compile the same source, and differ only in their turns.
        let source = "for step in range(budget_turns)\n" + body + "\nend"
        func count(_ n: Int) throws -> Int {
            try run(interpreter, "budget_turns = \(n)")
            kiso_allocation_counter_start()
            defer { _ = kiso_allocation_counter_stop() }
            try run(interpreter, source)
            return kiso_allocation_counter_stop()
        }
        _ = try count(turns)  // first-use work: loading OpenBLAS, filling shared tables
        // The fewest of three runs: what the loop allocates does so in every run, while the
        // Swift runtime's shared caches, filled by tests on other threads at the same time, can
        // now and then make this thread allocate once in one run.
        let one = try (0..<3).map { _ in try count(1) }.min() ?? 0
        let many = try (0..<3).map { _ in try count(1 + turns) }.min() ?? 0
        return Double(many - one) / Double(turns)
    }

    @Test func attentionStepStaysWithinItsBudget() throws {
        let perStep = try allocationsPerTurn(
            setup: """
                rng = default_rng(0)
                Q = rng.normal(0, 1, [4, 8])
                K = rng.normal(0, 1, [4, 8])
                V = rng.normal(0, 1, [4, 8])
                s = 0.0
                """,
            body: """
                    w = Q @ K.T / sqrt(8.0)
                    w = exp(w - max(w, axis=-1, keepdims=true))
                    w = w / sum(w, axis=-1, keepdims=true)
                    o = w @ V
                    s = s + o[0, 0]
                """)
        #if DEBUG
            print("attention step: \(perStep) heap allocations (unoptimised build)")
        #else
            #expect(perStep <= 25, "an attention step made \(perStep) heap allocations")
        #endif
    }

    @Test func scalarLoopAllocatesNothing() throws {
        let perStep = try allocationsPerTurn(setup: "s = 0.0", body: "    s = s + step * 0.5")
        #expect(perStep == 0, "a scalar loop turn made \(perStep) heap allocations")
    }
}
