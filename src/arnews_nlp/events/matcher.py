"""Find trigger words and phrases of the rules in a sentence.

Examples:
    >>> from arnews_nlp.events.rules import EventRules
    >>> from arnews_nlp.events.words import split_words
    >>> m = TriggerMatcher(EventRules.default().patterns)
    >>> t = "رحب المجلس بانضمام الدولة"
    >>> [(h.pattern.label, t[h.start:h.end]) for h in m.find(split_words(t, 0, len(t)))]
    [('MEMBERSHIP', 'انضمام')]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from arnews_nlp.events.rules import TriggerPattern
from arnews_nlp.events.words import Word
from arnews_nlp.normalize.charsets import fold

__all__ = ["TriggerHit", "TriggerMatcher", "raw_offset"]


@dataclass(slots=True)
class TriggerHit:
    """A matched trigger: pattern, word indices ``[i, j)`` and character span."""

    pattern: TriggerPattern
    i: int
    j: int
    start: int
    end: int
    prefix: str


def raw_offset(text: str, n_folded: int) -> int:
    """Characters of ``text`` that fold to its first ``n_folded`` folded characters.

    Examples:
        >>> raw_offset("وَقال", 1)
        2
    """
    count = 0
    for pos, ch in enumerate(text):
        if count == n_folded:
            if fold(ch) == "":
                continue
            return pos
        count += len(fold(ch))
    return len(text)


class TriggerMatcher:
    """Index of trigger patterns by their first folded word (with proclitic)."""

    def __init__(self, patterns: Sequence[TriggerPattern]) -> None:
        self._index: dict[str, list[tuple[TriggerPattern, tuple[str, ...], str]]] = {}
        self._mods: dict[int, frozenset[str]] = {}
        self._nots: dict[int, frozenset[str]] = {}
        verbs: set[str] = set()
        for p in patterns:
            self._mods[id(p)] = frozenset(fold(m) for m in p.modifiers)
            self._nots[id(p)] = frozenset(fold(m) for m in p.not_followed_by)
            for form in p.folded_forms():
                for pre in p.prefix_set():
                    self._index.setdefault(pre + form[0], []).append((p, form, pre))
                    if len(form) == 1:
                        verbs.add(pre + form[0])
                        if p.kind == "verb" and form[0][:1] in "يت":
                            verbs.add(pre + "س" + form[0])
        self.verb_forms = frozenset(verbs)

    def find(self, words: Sequence[Word]) -> list[TriggerHit]:
        """Non-overlapping hits, longest first, in text order."""
        hits: list[TriggerHit] = []
        k = 0
        while k < len(words):
            best: TriggerHit | None = None
            for p, form, pre in self._index.get(words[k].norm, ()):
                n = len(form)
                if k + n > len(words) or tuple(w.norm for w in words[k + 1 : k + n]) != form[1:]:
                    continue
                if best is not None and n <= best.j - best.i:
                    continue
                if k + n < len(words) and words[k + n].norm in self._nots[id(p)]:
                    continue
                best = self._hit(p, words, k, n, pre)
            if best is None:
                k += 1
                continue
            hits.append(best)
            k = best.j
        return hits

    def _hit(self, p: TriggerPattern, words: Sequence[Word], k: int, n: int, pre: str) -> TriggerHit:
        first = words[k]
        start = first.start
        if pre and pre in {fold(s) for s in p.strip_prefixes}:
            start += raw_offset(first.text, len(pre))
        j = k + n
        if j < len(words) and words[j].norm in self._mods[id(p)]:
            j += 1
        return TriggerHit(p, k, j, start, words[j - 1].end, pre)
