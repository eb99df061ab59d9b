"""Writing a benchmark script's table into docs/performance.md, between its own markers."""
import os


def write_table(doc, start, end, table, heading):
    """Replaces the text between `start` and `end` in `doc` with `table`, or appends a section
    called `heading` holding it; written atomically, as every file Kiso's tools write."""
    text = open(doc).read()
    if start in text and end in text:
        before, rest = text.split(start, 1)
        after = rest.split(end, 1)[1]
        text = before + start + "\n" + table + "\n" + end + after
    else:
        text = text.rstrip("\n") + f"\n\n## {heading}\n\n" + start + "\n" + table + "\n" + end + "\n"
    temporary = doc + ".tmp"
    with open(temporary, "w") as f:
        f.write(text)
    os.replace(temporary, doc)
