"""Side-by-side benchmarks: Kiso's release build against NumPy (or CPython, or JAX) on the same
machine, in the same run.

For each benchmark the Kiso side (benchmarks/kiso-bench) and the NumPy side run alternately, ROUNDS
times, each round timing several repeats after a warm-up; medians of all timings are compared as
ratios. Results are printed and written to docs/performance.md (the tables between the markers).

Run: make bench        (or: swift build -c release && python3 scripts/bench.py [--rounds N])
"""
import argparse
import os
import re
import platform
import resource
import statistics
import subprocess
import sys
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, ".build", "release", "kiso-bench")
KISO = os.path.join(ROOT, ".build", "release", "kiso")
DOC = os.path.join(ROOT, "docs", "performance.md")


def numpy_cases():
    """The NumPy peer of each kiso-bench benchmark: name -> (prepare, body)."""
    rng = np.random.default_rng(0)
    cases = {}

    def vec():
        return rng.random(10_000_000)

    def mat():
        return rng.random((4096, 4096))

    cases["exp-1e7"] = lambda: (lambda x: (lambda: np.exp(x)))(vec())
    cases["a+b*c-1e7"] = lambda: (lambda a, b, c: (lambda: a + b * c))(vec(), vec(), vec())
    cases["sum-axis0-4096"] = lambda: (lambda m: (lambda: m.sum(axis=0)))(mat())
    cases["sum-axis1-4096"] = lambda: (lambda m: (lambda: m.sum(axis=1)))(mat())
    cases["mean-axis0-4096"] = lambda: (lambda m: (lambda: m.mean(axis=0)))(mat())
    cases["mean-axis1-4096"] = lambda: (lambda m: (lambda: m.mean(axis=1)))(mat())
    for n in (256, 512, 1024, 2048):
        cases[f"matmul-{n}"] = (lambda n: lambda: (lambda a, b: (lambda: a @ b))(rng.random((n, n)), rng.random((n, n))))(n)
    return cases


def programs():
    """Whole-process comparisons: (name, kiso argv, peer argv, peer name, repeats per round)."""
    py = sys.executable
    bench = os.path.join(ROOT, "benchmarks")
    out = [
        ("cold start: kiso --version", [KISO, "--version"], [py, "-c", "import numpy"], "python3 -c 'import numpy'", 10),
        ("cold start: kiso -e '1+1'", [KISO, "-e", "1+1"], [py, "-c", "import numpy"], "python3 -c 'import numpy'", 10),
        ("attention step ×10⁵ (4×8), fused softmax", [KISO, os.path.join(bench, "attention", "attention.kiso")],
         [py, os.path.join(bench, "attention", "attention_numpy.py")], "NumPy", 1),
        ("attention step ×10⁵ (4×8), op by op", [KISO, os.path.join(bench, "attention", "attention_ops.kiso")],
         [py, os.path.join(bench, "attention", "attention_ops_numpy.py")], "NumPy", 1),
        ("scalar loop s = s + 1.0, 10⁶ turns", [KISO, os.path.join(bench, "loops", "scalar.kiso")],
         [py, os.path.join(bench, "loops", "scalar.py")], "CPython", 1),
        ("for i in range(10⁷): s = s + i * 0.5", [KISO, os.path.join(bench, "loops", "range_sum.kiso")],
         [py, os.path.join(bench, "loops", "range_sum.py")], "CPython", 1),
    ]
    circles = os.path.join(bench, "circles")
    if os.path.exists(os.path.join(circles, "circles.kiso")):
        out.append(("circles MLP, 2000 steps", [KISO, os.path.join(circles, "circles.kiso")],
                    [py, os.path.join(circles, "circles_numpy.py")], "NumPy", 1))
        # The training loops alone, as each program times its own (start-up, imports and data
        # excluded): the same 2000 steps on both sides.
        out.append(("circles MLP, 2000 steps, training loop alone",
                    [KISO, os.path.join(circles, "circles.kiso")],
                    [py, os.path.join(circles, "circles_numpy.py"), "--loop-time"], "NumPy's loop", 1))
        out.append(("circles MLP, 2000 steps", [KISO, os.path.join(circles, "circles.kiso")],
                    [py, os.path.join(circles, "circles_jax.py")], "JAX", 1))
    return out


def time_numpy(prepare, repeats):
    body = prepare()
    body()
    out = []
    for _ in range(repeats):
        start = time.perf_counter()
        body()
        out.append(time.perf_counter() - start)
    return out


def time_kiso(name, repeats):
    result = subprocess.run([BENCH, name, str(repeats)], capture_output=True, text=True, check=True)
    times = [float(line.split()[1]) for line in result.stdout.splitlines() if line.startswith(name + " ")]
    if not times:
        raise RuntimeError(f"kiso-bench {name}: {result.stdout.strip()}")
    return times


def time_command(argv, repeats, loop_alone=False):
    """(wall, CPU) times of `repeats` runs, CPU being the child's user + system time (all its
    threads); with `loop_alone`, the times the program prints itself as `loop-time SECONDS` and
    `loop-cpu SECONDS` (it times the part being compared) are taken instead."""
    out = []
    for _ in range(repeats):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        result = subprocess.run(argv, capture_output=True, text=True, check=True)
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)

        def reported(key, default):
            if not loop_alone:
                return default
            values = [line.split()[1] for line in result.stdout.splitlines() if line.startswith(key + " ")]
            if not values:
                raise RuntimeError(f"{' '.join(argv)} printed no `{key}` line")
            return float(values[0])

        out.append((reported("loop-time", elapsed), reported("loop-cpu", cpu)))
    return out


