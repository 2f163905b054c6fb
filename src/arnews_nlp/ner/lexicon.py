"""A type lexicon learned from unlabeled news by self-training.

A first CRF tags a fixed sample of ANT news sentences; for every word (its
proclitic-free folded form) seen often enough, the share of its occurrences
tagged PERS, LOC, ORG or MISC becomes a feature of the second, final CRF
(``lx=PERS:hi`` …), and multi-word entity phrases it finds often with one type
become an extra gazetteer (``AUTO_ORG`` …). This spreads what the first model is
sure about across all contexts of a word (Ratinov & Roth 2009 style), and is how
the unlabeled news reaches words the labelled corpora never show.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path

from arnews_nlp.ner.labels import bio_spans
from arnews_nlp.ner.wordforms import key, split_proclitics, split_words

__all__ = ["Phrases", "ant_sentences", "build_lexicon", "load_lexicon", "save_lexicon", "save_phrases"]

Phrases = list[tuple[str, str]]

_ENDS = frozenset(".!?؟")
_TYPES = ("PERS", "LOC", "ORG", "MISC")


def ant_sentences(path: Path, *, every: int = 4, max_len: int = 80) -> Iterator[list[str]]:
    """Sentences of every ``every``-th ANT article (title and text), in file order."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n % every:
                continue
            rec = json.loads(line)
            for field in ("title", "text"):
                cur: list[str] = []
                for tok in split_words(rec.get(field) or ""):
                    cur.append(tok)
                    if tok in _ENDS or len(cur) >= max_len:
                        yield cur
                        cur = []
                if cur:
                    yield cur


def build_lexicon(
    sentences: Iterator[list[str]] | Sequence[list[str]],
    tag: Callable[[list[str]], list[str]],
    *,
    min_count: int = 3,
) -> tuple[dict[str, tuple[str, ...]], Phrases]:
    """Word → lexicon features, and frequent multi-word entity phrases, from a model's tags.

    Phrases (first word without proclitics, as gazetteer keys) found at least
    ``min_count`` times with one type in >= 70 % of them become ``AUTO_<TYPE>``
    gazetteer entries.

    Examples:
        >>> fake = lambda toks: ["B-PERS" if t == "سامي" else "I-PERS" if t == "نور" else "O" for t in toks]
        >>> build_lexicon([["قال", "سامي", "نور"]] * 3, fake)
        ({'سامي': ('lx=PERS:hi',), 'نور': ('lx=PERS:hi',)}, [('سامي نور', 'AUTO_PERS')])
    """
    total: Counter[str] = Counter()
    typed: dict[str, Counter[str]] = defaultdict(Counter)
    phrases: dict[str, Counter[str]] = defaultdict(Counter)
    for toks in sentences:
        tags = tag(toks)
        stems = [split_proclitics(key(tok))[1] for tok in toks]
        for w, t in zip(stems, tags, strict=True):
            total[w] += 1
            if t != "O":
                typed[w][t[2:]] += 1
        for s, e, typ in bio_spans(tags):
            if e - s > 1:
                phrases[" ".join([stems[s], *(key(x) for x in toks[s + 1 : e])])][typ] += 1
    auto: Phrases = []
    for phrase in sorted(phrases):
        typ, n = phrases[phrase].most_common(1)[0]
        if n >= min_count and n >= 0.7 * sum(phrases[phrase].values()):
            auto.append((phrase, "AUTO_" + typ))
    out: dict[str, tuple[str, ...]] = {}
    for w in sorted(typed):
        n = total[w]
        if n < min_count:
            continue
        feats = []
        for typ in _TYPES:
            r = typed[w][typ] / n
            if r >= 0.5:
                feats.append(f"lx={typ}:hi")
            elif r >= 0.15:
                feats.append(f"lx={typ}:lo")
        if feats:
            out[w] = tuple(feats)
    return out, auto


def save_lexicon(lexicon: Mapping[str, tuple[str, ...]], path: Path) -> None:
    """Write ``word<TAB>feat,feat`` lines sorted by word."""
    with open(path, "w", encoding="utf-8") as fh:
        for w in sorted(lexicon):
            fh.write(w + "\t" + ",".join(lexicon[w]) + "\n")


def save_phrases(phrases: Phrases, path: Path) -> None:
    """Write ``phrase<TAB>CATEGORY`` lines (the gazetteer format)."""
    with open(path, "w", encoding="utf-8") as fh:
        fh.writelines(f"{p}\t{c}\n" for p, c in sorted(phrases))


def load_lexicon(path: Path) -> dict[str, tuple[str, ...]]:
    """Read a file written by :func:`save_lexicon`."""
    out: dict[str, tuple[str, ...]] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            w, _, feats = line.rstrip("\n").partition("\t")
            if feats:
                out[w] = tuple(feats.split(","))
    return out
