"""Keras 3's training progress lines for given numbers (Tests/Fixtures/keras_progbar.json).

Each case drives keras.utils.Progbar as fit's ProgbarLogger does (stateless_metrics=set(), so
values are shown as given; no minimum interval between updates) with its clock replaced: the bar
starts at t_start, step 1 ends at t_first, and the recorded update (step `current`, finalised or
not) happens at t_now. The line
Keras writes is recorded without its colour codes, backspaces and carriage return. Kiso's
KerasProgressBar must write the same text for the same numbers (Kiso draws the steps still to do
with a light glyph where Keras colours the same glyph grey).

Run: KERAS_BACKEND=torch python3 scripts/gen_keras_progbar_fixtures.py
"""
import io
import os
import re
import sys
from contextlib import redirect_stdout

os.environ.setdefault("KERAS_BACKEND", "torch")
import keras  # noqa: E402
from keras.src.utils import progbar as progbar_module  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixturelib import num, write  # noqa: E402

ANSI = re.compile(r"\x1b\[[0-9;]*m")


class Clock:
    now = 0.0

    def time(self):
        return self.now


def run(verbose, target, current, t_start, t_first, t_now, finalize, values):
    """The text of Keras's last update after step 1 at t_first (and step `current` at t_now)."""
    updates = [(1, t_first, finalize and current == 1)]
    if current > 1:
        updates.append((current, t_now, finalize))
    clock = Clock()
    saved = progbar_module.time
    progbar_module.time = clock
    try:
        clock.now = t_start
        bar = keras.utils.Progbar(target, verbose=verbose, stateless_metrics=set(), unit_name="step", interval=0)
        for step, when, final in updates:
            out = io.StringIO()
            with redirect_stdout(out):
                clock.now = when
                bar.update(step, values, finalize=final)
    finally:
        progbar_module.time = saved
    return clean(out.getvalue())


def clean(text):
    text = ANSI.sub("", text).replace("\b", "")
    text = text.split("\r")[-1]
    return text.rstrip("\n").rstrip(" ")


METRICS = [
    [("accuracy", 0.6171875), ("loss", 0.71894)],
    [("loss", 0.0)],
    [("loss", 0.001), ("mae", 0.0012345)],
    [("loss", -123.456789), ("kl", 0.000012345)],
    [("loss", float("nan")), ("val_loss", float("inf"))],
    [("accuracy", 0.62875), ("loss", 0.69772), ("val_accuracy", 0.675), ("val_loss", 0.678125)],
    [("loss", 2.5e-05), ("val_loss", -0.0004)],
]

# (target, current, t_first - t_start, t_now - t_start, finalize)
TIMINGS = [
    (25, 1, 0.046, 0.046, False),
    (25, 4, 0.046, 0.127, False),
    (25, 25, 0.046, 0.5, False),
    (25, 25, 0.046, 1.5, True),
    (32, 32, 0.003, 2.5, True),
    (1, 1, 0.0004, 0.0004, True),
    (1000, 7, 1.2, 9.0, False),
    (1000, 12, 0.5, 40.0, False),
    (5000, 3, 2.0, 6.0, False),
    (100, 100, 0.0, 0.0, True),
    (9, 3, 0.00002, 0.00005, False),
    (300, 300, 0.01, 0.61, True),
]


def main():
    cases = []
    start = 1000.0
    for i, (target, current, first, now, finalize) in enumerate(TIMINGS):
        values = METRICS[i % len(METRICS)]
        for verbose in (1, 2):
            if verbose == 2 and not finalize:
                continue
            line = run(verbose, target, current, start, start + first, start + now, finalize, values)
            cases.append(
                {
                    "verbose": verbose,
                    "target": target,
                    "current": current,
                    "t_start": start,
                    "t_first": start + first,
                    "t_now": start + now,
                    "finalize": finalize,
                    "names": [name for name, _ in values],
                    "values": [num(v) for _, v in values],
                    "expected": line,
                }
            )
    write("keras_progbar", cases, keras_version=keras.__version__)


if __name__ == "__main__":
    main()
