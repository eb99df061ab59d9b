"""`fit` against Keras 3 on the CPU, side by side: the course's circles model and a small CNN.

- circles: Dense 2 → 16 → 16 → 1 (ReLU, ReLU, sigmoid), binary cross-entropy, Adam, 2000
  full-batch epochs of 500 points (benchmarks/fit/circles_fit.kiso, circles_fit_keras.py);
- digits CNN: Conv2D(16, 3×3) → MaxPooling2D(2) → Flatten → Dense(10), sparse categorical
  cross-entropy, Adam, epochs of the 1797 8×8 digits in batches of 32 (benchmarks/fit/digits_cnn.kiso,
  digits_cnn_keras.py); the figure is one epoch.

Both sides do the same work from the same starting weights: one untimed epoch first (it builds
Keras's train function and, on jax, compiles it), then the timed epochs, verbose=0. Keras times its
fit call inside the process (wall: perf_counter; CPU: process_time); Kiso's time is the difference
between a process fitting EPOCHS epochs after the first one and the same process fitting none, so
start-up, data loading and the first epoch are left out on both sides. Kiso computes in float64,
Keras in its default float32; both print the final loss, which the script checks agree to 1e-4.
Rounds alternate Kiso and Keras; medians are compared. CPU time (user + system of every thread)
is reported beside wall time because the machine may be shared.

Results are printed and written to docs/performance.md between the bench-fit markers.

Run: swift build -c release --product kiso && python3 scripts/bench_fit.py [--rounds N] [--backends torch,jax]
"""
import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

from benchdoc import write_table

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "benchmarks", "fit")
DATA = os.path.join(ROOT, "notebooks", "data")
DOC = os.path.join(ROOT, "docs", "performance.md")
START, END = "<!-- bench-fit:start -->", "<!-- bench-fit:end -->"


def run(argv, environment=None, cwd=None):
    """Wall and CPU seconds of one process, and its standard output and error."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(argv, capture_output=True, text=True, env=environment, cwd=cwd)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if result.returncode != 0:
        sys.exit(f"{' '.join(argv)} failed:\n{result.stdout}{result.stderr}")
    return wall, cpu, result.stdout.strip(), result.stderr


def kiso_program(name, epochs, directory):
    """benchmarks/fit/NAME.kiso with EPOCHS and DIGITS replaced, written to `directory`."""
    text = open(os.path.join(BENCH, name + ".kiso")).read()
    text = text.replace("EPOCHS", str(epochs)).replace("DIGITS", os.path.join(DATA, "digits.csv"))
    path = os.path.join(directory, f"{name}_{epochs}.kiso")
    with open(path, "w") as f:
        f.write(text)
    return path


def measure(name, epochs, rounds, kiso, backends, directory):
    """Per-epoch medians (wall, CPU) of Kiso and of Keras on each backend, with the printed losses."""
    base = kiso_program(name, 0, directory)
    full = kiso_program(name, epochs, directory)
    keras_script = os.path.join(BENCH, name + "_keras.py")
    times = {"Kiso": ([], [])}
    losses = {}
    for backend in backends:
        times[backend] = ([], [])
    for _ in range(rounds):
        # Kiso reads the digits from its working folder, where a script may read.
        w0, c0, _, _ = run([kiso, base], cwd=DATA)
        w1, c1, losses["Kiso"], _ = run([kiso, full], cwd=DATA)
        times["Kiso"][0].append((w1 - w0) / epochs)
        times["Kiso"][1].append((c1 - c0) / epochs)
        for backend in backends:
            environment = dict(os.environ, KERAS_BACKEND=backend)
            argv = [sys.executable, keras_script, str(epochs), os.path.join(DATA, "digits.csv")]
            _, _, losses[backend], err = run(argv, environment)
            fields = dict(line.split(": ", 1) for line in err.strip().splitlines() if line.startswith(("wall", "cpu")))
            times[backend][0].append(float(fields["wall"]) / epochs)
            times[backend][1].append(float(fields["cpu"]) / epochs)
    for backend in backends:
        if abs(float(losses["Kiso"]) - float(losses[backend])) > 1e-4:
            sys.exit(f"{name}: Kiso's final loss is {losses['Kiso']}, Keras/{backend}'s {losses[backend]}")
    return times, losses


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--backends", default="torch,jax")
    parser.add_argument("--kiso", default=os.path.join(ROOT, ".build", "release", "kiso"))
    parser.add_argument("--no-doc", action="store_true", help="print only; leave docs/performance.md alone")
    args = parser.parse_args()
    backends = args.backends.split(",")
    versions = {}
    for backend in backends:
        probe = subprocess.run(
            [sys.executable, "-c", "import keras, importlib; print(keras.__version__, "
             f"importlib.import_module('{backend}').__version__)"],
            capture_output=True, text=True, env=dict(os.environ, KERAS_BACKEND=backend))
        if probe.returncode != 0:
            sys.exit(f"Keras with the {backend} backend does not import:\n{probe.stderr}")
        versions[backend] = probe.stdout.split()

    lines = []
    with tempfile.TemporaryDirectory() as directory:
        for name, epochs, label, unit in [
            ("circles_fit", 2000, "circles 2→16→16→1, 2000 full-batch epochs", 2000),
            ("digits_cnn", 20, "digits CNN, one epoch (57 batches of 32)", 1),
        ]:
            times, losses = measure(name, epochs, args.rounds, args.kiso, backends, directory)
            kiso_wall = statistics.median(times["Kiso"][0]) * unit
            kiso_cpu = statistics.median(times["Kiso"][1]) * unit
            best = min(backends, key=lambda b: statistics.median(times[b][0]))
            for backend in backends:
                wall = statistics.median(times[backend][0]) * unit
                cpu = statistics.median(times[backend][1]) * unit
                mark = " (Keras's faster backend here)" if backend == best and len(backends) > 1 else ""
                lines.append(
                    f"| {label} | {kiso_wall:.3f} s / {kiso_cpu:.3f} s | Keras {versions[backend][0]} on {backend} "
                    f"{versions[backend][1]}{mark}: {wall:.3f} s / {cpu:.3f} s | {kiso_wall / wall:.2f}× / "
                    f"{kiso_cpu / cpu:.2f}× | {losses['Kiso']} · {losses[backend]} |")
    header = [
        f"Medians of {args.rounds} alternating rounds, wall / CPU time; Kiso float64, Keras float32 "
        "(its default), torch on one thread. Load average when it ended: "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores. "
        "Command: `swift build -c release --product kiso && python3 scripts/bench_fit.py`.",
        "",
        "| benchmark | Kiso | Keras 3 | Kiso / Keras (target ≤ 1.0) | final loss (Kiso · Keras) |",
        "|---|---|---|---|---|",
    ]
    table = "\n".join(header + lines)
    print(table)
    if args.no_doc:
        return
    write_table(DOC, START, END, table, "fit against Keras 3")


if __name__ == "__main__":
    main()
