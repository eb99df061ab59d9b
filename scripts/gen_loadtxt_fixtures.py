"""Generates Tests/Fixtures/io_loadtxt.json: NumPy's np.loadtxt on small texts, with the keyword
arguments Kiso's `loadtxt` shares (dtype, comments, delimiter, skiprows, usecols, unpack, ndmin,
max_rows). Each case holds the text, the arguments and NumPy's array, or "error": true when NumPy
refuses the text. Run: python3 scripts/gen_loadtxt_fixtures.py"""
import io
import warnings

import numpy as np

from fixturelib import tensor, write

DTYPES = {"float64": np.float64, "int64": np.int64, "bool": np.bool_}

CASES = [
    ("1 2 3\n4 5 6\n", {}),
    ("1,2,3\n", {"delimiter": ","}),
    ("1\n2\n3\n", {}),
    ("7\n", {}),
    ("7\n", {"ndmin": 1}),
    ("7\n", {"ndmin": 2}),
    ("1 2 3\n", {"ndmin": 2}),
    ("1\n2\n", {"ndmin": 2}),
    ("1 2\n3\n", {}),
    ("1.5 2\n", {"dtype": "int64"}),
    ("1.0 2\n", {"dtype": "int64"}),
    ("+5 -3\n", {"dtype": "int64"}),
    ("+-5\n", {"dtype": "int64"}),
    (" 1 , 2 \n", {"delimiter": ","}),
    ("# c\n1 2 # x\n\n3 4\n", {}),
    ("a,b\n1,2\n", {"delimiter": ",", "skiprows": 1}),
    ("a,b\n1,2\n", {"delimiter": ","}),
    ("1 2 3\n4 5 6\n", {"usecols": 1}),
    ("1 2 3\n4 5 6\n", {"usecols": 1, "ndmin": 2}),
    ("1 2 3\n", {"usecols": 1}),
    ("1 2 3\n4 5 6\n", {"usecols": [2, 0]}),
    ("1 2 3\n4 5 6\n", {"usecols": -1}),
    ("1 2 3\n4 5 6\n", {"usecols": 5}),
    ("1 2\n3 4\n5 6\n", {"max_rows": 2}),
    ("1\n2\n", {"max_rows": 0}),
    ("", {}),
    ("#only a comment\n", {"ndmin": 2}),
    ("", {"usecols": [0, 1]}),
    ("nan inf -inf 1e3 -.5 2.\n", {}),
    ("1 x\n", {}),
    ("1,,2\n", {"delimiter": ","}),
    ("1  2\n", {"delimiter": " "}),
    ("1 2\n", {"delimiter": ","}),
    ("1 2\n3 4\n", {"unpack": True}),
    ("1 2\n", {"unpack": True, "ndmin": 2}),
    ("0 1\n1 0\n", {"dtype": "bool"}),
    ("1;2 % three\n4;5\n", {"delimiter": ";", "comments": "%"}),
    ("1;2\n", {"delimiter": ";", "comments": None}),
    ("1 2 // three\n4 5\n", {"comments": "//"}),
    ("1,2\r\n3,4\r\n", {"delimiter": ","}),
    ("1\t2\n3\t\t4\n", {}),
    ("1_0\n", {}),
    ("0x10\n", {}),
    ("9007199254740993\n", {"dtype": "int64"}),
    ("99999999999999999999\n", {"dtype": "int64"}),
]

cases = []
for text, kwargs in CASES:
    call = dict(kwargs)
    if "dtype" in call:
        call["dtype"] = DTYPES[call["dtype"]]
    case = {"text": text, "kwargs": kwargs}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # an empty input warns and gives an empty array
            case["result"] = tensor(np.loadtxt(io.StringIO(text), **call))
    except (ValueError, OverflowError):
        case["error"] = True
    cases.append(case)

write("io_loadtxt", cases)
