"""Writes Tests/Fixtures/python_habits.json: Python's habits (comprehensions, list and dict
methods that change their variable, in-place NumPy methods, shuffles, divmod, slicing) written
in Kiso beside the Python/NumPy code they stand for, with the text Python prints for the result.

The Python side is statements, one per line; the value of the last line is the result. Kiso
echoes a value as Python's str() shows it, and a string quoted, so the expected text is
str(result), or repr(result) for a string. Where Kiso makes a tensor (numbers in brackets),
the Python side builds the same with np.array. Each case is {"kiso", "python", "text"}.
"""
import numpy as np

from fixturelib import write

CASES = [
    # Comprehensions and generator expressions.
    ("[x * x for x in range(5)]", "np.array([x * x for x in range(5)])"),
    ('[w.upper() for w in ["a", "", "b"] if w != ""]', '[w.upper() for w in ["a", "", "b"] if w != ""]'),
    ("[(i, j) for i in range(3) for j in range(i)]", "[(i, j) for i in range(3) for j in range(i)]"),
    ("[i for i in range(10) if i % 2 == 0 if i > 3]", "np.array([i for i in range(10) if i % 2 == 0 if i > 3])"),
    ("[[i * j for j in range(3)] for i in range(3)]", "np.array([[i * j for j in range(3)] for i in range(3)])"),
    ('{w: len(w) for w in "the cat sat".split()}', '{w: len(w) for w in "the cat sat".split()}'),
    ("{i: i ** 2 for i in range(4) if i != 2}", "{i: i ** 2 for i in range(4) if i != 2}"),
    ("sum(x * x for x in [1.0, 2.0, 3.0])", "sum(x * x for x in [1.0, 2.0, 3.0])"),
    ('max(len(w) for w in ["ab", "abc", "a"])', 'max(len(w) for w in ["ab", "abc", "a"])'),
    ("any(x > 2 for x in range(4))", "any(x > 2 for x in range(4))"),
    ("all(x > 2 for x in range(4))", "all(x > 2 for x in range(4))"),
    ('"-".join(c.upper() for c in "abc")', '"-".join(c.upper() for c in "abc")'),
    ('[a + b for a, b in zip(["x", "y"], ["1", "2"])]', '[a + b for a, b in zip(["x", "y"], ["1", "2"])]'),
    ('[(i, w) for i, w in enumerate(["a", "b"], 1)]', '[(i, w) for i, w in enumerate(["a", "b"], 1)]'),
    ("x = [1, 2, 3]; [x * 10 for x in x]", "x = [1, 2, 3]\nnp.array([x * 10 for x in x])"),
    # Lists that grow and shrink.
    ("xs = []; xs.append(1.0); xs.append(2.5); xs", "xs = []\nxs.append(1.0)\nxs.append(2.5)\nxs"),
    ('xs = ["a"]; xs.extend(["b", "c"]); xs', 'xs = ["a"]\nxs.extend(["b", "c"])\nxs'),
    ('xs = ["a"]; xs.extend("bc"); xs', 'xs = ["a"]\nxs.extend("bc")\nxs'),
    ('xs = ["a", "c"]; xs.insert(1, "b"); xs', 'xs = ["a", "c"]\nxs.insert(1, "b")\nxs'),
    ('xs = ["a", "c"]; xs.insert(-100, "z"); xs.insert(100, "q"); xs', 'xs = ["a", "c"]\nxs.insert(-100, "z")\nxs.insert(100, "q")\nxs'),
    ('xs = ["a", "b", "c"]; last = xs.pop(); (last, xs)', 'xs = ["a", "b", "c"]\nlast = xs.pop()\n(last, xs)'),
    ('xs = ["a", "b", "c"]; first = xs.pop(0); (first, xs)', 'xs = ["a", "b", "c"]\nfirst = xs.pop(0)\n(first, xs)'),
    ('xs = ["a", "b", "a"]; xs.remove("a"); xs', 'xs = ["a", "b", "a"]\nxs.remove("a")\nxs'),
    ('xs = ["bb", "c", "aaa"]; xs.sort(); xs', 'xs = ["bb", "c", "aaa"]\nxs.sort()\nxs'),
    ('xs = ["bb", "c", "aaa"]; xs.sort(key=len, reverse=true); xs', 'xs = ["bb", "c", "aaa"]\nxs.sort(key=len, reverse=True)\nxs'),
    ('s = [("a", 0.2), ("b", 0.9), ("c", 0.5)]; s.sort(key=p -> p[1], reverse=true); s',
     's = [("a", 0.2), ("b", 0.9), ("c", 0.5)]\ns.sort(key=lambda p: p[1], reverse=True)\ns'),
    ('xs = ["a", "b"]; xs.reverse(); xs', 'xs = ["a", "b"]\nxs.reverse()\nxs'),
    ('["a", "b", "a"].index("b"), ["a", "b", "a"].count("a")', '["a", "b", "a"].index("b"), ["a", "b", "a"].count("a")'),
    ('xs = ["a"]; ys = xs; xs.append("b"); (xs, ys)', 'xs = ["a"]\nys = list(xs)\nxs.append("b")\n(xs, ys)'),
    ('d = {"a": []}; d["a"].append("x"); d', 'd = {"a": []}\nd["a"].append("x")\nd'),
    ('rows = [[], []]; rows[1].append("y"); rows', 'rows = [[], []]\nrows[1].append("y")\nrows'),
    # Numbers in brackets are a tensor; growing it grows the list it was written as.
    ("probs = [0.25, 0.15]; probs.append(0.6); probs", "probs = [0.25, 0.15]\nprobs.append(0.6)\nnp.array(probs)"),
    ("ids = [1, 2]; ids.extend([3, 4]); ids.insert(0, 9); ids.pop(), ids",
     "ids = [1, 2]\nids.extend([3, 4])\nids.insert(0, 9)\nids.pop(), np.array(ids)"),
    ("# Conditional expressions and chained comparisons.\n[x if x > 1 else -x for x in range(4)]", "np.array([x if x > 1 else -x for x in range(4)])"),
    ("0 < 0.5 < 1, 2 < 3 < 1, 1 == 1.0 == true", "0 < 0.5 < 1, 2 < 3 < 1, 1 == 1.0 == True"),
    # Dicts.
    ('d = {"a": 1}; d.update({"b": 2, "a": 3}); d', 'd = {"a": 1}\nd.update({"b": 2, "a": 3})\nd'),
    ('d = {"a": 1}; d.update([("c", 4)]); d', 'd = {"a": 1}\nd.update([("c", 4)])\nd'),
    ('d = {"a": 1, "b": 2}; v = d.pop("a"); (v, d)', 'd = {"a": 1, "b": 2}\nv = d.pop("a")\n(v, d)'),
    ('d = {"a": 1}; d.pop("z", 0)', 'd = {"a": 1}\nd.pop("z", 0)'),
    # NumPy's in-place methods.
    ("x = zeros(3); x.fill(7); x", "x = np.zeros(3)\nx.fill(7)\nx"),
    ("x = arange(3); x.fill(2.7); x", "x = np.arange(3)\nx.fill(2.7)\nx"),
    ("x = [3, 1, 2]; x.sort(); x", "x = np.array([3, 1, 2])\nx.sort()\nx"),
    ("x = [[3, 1], [0, -1]]; x.sort(axis=0); x", "x = np.array([[3, 1], [0, -1]])\nx.sort(axis=0)\nx"),
    ("x = [[3.5, 1], [0, -1]]; x.sort(); x", "x = np.array([[3.5, 1], [0, -1]])\nx.sort()\nx"),
    ("x = [3, 1, 2]; y = x; x.sort(); y", "x = np.array([3, 1, 2])\ny = x.copy()\nx.sort()\ny"),
    # Shuffles, bit for bit with NumPy's Generator and RandomState.
    ("rng = default_rng(0); x = arange(10); rng.shuffle(x); x", "rng = np.random.default_rng(0)\nx = np.arange(10)\nrng.shuffle(x)\nx"),
    ("rng = default_rng(3); x = arange(12).reshape(4, 3); rng.shuffle(x); x",
     "rng = np.random.default_rng(3)\nx = np.arange(12).reshape(4, 3)\nrng.shuffle(x)\nx"),
    ('rng = default_rng(0); x = ["a", "b", "c", "d", "e"]; rng.shuffle(x); x',
     'rng = np.random.default_rng(0)\nx = ["a", "b", "c", "d", "e"]\nrng.shuffle(x)\nx'),
    ("rng = default_rng(7); x = arange(6) * 1.0; rng.shuffle(x); rng.shuffle(x); x",
     "rng = np.random.default_rng(7)\nx = np.arange(6) * 1.0\nrng.shuffle(x)\nrng.shuffle(x)\nx"),
    ("rs = RandomState(0); y = arange(5); rs.shuffle(y); y", "rs = np.random.RandomState(0)\ny = np.arange(5)\nrs.shuffle(y)\ny"),
    ('rs = RandomState(0); y = ["a", "b", "c", "d", "e"]; rs.shuffle(y); y',
     'rs = np.random.RandomState(0)\ny = ["a", "b", "c", "d", "e"]\nrs.shuffle(y)\ny'),
    # divmod, reversed, slicing.
    ("divmod(7, 2)", "divmod(7, 2)"),
    ("divmod(-7, 2)", "divmod(-7, 2)"),
    ("divmod(7.5, -2)", "divmod(7.5, -2)"),
    ("divmod(arange(5), 2)", "np.divmod(np.arange(5), 2)"),
    ("list(reversed(range(4)))", "list(reversed(range(4)))"),
    ('"".join(reversed("abc"))', '"".join(reversed("abc"))'),
    ("reversed(arange(4))", "np.arange(4)[::-1]"),
    ('["a", "b", "c", "d"][1:]', '["a", "b", "c", "d"][1:]'),
    ('["a", "b", "c", "d"][::-1]', '["a", "b", "c", "d"][::-1]'),
    ('["a", "b", "c", "d"][-3:-1]', '["a", "b", "c", "d"][-3:-1]'),
    ('["a", "b", "c", "d"][::2]', '["a", "b", "c", "d"][::2]'),
    ('["a", "b", "c", "d"][10:]', '["a", "b", "c", "d"][10:]'),
    ('"hello"[::-1]', '"hello"[::-1]'),
    ('"hello"[-3:]', '"hello"[-3:]'),
    ('"hello"[1:-1:2]', '"hello"[1:-1:2]'),
    ('("a", "b", "c")[-2:]', '("a", "b", "c")[-2:]'),
    ("arange(10)[::-3]", "np.arange(10)[::-3]"),
    ("abs(-2.5), round(2.675, 2), type(3)", "abs(-2.5), round(2.675, 2), 'int'"),
    ("round(2.5), round(3.5), round(-0.5), round(1234.5, -2)", "round(2.5), round(3.5), round(-0.5), round(1234.5, -2)"),
    ("round(array([2.675, 0.125]), 2)", "np.round(np.array([2.675, 0.125]), 2)"),
]


def run(python):
    lines = python.split("\n")
    scope = {"np": np}
    for line in lines[:-1]:
        exec(line, scope)
    return eval(lines[-1], scope)


def main():
    cases = []
    for kiso, python in CASES:
        value = run(python)
        text = repr(value) if isinstance(value, str) else str(value)
        cases.append({"kiso": kiso, "python": python, "text": text})
    write("python_habits", cases)


if __name__ == "__main__":
    main()
