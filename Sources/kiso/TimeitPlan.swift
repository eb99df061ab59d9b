/// How `:time` repeats an expression, as IPython's `%timeit` does: the first run shows the value
/// and sets the scale; then loops of 1, 10, 100, … runs grow until one loop takes
/// `targetLoopSeconds`, and that loop is repeated `repeats` times. The total is kept under
/// `budgetSeconds`, so a slow expression runs once or a few times rather than for minutes.
struct TimeitPlan {
    /// Repeats of the timed loop.
    var repeats = 7
    /// How long one loop should take at least.
    var targetLoopSeconds = 0.2
    /// The most time the timing may take after the first run.
    var budgetSeconds = 3.0

    /// The number of runs per loop and the number of loops for an expression whose first run
    /// took `firstRun` seconds.
    func shape(firstRun: Double) -> (loops: Int, repeats: Int) {
        guard firstRun.isFinite, firstRun > 0 else { return (1_000, repeats) }
        var loops = 1
        while Double(loops) * firstRun < targetLoopSeconds && loops < 10_000_000 { loops *= 10 }
        let perRepeat = Double(loops) * firstRun
        let affordable = Int(budgetSeconds / perRepeat)
        return (loops, Swift.max(1, Swift.min(repeats, affordable)))
    }

    /// `1.23 ms ± 45 µs per loop (mean ± std. dev. of 7 runs, 100 loops each)`; a single run
    /// reads the same way, with a spread of 0, as `%timeit -r1` prints it.
    static func report(perLoopTimes: [Double], loops: Int) -> String {
        let count = Double(perLoopTimes.count)
        let mean = perLoopTimes.reduce(0, +) / Swift.max(1, count)
        let variance =
            perLoopTimes.count > 1
            ? perLoopTimes.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (count - 1) : 0
        let runs = perLoopTimes.count == 1 ? "1 run" : "\(perLoopTimes.count) runs"
        let each = loops == 1 ? "1 loop each" : "\(loops) loops each"
        return "\(Clock.format(seconds: mean)) ± \(Clock.format(seconds: variance.squareRoot())) per loop "
            + "(mean ± std. dev. of \(runs), \(each))"
    }
}
