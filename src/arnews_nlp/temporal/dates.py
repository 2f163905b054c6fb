"""Find date expressions with exact offsets and resolve them to ISO values.

Examples:
    >>> import datetime as dt
    >>> text = "استضافت الرياض، يوم الإثنين 9 شباط، اجتماعاً"
    >>> [(text[m.start:m.end], m.value) for m in find_dates(text, dt.date(2026, 2, 10))]
    [('يوم الإثنين 9 شباط', '2026-02-09')]
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence

from arnews_nlp.doc import DateMention
from arnews_nlp.temporal.grammar import STARTERS, Match, parse_at
from arnews_nlp.temporal.lexicon import (
    FUTURE_CUES,
    NOT_FUTURE_PREFIXES,
    NOT_FUTURE_VERBS,
    YEAR_PREPOSITIONS,
)
from arnews_nlp.temporal.numbers import SCALE_BASE
from arnews_nlp.temporal.parts import DateParts
from arnews_nlp.temporal.resolve import resolve
from arnews_nlp.temporal.tokens import Analysis, Tok, analyse, clitic_splits

__all__ = ["COUNTED_NOUNS", "find_dates"]

# Folded nouns counted by a number ("2018 عضوا"): a number before them is never a year.
COUNTED_NOUNS = frozenset(
    w + s
    for w in (
        "عضو", "شخص", "قتيل", "جندي", "مدني", "طفل", "لاجئ", "مهاجر", "دولار", "يورو", "جنيه", "ريال",
        "درهم", "دينار", "ليره", "كيلومتر", "كلم", "كم", "متر", "طن", "برميل", "مقعد", "صوت", "منزل",
        "مصاب", "جريح", "معتقل", "اسير", "موظف", "عامل", "طالب", "مقاتل", "عنصر", "صاروخ", "يوم",
        "شهر", "عام", "اسبوع", "مواطن", "ناخب", "مرشح", "مشارك", "نائب", "شرطي", "حاج", "زائر", "سائح",
        "نسمه", "دوله", "حاله", "اصابه", "وفاه", "ضحيه", "مليون", "مليار", "الف", "ساعه", "دقيقه", "قرار",
        "سنه", "مره", "مبني", "مدرسه", "مستشفي", "طائره", "سياره", "قذيفه", "غاره", "هجوم", "عمليه",
    )
    for s in ("", "ا", "ين", "ون", "ات")
)  # fmt: skip
_SENTENCE_END = frozenset({".", "!", "?", "؟", ";", "؛", ":"})
_MONTH_PREPOSITIONS = YEAR_PREPOSITIONS | {"من", "الي", "حتي", "شهري"}
# Words searched back for a future cue: a whole clause for dates, a few words for weekdays.
_CUE_WINDOW = 16
_WEEKDAY_CUE_WINDOW = 7
_VERB_CUE_WINDOW = 5


def _stems(word: str | None) -> set[str]:
    return {stem for _, stem in clitic_splits(word)} if word else set()


def _prev_word(toks: Sequence[Tok], i: int) -> str | None:
    return toks[i - 1].text if i > 0 and toks[i - 1].kind == "word" else None


def _is_future_verb(stem: str) -> bool:
    """س + imperfect prefix ("سيعقد", "ستبدأ", "سنعمل"), minus nouns and names that look alike."""
    return (
        len(stem) >= 4
        and stem[0] == "س"
        and stem[1] in "يتن"
        and stem[2] not in "اوي"
        and stem not in NOT_FUTURE_VERBS
        and not stem.startswith(NOT_FUTURE_PREFIXES)
        and not stem.endswith(("يه", "ات", "يون", "يين"))
    )


def _future_cue(toks: Sequence[Tok], i: int, window: int) -> bool:
    """A future cue before token ``i`` in the same sentence.

    Cue words ("من المقرر", "سوف") count within ``window`` words; a future verb
    ("سيعقد") only within the few words of the date's own clause.
    """
    seen = 0
    j = i - 1
    while j >= 0 and seen < window:
        tok = toks[j]
        if tok.kind == "punct" and tok.text in _SENTENCE_END:
            return False
        if tok.kind == "word":
            seen += 1
            stem = tok.text[1:] if tok.text[:1] in "وف" and len(tok.text) > 3 else tok.text
            if tok.text in FUTURE_CUES or stem in FUTURE_CUES:
                return True
            if seen <= _VERB_CUE_WINDOW and (_is_future_verb(tok.text) or _is_future_verb(stem)):
                return True
        j -= 1
    return False


def _bare_year(toks: Sequence[Tok], i: int, original: str, orig_end: int) -> Match | None:
    """A four-digit year after a preposition ("في 2014", "منذ 2011"), not a count."""
    tok = toks[i]
    if tok.kind != "num" or not tok.text.isdigit() or len(tok.text) != 4:
        return None
    year = int(tok.text)
    if not 1900 <= year <= 2100 or not (_stems(_prev_word(toks, i)) & YEAR_PREPOSITIONS):
        return None
    if i > 0 and toks[i - 1].end == tok.start:
        return None
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is not None:
        if nxt.kind == "punct" and nxt.text in "%٪/-":
            return None
        if nxt.kind == "word" and (
            nxt.text in SCALE_BASE or _stems(nxt.text) & COUNTED_NOUNS or nxt.text in ("في", "بالمئه")
        ):
            return None
        tail = original[orig_end : orig_end + 40].split(maxsplit=1)
        if nxt.kind == "word" and tail and "\u064b" in tail[0]:
            return None  # accusative tanween: a counted noun ("2018 عضواً")
    return i + 1, DateParts(year=year)


def _context_ok(toks: Sequence[Tok], i: int, clitic: int, parts: DateParts) -> bool:
    """A month named alone needs a preposition before it ("في آذار")."""
    if not parts.bare_month:
        return True
    if clitic and "ب" in toks[i].text[:clitic]:
        return True
    return bool(_stems(_prev_word(toks, i)) & _MONTH_PREPOSITIONS)


def find_dates(text: str, published: _dt.date | None = None, *, analysis: Analysis | None = None) -> list[DateMention]:
    """Find date expressions in ``text`` and resolve them against ``published``.

    Args:
        text: The verbatim text (diacritics, tatweel, bidi controls and
            Arabic-Indic digits are fine; offsets index this string).
        published: The article's publication date; without it, expressions that
            need it (weekdays, "أمس", a day and month without a year) get value ``None``.

        analysis: The folded text and its tokens, when the caller already has them
            (must come from :func:`~arnews_nlp.temporal.tokens.analyse` of ``text``).

    Returns:
        Mentions in text order. ``text[m.start:m.end]`` is the expression as
        written, without a leading preposition or conjunction.

    Examples:
        >>> pub = _dt.date(2018, 4, 1)
        >>> text = "وكان قد صرح في 21 آذار/مارس الماضي، ثم غدا الثلاثاء"
        >>> [(text[m.start:m.end], m.value) for m in find_dates(text, pub)]
        [('21 آذار/مارس الماضي', '2018-03-21'), ('غدا الثلاثاء', '2018-04-02')]
        >>> [m.value for m in find_dates("العضو رقم 90، وقتل 15 شخصا عام 2015", pub)]
        ['2015']
    """
    analysis = analysis or analyse(text)
    folded, toks = analysis.folded, analysis.toks
    out: list[DateMention] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        found: tuple[int, Match] | None = None
        if tok.kind == "word":
            for clitic, stem in clitic_splits(tok.text):
                if stem not in STARTERS:
                    continue
                got = parse_at(toks, i, clitic)
                if got is not None and _context_ok(toks, i, clitic, got[1]):
                    found = clitic, got
                    break
        elif tok.kind == "num":
            got = parse_at(toks, i, 0)
            if got is None:
                got = _bare_year(toks, i, text, folded.index[tok.end - 1] + 1)
            if got is not None:
                found = 0, got
        if found is None:
            i += 1
            continue
        clitic, (end_tok, parts) = found
        start, end = folded.to_original(tok.start + clitic, toks[end_tok - 1].end)
        weekday_only = parts.month is None and parts.rel_days is None
        window = _WEEKDAY_CUE_WINDOW if weekday_only else _CUE_WINDOW
        since = "منذ" in _stems(_prev_word(toks, i))  # "منذ 4 آذار" is in the past
        future = not since and _future_cue(toks, i, window)
        value, granularity, flags = resolve(parts, published, future=future)
        out.append(DateMention(start, end, value, granularity, flags))
        i = end_tok
    return out
