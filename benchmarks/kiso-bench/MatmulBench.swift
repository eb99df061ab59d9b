import KisoTensor

/// Matrix-product benchmarks (filled in with the linear-algebra layer).
let matmulBenchmarks: [Benchmark] = []
