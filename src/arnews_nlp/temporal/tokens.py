"""Light tokenization of folded text for the temporal grammars.

Tokens are runs of letters (``word``), runs of digits with inner ``. , / -``
(``num``, so ``9/2/2026`` and ``1,500`` stay whole) and single other
characters (``punct``). Offsets index the folded text of a
:class:`~arnews_nlp.temporal.folding.FoldedText`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, overload

import regex

from arnews_nlp.temporal.folding import FoldedText, fold_aligned

__all__ = ["PROCLITICS", "Analysis", "Tok", "TokenView", "analyse", "clitic_splits", "tokenize"]

# ASCII digits only: folding already mapped Arabic-Indic and Persian digits, and
# digits of other scripts are left as single characters.
_TOKEN_RE = regex.compile(r"(?P<num>[0-9]+(?:[.,/\-][0-9]+)*)|(?P<word>[^\W\d_]+)|(?P<punct>[^\s])")

# Proclitic strings tried before a word, longest last (conjunction, then preposition).
PROCLITICS: tuple[str, ...] = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "فك")
_ONE_LETTER = frozenset("وفبلك")
_SECOND_LETTER = frozenset("بلك")


@dataclass(slots=True)  # not frozen: frozen dataclasses are ~3x slower to create, and one is made per token
class Tok:
    """One token of folded text."""

    kind: Literal["num", "word", "punct"]
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Analysis:
    """A text folded with its alignment, and the tokens of the folded text.

    Computed once per document and shared by the date and number finders.
    """

    folded: FoldedText
    toks: list[Tok]


def analyse(text: str) -> Analysis:
    """Fold ``text`` and tokenize the folded string."""
    folded = fold_aligned(text)
    return Analysis(folded, tokenize(folded.text))


def tokenize(folded: str) -> list[Tok]:
    """Split folded text into tokens.

    Examples:
        >>> [t.text for t in tokenize("في 9/2/2026، ال90")]
        ['في', '9/2/2026', '،', 'ال', '90']
    """
    out: list[Tok] = []
    for m in _TOKEN_RE.finditer(folded):
        kind = m.lastgroup
        if kind == "num":
            out.append(Tok("num", m.group(), m.start(), m.end()))
        elif kind == "word":
            out.append(Tok("word", m.group(), m.start(), m.end()))
        else:
            out.append(Tok("punct", m.group(), m.start(), m.end()))
    return out


@lru_cache(maxsize=65536)
def clitic_splits(word: str) -> tuple[tuple[int, str], ...]:
    """Possible ``(prefix_length, stem)`` readings of a word, bare reading first (cached).

    ``بالأمس`` is read as ``ب`` + ``الامس``; a stem must keep at least two letters.
    The readings are those of :data:`PROCLITICS`.

    Examples:
        >>> clitic_splits("وبالامس")
        ((0, 'وبالامس'), (1, 'بالامس'), (2, 'الامس'))
    """
    out = [(0, word)]
    first = word[:1]
    if first in _ONE_LETTER and len(word) >= 3:
        out.append((1, word[1:]))
        if first in "وف" and word[1:2] in _SECOND_LETTER and len(word) >= 4:
            out.append((2, word[2:]))
    return tuple(out)


class TokenView(Sequence[Tok]):
    """The token list with one token shortened by its proclitic."""

    def __init__(self, toks: Sequence[Tok], i: int, clitic: int) -> None:
        self._toks = toks
        self._i = i
        tok = toks[i]
        self._first = Tok(tok.kind, tok.text[clitic:], tok.start + clitic, tok.end) if clitic else tok

    @overload
    def __getitem__(self, j: int) -> Tok: ...
    @overload
    def __getitem__(self, j: slice) -> Sequence[Tok]: ...
    def __getitem__(self, j: int | slice) -> Tok | Sequence[Tok]:
        if isinstance(j, slice):
            return [self[k] for k in range(*j.indices(len(self)))]
        return self._first if j == self._i else self._toks[j]

    def __len__(self) -> int:
        return len(self._toks)