def flops(name):
    if name.startswith("matmul-"):
        n = int(name.split("-")[1])
        return 2.0 * n ** 3
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--only", default="",
                        help="comma-separated parts of benchmark names; the other rows of the table keep their figures")
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--cpu", action="store_true",
                        help="also compare whole programs by CPU time (user + system), for a shared machine "
                             "where wall time measures waiting for a core")
    args = parser.parse_args()

    available = subprocess.run([BENCH, "--list"], capture_output=True, text=True, check=True).stdout.split()
    cases = numpy_cases()
    wanted = [w for w in args.only.split(",") if w]

    def selected(name):
        return not wanted or any(w in name for w in wanted)

    names = [n for n in cases if n in available and selected(n)]
    rows = []
    for name in names:
        kiso, peer = [], []
        for _ in range(args.rounds):
            kiso += time_kiso(name, args.repeats)
            peer += time_numpy(cases[name], args.repeats)
            # NumPy's OpenBLAS threads keep spinning for a while after a product; let them go to
            # sleep so they do not take the cores from the next Kiso run.
            time.sleep(0.5)
        k, p = statistics.median(kiso), statistics.median(peer)
        f = flops(name)
        if f:
            kg, pg = f / k / 1e9, f / p / 1e9
            rows.append((name, f"{kg:.1f} GFLOP/s", f"{pg:.1f} GFLOP/s", f"{kg / pg:.2f}× NumPy's GFLOP/s"))
        else:
            rows.append((name, f"{k * 1e3:.2f} ms", f"{p * 1e3:.2f} ms", f"{k / p:.2f}× NumPy's time"))
        print(" | ".join(rows[-1]), flush=True)

    # Whole programs, as a learner's shell would start them: cold starts and Kiso scripts
    # against the same program in Python.
    for name, kiso_argv, peer_argv, peer_label, repeats in programs():
        if not selected(name):
            continue
        kiso, peer = [], []
        for _ in range(args.rounds):
            loop_alone = "loop alone" in name
            kiso += time_command(kiso_argv, repeats, loop_alone)
            peer += time_command(peer_argv, repeats, loop_alone)
        for column, label in [(0, ""), (1, ", CPU time")] if args.cpu else [(0, "")]:
            k = statistics.median(t[column] for t in kiso)
            p = statistics.median(t[column] for t in peer)
            unit = (lambda t: f"{t * 1e3:.1f} ms") if max(k, p) < 1 else (lambda t: f"{t:.3f} s")
            rows.append((name + label, unit(k), f"{unit(p)} ({peer_label})", f"{k / p:.2f}× {peer_label}'s time"))
            print(" | ".join(rows[-1]), flush=True)

    if args.no_write:
        return
    core = subprocess.run([BENCH, "--blas-core"], capture_output=True, text=True).stdout.strip() or "unknown"
    text = open(DOC).read() if os.path.exists(DOC) else "# Performance\n\n<!-- bench:start -->\n<!-- bench:end -->\n"
    start, end = text.find("<!-- bench:start -->"), text.find("<!-- bench:end -->")
    today = time.strftime("%Y-%m-%d")
    command = "make bench" if not wanted else f"python3 scripts/bench.py --only {args.only}"
    if args.cpu:
        command = command.replace("make bench", "python3 scripts/bench.py") + " --cpu"
    header = (
        f"Measured {today} on {platform.machine()} ({os.cpu_count()} cores), NumPy {np.__version__}, "
        f"Kiso's OpenBLAS kernels: {core}; medians of {args.rounds} rounds × {args.repeats} repeats, "
        f"Kiso and the peer (NumPy, CPython or JAX) alternating within each round. Command: `{command}`. "
        f"Load average when it ended: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores."
    )
    table = ["| benchmark | Kiso | peer | ratio |", "| --- | --- | --- | --- |"]
    if wanted and start >= 0 and end >= 0:
        # A partial run: the rows it measured replace their old figures (or are added); the
        # others keep theirs, from the run the earlier header describes.
        old = text[start:end].splitlines()
        earlier = [line for line in old[1:] if line and not line.startswith("|")]

        def superseded(line):
            # An earlier partial run whose every pattern this run measures again describes no
            # row any more.
            if not line.startswith("Rows matching "):
                return False
            patterns = re.findall(r"`([^`]*)`", line.split(" re-measured", 1)[0])
            return bool(patterns) and set(patterns) <= set(wanted)

        earlier = [line for line in earlier if not superseded(line)]
        header = "\n\n".join(earlier + [header.replace("Measured", "Rows matching " + ", ".join(
            f"`{w}`" for w in wanted) + " re-measured", 1)])

        known = set(cases) | {program[0] + label for program in programs() for label in ("", ", CPU time")}

        def key(name, peer):
            return (name, peer.split("(")[-1] if "(" in peer else "")

        kept = {}
        for line in old:
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if line.startswith("|") and len(cells) == 4 and cells[0] in known:
                kept[key(cells[0], cells[2])] = cells
        fresh = {key(a, c): [a, b, c, d] for a, b, c, d in rows}
        order = list(kept) + [k for k in fresh if k not in kept]
        table += ["| " + " | ".join(fresh.get(k, kept.get(k))) + " |" for k in order]
    else:
        table += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    block = "<!-- bench:start -->\n" + header + "\n\n" + "\n".join(table) + "\n<!-- bench:end -->"
    if start < 0 or end < 0:
        text += "\n" + block + "\n"
    else:
        text = text[:start] + block + text[end + len("<!-- bench:end -->"):]
    with open(DOC, "w") as f:
        f.write(text)
    print(f"wrote {os.path.relpath(DOC, ROOT)}")


if __name__ == "__main__":
    main()
