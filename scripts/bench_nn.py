"""The neural-network layer benchmarks: Kiso against PyTorch eager on the CPU, side by side.

- conv2d forward and backward: a (32, 1, 28, 28) batch through 8 3×3 filters (padding 1) with a
  bias, the gradient of sum(y²) in the weights and bias (benchmarks/nn/conv2d.kiso, conv2d_torch.py);
- an LSTM of 64 units over 50 steps of a batch of 32 (16 input features), forward and backward,
  the gradient of sum(outputs²) in the four weights (benchmarks/nn/lstm.kiso, lstm_torch.py).

Both sides run float64 on one thread (torch.set_num_threads(1); Kiso's products at these sizes run
on one OpenBLAS thread). PyTorch times its loop inside the process (perf_counter), so its import is
not counted; Kiso's time per step is the difference between a process running 1 + N steps and one
running 1 step, so start-up, data creation and the first step are not counted either. Rounds
alternate Kiso and PyTorch; the medians are compared. Both programs print the same gradient sum
(the data come from the same NumPy-compatible Generator), which the script checks.

Results are printed and written to docs/performance.md between the bench-nn markers.

Run: swift build -c release --product kiso && python3 scripts/bench_nn.py [--rounds N] [--kiso PATH]
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

from benchdoc import write_table

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "benchmarks", "nn")
DOC = os.path.join(ROOT, "docs", "performance.md")
START, END = "<!-- bench-nn:start -->", "<!-- bench-nn:end -->"


def run(argv):
    """Wall time of one process and its standard output and error."""
    start = time.perf_counter()
    result = subprocess.run(argv, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{' '.join(argv)} failed:\n{result.stdout}{result.stderr}")
    return elapsed, result.stdout.strip(), result.stderr


def kiso_program(name, steps, directory):
    """benchmarks/nn/NAME.kiso with STEPS replaced, written to `directory`."""
    text = open(os.path.join(BENCH, name + ".kiso")).read().replace("STEPS", str(steps))
    path = os.path.join(directory, f"{name}_{steps}.kiso")
    with open(path, "w") as f:
        f.write(text)
    return path


def measure(name, steps, rounds, kiso, directory):
    """Median seconds per step of Kiso and of PyTorch, and both programs' printed results."""
    base = kiso_program(name, 1, directory)
    full = kiso_program(name, 1 + steps, directory)
    torch_script = os.path.join(BENCH, name + "_torch.py")
    kiso_times, torch_times = [], []
    outputs = {}
    for _ in range(rounds):
        t_base, _, _ = run([kiso, base])
        t_full, outputs["Kiso"], _ = run([kiso, full])
        kiso_times.append((t_full - t_base) / steps)
        _, outputs["PyTorch"], err = run([sys.executable, torch_script, str(steps)])
        torch_times.append(float(err.strip().rsplit(" ", 1)[-1]))
    return statistics.median(kiso_times), statistics.median(torch_times), kiso_times, torch_times, outputs


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--kiso", default=os.path.join(ROOT, ".build", "release", "kiso"))
    args = parser.parse_args()
    import torch  # noqa: F401  (fails early, with a clear message, when torch is missing)

    lines = []
    ratios = []
    with tempfile.TemporaryDirectory() as directory:
        for name, steps, label in [
            ("conv2d", 60, "conv2d fwd+bwd, (32,1,28,28) ⊛ 8×(3×3)"),
            ("lstm", 10, "LSTM fwd+bwd, 64 units × 50 steps × batch 32"),
        ]:
            kiso, peer, kiso_all, peer_all, outputs = measure(name, steps, args.rounds, args.kiso, directory)
            a, b = float(outputs["Kiso"]), float(outputs["PyTorch"])
            if abs(a - b) > 1e-9 * max(1.0, abs(b)):
                sys.exit(f"{name}: Kiso printed {a}, PyTorch {b}; the programs do not compute the same thing")
            ratio = kiso / peer
            ratios.append(ratio)
            lines.append(
                f"| {label} | {kiso * 1e3:.2f} ms ({min(kiso_all) * 1e3:.2f}–{max(kiso_all) * 1e3:.2f}) "
                f"| {peer * 1e3:.2f} ms ({min(peer_all) * 1e3:.2f}–{max(peer_all) * 1e3:.2f}) | {ratio:.2f}× |")
    import torch

    header = [
        f"Medians of {args.rounds} alternating rounds, per training step (ranges in brackets); "
        f"PyTorch {torch.__version__}, float64, one thread. "
        "Command: `swift build -c release --product kiso && python3 scripts/bench_nn.py`.",
        "",
        "| benchmark | Kiso | PyTorch eager | Kiso / PyTorch (target ≤ 1.0) |",
        "|---|---|---|---|",
    ]
    table = "\n".join(header + lines)
    print(table)
    write_table(DOC, START, END, table, "Neural-network layers against PyTorch")


if __name__ == "__main__":
    main()
