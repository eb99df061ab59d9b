import Glibc
import KisoTensor

/// Matrix-product benchmarks: one float64 `n`×`n` product per timed call, on random inputs.
let matmulBenchmarks: [Benchmark] = [256, 512, 1024, 2048].map { n in
    Benchmark(name: "matmul-\(n)") {
        let a = try uniformMatrix(n, seed: 1)
        let b = try uniformMatrix(n, seed: 2)
        // The kernel family decides the figures, so the report names it (on stderr, leaving
        // stdout to the timings).
        var note = "kiso-bench: \(try Linalg.backendDescription())\n"
        note.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
        return { _ = try matmul(a, b) }
    }
}

/// An `n`×`n` matrix of values uniform in [-1, 1) from a SplitMix64 stream.
private func uniformMatrix(_ n: Int, seed: UInt64) throws -> Tensor {
    var state = seed
    var values = [Double](repeating: 0, count: n * n)
    for i in values.indices {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        values[i] = Double(z >> 11) * 0x1p-52 - 1
    }
    return try Tensor(shape: [n, n], scalars: values)
}
