"""One sense per discourse: a name found once in a document is tagged at its other mentions.

News articles name a person in full once and then by surname (``سامي الخطيب`` … ``الخطيب``);
the CRF often misses the short mentions. After tagging every sentence of a
document, this pass tags untagged mentions of (a) entity phrases found
elsewhere in the document, one-word names included (``الرازي`` tagged once, then
at each mention), and (b) the last word of multi-word person names, when the
first word matches without proclitics and every word is untagged (``O``).
One-word names need :data:`_MIN_SURNAME` letters and must not be function words.
A phrase takes the type it was most often tagged with.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import lru_cache

from arnews_nlp.ner.labels import bio_spans
from arnews_nlp.ner.refine import STOP_WORDS
from arnews_nlp.ner.wordforms import key, split_proclitics

__all__ = ["propagate"]

_MIN_SURNAME = 3


def _spreads(word: str) -> bool:
    """Whether a one-word name may be tagged at its other mentions: long enough, not a function word."""
    return len(word) >= _MIN_SURNAME and word not in STOP_WORDS


@lru_cache(maxsize=65536)
def _stem(token: str) -> str:
    return split_proclitics(key(token))[1]


def propagate(sentences: Sequence[Sequence[str]], tags: Sequence[Sequence[str]]) -> list[list[str]]:
    """Tag further mentions of the document's names; returns new tag lists.

    Examples:
        >>> sents = [["قال", "سامي", "الخطيب", "إن"], ["وأضاف", "الخطيب", "أمس"]]
        >>> propagate(sents, [["O", "B-PERS", "I-PERS", "O"], ["O", "O", "O"]])
        [['O', 'B-PERS', 'I-PERS', 'O'], ['O', 'B-PERS', 'O']]
        >>> propagate([["قال", "الرازي"], ["وكان", "الرازي", "طبيبا"]], [["O", "B-PERS"], ["O", "O", "O"]])
        [['O', 'B-PERS'], ['O', 'B-PERS', 'O']]
    """
    names: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for toks, tt in zip(sentences, tags, strict=True):
        for s, e, typ in bio_spans(list(tt)):
            words = (_stem(toks[s]), *(key(t) for t in toks[s + 1 : e]))
            if e - s > 1 or _spreads(words[0]):
                names[words][typ] += 1
            last = key(toks[e - 1])
            if e - s > 1 and typ == "PERS" and _spreads(last):
                names[(last,)]["PERS"] += 1
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for phrase in names:
        by_first[phrase[0]].append(phrase)
    for phrases in by_first.values():
        phrases.sort(key=len, reverse=True)
    out = [list(tt) for tt in tags]
    if not by_first:
        return out
    for toks, tt in zip(sentences, out, strict=True):
        i = 0
        while i < len(toks):
            if tt[i] != "O":
                i += 1
                continue
            stem = _stem(toks[i])
            for phrase in by_first.get(stem, ()):
                end = i + len(phrase)
                if (
                    end <= len(toks)
                    and all(tt[j] == "O" for j in range(i, end))
                    and all(key(toks[j]) == phrase[j - i] for j in range(i + 1, end))
                ):
                    typ = names[phrase].most_common(1)[0][0]
                    tt[i] = "B-" + typ
                    for j in range(i + 1, end):
                        tt[j] = "I-" + typ
                    i = end - 1
                    break
            i += 1
    return out
