import KisoTensor

// Usage: kiso-bench NAME [ARG]   — runs one benchmark once and prints its time in seconds.
// scripts/bench.py drives this side by side with the NumPy peer and reports median ratios.
let allBenchmarks: [Benchmark] = elementwiseBenchmarks + matmulBenchmarks
runBenchmarkCommandLine(allBenchmarks)
