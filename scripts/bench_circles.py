"""The circles MLP benchmark end to end: Kiso, JAX and hand-written NumPy, each as a whole
process (interpreter start, imports, JAX's compilation and the 2000 training steps included).

Each program runs ROUNDS times, alternating, after one untimed warm-up run of each (so disk caches
are equally warm); the medians are compared as ratios and the final losses printed, which agree
because all three start from the same weights (default_rng(0)) and data (make_circles, seed 42).
Kiso and NumPy also time their 2000-step training loops themselves (`loop-time SECONDS`), and
those medians are compared too: the same work on both sides, start-up and imports excluded.

Run: swift build -c release && python3 scripts/bench_circles.py [--rounds N] [--kiso PATH]
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CIRCLES = os.path.join(ROOT, "benchmarks", "circles")


def run(argv):
    """Wall time of one run and its output."""
    start = time.perf_counter()
    result = subprocess.run(argv, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{' '.join(argv)} failed:\n{result.stdout}{result.stderr}")
    return elapsed, result.stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--kiso", default=os.path.join(ROOT, ".build", "release", "kiso"),
                        help="a binary that runs `BINARY FILE.kiso`")
    args = parser.parse_args()
    py = sys.executable
    programs = {
        "Kiso": [args.kiso, os.path.join(CIRCLES, "circles.kiso")],
        "JAX": [py, os.path.join(CIRCLES, "circles_jax.py")],
        "NumPy": [py, os.path.join(CIRCLES, "circles_numpy.py"), "--loop-time"],
    }
    outputs = {name: run(argv)[1] for name, argv in programs.items()}
    times = {name: [] for name in programs}
    loop_times = {name: [] for name in programs}
    for _ in range(args.rounds):
        for name, argv in programs.items():
            elapsed, output = run(argv)
            times[name].append(elapsed)
            loop = [float(line.split()[1]) for line in output.splitlines() if line.startswith("loop-time ")]
            if loop:
                loop_times[name].append(loop[0])
    medians = {name: statistics.median(ts) for name, ts in times.items()}
    print(f"circles MLP, 500 points, 2000 full-batch steps; median of {args.rounds} runs (wall time)")
    for name in programs:
        lines = " · ".join(line for line in outputs[name].strip().splitlines() if not line.startswith("loop-"))
        spread = f"{min(times[name]):.3f}–{max(times[name]):.3f}"
        print(f"  {name:6s} {medians[name]:7.3f} s  (range {spread})   {lines}")
    print(f"  Kiso / JAX   = {medians['Kiso'] / medians['JAX']:.3f}  (target ≤ 0.15)")
    print(f"  Kiso / NumPy = {medians['Kiso'] / medians['NumPy']:.3f}  (target ≤ 1.0)")
    loops = {name: statistics.median(ts) for name, ts in loop_times.items() if ts}
    print("training loops alone (as each program times its own; start-up, imports and data excluded):")
    for name, t in loops.items():
        print(f"  {name:6s} {t:7.3f} s  (range {min(loop_times[name]):.3f}–{max(loop_times[name]):.3f})")
    print(f"  Kiso / NumPy = {loops['Kiso'] / loops['NumPy']:.3f}  (target ≤ 0.8)")


if __name__ == "__main__":
    main()
