import Foundation
import KisoTestSupport
import Testing

/// Inputs that once crashed or hung `kiso`, each run as a learner would run it: they must end
/// with an exit status (never a signal), within the timeout, saying what was wrong.
@Suite struct CrashReproducerTests {
    /// Runs `kiso -e source` and checks that it exits by itself in time; returns what it printed.
    @discardableResult
    private func survive(
        _ source: String, timeout: Double = 60, sourceLocation: SourceLocation = #_sourceLocation
    )
        throws -> KisoBinary.Result
    {
        let result = try KisoBinary.run(["-e", source], timeout: timeout)
        #expect(!result.timedOut, "hung: \(source)", sourceLocation: sourceLocation)
        #expect(!result.signalled, "crashed: \(source)\n\(result.stderr.prefix(400))", sourceLocation: sourceLocation)
        return result
    }

    @Test func deeplyNestedListsAreFreedWithoutRecursion() throws {
        let atExit = try survive(#"x = ["a"]; for i in range(30000) x = [x] end"#)
        #expect(atExit.status == 0)
        let inARun = try survive(#"x = ["a"]; for i in range(300000) x = [x] end; x = none; 1"#)
        #expect(inARun.stdout == "1\n")
        let dicts = try survive(#"d = {}; for i in range(100000) d = {"a": d} end; len(d)"#)
        #expect(dicts.stdout == "1\n")
        let local = try survive(#"def f(n) x = [1, 2]; for i in range(n) x = [x, i] end; len(x) end; f(100000)"#)
        #expect(local.stdout == "2\n")
    }

    @Test func closureChainsAreFreedWithoutRecursion() throws {
        let result = try survive("def mk(g) return () -> g() end; f = () -> 1; for i in range(100000) f = mk(f) end")
        #expect(result.status == 0)
        let called = try survive("def mk(g) return () -> g() end; f = () -> 1; for i in range(2000) f = mk(f) end; f()")
        #expect(called.stderr.contains("recursion error"))
    }

    @Test func walksOverDeepValuesStopWithAnError() throws {
        let printed = try survive(#"x = ["a"]; for i in range(100000) x = [x] end; s = str(x); len(s)"#)
        #expect(printed.stdout == "2003\n")
        let compared = try survive(#"x = ["a"]; for i in range(100000) x = [x] end; x == x"#)
        #expect(compared.stderr.contains("nests more than 1000 levels"))
        let key = try survive(#"k = (1,); for i in range(5000) k = (k,) end; d = {k: 1}"#)
        #expect(key.stderr.contains("nests more than 1000 levels"))
        let tensor = try survive("x = [1]; for i in range(100000) x = [x] end")
        #expect(tensor.stderr.contains("more than the 64 a tensor may have"))
    }

    @Test func dataSetSizesAreChecked() throws {
        for source in ["make_moons(n_samples=2^40)", "make_circles(n_samples=10^9)", "make_blobs(n_samples=10^12)"] {
            let result = try survive(source, timeout: 30)
            #expect(result.stderr.contains("memory error"), "\(source): \(result.stderr)")
        }
    }

    @Test func doubleToIntConversionsAreChecked() throws {
        let infinite = try survive("cross_entropy([[1, 2]], [inf])")
        #expect(infinite.stderr.contains("target inf is out of range"))
        let huge = try survive("cross_entropy([[1, 2]], [2.0^63])")
        #expect(huge.stderr.contains("is out of range for 2 classes"))
        let notANumber = try survive("decision_map(p -> p[:,0] * nan, [[-1,0],[1,1]], [0,1])")
        #expect(notANumber.stderr.contains("f returned nan"))
        for source in [
            "take_along_axis(zeros([3]), [inf], axis=0)", "take_along_axis(zeros([3]), [-2^70], axis=0)",
            "x = zeros(3); x[inf]", "x = zeros(3); x[nan]", "range(inf)", "zeros(2^63)", "eye(nan)",
        ] {
            let result = try survive(source)
            #expect(result.status == 1, "\(source): \(result.stdout)")
        }
    }

    @Test func aSubnormalBarScaleStaysInsideThePlot() throws {
        let result = try survive(#"bar(["a", "b"], [1e-320, 5e-321])"#)
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").allSatisfy { $0.count < 200 })
    }

    @Test func emptyTensorsWithHugeSizesAreRefusedWhereTheyAreMade() throws {
        for source in [
            "sum(zeros([10^10, 0]), axis=1)", "softmax(zeros([10^12, 0]))", "list(zeros([10^12, 0]))",
            "det(zeros([2^62, 0, 0]))", "repeat(zeros([2^62, 0]), 1, axis=0)", "plot(zeros([2^62, 0]))",
            "cumsum(zeros([10^12, 0]), axis=1)", "argmax(zeros([2^62, 0]), axis=1)", "svd(zeros([2^40, 0, 0]))",
            "concatenate([zeros([0, 2^62]), zeros([0, 2^62])], axis=1)", "flip(zeros([0, 2^40, 2^40]))",
            "pad(zeros([3, 0, 2^40]), 1)", "reshape(zeros([0]), [2^62, 0])", "zeros([0, 2^40]).T",
        ] {
            let result = try survive(source, timeout: 30)
            #expect(result.stderr.contains("memory error"), "\(source): \(result.stderr)")
        }
        let small = try survive("sum(zeros([3, 0]), axis=1)")
        #expect(small.stdout == "[0. 0. 0.]\n")
    }

    @Test func errorReportsAreCappedAndNarrow() throws {
        let started = Date()
        let dollars = try survive(String(repeating: "$", count: 20000), timeout: 30)
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(dollars.stderr.contains("19990 more errors not shown"))
        #expect(dollars.stderr.count < 5000)
        #expect(dollars.stderr.split(separator: "\n").allSatisfy { $0.count < 140 })

        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var generator = SplitMix64(seed: 15)
        let bytes = (0..<100_000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        #expect(FileManager.default.createFile(atPath: directory.path("binary.kiso"), contents: Data(bytes)))
        let binary = try KisoBinary.run([directory.path("binary.kiso")], timeout: 30)
        #expect(!binary.timedOut && !binary.signalled)
        #expect(binary.status == 1)
        #expect(binary.stderr.count < 10_000)
    }

    @Test func theAllocationLimitCoversEveryLiveTensor() throws {
        // Each tensor is 32 MiB, well under the 256 MiB limit alone; together they are not.
        let result = try KisoBinary.run(
            ["-e", "d = {}; for i in range(20) d[i] = ones([2^22]) end; len(d)"],
            environment: ["KISO_MEMORY_LIMIT": "256"], timeout: 60)
        #expect(!result.signalled)
        #expect(result.stderr.contains("is already in use"), "\(result.stdout) \(result.stderr)")
        let freed = try KisoBinary.run(
            ["-e", "for i in range(20) x = ones([2^22]) end; x.size"],
            environment: ["KISO_MEMORY_LIMIT": "256"], timeout: 60)
        #expect(freed.stdout == "4194304\n", "\(freed.stderr)")
    }
}

/// Every failure the fuzzer has found, minimised (`make fuzz` saves them here), replayed.
@Suite struct FuzzRegressionTests {
    @Test func everySavedFailureNowEndsWithAnExitStatus() throws {
        let directory = Fixtures.directory.appendingPathComponent("fuzz")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names.sorted() where name.hasSuffix(".kiso") {
            let result = try KisoBinary.run(
                [directory.appendingPathComponent(name).path], environment: ["KISO_MEMORY_LIMIT": "512"], timeout: 60)
            #expect(!result.timedOut, "\(name) hangs")
            #expect(!result.signalled, "\(name) crashes:\n\(result.stderr.prefix(400))")
        }
    }
}
