"""Reference merges and encodings for Kiso's byte-pair encoder (Tests/Fixtures/bpe_*.json).

Three references, one per tie rule:
  - subword-nmt's learn_bpe.py / apply_bpe.py (ties="subword-nmt", `</w>` glued to the last character);
  - HF tokenizers' BpeTrainer and BPE model (ties="hf"), on characters and on GPT-2 bytes;
  - the course's textbook algorithm (ties="first"): recount every pair after every merge and take
    `max(pairs, key=pairs.get)`, with merges applied to symbol lists (not by string replace).

Run: pip install subword-nmt tokenizers && python3 scripts/gen_bpe_fixtures.py
"""
import inspect
import os
os.environ.setdefault("TQDM_DISABLE", "1")
import io
import json
import textwrap
from collections import defaultdict

import subword_nmt
import tokenizers
from subword_nmt import apply_bpe, learn_bpe
from tokenizers import Tokenizer, Regex, decoders, models, pre_tokenizers, trainers

from fixturelib import FIXTURES

# --- corpora -----------------------------------------------------------------------------------

def english():
    """About 4 KB of English: docstrings of a few standard-library functions, in a fixed order."""
    import json as json_module
    import textwrap as textwrap_module
    parts = []
    for obj in (textwrap_module.wrap, textwrap_module.fill, textwrap_module.dedent, textwrap_module.indent,
                json_module.dumps, json_module.loads):
        parts.append(inspect.getdoc(obj) or "")
    return "\n".join(parts)[:4000]


UNICODE = (
    "Grüße aus München! Die Straße ist naß, und der Fluß fließt schnell. "
    "Ça va très bien, merci : l'été est arrivé à Montréal. "
    "日本語の文章も 分かち書きで 書きました。 機械学習の 基礎を 学びます。 "
    "言語モデルは 単語を トークンに 分けます。 トークンは 語彙の 番号です。 "
    "Emoji 🙂 and 🙂🙂 and 👍🏽 too. Ελληνικά: λόγος λόγου λόγῳ. "
) * 3

SENNRICH = {"low": 5, "lower": 2, "newest": 6, "widest": 3}
COURSE = ["low", "lower", "newest", "widest"]


def words_of(text):
    counts = {}
    for w in text.split():
        counts[w] = counts.get(w, 0) + 1
    return counts


# --- subword-nmt -------------------------------------------------------------------------------

def subword_nmt_case(name, counts, merges, test_words):
    dict_text = "".join(f"{w} {c}\n" for w, c in counts.items())
    out = io.StringIO()
    learn_bpe.learn_bpe(io.StringIO(dict_text), out, merges, min_frequency=2, is_dict=True)
    lines = out.getvalue().splitlines()
    assert lines[0] == "#version: 0.2"
    learnt = [line.split(" ") for line in lines[1:]]
    bpe = apply_bpe.BPE(io.StringIO(out.getvalue()))
    encodings = []
    for w in test_words:
        pieces = list(apply_bpe.encode(w, bpe.bpe_codes, bpe.bpe_codes_reverse, None, bpe.separator,
                                      bpe.version, {}))
        pieces[-1] += "</w>"
        encodings.append({"word": w, "tokens": pieces})
    return {"name": name, "reference": f"subword-nmt {getattr(subword_nmt, '__version__', '0.3.8')}",
            "ties": "subword-nmt", "end_of_word": "</w>", "attached": True, "byte_level": False,
            "min_frequency": 2, "merges_requested": merges, "words": list(counts.items()),
            "merges": learnt, "encodings": encodings}


# --- HF tokenizers -----------------------------------------------------------------------------

