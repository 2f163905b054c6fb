"""Multi-word phrase tables matched on tokens of folded text."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from arnews_nlp.temporal.folding import fold_word
from arnews_nlp.temporal.tokens import Tok, clitic_splits

__all__ = ["PhraseHit", "PhraseTable"]

V = TypeVar("V")


@dataclass(frozen=True, slots=True)
class PhraseHit(Generic[V]):
    """A phrase found at a token: its value, token count and proclitic length."""

    value: V
    n_tokens: int
    clitic: int


class PhraseTable(Generic[V]):
    """Map word sequences (written naturally, folded here) to values.

    Examples:
        >>> table = PhraseTable({"تشرين الأول": 10, "تشرين أول": 10})
        >>> from arnews_nlp.temporal.tokens import tokenize
        >>> hit = table.match(tokenize("وتشرين الاول"), 0)
        >>> (hit.value, hit.n_tokens, hit.clitic)
        (10, 2, 1)
    """

    def __init__(self, entries: Mapping[str, V]) -> None:
        self._table: dict[tuple[str, ...], V] = {}
        for phrase, value in entries.items():
            self._table[tuple(fold_word(phrase).split())] = value
        self._max = max((len(k) for k in self._table), default=0)
        self._first = {k[0] for k in self._table}

    @property
    def first_words(self) -> frozenset[str]:
        """Folded words that can begin a phrase of this table."""
        return frozenset(self._first)

    def __len__(self) -> int:
        return len(self._table)

    def __contains__(self, word: object) -> bool:
        return (word,) in self._table

    def get(self, word: str) -> V | None:
        """Value of a one-word phrase (folded, no clitics), or ``None``."""
        return self._table.get((word,))

    def match(self, toks: Sequence[Tok], i: int, *, clitics: bool = True) -> PhraseHit[V] | None:
        """Longest phrase starting at token ``i`` (a proclitic allowed on its first word)."""
        if i >= len(toks) or toks[i].kind != "word":
            return None
        splits = clitic_splits(toks[i].text) if clitics else [(0, toks[i].text)]
        for clitic, stem in splits:
            if stem not in self._first:
                continue
            for n in range(min(self._max, len(toks) - i), 0, -1):
                words = [stem]
                ok = True
                for j in range(i + 1, i + n):
                    if toks[j].kind != "word":
                        ok = False
                        break
                    words.append(toks[j].text)
                if not ok:
                    continue
                value = self._table.get(tuple(words))
                if value is not None:
                    return PhraseHit(value, n, clitic)
        return None
