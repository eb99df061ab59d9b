"""Byte-pair encoding benchmark: Kiso against HF tokenizers (training) and tiktoken (encoding).

The corpus is 8 MB of English generated deterministically from the docstrings and comments of
Python's standard library, then NumPy's and SciPy's, in sorted file order (written to
.build/bench/bpe_corpus.txt, not committed). Both trainers see the same words: the text cut into
runs of non-whitespace and runs of whitespace, as GPT-2 bytes (HF: Split(r"\\S+|\\s+") then
ByteLevel without its regex), vocab_size 10,000, min_frequency 2, and they learn the same merges
(Kiso with ties="hf"), which the script checks. tiktoken encodes with the vocabulary Kiso learnt
(ranks = ids) and the same split pattern. Kiso (benchmarks/kiso-bpe-bench) and the peers alternate
within each round; medians over rounds.

Run: swift build -c release --product kiso-bpe-bench && pip install tokenizers tiktoken &&
     python3 scripts/bench_bpe.py [--rounds 5]
"""
import argparse
import ast
import io
import json
import os
import statistics
import subprocess
import sys
import sysconfig
import time
import tokenize

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, ".build", "release", "kiso-bpe-bench")
WORK = os.path.join(ROOT, ".build", "bench")
CORPUS = os.path.join(WORK, "bpe_corpus.txt")
TARGET = 8_000_000
VOCAB = 10_000


