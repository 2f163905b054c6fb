"""Folded, ready-to-query views of the event lexicon (built once per rules object).

Examples:
    >>> from arnews_nlp.events.rules import EventRules
    >>> lex = LexView(EventRules.default().lexicon)
    >>> lex.is_title("والوزير"), lex.is_title("سوريا")
    (True, False)
    >>> lex.canonical_place("المملكة العربية السعودية")
    'السعودية'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from importlib import resources

from arnews_nlp.events.rules import Lexicon
from arnews_nlp.events.words import Word, strip_proclitics
from arnews_nlp.normalize.charsets import fold

__all__ = ["LexView", "fold_phrase"]


def fold_phrase(text: str) -> str:
    """Fold each word of ``text`` and join with single spaces (``#`` and ``_`` dropped)."""
    return " ".join(fold(w).lstrip("#") for w in text.replace("_", " ").split())


def _set(values: Iterable[str]) -> frozenset[str]:
    return frozenset(fold_phrase(v) for v in values)


class LexView:
    """Folded sets and phrase tables derived from a :class:`Lexicon`."""

    def __init__(self, lex: Lexicon) -> None:
        self.titles = _set(lex.titles)
        self.org_heads = _set(lex.org_heads)
        self.place_heads = _set(lex.place_heads)
        self.skip_speakers = _set(lex.skip_speakers)
        self.pronouns = _set(lex.pronouns)
        self.stop_words = _set(lex.stop_words)
        self.complementizers = _set(lex.complementizers)
        self.negators = _set(lex.negators)
        self.hypotheticals = _set(lex.hypotheticals)
        self.anaphors = _set(lex.anaphors)
        self.distinct_modifiers = _set(lex.distinct_modifiers)
        self.name_particles = _set(lex.name_particles)
        self.day_parts = _set(lex.day_parts)
        self.light_verbs = _set(lex.light_verbs)
        self.host_verbs = _set(lex.host_verbs)
        self.purpose_markers = _set(lex.purpose_markers)
        self.invite_words = _set(w for w in lex.invite_words if " " not in w)
        self.relay_words = _set(lex.relay_words)
        self.relay_verbs = _set(lex.relay_verbs)
        self.clause_openers = frozenset("و" + v for v in _set(lex.clause_verbs))
        self.places = _phrases(lex.places)
        self.channels = _phrases(lex.channels)
        self.platforms = _phrases(lex.platforms)
        self.agencies = _phrases(lex.agencies)
        self.content_stops = _phrases(lex.content_stops)
        self.months = {tuple(fold_phrase(k).split()): v for k, v in lex.months.items()}
        self.weekdays = {fold_phrase(k): v for k, v in lex.weekdays.items()}
        self.ordinals = {fold_phrase(k): v for k, v in lex.ordinals.items()}
        self.places.update_phrases(_gazetteer_places())
        self._memo: dict[int, dict[str, bool]] = {}
        self.alias_to: dict[str, str] = {}
        for canon, alts in lex.aliases.items():
            self.alias_to[fold_phrase(canon)] = canon
            for alt in alts:
                self.alias_to[fold_phrase(alt)] = canon

    # -- word classes -------------------------------------------------------
    def _in(self, norm: str, table: frozenset[str], *, clitics: bool = True) -> bool:
        if norm in table:
            return True
        if not clitics:
            return False
        memo = self._memo.get(id(table))
        if memo is None:
            memo = self._memo[id(table)] = {}
        found = memo.get(norm)
        if found is None:
            found = any(rest in table for k, rest in strip_proclitics(norm)[1:] if k <= 2)
            if len(memo) > _MEMO_LIMIT:
                memo.clear()
            memo[norm] = found
        return found

    def is_title(self, norm: str) -> bool:
        """A title word (``الوزير``, ``رئيس``), possibly with a proclitic."""
        return self._in(norm, self.titles)

    def is_org_head(self, norm: str) -> bool:
        """An organization head noun (``وزارة``, ``صحيفة``)."""
        return self._in(norm, self.org_heads)

    def is_stop(self, norm: str) -> bool:
        """A function word that ends a noun phrase (also after ``و``/``ف``: ``وكان``)."""
        if norm in self.stop_words or norm in self.complementizers:
            return True
        return len(norm) >= 3 and norm[0] in "وف" and norm[1:] in self.stop_words

    def is_weekday(self, norm: str) -> bool:
        """A weekday name (``الخميس``), possibly with ``و``/``ب``."""
        return any(rest in self.weekdays for _, rest in strip_proclitics(norm))

    def canonical_place(self, text: str) -> str | None:
        """The canonical form of a place/country alias, or ``None``."""
        key = fold_phrase(text)
        if key in self.alias_to:
            return self.alias_to[key]
        return None

    def place_at(self, words: Sequence[Word], i: int) -> int:
        """Length in words of the longest known place starting at ``words[i]`` (0 if none).

        A proclitic on the first word is allowed (``بمكة المكرمة``).
        """
        return _phrase_at(self.places, words, i)

    def phrase_at(self, table: dict[tuple[str, ...], int], words: Sequence[Word], i: int) -> int:
        """Length of the longest phrase of ``table`` starting at ``words[i]`` (clitics allowed)."""
        return _phrase_at(table, words, i)


# Words remembered per view for clitic-stripped lookups before the memo is emptied.
_MEMO_LIMIT = 100_000
_GAZ_CATEGORIES = frozenset(["COUNTRY", "BIGCITY", "REGION"])
_HAMZA = str.maketrans({"ؤ": "و", "ئ": "ي"})


def _gazetteer_places() -> list[tuple[str, ...]]:
    """Countries, big cities and regions from the NER gazetteer, when it is installed.

    The gazetteer folds hamza seats (ؤ→و, ئ→ي); phrases are stored in both spellings.
    """
    try:
        path = resources.files("arnews_nlp.resources").joinpath("gazetteers", "gazetteer.tsv")
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError, OSError):
        return []
    out: list[tuple[str, ...]] = []
    for line in text.splitlines():
        phrase, _, cat = line.partition("\t")
        if cat in _GAZ_CATEGORIES and (len(phrase) >= 4 or " " in phrase):
            out.append(tuple(phrase.split()))
    return out


