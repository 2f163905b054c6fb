"""Date mentions for event arguments: ``doc.dates`` when the temporal stage ran, else a small fallback.

The fallback knows weekday names (``مساء الخميس``), ``اليوم``/``أمس``/``غدا``,
day + month (``9 شباط``), month (+ year) and ``عام 2015``, resolved against
``doc.published``.

Examples:
    >>> import datetime as dt
    >>> from arnews_nlp.doc import Doc
    >>> from arnews_nlp.events.rules import EventRules
    >>> from arnews_nlp.events.lexview import LexView
    >>> doc = Doc("التقى الوزيران مساء الأربعاء في عمان", published=dt.date(2024, 5, 3))
    >>> [(doc.text[d.start:d.end], d.value) for d in find_dates(doc, LexView(EventRules.default().lexicon))]
    [('مساء الأربعاء', '2024-05-01')]
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from arnews_nlp.doc import Doc
from arnews_nlp.events.lexview import LexView
from arnews_nlp.events.words import Word, split_words, strip_proclitics

__all__ = ["DateSpan", "find_dates"]

_RELATIVE = {"اليوم": 0, "امس": -1, "البارحه": -1, "غدا": 1}
_MONTH_SHIFT = {"الماضي": -1, "المقبل": 1, "القادم": 1, "الجاري": 0, "الحالي": 0}


@dataclass(slots=True, frozen=True)
class DateSpan:
    """A date expression and its ISO value (``None`` when unresolved)."""

    start: int
    end: int
    value: str | None


def find_dates(doc: Doc, lex: LexView, *, fallback: bool = True) -> list[DateSpan]:
    """Date spans of the document: the temporal stage's if any, else (when allowed) the fallback's."""
    if doc.dates or not fallback:
        return [DateSpan(d.start, d.end, d.value) for d in doc.dates]
    words = split_words(doc.text, 0, len(doc.text))
    out: list[DateSpan] = []
    k = 0
    while k < len(words):
        found = _date_at(words, k, lex, doc.published)
        if found is None:
            k += 1
            continue
        span, k = found
        out.append(span)
    return out


def _word_rest(w: Word, table: dict[str, int]) -> str | None:
    for _, rest in strip_proclitics(w.norm, ("و", "ب", "ف")):
        if rest in table:
            return rest
    return None


def _month_at(words: list[Word], k: int, lex: LexView) -> tuple[int, int] | None:
    """(month, words used) at ``k``, with ``آذار/مارس`` double names."""
    if k >= len(words):
        return None
    for n in (2, 1):
        key = tuple(w.norm for w in words[k : k + n])
        if len(key) == n and key in lex.months:
            used: int = n
            if k + used + 1 < len(words) and words[k + used].text == "/":
                if (words[k + used + 1].norm,) in lex.months:
                    used += 2
                elif tuple(w.norm for w in words[k + used + 1 : k + used + 3]) in lex.months:
                    used += 3
            return lex.months[key], used
    return None


def _date_at(words: list[Word], k: int, lex: LexView, pub: dt.date | None) -> tuple[DateSpan, int] | None:
    start_k = k
    n = words[k].norm
    if n in lex.day_parts and k + 1 < len(words):
        k += 1
    direction = 0
    if words[k].norm in ("غدا", "وغدا") and k + 1 < len(words) and _word_rest(words[k + 1], lex.weekdays):
        direction = 1
        k += 1
    wd = _word_rest(words[k], lex.weekdays)
    if wd is not None:
        end_k = k + 1
        if end_k < len(words) and words[end_k].norm == "المقبل":
            direction, end_k = 1, end_k + 1
        value = _weekday_value(lex.weekdays[wd], pub, direction)
        if end_k + 1 < len(words) and words[end_k].norm.isdigit():
            month = _month_at(words, end_k + 1, lex)
            if month is not None and pub is not None:
                value = _day_month(int(words[end_k].norm), month[0], pub)
                end_k += 1 + month[1]
        return DateSpan(_start(words[start_k], lex), words[end_k - 1].end, value), end_k
    k = start_k + (1 if n in ("يوم", "شهر") else 0)
    if k < len(words) and words[k].norm.isdigit() and 1 <= int(words[k].norm) <= 31:
        month = _month_at(words, k + 1, lex)
        if month is not None:
            end_k = k + 1 + month[1]
            day = int(words[k].norm)
            value = _day_month(day, month[0], pub) if pub else None
            if end_k < len(words) and words[end_k].norm.isdigit() and len(words[end_k].norm) == 4:
                value = _safe_iso(int(words[end_k].norm), month[0], day)
                end_k += 1
            elif end_k < len(words) and words[end_k].norm in ("الماضي", "المقبل"):
                end_k += 1
            return DateSpan(_start(words[start_k], lex), words[end_k - 1].end, value), end_k
    month = _month_at(words, k, lex)
    after_month = words[k + month[1]].norm if month is not None and k + month[1] < len(words) else ""
    if month is not None and (n == "شهر" or after_month.isdigit() or after_month in ("الماضي", "المقبل")):
        end_k = k + month[1]
        mvalue: str | None = None
        if end_k < len(words) and words[end_k].norm.isdigit() and len(words[end_k].norm) == 4:
            mvalue = f"{words[end_k].norm}-{month[0]:02d}"
            end_k += 1
        elif pub is not None:
            year = pub.year
            if end_k < len(words) and words[end_k].norm == "المقبل" and month[0] < pub.month:
                year += 1
            if end_k < len(words) and words[end_k].norm in ("المقبل", "الماضي"):
                end_k += 1
            mvalue = f"{year}-{month[0]:02d}"
        return DateSpan(_start(words[start_k], lex), words[end_k - 1].end, mvalue), end_k
    if n == "الشهر" and k + 1 < len(words) and words[k + 1].norm in _MONTH_SHIFT and pub is not None:
        y, m = divmod(pub.year * 12 + pub.month - 1 + _MONTH_SHIFT[words[k + 1].norm], 12)
        return DateSpan(words[k].start, words[k + 1].end, f"{y}-{m + 1:02d}"), k + 2
    if n in ("عام", "العام") and k + 1 < len(words) and words[k + 1].norm.isdigit():
        if len(words[k + 1].norm) == 4:
            return DateSpan(words[k].start, words[k + 1].end, words[k + 1].norm), k + 2
    if n in _RELATIVE and pub is not None:
        rel = pub + dt.timedelta(days=_RELATIVE[n])
        return DateSpan(words[k].start, words[k].end, rel.isoformat()), k + 1
    return None


def _start(w: Word, lex: LexView) -> int:
    """Leave a conjunction ``و``/``ب`` out of the date span (``وغدا`` → ``غدا``)."""
    rest = w.norm[1:]
    if w.norm[:1] in "وب" and (rest in _RELATIVE or rest in lex.weekdays or rest in lex.day_parts or rest == "يوم"):
        return w.start + 1
    return w.start


def _weekday_value(weekday: int, pub: dt.date | None, direction: int) -> str | None:
    if pub is None:
        return None
    if direction > 0:
        delta = (weekday - pub.weekday()) % 7 or 7
        return (pub + dt.timedelta(days=delta)).isoformat()
    delta = (pub.weekday() - weekday) % 7
    return (pub - dt.timedelta(days=delta)).isoformat()


def _safe_iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _day_month(day: int, month: int, pub: dt.date | None) -> str | None:
    if pub is None:
        return None
    value = _safe_iso(pub.year, month, day)
    if value is not None and dt.date.fromisoformat(value) > pub + dt.timedelta(days=120):
        value = _safe_iso(pub.year - 1, month, day)
    return value
