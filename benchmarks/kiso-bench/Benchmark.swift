import Dispatch
import KisoTensor

/// One named measurement: `prepare` builds the inputs (not timed) and returns the timed body.
struct Benchmark: Sendable {
    let name: String
    let prepare: @Sendable () throws -> () throws -> Void
}

/// Wall-clock seconds of one call of `body`.
func measure(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// `kiso-bench NAME [REPEATS]` prints `NAME seconds` for each repeat; `kiso-bench --list` lists.
func runBenchmarkCommandLine(_ benchmarks: [Benchmark]) {
    let args = CommandLine.arguments.dropFirst()
    if args.first == "--blas-core" {
        print((try? Linalg.backendDescription()) ?? "OpenBLAS could not be loaded")
        return
    }
    guard let name = args.first, name != "--list" else {
        for b in benchmarks { print(b.name) }
        return
    }
    let repeats = args.dropFirst().first.flatMap { Int($0) } ?? 5
    guard let bench = benchmarks.first(where: { $0.name == name }) else {
        print("kiso-bench: no benchmark named \(name); --list shows them")
        return
    }
    do {
        let body = try bench.prepare()
        try body()  // warm-up: first-touch page faults and library loading are not measured
        for _ in 0..<repeats {
            print("\(name) \(try measure(body))")
        }
    } catch {
        print("kiso-bench: \(name) failed: \(error)")
    }
}
