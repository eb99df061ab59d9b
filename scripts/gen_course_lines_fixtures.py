"""Writes Tests/Fixtures/course_lines_numpy.json: the value NumPy gives for each course excerpt in
Tests/Fixtures/course_lines.md, so a test can spot-check the Kiso cell that follows it.

The excerpts are the ```python check and ```python run fences of that file, run in order in one
namespace (as the Kiso cells run in one session), with numpy imported as np; only the check
fences' values are recorded. Each case is {"cell": the number of
the Kiso cell after the fence, counting ```kiso fences from 1, "python": the fence, "text": str()
of the value of its last line, or repr() for a string}.
"""
import os

import numpy as np

from fixturelib import write

SOURCE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Fixtures", "course_lines.md")


def fences(text):
    """(info, body) of every fenced block, in order."""
    blocks = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("```") and line.strip() != "```" and not line.startswith("````"):
            info = line[3:].strip()
            body = []
            i += 1
            while i < len(lines) and lines[i].strip() != "```":
                body.append(lines[i])
                i += 1
            blocks.append((info, "\n".join(body)))
        i += 1
    return blocks


def main():
    scope = {"np": np}
    cases = []
    kiso_cells = 0
    pending = None
    for info, body in fences(open(SOURCE, encoding="utf-8").read()):
        if info == "python run":
            exec(body, scope)
        elif info == "python check":
            lines = body.split("\n")
            exec("\n".join(lines[:-1]), scope)
            value = eval(lines[-1], scope)
            pending = (body, repr(value) if isinstance(value, str) else str(value))
        elif info.split()[0] == "kiso":
            kiso_cells += 1
            if pending is not None:
                cases.append({"cell": kiso_cells, "python": pending[0], "text": pending[1]})
                pending = None
    write("course_lines_numpy", cases)


if __name__ == "__main__":
    main()
