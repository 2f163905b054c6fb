"""Build the clitic-segmentation lexicon from the ANT news dump (word statistics only, no text).

For every frequent word that begins with a proclitic letter (و ف ب ل ك س) or ends with a pronoun
suffix, decide from corpus frequencies whether the prefix/suffix is a clitic: a word is *protected*
(never split there) when the remainder is much rarer than the whole word (وزير → زير, بغداد → غداد).
Writes ``src/arnews_nlp/resources/clitics/protected_prefix.txt`` and ``split_suffix.txt``, one folded
word per line, sorted. Deterministic: the same dump gives byte-identical files.

usage: python scripts/build_clitic_lexicon.py [--shared ../shared] [--out src/arnews_nlp/resources/clitics]
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections import Counter
from pathlib import Path

import regex

from arnews_nlp.normalize import normalize
from arnews_nlp.tokenize.clitics import FOLD, PREFIX_LETTERS, SUFFIXES

WORD = regex.compile(r"\p{Script=Arabic}[\p{Script=Arabic}\p{M}\u0640]*")
MIN_COUNT = 5
RATIO = 0.05


def count_words(dump: Path) -> Counter[str]:
    counts: Counter[str] = Counter()
    with gzip.open(dump, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            for field in ("title", "text"):
                counts.update(normalize(m.group(), FOLD).text for m in WORD.finditer(rec.get(field) or ""))
    return counts


def build(counts: Counter[str]) -> tuple[list[str], list[str]]:
    protected, split_suffix = [], []
    for word, n in counts.items():
        if n < MIN_COUNT or len(word) < 3:
            continue
        if word[0] in PREFIX_LETTERS and not word.startswith("ال"):
            rest = word[1:]
            if counts.get(rest, 0) < RATIO * n:
                protected.append(word)
        for suf in SUFFIXES:
            stem = word[: -len(suf)]
            if word.endswith(suf) and len(stem) >= 3 and not word.startswith("ال"):
                base = counts.get(stem, 0) + (counts.get(stem[:-1] + "ة", 0) if stem.endswith("ت") else 0)
                if base >= 0.2 * n and base >= MIN_COUNT:
                    split_suffix.append(word)
                break
    return sorted(protected), sorted(split_suffix)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    root = Path(__file__).resolve().parents[1]
    ap.add_argument("--shared", type=Path, default=root.parent / "shared")
    ap.add_argument("--out", type=Path, default=root / "src/arnews_nlp/resources/clitics")
    args = ap.parse_args()
    counts = count_words(args.shared / "data/news/ant-v2.1.jsonl.gz")
    protected, split_suffix = build(counts)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "protected_prefix.txt").write_text("\n".join(protected) + "\n", encoding="utf-8")
    (args.out / "split_suffix.txt").write_text("\n".join(split_suffix) + "\n", encoding="utf-8")
    print(f"{len(counts)} word types; {len(protected)} protected prefixes, {len(split_suffix)} suffix splits")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
