import KisoTensor

/// Elementwise and reduction benchmarks (filled in with the kernels).
let elementwiseBenchmarks: [Benchmark] = []
