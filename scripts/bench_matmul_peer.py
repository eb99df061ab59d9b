"""Kiso's matmul against NumPy's on the same machine, in the same run.

Usage: python3 scripts/bench_matmul_peer.py [ROUNDS]   (after swift build -c release --product kiso-bench)

For each n in 256, 512, 1024, 2048 it alternates rounds of `kiso-bench matmul-n` and the same
NumPy product (float64, random inputs), so both sides see the same background load, then prints
the median time and GFLOP/s of each and their ratio. The machine's DGEMM peak is taken as the
best rate either side reached on the largest size.
"""
import os
import subprocess
import sys
import time

import numpy as np

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
BENCH = os.path.join(ROOT, ".build", "release", "kiso-bench")
SIZES = [256, 512, 1024, 2048]


def repeats(n):
    return {256: 40, 512: 20, 1024: 8, 2048: 4}[n]


def kiso_times(n):
    out = subprocess.run([BENCH, f"matmul-{n}", str(repeats(n))], capture_output=True, text=True, check=True)
    backend = [line for line in out.stderr.splitlines() if "OpenBLAS" in line]
    return [float(line.split()[1]) for line in out.stdout.splitlines() if line.startswith("matmul")], backend


def numpy_times(n, a, b):
    a @ b  # warm-up, as kiso-bench does
    times = []
    for _ in range(repeats(n)):
        start = time.perf_counter()
        a @ b
        times.append(time.perf_counter() - start)
    return times


def cpu_idle_fraction(seconds=1.0):
    """The fraction of all CPU time spent idle over the next `seconds` (from /proc/stat)."""
    def sample():
        with open("/proc/stat") as f:
            fields = [int(x) for x in f.readline().split()[1:]]
        return fields[3] + fields[4], sum(fields)
    idle0, total0 = sample()
    time.sleep(seconds)
    idle1, total1 = sample()
    return (idle1 - idle0) / max(total1 - total0, 1)


def wait_for_idle(threshold=0.9, patience=15.0):
    """Waits (up to `patience` seconds) until other processes leave the CPUs mostly idle, so a
    round measures the library rather than the neighbours. Returns the idle fraction seen."""
    deadline = time.time() + patience
    idle = cpu_idle_fraction()
    while idle < threshold and time.time() < deadline:
        idle = cpu_idle_fraction()
    return idle


def median(xs):
    xs = sorted(xs)
    return xs[len(xs) // 2]


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    rng = np.random.default_rng(0)
    print(f"NumPy {np.__version__}")
    results = {}
    backend = None
    for n in SIZES:
        a = rng.uniform(-1, 1, (n, n))
        b = rng.uniform(-1, 1, (n, n))
        kiso, numpy = [], []
        for _ in range(rounds):
            idle = wait_for_idle()
            if idle < 0.9:
                print(f"warning: n={n}: CPUs only {idle:.0%} idle before this round", file=sys.stderr)
            times, backend = kiso_times(n)
            kiso += times
            numpy += numpy_times(n, a, b)
        results[n] = (median(kiso), median(numpy), min(kiso), min(numpy))
    print(f"Kiso backend: {backend[0] if backend else '?'}")
    flops = {n: 2.0 * n ** 3 for n in SIZES}
    peak = max(flops[2048] / results[2048][2], flops[2048] / results[2048][3]) / 1e9
    print(f"DGEMM peak (best n=2048 rate seen): {peak:.1f} GFLOP/s")
    print(f"{'n':>6} {'kiso ms':>9} {'numpy ms':>9} {'kiso GF/s':>10} {'numpy GF/s':>11} {'ratio':>6} {'% peak':>7}")
    for n in SIZES:
        k, p, _, _ = results[n]
        kg, pg = flops[n] / k / 1e9, flops[n] / p / 1e9
        print(f"{n:>6} {k * 1e3:>9.3f} {p * 1e3:>9.3f} {kg:>10.1f} {pg:>11.1f} {kg / pg:>6.2f} {100 * kg / peak:>6.0f}%")


if __name__ == "__main__":
    main()
