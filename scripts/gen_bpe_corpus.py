"""The English text chapter 05 (byte-pair encoding) trains on: notebooks/data/python-docstrings.txt.

About 40 KB of documentation strings from a few modules of Python's standard library (the module's
docstring, then each public function's and class's, in name order), generated once and committed
so that the chapter's recorded outputs never depend on the Python that runs this script.

Run: python3 scripts/gen_bpe_corpus.py
"""
import inspect
import os

MODULES = ["textwrap", "json", "collections", "functools", "itertools", "heapq", "bisect", "string",
           "random", "statistics", "fractions", "difflib"]
LIMIT = 40_000
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "notebooks", "data", "python-docstrings.txt")


def main():
    parts = []
    for name in MODULES:
        module = __import__(name)
        docs = [inspect.getdoc(module) or ""]
        for attr in sorted(dir(module)):
            if attr.startswith("_"):
                continue
            obj = getattr(module, attr)
            if (inspect.isfunction(obj) or inspect.isclass(obj) or inspect.isbuiltin(obj)) and obj.__doc__:
                docs.append(inspect.getdoc(obj) or "")
        parts.append("\n\n".join(d for d in docs if d))
    text = "\n\n".join(parts)
    text = text[:LIMIT].rsplit("\n", 1)[0] + "\n"
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    print(OUT, len(text.encode()))


if __name__ == "__main__":
    main()
