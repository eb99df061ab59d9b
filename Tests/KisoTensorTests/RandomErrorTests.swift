import Testing

@testable import KisoTensor

@Suite("Random argument errors")
struct RandomErrorTests {
    /// Runs `body`, expecting a `.value` (or other) TensorError whose message names `op`.
    func expectError(_ op: String, kind: TensorError.Kind = .value, _ body: () throws -> Any) {
        do {
            _ = try body()
            Issue.record("\(op): expected an error")
        } catch let error as TensorError {
            #expect(error.kind == kind, "\(op): \(error)")
            #expect(error.message.hasPrefix(op), "\(op): \(error.message)")
            #expect(error.hint != nil, "\(op): no hint")
        } catch {
            Issue.record("\(op): unexpected \(error)")
        }
    }

    @Test func seeds() throws {
        expectError("default_rng") { try Generator(seed: -1) }
        expectError("seed") { try RandomState(seed: -3) }
        expectError("seed") { try RandomState(seed: 1 << 32) }
        expectError("seed") { try RandomState(seeds: []) }
        expectError("seed") { try RandomState(seeds: [1, -2]) }
        let rs = try RandomState(seed: 1)
        expectError("seed") { try rs.seed(-1) }
        #expect(throws: Never.self) { try RandomState(seed: Int(UInt32.max)) }
    }

    @Test func bounds() throws {
        let rng = try Generator(seed: 0)
        let rs = try RandomState(seed: 0)
        expectError("integers") { try rng.integers(5, 5) }
        expectError("integers") { try rng.integers(0) }
        expectError("integers") { try rng.integers(6, 5, endpoint: true) }
        #expect(try rng.integers(5, 5, size: [3], endpoint: true).scalars == [5, 5, 5])
        expectError("randint") { try rs.randint(3, 2) }
        expectError("uniform") { try rng.uniform(low: 2, high: 1) }
        expectError("uniform") {
            try rng.uniform(low: -.greatestFiniteMagnitude, high: .greatestFiniteMagnitude)
        }
        expectError("uniform") { try rs.uniform(low: 0, high: .infinity) }
        // The legacy generator accepts reversed bounds, as NumPy's does.
        #expect(throws: Never.self) { try rs.uniform(low: 2, high: 1, size: [2]) }
    }

    @Test func scales() throws {
        let rng = try Generator(seed: 0)
        let rs = try RandomState(seed: 0)
        expectError("normal") { try rng.normal(scale: -1) }
        expectError("normal") { try rs.normal(loc: 1, scale: -0.5, size: [2]) }
        expectError("normal") { try rng.normal(loc: Tensor(0.0), scale: Tensor([1.0, -1.0])) }
    }

    @Test func sizes() throws {
        let rng = try Generator(seed: 0)
        let rs = try RandomState(seed: 0)
        expectError("random") { try rng.random([2, -1]) }
        expectError("standard_normal") { try rs.standardNormal([-4]) }
        expectError("random_sample") { try rs.rand(-1) }
        expectError("permutation") { try rng.permutation(-2) }
        expectError("random", kind: .memory) { try rng.random([1 << 40, 1 << 40]) }
        expectError("normal", kind: .shape) {
            try rng.normal(loc: Tensor([0.0, 1.0, 2.0]), scale: Tensor(1.0), size: [2])
        }
        expectError("uniform", kind: .shape) {
            try rs.uniform(low: Tensor([0.0, 1.0]), high: Tensor([1.0, 2.0, 3.0]))
        }
    }

    @Test func choiceArguments() throws {
        let rng = try Generator(seed: 0)
        let rs = try RandomState(seed: 0)
        for choose in [
            { (n: Int, size: [Int]?, replace: Bool, p: [Double]?) in
                try rng.choice(n, size: size, replace: replace, p: p)
            },
            { (n: Int, size: [Int]?, replace: Bool, p: [Double]?) in
                try rs.choice(n, size: size, replace: replace, p: p)
            },
        ] {
            expectError("choice") { try choose(0, [2], true, nil) }
            expectError("choice") { try choose(-3, nil, true, nil) }
            expectError("choice") { try choose(3, [4], false, nil) }
            expectError("choice") { try choose(3, [2], true, [0.5, 0.5]) }
            expectError("choice") { try choose(3, [2], true, [0.5, 0.4, 0.2]) }
            expectError("choice") { try choose(3, [2], true, [0.5, 0.6, -0.1]) }
            expectError("choice") { try choose(3, [2], true, [0.5, .nan, 0.5]) }
            expectError("choice") { try choose(3, [3], false, [0.5, 0.5, 0.0]) }
            #expect(try choose(0, [0], true, nil).shape == [0])
        }
        expectError("choice") { try rng.choice(Tensor(1.0), size: [2]) }
        expectError("choice") {
            try rs.choice(Tensor(shape: [2, 2], scalars: [1, 2, 3, 4]), size: [2])
        }
        expectError("choice") { try rs.choice(Tensor([Double]()), size: [1]) }
    }

    @Test func shuffleNeedsAnAxis() throws {
        let rng = try Generator(seed: 0)
        var scalar = Tensor(3.0)
        expectError("shuffle") { try rng.shuffle(&scalar) }
        expectError("permutation") { try RandomState(seed: 0).permutation(Tensor(2.0)) }
    }

    @Test func probabilitiesAreHonoured() throws {
        // Zero-probability candidates are never drawn, with or without replacement.
        let rng = try Generator(seed: 4)
        let drawn = try rng.choice(4, size: [500], p: [0.5, 0, 0.5, 0]).scalars
        #expect(Set(drawn).isSubset(of: [0, 2]))
        let distinct = try RandomState(seed: 4).choice(
            4, size: [2], replace: false, p: [0.5, 0, 0.5, 0]
        ).scalars
        #expect(Set(distinct) == [0, 2])
    }
}
