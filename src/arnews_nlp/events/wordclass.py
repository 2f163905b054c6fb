"""Word classes for growing noun phrases: name-like words, function words, verbal nouns, nisba adjectives.

See :func:`is_name_like` for an example.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from arnews_nlp.events.lexview import LexView
from arnews_nlp.events.words import Word, strip_proclitics

__all__ = ["is_name_like"]

_PRONOUN_ENDINGS = ("ها", "هم", "هما", "هن", "كم")
_DEFINITE = ("ال", "وال", "بال", "لل", "فال", "كال", "وبال", "ولل")


def _has_pronoun_suffix(w: Word) -> bool:
    raw = w.text.rstrip("ًٌٍَُِّْ")
    if raw.endswith("الله"):
        return False
    if raw.endswith(_PRONOUN_ENDINGS):
        return True
    return (
        raw.endswith("ه")
        and len(raw) > 3
        and not (w.norm.startswith(("ال", "وال", "بال", "لل")) and raw.endswith("يه"))
    )


def _stop(w: Word, lex: LexView) -> bool:
    """A function word, telling the name ``علي`` from the preposition ``على`` (both fold to ``علي``)."""
    if w.norm == "علي" and w.text.rstrip("ًٌٍَُِّْ").endswith("ي"):
        return False
    return lex.is_stop(w.norm)


def is_name_like(w: Word, lex: LexView) -> bool:
    """A word that can open a proper name: not definite, not a function word or title.

    Examples:
        >>> from arnews_nlp.events.rules import EventRules
        >>> from arnews_nlp.events.words import split_words
        >>> lex = LexView(EventRules.default().lexicon)
        >>> [is_name_like(w, lex) for w in split_words("ترامب التزامه إن", 0, 16)]
        [True, False, False]
    """
    n = w.norm
    if not w.is_word or len(n) < 2 or n.isdigit():
        return False
    if n.startswith(_DEFINITE) or _stop(w, lex) or n in lex.pronouns or lex.is_weekday(n):
        return False
    if lex.is_title(n) or lex.is_org_head(n) or n in lex.day_parts or n in lex.skip_speakers:
        return False
    if len(n) >= 5 and n[0] == "م" and n.endswith("ا") and not n.endswith("يا"):
        return False  # an accusative participle (مخاطبا، معربا), not a name
    if n[0] == "و" and len(n) > 4 and (_masdar(n[1:]) or _MASDAR_IF.match(n[1:])):
        return False  # a coordinated verbal noun (وإعادة), not a name
    if len(n) >= 6 and n.endswith("ات"):
        return False  # a feminine plural noun (تعليقات، تصريحات), not a name
    return not _has_pronoun_suffix(w)


def _coord_boundary(w: Word, lex: LexView, split_all: bool, complete: bool = True) -> bool:
    n = w.norm
    if not n.startswith("و") or len(n) < 4:
        return False
    if n in lex.titles or n in lex.org_heads or (n,) in lex.places:
        return False
    rest = n[1:]
    if split_all:
        return complete or not rest.startswith("ال") or (rest,) in lex.places
    return rest in lex.titles or rest in lex.org_heads or (rest,) in lex.places


_MASDAR = regex.compile(r"^(?:ت\w\wي\w|است\w\wا\w|ان\w\wا\w|ا\wت\wا\w)$")
_MASDAR_IF = regex.compile(r"^ا\w\wا\w$")


def _masdar(n: str) -> bool:
    """Verbal-noun shapes (تقديم، إعلان، استئناف، اجتماع) that open objects, not names."""
    return bool(_MASDAR.match(n))


def _nisba(w: Word) -> bool:
    return w.norm.startswith("ال") and w.text.rstrip("ًٌٍَُِّْ").endswith(("ية", "ي", "يّة"))


def _nisba_or_place(w: Word, lex: LexView) -> bool:
    return _nisba(w) or lex.place_at([w], 0) == 1


def _prep_word(n: str, lex: LexView) -> bool:
    """A word with a prepositional proclitic that cannot continue a name (``لمناقشة``, ``بالرياض``)."""
    if n[:1] not in "لب" or n in lex.name_particles or len(n) < 4:
        return False
    rest = n[1:]
    if n[0] == "ل" and rest[:1] in "يت" and 4 <= len(rest) <= 5:
        return True  # لـ + present verb (ليشمل)
    return n.startswith(("بال", "لل")) or _masdar(rest) or (rest,) in lex.places or (rest,) in lex.agencies


def _known_rest(n: str, lex: LexView) -> bool:
    rest = n[1:]
    return lex.is_title(rest) or lex.is_org_head(rest) or rest in lex.place_heads


def _genitive_goes_on(words: Sequence[Word], k: int, stop: int, lex: LexView) -> bool:
    """After ``لشؤون``/``باسم`` in a title phrase, does the phrase continue (definite words, a title)?"""
    if words[k].norm[1:].startswith("ال") or words[k].norm.startswith("لل"):
        return True
    for w in words[k + 1 : min(stop, k + 3)]:
        if not w.is_word:
            return False
        if w.norm.startswith(("ال", "بال", "لل")) or lex.is_title(w.norm):
            return True
    return False


def _appositive_follows(words: Sequence[Word], k: int, lex: LexView) -> bool:
    w = words[k]
    if not w.is_word:
        return False
    n = w.norm
    if lex.is_stop(n) or lex.is_weekday(n) or n in lex.day_parts or n in lex.pronouns:
        return False
    return lex.is_title(n) or is_name_like(w, lex) or n in lex.name_particles


def _name_after(words: Sequence[Word], k: int, stop: int, lex: LexView) -> bool:
    return k + 1 < stop and words[k].is_word and is_name_like(words[k + 1], lex)


def _is_channel_word(n: str, lex: LexView) -> bool:
    for _, rest in strip_proclitics(n):
        if (rest,) in lex.agencies or (rest,) in lex.channels or (rest,) in lex.platforms:
            return True
    return False