def hf_case(name, text, vocab_size, byte_level, test_text):
    tok = Tokenizer(models.BPE())
    if byte_level:
        tok.pre_tokenizer = pre_tokenizers.Sequence([
            pre_tokenizers.Split(Regex(r"\S+|\s+"), behavior="isolated"),
            pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=False)])
        tok.decoder = decoders.ByteLevel()
        trainer = trainers.BpeTrainer(vocab_size=vocab_size, min_frequency=2, show_progress=False,
                                      initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
    else:
        tok.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
        trainer = trainers.BpeTrainer(vocab_size=vocab_size, min_frequency=2, show_progress=False)
    tok.train_from_iterator([text], trainer)
    model = json.loads(tok.to_str())["model"]
    vocab = sorted(model["vocab"].items(), key=lambda kv: kv[1])
    encoding = tok.encode(test_text)
    case = {"name": name, "reference": f"tokenizers {tokenizers.__version__}", "ties": "hf",
            "end_of_word": None, "attached": False, "byte_level": byte_level, "min_frequency": 2,
            "vocab_size": vocab_size, "text": text, "merges": [list(m) for m in model["merges"]],
            "vocab": [t for t, _ in vocab], "test_text": test_text, "ids": encoding.ids,
            "tokens": encoding.tokens}
    if byte_level:
        assert tok.decode(encoding.ids) == test_text
    if vocab_size <= 300:
        case["tokenizer_json"] = tok.to_str()
    return case


# --- the course's textbook algorithm -----------------------------------------------------------

def textbook(counts, merges, end_of_word, min_frequency):
    """The course's algorithm with merges applied to symbol lists; ties by first appearance."""
    vocab = {}
    for w, c in counts.items():
        key = tuple(w) + ((end_of_word,) if end_of_word else ())
        vocab[key] = vocab.get(key, 0) + c
    learnt = []
    for _ in range(merges):
        pairs = defaultdict(int)
        for symbols, freq in vocab.items():
            for i in range(len(symbols) - 1):
                pairs[symbols[i], symbols[i + 1]] += freq
        if not pairs:
            break
        best = max(pairs, key=pairs.get)
        if pairs[best] < min_frequency:
            break
        learnt.append([best[0], best[1], pairs[best]])
        out = {}
        for symbols, freq in vocab.items():
            merged, i = [], 0
            while i < len(symbols):
                if i + 1 < len(symbols) and (symbols[i], symbols[i + 1]) == best:
                    merged.append(symbols[i] + symbols[i + 1])
                    i += 2
                else:
                    merged.append(symbols[i])
                    i += 1
            out[tuple(merged)] = out.get(tuple(merged), 0) + freq
        vocab = out
    return learnt


def first_case(name, counts, merges, end_of_word, min_frequency):
    return {"name": name, "reference": "the course's algorithm (max(pairs, key=pairs.get))", "ties": "first",
            "end_of_word": end_of_word, "attached": False, "byte_level": False, "min_frequency": min_frequency,
            "merges_requested": merges, "words": list(counts.items()),
            "merges": textbook(counts, merges, end_of_word, min_frequency)}


def main():
    eng = english()
    eng_words = words_of(eng)
    uni_words = words_of(UNICODE)
    test_eng = "The wrapped paragraph is returned as a list of output lines, without final newlines."
    cases = {
        "subword_nmt": [
            subword_nmt_case("sennrich", SENNRICH, 10, list(SENNRICH)),
            subword_nmt_case("english-50", eng_words, 50, list(eng_words)[:80]),
            subword_nmt_case("english-400", eng_words, 400, list(eng_words)),
            subword_nmt_case("unicode-120", uni_words, 120, list(uni_words)),
            subword_nmt_case("repeats", {"aaaaaaa": 3, "aaa": 2, "abababab": 2}, 20, ["aaaaaaa", "aaa", "abababab", "aaaaa"]),
        ],
        "hf": [
            hf_case("english-chars-300", eng, 300, False, test_eng),
            hf_case("english-bytes-600", eng, 600, True, test_eng + "\n\n  Tabs\tand  spaces 日本語"),
            hf_case("unicode-chars-200", UNICODE, 200, False, "Grüße aus Montréal 🙂"),
            hf_case("unicode-bytes-400", UNICODE, 400, True, "トークンは 番号です。 👍🏽🙂 naß\n"),
            hf_case("empty-bytes", "", 300, True, "any text: 任意の テキスト"),
            hf_case("repeats-bytes", "aaaaaaa aaa abababab " * 3, 270, True, "aaaaa abab"),
        ],
        "first": [
            first_case("course", {w: 1 for w in COURSE}, 10, "</w>", 1),
            first_case("sennrich", SENNRICH, 10, "</w>", 2),
            first_case("english-300", eng_words, 300, "</w>", 2),
            first_case("english-no-marker-200", eng_words, 200, None, 2),
            first_case("unicode-150", uni_words, 150, "</w>", 2),
            first_case("repeats", {"aaaaaaa": 3, "aaa": 2, "abababab": 2}, 20, "</w>", 1),
        ],
    }
    for key, value in cases.items():
        path = os.path.join(FIXTURES, f"bpe_{key}.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump({"generator": "scripts/gen_bpe_fixtures.py", "cases": value}, f, ensure_ascii=False)
            f.write("\n")
        print(path, os.path.getsize(path))


if __name__ == "__main__":
    main()
