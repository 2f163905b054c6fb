"""Grow argument mentions (speakers, parties, places) from the words near a trigger.

A :class:`Mention` is a noun phrase such as ``وزير الخارجية السعودي، عادل الجبير``
with, when one is found, its name part (``عادل الجبير``). Titles stay out of the
name; a title-only phrase (``الناطق باسم الجيش``) or an organization
(``وزارة الداخلية البحرينية``) is its own name. Entities from the NER stage, when
present, fix the name boundaries.

Examples:
    >>> from arnews_nlp.events.rules import EventRules
    >>> from arnews_nlp.events.lexview import LexView
    >>> from arnews_nlp.events.words import split_words
    >>> lex = LexView(EventRules.default().lexicon)
    >>> text = "قال وزير الخارجية السعودي، عادل الجبير، إن"
    >>> m = grow_np(split_words(text, 0, len(text)), 1, lex)[0]
    >>> text[m.start:m.end], text[m.name_start:m.name_end], m.kind
    ('وزير الخارجية السعودي، عادل الجبير', 'عادل الجبير', 'person')
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from arnews_nlp.doc import Entity
from arnews_nlp.events.lexview import LexView
from arnews_nlp.events.wordclass import (
    _MASDAR_IF,
    _appositive_follows,
    _coord_boundary,
    _genitive_goes_on,
    _has_pronoun_suffix,
    _is_channel_word,
    _known_rest,
    _masdar,
    _name_after,
    _nisba,
    _nisba_or_place,
    _prep_word,
    _stop,
    is_name_like,
)
from arnews_nlp.events.words import Word

__all__ = ["Mention", "grow_np", "is_name_like", "np_before"]

_COMMAS = frozenset(",،")
_QUOTE_MARKS = frozenset('"«»“”')


@dataclass(slots=True)
class Mention:
    """A noun phrase in the text: full span, name span and kind."""

    start: int
    end: int
    name_start: int
    name_end: int
    kind: str  # person | org | place | title | other
    has_title: bool = False

    @property
    def name(self) -> tuple[int, int]:
        """The (start, end) of the name part (the whole phrase when no name)."""
        return self.name_start, self.name_end


def grow_np(
    words: Sequence[Word],
    i: int,
    lex: LexView,
    *,
    limit: int | None = None,
    split_all: bool = False,
    skip_proclitic: int = 0,
    entities: Sequence[Entity] = (),
    max_words: int = 12,
    barrier: frozenset[str] = frozenset(),
) -> list[Mention]:
    """Grow noun phrases from ``words[i]``; coordinated ones come back one per party.

    Args:
        words: Words of the sentence.
        i: Index of the first word.
        lex: Lexicon view.
        limit: Index not to reach (the next trigger).
        split_all: Split at every ``و`` conjunct (lists after ``بين``).
        skip_proclitic: Characters of ``words[i]`` to leave out (a cue proclitic).
        entities: NER entities of the document (optional).
        max_words: Longest phrase grown.
        barrier: Folded words that end a phrase (trigger words).
    """
    stop = len(words) if limit is None else min(limit, len(words))
    out: list[Mention] = []
    k = i
    first_skip = skip_proclitic
    while k < stop:
        m, k = _grow_one(words, k, stop, lex, first_skip, max_words, split_all, barrier)
        first_skip = 0
        if m is None:
            break
        out.append(_apply_entities(m, entities, words))
        if k < stop and words[k].is_word and _coord_boundary(words[k], lex, split_all):
            first_skip = 1
            continue
        break
    return out


def _grow_one(
    words: Sequence[Word],
    i: int,
    stop: int,
    lex: LexView,
    skip: int,
    max_words: int,
    split_all: bool,
    barrier: frozenset[str],
) -> tuple[Mention | None, int]:
    if i >= stop or not words[i].is_word:
        return None, i
    first = words[i].norm[skip:]
    if (
        (not skip and _stop(words[i], lex))
        or (skip and lex.is_stop(first))
        or first in lex.pronouns
        or lex.is_weekday(first)
        or first in lex.day_parts
    ):
        return None, i
    if first in barrier or words[i].norm in barrier:
        return None, i
    if not skip and first[:1] == "ل" and (lex.phrase_at(lex.agencies, words, i) or _is_channel_word(first, lex)):
        return None, i
    taken: list[int] = []
    runs: list[list[int]] = []
    run_open = False
    has_title = False
    org = False
    k = i
    while k < stop and len(taken) < max_words:
        w = words[k]
        n = w.norm[skip:] if k == i else w.norm
        if not w.is_word and w.text in _QUOTE_MARKS and org and k == i + 1:
            close = next((c for c in range(k + 1, min(stop, k + 6)) if words[c].text in _QUOTE_MARKS), None)
            if close is not None and close > k + 1:
                taken.extend(range(k, close + 1))  # شركة "نور للطاقة"
                k = close + 1
                break
        if not w.is_word:
            if w.text in _COMMAS and taken and not runs and k + 1 < stop and _appositive_follows(words, k + 1, lex):
                run_open = False
                k += 1
                continue
            break
        if k > i:
            name_after_title = n in lex.day_parts and lex.is_title(words[k - 1].norm) and k + 1 < stop
            if (_stop(w, lex) or n in lex.pronouns or lex.is_weekday(n) or n in lex.day_parts) and not name_after_title:
                if (
                    n == "في"
                    and has_title
                    and not runs
                    and _name_after(words, k + 1, stop, lex)
                    and not _is_channel_word(words[k + 1].norm, lex)
                ):
                    taken.extend((k, k + 1))
                    run_open = False
                    k += 2
                    continue
                break
            complete = bool(runs) or (org and len(taken) >= 2) or lex.place_at(words, i) >= len(taken) > 0
            if _coord_boundary(w, lex, split_all, complete):
                break
        if k > i and n in lex.day_parts and lex.is_title(words[k - 1].norm):
            runs.append([k])  # a name that is also a time word (الشيخ صباح)
            run_open = True
            taken.append(k)
            k += 1
            continue
        place_len = lex.place_at(words, k) if k > i or not skip else 0
        if k > i and n[:1] == "ك" and n not in lex.titles and lex.is_title(n):
            break
        if k > i and (
            n in barrier or n.isdigit() or (n in ("عام", "العام") and k + 1 < stop and words[k + 1].norm.isdigit())
        ):
            break
        if k > i and run_open and _prep_word(n, lex):
            break
        if k > i and run_open and n[:1] in "لب" and len(n) > 3 and lex.place_at(words, runs[-1][0]) == len(runs[-1]):
            break
        if k == i and place_len and not lex.is_title(n) and not lex.is_org_head(n) and n not in lex.place_heads:
            end_place = min(k + place_len, stop)
            nxt = words[end_place] if end_place < stop else None
            if (
                nxt is None
                or nxt.norm in barrier
                or not (nxt.is_word and (lex.is_title(nxt.norm) or (is_name_like(nxt, lex) and nxt.norm[0] != "و")))
            ):
                taken.extend(range(k, end_place))
                k = end_place
                break
        if lex.is_title(n) and not (k == i and place_len):
            if (
                k > i
                and has_title
                and not runs
                and not n.startswith("ال")
                and n in lex.titles
                and words[k - 1].norm.startswith("ال")
                and not lex.is_title(words[k - 1].norm)
            ):
                break
            has_title = True
            run_open = False
        elif k == i and (lex.is_org_head(n) or n in lex.place_heads):
            org = True
            run_open = False
        elif k > i and runs and (lex.phrase_at(lex.agencies, words, k) or _is_channel_word(n, lex)):
            break
        elif (
            k > i
            and not run_open
            and n[:1] in "لب"
            and not n.startswith("ال")
            and n not in lex.name_particles
            and len(n) > 3
            and (_prep_word(n, lex) or _genitive_goes_on(words, k, stop, lex) or _known_rest(n, lex))
        ):
            if runs or not (has_title or org) or not _genitive_goes_on(words, k, stop, lex):
                break
            run_open = False
        elif k > i and not runs and lex.is_org_head(n):
            run_open = False
        elif runs and not run_open and not lex.is_title(n) and not lex.is_title(words[k - 1].norm):
            break
        elif place_len and runs and run_open and not org:
            break
        elif org and k > i + 1 and n.startswith("ال") and not _nisba(w) and _nisba_or_place(words[k - 1], lex):
            break
        elif place_len and (has_title or org):
            taken.extend(range(k, min(k + place_len, stop)))
            k += place_len
            run_open = False
            continue
        elif (
            (has_title or org)
            and not runs
            and is_name_like(w, lex)
            and not _full_name_at(words, k, stop, lex)
            and (w.text.endswith("ة") or _masdar(n) or ((org and (_MASDAR_IF.match(n) or k > i + 1)) and not has_title))
        ):
            break
        elif is_name_like(w, lex) or (k == i and skip) or (run_open and _run_continues(w, lex, runs)):
            if run_open:
                runs[-1].append(k)
            else:
                runs.append([k])
                run_open = True
        elif n.startswith("ال") and k == i:
            run_open = False
        elif n.startswith("ال") or n in lex.name_particles:
            if run_open and _run_continues(w, lex, runs):
                runs[-1].append(k)
            elif runs and not (org and n.startswith("ال")) and not lex.is_title(words[k - 1].norm):
                break
            else:
                run_open = False
        else:
            if runs and not has_title:
                break
            run_open = False
        taken.append(k)
        k += 1
        if w.is_word and _has_pronoun_suffix(w) and not lex.is_title(n) and not (has_title and not runs):
            break
    if not taken:
        return None, i
    while taken and (words[taken[-1]].norm in lex.name_particles or not words[taken[-1]].is_word):
        taken.pop()
    if not taken:
        return None, i
    start = words[taken[0]].start + skip
    end = words[taken[-1]].end
    kind = "org" if org else "other"
    name = (start, end)
    if runs and not org:
        run = _best_run(runs, taken, words, lex)
        name = (words[run[0]].start + (skip if run[0] == i else 0), words[run[-1]].end)
        kind = "person"
    elif has_title:
        kind = "title"
    if lex.canonical_place(" ".join(words[t].text for t in taken)) or (
        len(taken) <= 3 and lex.place_at(words, taken[0]) == len(taken)
    ):
        kind = "place"
        name = (start, end)
    return Mention(start, end, name[0], name[1], kind, has_title), taken[-1] + 1


def _full_name_at(words: Sequence[Word], k: int, stop: int, lex: LexView) -> bool:
    """``فضيلة شايب في``: a first name and a surname closed by a function word or punctuation."""
    second = words[k + 1] if k + 1 < stop else None
    if second is None or not is_name_like(second, lex) or _masdar(second.norm) or _masdar(words[k].norm):
        return False
    if second.text.endswith("ة"):
        return False
    if k + 2 >= stop:
        return True
    after = words[k + 2]
    return not after.is_word or _stop(after, lex) or after.norm in lex.complementizers


def _best_run(runs: list[list[int]], taken: list[int], words: Sequence[Word], lex: LexView) -> list[int]:
    titles = [t for t in taken if lex.is_title(words[t].norm)]
    if titles:
        after = [r for r in runs if r[0] > titles[-1]]
        if after:
            return after[-1]
    return runs[0]


def _run_continues(w: Word, lex: LexView, runs: list[list[int]]) -> bool:
    n = w.norm
    if lex.is_title(n) or lex.is_stop(n) or lex.is_weekday(n) or not w.is_word:
        return False
    if n in lex.name_particles:
        return True
    if len(runs[-1]) >= 4 or _has_pronoun_suffix(w):
        return False
    if n.startswith("ال") and w.text.endswith(("ية", "يّة")):
        return False
    return not (w.text.endswith("ة") and n.startswith("ال") and len(runs[-1]) >= 2)


_NOMINAL_PROCLITICS = frozenset(["", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك"])


def _aligned(e: Entity, words: Sequence[Word]) -> bool:
    """The entity starts at a word start, or after a nominal proclitic (not the ``س`` of ``ساينا``)."""
    for w in words:
        if w.start <= e.start < w.end:
            return w.text[: e.start - w.start] in _NOMINAL_PROCLITICS
    return False


def _apply_entities(m: Mention, entities: Sequence[Entity], words: Sequence[Word] = ()) -> Mention:
    if not entities:
        return m
    persons = [
        e
        for e in entities
        if e.start >= m.start and e.end <= m.end and e.label == "PERS" and (not words or _aligned(e, words))
    ]
    if persons:
        e = persons[-1]
        return Mention(m.start, m.end, e.start, e.end, "person", m.has_title)
    for e in entities:
        if e.start == m.start and e.end > m.end and e.end - m.end < 60 and e.label in ("ORG", "GPE", "FAC"):
            return Mention(m.start, e.end, m.start, e.end, "org" if e.label == "ORG" else "place", m.has_title)
    return m


def np_before(
    words: Sequence[Word],
    clause_start: int,
    k: int,
    lex: LexView,
    entities: Sequence[Entity] = (),
    barrier: frozenset[str] = frozenset(),
) -> Mention | None:
    """The subject phrase of an SVO clause: the words from ``clause_start`` up to ``k``.

    Examples:
        >>> from arnews_nlp.events.rules import EventRules
        >>> from arnews_nlp.events.words import split_words
        >>> lex = LexView(EventRules.default().lexicon)
        >>> t = "صحيفة النهار قالت إن"
        >>> m = np_before(split_words(t, 0, len(t)), 0, 2, lex)
        >>> t[m.start:m.end]
        'صحيفة النهار'
    """
    if k <= clause_start or k - clause_start > 8:
        return None
    ms = grow_np(words, clause_start, lex, limit=k, entities=entities, barrier=barrier)
    if len(ms) != 1:
        return None
    m = ms[0]
    end_word = max(j for j, w in enumerate(words) if w.start < m.end) + 1
    if any(words[j].is_word for j in range(end_word, k)):
        return None
    return m
