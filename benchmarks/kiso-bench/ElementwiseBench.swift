import KisoTensor

/// 10⁷ uniform values in [0, 1), made without the random module so the inputs need nothing
/// but the core (the values only have to be ordinary doubles).
private func inputVector(_ n: Int, seed: UInt64) throws -> Tensor {
    var state = seed
    var values = [Double](repeating: 0, count: n)
    for i in 0..<n {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        values[i] = Double(state >> 11) / Double(1 << 53)
    }
    return try Tensor(shape: [n], scalars: values)
}

/// Elementwise and reduction benchmarks: the targets are ≤ 1.0× NumPy's time.
let elementwiseBenchmarks: [Benchmark] = [
    Benchmark(name: "exp-1e7") {
        let x = try inputVector(10_000_000, seed: 1)
        return { _ = x.exp() }
    },
    Benchmark(name: "a+b*c-1e7") {
        let a = try inputVector(10_000_000, seed: 2)
        let b = try inputVector(10_000_000, seed: 3)
        let c = try inputVector(10_000_000, seed: 4)
        return { _ = try a + b * c }
    },
    Benchmark(name: "sum-axis0-4096") {
        let m = try inputVector(4096 * 4096, seed: 5).reshaped([4096, 4096])
        return { _ = try m.sum(axes: [0]) }
    },
    Benchmark(name: "sum-axis1-4096") {
        let m = try inputVector(4096 * 4096, seed: 6).reshaped([4096, 4096])
        return { _ = try m.sum(axes: [1]) }
    },
    Benchmark(name: "mean-axis0-4096") {
        let m = try inputVector(4096 * 4096, seed: 7).reshaped([4096, 4096])
        return { _ = try m.mean(axes: [0]) }
    },
    Benchmark(name: "mean-axis1-4096") {
        let m = try inputVector(4096 * 4096, seed: 8).reshaped([4096, 4096])
        return { _ = try m.mean(axes: [1]) }
    },
]
