"""Word tokens with exact offsets for the event rules (independent of the pipeline tokenizer).

The event finders read words of a sentence with their folded form; every word
keeps ``start``/``end`` into ``Doc.text`` so that arguments map back exactly.

Examples:
    >>> ws = split_words("وقال الوزير: «نعم»", 0, 18)
    >>> [(w.text, w.start, w.end) for w in ws][:3]
    [('وقال', 0, 4), ('الوزير', 5, 11), (':', 11, 12)]
    >>> ws[1].norm
    'الوزير'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from arnews_nlp.normalize.charsets import fold

__all__ = [
    "CLOSE_QUOTES",
    "OPEN_QUOTES",
    "TERMINATORS",
    "Word",
    "split_sentences",
    "split_words",
    "strip_proclitics",
]

_WORD = regex.compile(r"#?[\p{L}\p{M}\p{N}_]+(?:['’\-][\p{L}\p{M}]+)*|\S")
OPEN_QUOTES = frozenset('"«“„‹″')
CLOSE_QUOTES = frozenset('"»”‹›″')
TERMINATORS = frozenset(".!?؟…")
# folded forms of words seen (news repeats its words); emptied when full
_NORMS: dict[str, str] = {}
_NORM_LIMIT = 100_000
_PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")


@dataclass(slots=True)  # not frozen: frozen dataclasses are ~3x slower to create, and one is made per token
class Word:
    """A word or punctuation mark: offsets into ``Doc.text`` and its folded form.

    ``is_word`` is true for letters/digits (not punctuation): :func:`split_words` sets it from ``norm``.
    """

    start: int
    end: int
    text: str
    norm: str
    is_word: bool


def split_words(text: str, start: int, end: int) -> list[Word]:
    """Words and punctuation marks of ``text[start:end]`` with absolute offsets.

    Examples:
        >>> [w.norm for w in split_words("أكّد #ترمب، إنه", 0, 15)]
        ['اكد', 'ترمب', '،', 'انه']
    """
    out: list[Word] = []
    append = out.append
    for m in _WORD.finditer(text, start, end):
        raw = m.group()
        norm = _NORMS.get(raw)
        if norm is None:
            if len(_NORMS) >= _NORM_LIMIT:
                _NORMS.clear()
            norm = _NORMS[raw] = fold(raw).lstrip("#")
        s, e = m.span()
        append(Word(s, e, raw, norm, bool(norm) and (norm[0].isalnum() or norm[0] == "_")))
    return out


def split_sentences(text: str) -> list[tuple[int, int]]:
    r"""Fallback sentence splitter: newlines and ``. ! ? ؟`` followed by space.

    Examples:
        >>> split_sentences("قال نعم. ثم ذهب\nجديد")
        [(0, 8), (9, 15), (16, 20)]
    """
    spans = []
    for para in regex.finditer(r"[^\n]+", text):
        pos = para.start()
        for m in regex.finditer(r"[.!?؟]+(?=\s|$)", para.group()):
            stop = para.start() + m.end()
            if text[pos:stop].strip():
                spans.append(_trim(text, pos, stop))
            pos = stop
        if text[pos : para.end()].strip():
            spans.append(_trim(text, pos, para.end()))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@lru_cache(maxsize=65536)
def strip_proclitics(norm: str, allowed: tuple[str, ...] = _PROCLITICS) -> tuple[tuple[int, str], ...]:
    """Possible (proclitic length, rest) readings of a folded word, unsegmented first (cached).

    ``لل`` before a definite noun gives back the article (``للتلفزيون`` → ``التلفزيون``).

    Examples:
        >>> strip_proclitics("وسوريا")[:2]
        ((0, 'وسوريا'), (1, 'سوريا'))
        >>> strip_proclitics("للتلفزيون")[-1]
        (0, 'التلفزيون')
    """
    out = [(0, norm)]
    for p in allowed:
        if norm.startswith(p) and len(norm) - len(p) >= 2:
            out.append((len(p), norm[len(p) :]))
    if norm.startswith("لل") and len(norm) > 4:
        out.append((0, "ا" + norm[1:]))
    return tuple(out)
