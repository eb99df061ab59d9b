"""Probability benchmarks end to end: Kiso against hand-written NumPy, each as a whole process.

  vi    stochastic VI of 2-D Bayesian logistic regression (500 points, 64 reparameterised samples
        per step, 1000 steps; Kiso's gradients by grad, NumPy's derived by hand). Four programs:
        Kiso with the softplus builtin (vi.kiso) and with softplus written op by op
        (vi_ops.kiso); NumPy with its sigmoid op by op (vi_numpy.py) and with SciPy's fused
        expit (vi_numpy_fused.py, which also pays for importing scipy.special).
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
    groups = [
        ("stochastic VI, 500 points, 64 samples/step, 1000 steps", {
            "Kiso": [args.kiso, os.path.join(BENCH, "vi.kiso")],
            "Kiso, softplus op by op": [args.kiso, os.path.join(BENCH, "vi_ops.kiso")],
            "NumPy": [py, os.path.join(BENCH, "vi_numpy.py")],
            "NumPy + expit": [py, os.path.join(BENCH, "vi_numpy_fused.py")],
        }),
        ("IWAE bound, K = 5000, batch 100, 200 evaluations", {
            "Kiso": [args.kiso, os.path.join(BENCH, "iwae.kiso")],
            "NumPy": [py, os.path.join(BENCH, "iwae_numpy.py")],
        }),
    ]
    for title, programs in groups:
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
            print(f"  {label:24s} wall {statistics.median(walls[label]):7.3f} s  cpu "
                  f"{statistics.median(cpus[label]):7.3f} s   {outputs[label]}")
        kiso = [label for label in programs if label.startswith("Kiso")]
        peers = [label for label in programs if not label.startswith("Kiso")]
        for k in kiso:
            for peer in peers:
                wall_ratio = statistics.median(walls[k]) / statistics.median(walls[peer])
                cpu_ratio = statistics.median(cpus[k]) / statistics.median(cpus[peer])
                print(f"  {k} / {peer} = {wall_ratio:.3f} wall, {cpu_ratio:.3f} cpu  (target ≤ 1.0)")


if __name__ == "__main__":
    main()
