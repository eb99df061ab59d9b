"""Writes Tests/Fixtures/python_numbers.json: Kiso expressions beside the Python/NumPy code they
stand for, with the text CPython and NumPy print for the result.

Kiso echoes a value as Python's str() shows it (a tensor as NumPy's str, a number as Python's
repr), and a string quoted, so the expected text is str(result), or repr(result) for a string.
Each case is {"kiso": source, "python": source, "text": expected echo}.
"""
import numpy as np

from fixturelib import write

# (Kiso source, Python source). The Python side imports nothing but numpy as np.
CASES = [
    # Python's number types: a point or an exponent makes a float, otherwise an int.
    ("3", "3"),
    ("3.0", "3.0"),
    ("1e3", "1e3"),
    ("1e-5", "1e-5"),
    ("1_000", "1_000"),
    ("2.0 * 1.5", "2.0 * 1.5"),
    ("2 * 3", "2 * 3"),
    ("2 * 3.0", "2 * 3.0"),
    ("7 / 2", "7 / 2"),
    ("6 / 2", "6 / 2"),
    ("1 / 2", "1 / 2"),
    ("7 // 2", "7 // 2"),
    ("-7 // 2", "-7 // 2"),
    ("7 // -2", "7 // -2"),
    ("7.0 // 2", "7.0 // 2"),
    ("-7.5 // 2", "-7.5 // 2"),
    ("1 // 0.1", "1 // 0.1"),
    ("7 % 3", "7 % 3"),
    ("-7 % 3", "-7 % 3"),
    ("7 % -3", "7 % -3"),
    ("-7.5 % 2", "-7.5 % 2"),
    ("7.5 % -2", "7.5 % -2"),
    ("-6.0 % 3", "-6.0 % 3"),
    ("2 ** 10", "2 ** 10"),
    ("2 ^ 10", "2 ** 10"),
    ("2 ** -1", "2 ** -1"),
    ("2 ** 0.5", "2 ** 0.5"),
    ("2.0 ** 3", "2.0 ** 3"),
    ("(-2) ** 3", "(-2) ** 3"),
    ("-2 ** 2", "-2 ** 2"),
    ("10 - 2.5", "10 - 2.5"),
    ("0.1 + 0.2", "0.1 + 0.2"),
    ("1e16", "1e16"),
    ("123456789.0 * 1e8", "123456789.0 * 1e8"),
    ("0.0001", "0.0001"),
    ("0.00001", "0.00001"),
    ("-0.0", "-0.0"),
    ("inf", "float('inf')"),
    ("-inf", "-float('inf')"),
    ("nan", "float('nan')"),
    ("1 / 3", "1 / 3"),
    ("9007199254740993", "9007199254740993"),
    ("9223372036854775807", "9223372036854775807"),
    # Bools count as the ints 0 and 1.
    ("true", "True"),
    ("false", "False"),
    ("true + true", "True + True"),
    ("true * 2.5", "True * 2.5"),
    ("-true", "-True"),
    ("true / 2", "True / 2"),
    ("1 < 2", "1 < 2"),
    ("1 == 1.0", "1 == 1.0"),
    ("3 * (2 > 1)", "3 * (2 > 1)"),
    # Conversions.
    ("int(3.7)", "int(3.7)"),
    ("int(-3.7)", "int(-3.7)"),
    ("int(\"42\")", "int('42')"),
    ("float(3)", "float(3)"),
    ("float(\"2.5\")", "float('2.5')"),
    ("str(3.0)", "str(3.0)"),
    ("str(3)", "str(3)"),
    ("str(true)", "str(True)"),
    ("repr(1e-05)", "repr(1e-05)"),
    # Counts, sizes and indices are ints.
    ("len([1, 2, 3])", "len([1, 2, 3])"),
    ("len(zeros([4, 2]))", "len(np.zeros([4, 2]))"),
    ("zeros([4, 2]).shape", "np.zeros([4, 2]).shape"),
    ("zeros([4, 2]).size", "np.zeros([4, 2]).size"),
    ("zeros([4, 2]).ndim", "np.zeros([4, 2]).ndim"),
    ("list(range(3))", "list(range(3))"),
    ("range(10)[3]", "range(10)[3]"),
    ("argmax([1.0, 3.0, 2.0])", "np.argmax([1.0, 3.0, 2.0])"),
    ("[1.5, 2.5][1]", "[1.5, 2.5][1]"),
    # Formatting.
    ("f\"{3}\"", "f'{3}'"),
    ("f\"{3.0}\"", "f'{3.0}'"),
    ("f\"{7:>4}\"", "f'{7:>4}'"),
    ("f\"{7:.2f}\"", "f'{7:.2f}'"),
    ("f\"{-7:05d}\"", "f'{-7:05d}'"),
    ("f\"{1234567:,}\"", "f'{1234567:,}'"),
    ("f\"{true}\"", "f'{True}'"),
    # Tensors take their dtype from the literal, as NumPy does.
    ("[1, 2, 3]", "np.array([1, 2, 3])"),
    ("[1.0, 2.0]", "np.array([1.0, 2.0])"),
    ("[1, 2.5]", "np.array([1, 2.5])"),
    ("[true, false]", "np.array([True, False])"),
    ("[true, 2]", "np.array([True, 2])"),
    ("[[1, 2], [3, 4]]", "np.array([[1, 2], [3, 4]])"),
    ("[1, 2, 3].dtype", "str(np.array([1, 2, 3]).dtype)"),
    ("[1.0, 2.0].dtype", "str(np.array([1.0, 2.0]).dtype)"),
    ("arange(3)", "np.arange(3)"),
    ("arange(3.0)", "np.arange(3.0)"),
    ("arange(3.0).dtype", "str(np.arange(3.0).dtype)"),
    # array() and tensor() take the dtype from the numbers, as np.array and torch.tensor do.
    ("array([1, 2])", "np.array([1, 2])"),
    ("array([1, 2]).dtype", "str(np.array([1, 2]).dtype)"),
    ("array([1, 2.0]).dtype", "str(np.array([1, 2.0]).dtype)"),
    ("array([[1, 2], [3, 4]]) / 2", "np.array([[1, 2], [3, 4]]) / 2"),
    ("array([1, 2], dtype=float)", "np.array([1, 2], dtype=float)"),
    ("array([True, False]).dtype", "str(np.array([True, False]).dtype)"),
    ("tensor([1, 2]).dtype", "str(np.array([1, 2]).dtype)"),
    # Products of integers are integers; of bools, bool; a float anywhere makes a float.
    ("[[2, 1], [0, 1]] @ [1, 1]", "np.array([[2, 1], [0, 1]]) @ np.array([1, 1])"),
    ("dot([1, 2], [3, 4])", "np.dot([1, 2], [3, 4])"),
    ("dot(2, [3, 4])", "np.dot(2, [3, 4])"),
    ("inner([[1, 2]], [3, 4])", "np.inner([[1, 2]], [3, 4])"),
    ("outer([1, 2], [3, 4])", "np.outer([1, 2], [3, 4])"),
    ("[[True, False]] @ [[True], [True]]", "np.array([[True, False]]) @ np.array([[True], [True]])"),
    ("[1, 2] @ [0.5, 1]", "np.array([1, 2]) @ np.array([0.5, 1])"),
    ("arange(0, 1, 0.25)", "np.arange(0, 1, 0.25)"),
    ("arange(1, 7, 2)", "np.arange(1, 7, 2)"),
    ("zeros(3)", "np.zeros(3)"),
    ("ones(2)", "np.ones(2)"),
    ("full(3, 2)", "np.full(3, 2)"),
    ("full(3, 2.0)", "np.full(3, 2.0)"),
    ("linspace(0, 1, 3)", "np.linspace(0, 1, 3)"),
    # NumPy's promotion of Python scalars with arrays.
    ("[1, 2] * 1.5", "np.array([1, 2]) * 1.5"),
    ("[1, 2] * 2", "np.array([1, 2]) * 2"),
    ("[1.0, 2.0] * 2", "np.array([1.0, 2.0]) * 2"),
    ("arange(3) + 1", "np.arange(3) + 1"),
    ("arange(3) + 1.0", "np.arange(3) + 1.0"),
    ("arange(4) / 2", "np.arange(4) / 2"),
    ("arange(5) // 2", "np.arange(5) // 2"),
    ("arange(-3, 3) % 2", "np.arange(-3, 3) % 2"),
    ("arange(4) ** 2", "np.arange(4) ** 2"),
    ("arange(4) ** 0.5", "np.arange(4) ** 0.5"),
    ("(arange(3.0) > 0) * 1.0", "(np.arange(3.0) > 0) * 1.0"),
    ("(arange(3) > 0) * 1", "(np.arange(3) > 0) * 1"),
    ("([1, 2] * 1.5).dtype", "str((np.array([1, 2]) * 1.5).dtype)"),
    ("(arange(3) + 1).dtype", "str((np.arange(3) + 1).dtype)"),
    # Elements and reductions are NumPy scalars.
    ("[1, 2, 3][0]", "np.array([1, 2, 3])[0]"),
    ("[1.0, 2.0][0]", "np.array([1.0, 2.0])[0]"),
    ("sum([1, 2])", "np.sum([1, 2])"),
    ("sum([1.0, 2.0])", "np.sum([1.0, 2.0])"),
    ("mean([1, 2])", "np.mean([1, 2])"),
    ("sqrt(4)", "np.sqrt(4)"),
    ("abs(-3)", "np.abs(-3)"),
    ("exp(0)", "np.exp(0)"),
]


def main():
    cases = []
    for kiso, python in CASES:
        value = eval(python, {"np": np})
        text = repr(value) if isinstance(value, str) else str(value)
        cases.append({"kiso": kiso, "python": python, "text": text})
    write("python_numbers", cases)


if __name__ == "__main__":
    main()