class PhraseTable(dict[tuple[str, ...], int]):
    """Phrases as word tuples, with the set of their first words (a quick miss for most words)."""

    def __init__(self, phrases: Iterable[tuple[str, ...]] = ()) -> None:
        super().__init__((p, 1) for p in phrases)
        self.firsts = frozenset(p[0] for p in self if p)

    def update_phrases(self, phrases: Iterable[tuple[str, ...]]) -> None:
        """Add phrases (keeping :attr:`firsts` current)."""
        new = list(phrases)
        self.update((p, 1) for p in new)
        self.firsts = self.firsts | {p[0] for p in new if p}


def _phrases(values: Iterable[str]) -> PhraseTable:
    return PhraseTable(tuple(fold_phrase(v).split()) for v in values if v.strip())


def _phrase_at(table: dict[tuple[str, ...], int], words: Sequence[Word], i: int) -> int:
    if i >= len(words) or not words[i].is_word:
        return 0
    firsts = getattr(table, "firsts", None)
    readings = strip_proclitics(words[i].norm)
    if firsts is not None and not any(first in firsts or first.translate(_HAMZA) in firsts for _, first in readings):
        return 0
    rest = [w.norm for w in words[i + 1 : i + 4]]
    rest_h = [x.translate(_HAMZA) for x in rest]
    best = 0
    for _, first in readings:
        first_h = first.translate(_HAMZA)
        for n in (4, 3, 2, 1):
            if i + n > len(words) or n <= best:
                continue
            if (first, *rest[: n - 1]) in table or (first_h, *rest_h[: n - 1]) in table:
                best = n
    return best
