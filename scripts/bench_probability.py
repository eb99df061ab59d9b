"""Probability benchmarks end to end: Kiso against hand-written NumPy, each as a whole process.

  vi    stochastic VI of 2-D Bayesian logistic regression (500 points, 64 reparameterised samples
        per step, 1000 steps; Kiso's gradients by grad, NumPy's derived by hand)
  iwae  the IWAE bound for K = 5000 over a batch of 100, 200 evaluations

Each program runs ROUNDS times, alternating, after one untimed warm-up run of each; medians of
wall time and of CPU time (user + system of the child process) are compared as ratios. The
programs print their results, which agree because both use default_rng(0)'s identical streams.
CPU time is reported too because the machine may be shared: wall time then includes waiting.

Run: swift build -c release && python3 scripts/bench_probability.py [--rounds N] [--kiso PATH]
"""
import argparse
import os
import resource
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "benchmarks", "probability")


def run(argv):
    """Wall time, CPU time and output of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(argv, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if result.returncode != 0:
        sys.exit(f"{' '.join(argv)} failed:\n{result.stdout}{result.stderr}")
    return wall, cpu, result.stdout.strip()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--kiso", default=os.path.join(ROOT, ".build", "release", "kiso"))
    args = parser.parse_args()
    py = sys.executable
    for name, title in [("vi", "stochastic VI, 500 points, 64 samples/step, 1000 steps"),
                        ("iwae", "IWAE bound, K = 5000, batch 100, 200 evaluations")]:
        programs = {
            "Kiso": [args.kiso, os.path.join(BENCH, name + ".kiso")],
            "NumPy": [py, os.path.join(BENCH, name + "_numpy.py")],
        }
        outputs = {label: run(argv)[2] for label, argv in programs.items()}
        walls = {label: [] for label in programs}
        cpus = {label: [] for label in programs}
        for _ in range(args.rounds):
            for label, argv in programs.items():
                wall, cpu, _ = run(argv)
                walls[label].append(wall)
                cpus[label].append(cpu)
        print(f"{title}; median of {args.rounds} alternating runs")
        for label in programs:
            print(f"  {label:6s} wall {statistics.median(walls[label]):7.3f} s  cpu "
                  f"{statistics.median(cpus[label]):7.3f} s   {outputs[label]}")
        wall_ratio = statistics.median(walls["Kiso"]) / statistics.median(walls["NumPy"])
        cpu_ratio = statistics.median(cpus["Kiso"]) / statistics.median(cpus["NumPy"])
        print(f"  Kiso / NumPy = {wall_ratio:.3f} wall, {cpu_ratio:.3f} cpu  (target ≤ 1.0)")


if __name__ == "__main__":
    main()