def corpus():
    """Docstrings and comments of the standard library, in sorted file order, up to 8 MB."""
    if os.path.exists(CORPUS):
        with open(CORPUS, encoding="utf-8") as f:
            return f.read()
    # The standard library, then NumPy's and SciPy's sources (pinned versions) to reach 8 MB.
    import numpy
    import scipy
    roots = [sysconfig.get_paths()["stdlib"], os.path.dirname(numpy.__file__), os.path.dirname(scipy.__file__)]
    files = []
    for root in roots:
        found = []
        for directory, dirs, names in os.walk(root):
            dirs[:] = sorted(d for d in dirs if d != "site-packages")
            found += [os.path.join(directory, n) for n in names if n.endswith(".py")]
        files += sorted(found)
    parts, size = [], 0
    for path in files:
        try:
            with open(path, encoding="utf-8") as f:
                source = f.read()
            tree = ast.parse(source)
        except (SyntaxError, UnicodeDecodeError, ValueError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                doc = ast.get_docstring(node)
                if doc:
                    parts.append(doc)
                    size += len(doc.encode()) + 1
        try:
            for tok in tokenize.generate_tokens(io.StringIO(source).readline):
                if tok.type == tokenize.COMMENT:
                    parts.append(tok.string.lstrip("#").strip())
                    size += len(parts[-1].encode()) + 1
        except (tokenize.TokenError, IndentationError, SyntaxError):
            pass
        if size >= TARGET:
            break
    text = "\n".join(parts)
    text = text.encode()[:TARGET].decode(errors="ignore")
    os.makedirs(WORK, exist_ok=True)
    with open(CORPUS, "w", encoding="utf-8") as f:
        f.write(text)
    return text


def chunks(text, n=2000):
    """The text in about n pieces, each cut just before a non-space that follows a space, so that
    no run of either kind is split and HF sees exactly Kiso's words."""
    out, start, step = [], 0, max(1, len(text) // n)
    while start < len(text):
        i = min(len(text), start + step)
        while i < len(text) and not (text[i - 1].isspace() and not text[i].isspace()):
            i += 1
        out.append(text[start:i])
        start = i
    return out


def hf_train(pieces):
    from tokenizers import Regex, Tokenizer, decoders, models, pre_tokenizers, trainers
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.Sequence([
        pre_tokenizers.Split(Regex(r"\S+|\s+"), behavior="isolated"),
        pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=False)])
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=VOCAB, min_frequency=2, show_progress=False,
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
    w, c = time.perf_counter(), time.process_time()
    tok.train_from_iterator(pieces, trainer)
    return tok, time.perf_counter() - w, time.process_time() - c


def tiktoken_encoding(vocab):
    import tiktoken
    from tokenizers import pre_tokenizers  # noqa: F401  (only for the byte table below)
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs, n = bs[:], 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    byte_of = {chr(c): b for b, c in zip(bs, cs)}
    ranks = {bytes(byte_of[ch] for ch in token): rank for token, rank in vocab.items()}
    return tiktoken.Encoding(name="kiso-bench", pat_str=r"\S+|\s+", mergeable_ranks=ranks, special_tokens={})


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    import tiktoken
    import tokenizers
    text = corpus()
    pieces = chunks(text)
    assert "".join(pieces) == text
    size = len(text.encode())
    print(f"corpus: {size / 1e6:.2f} MB, {len(text.split())} whitespace-separated words")
    kiso_json = os.path.join(WORK, "kiso_bpe_tokenizer.json")
    rows = {"kiso_train": [], "kiso_train_cpu": [], "hf_train": [], "hf_train_cpu": [], "kiso_encode": [],
            "kiso_encode_cpu": [], "tiktoken_encode": [], "tiktoken_encode_cpu": [], "hf_encode": [], "hf_encode_cpu": []}
    enc = None
    for r in range(args.rounds):
        out = subprocess.run([BENCH, CORPUS, str(VOCAB), "1", kiso_json], capture_output=True, text=True, check=True)
        k = json.loads(out.stdout.strip().splitlines()[-1])
        rows["kiso_train"].append(k["train_wall"]); rows["kiso_train_cpu"].append(k["train_cpu"])
        rows["kiso_encode"].append(k["encode_wall"]); rows["kiso_encode_cpu"].append(k["encode_cpu"])
        hf, wall, cpu = hf_train(pieces)
        rows["hf_train"].append(wall); rows["hf_train_cpu"].append(cpu)
        if enc is None:
            with open(kiso_json, encoding="utf-8") as f:
                kiso_model = json.load(f)["model"]
            hf_model = json.loads(hf.to_str())["model"]
            same = [list(m) for m in kiso_model["merges"]] == [list(m) for m in hf_model["merges"]]
            print(f"merges identical to HF's: {same} ({len(kiso_model['merges'])} merges)")
            enc = tiktoken_encoding(kiso_model["vocab"])
            ids_tt = enc.encode_ordinary(text)
            print(f"tokens: Kiso {k['tokens']}, tiktoken {len(ids_tt)}")
        w, c = time.perf_counter(), time.process_time()
        enc.encode_ordinary(text)
        rows["tiktoken_encode"].append(time.perf_counter() - w); rows["tiktoken_encode_cpu"].append(time.process_time() - c)
        if r == 0:  # HF's encoder is far slower; one timing is enough for the record.
            w, c = time.perf_counter(), time.process_time()
            hf.encode(text)
            rows["hf_encode"].append(time.perf_counter() - w)
            rows["hf_encode_cpu"].append(time.process_time() - c)
        print(f"round {r + 1}: " + ", ".join(f"{key} {vals[-1]:.3f}" for key, vals in rows.items()))
    med = {key: statistics.median(vals) for key, vals in rows.items()}
    print(json.dumps({"tokenizers": tokenizers.__version__, "tiktoken": tiktoken.__version__, "medians": med}))
    print(f"training: Kiso {med['kiso_train']:.2f} s vs HF {med['hf_train']:.2f} s wall "
          f"({med['kiso_train'] / med['hf_train']:.2f}×); CPU {med['kiso_train_cpu']:.2f} vs {med['hf_train_cpu']:.2f} "
          f"({med['kiso_train_cpu'] / med['hf_train_cpu']:.2f}×)")
    print(f"encoding: Kiso {med['kiso_encode']:.3f} s vs tiktoken {med['tiktoken_encode']:.3f} s wall "
          f"({med['kiso_encode'] / med['tiktoken_encode']:.2f}×); CPU {med['kiso_encode_cpu']:.3f} vs "
          f"{med['tiktoken_encode_cpu']:.3f} ({med['kiso_encode_cpu'] / med['tiktoken_encode_cpu']:.2f}×); "
          f"HF {med['hf_encode']:.2f} s wall, {med['hf_encode_cpu']:.2f} CPU-s")


if __name__ == "__main__":
    sys.exit(main())
