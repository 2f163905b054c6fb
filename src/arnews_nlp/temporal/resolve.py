"""Resolve :class:`DateParts` to an ISO value anchored on the publication date.

Rules:
- A day and month without a year take the year that puts the date on the
  expression's side of publication: the past by default (publication day
  included), the future after "المقبل" (or a future-tense verb, up to six
  months ahead), strictly before
  after "الماضي", the publication year after "الجاري".
- When a weekday is also named and the default year disagrees with it, a year
  within one of publication where the weekday fits is taken instead; if none
  fits, the date is kept and flagged ``weekday_mismatch``.
- A weekday alone is the latest such day up to publication ("الخميس"), the one
  before it ("الخميس الماضي") or after it ("الخميس المقبل").
"""

from __future__ import annotations

import datetime as _dt
from typing import Literal

import regex

from arnews_nlp.temporal.hijri import hijri_to_gregorian
from arnews_nlp.temporal.lexicon import Direction
from arnews_nlp.temporal.parts import DateParts

__all__ = ["Granularity", "Resolved", "resolve"]

Granularity = Literal["day", "month", "year"]
Resolved = tuple[str | None, Granularity | None, tuple[str, ...]]

_OFFSET = {"past": -1, "future": 1, "current": 0}
_ISO_RE = regex.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
# A future-tense cue moves an unmarked date forward only this far; beyond it the past wins.
_FUTURE_HORIZON_DAYS = 183


def _safe_date(year: int, month: int, day: int) -> _dt.date | None:
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


def _pick(candidates: list[_dt.date], pub: _dt.date, direction: Direction | None, future: bool) -> _dt.date:
    """Choose among same-day-and-month candidates in neighbouring years."""
    if direction == "past":
        before = [c for c in candidates if c < pub]
        return max(before) if before else min(candidates)
    if direction == "future":
        after = [c for c in candidates if c > pub]
        return min(after) if after else max(candidates)
    if direction == "current":
        same = [c for c in candidates if c.year == pub.year]
        return same[0] if same else min(candidates, key=lambda c: abs((c - pub).days))
    if future:
        after = [c for c in candidates if c >= pub]
        if after and (min(after) - pub).days <= _FUTURE_HORIZON_DAYS:
            return min(after)
    before = [c for c in candidates if c <= pub]
    return max(before) if before else min(candidates)


def _on_side(candidate: _dt.date, pub: _dt.date, direction: Direction | None) -> bool:
    """Whether a candidate date agrees with an explicit direction word."""
    if direction == "past":
        return candidate < pub
    if direction == "future":
        return candidate > pub
    if direction == "current":
        return candidate.year == pub.year
    return True


def _resolve_day(parts: DateParts, pub: _dt.date | None, future: bool, flags: list[str]) -> str | None:
    month, day = parts.month, parts.day
    if month is None or day is None:
        return None
    if parts.year is not None:
        found = _safe_date(parts.year, month, day)
    elif parts.year_offset is not None:
        found = None if pub is None else _safe_date(pub.year + parts.year_offset, month, day)
        flags.append("relative")
    else:
        if pub is None:
            return None
        flags.append("inferred_year")
        years = range(pub.year - 2, pub.year + 3)
        candidates = [d for y in years if (d := _safe_date(y, month, day)) is not None]
        near = [c for c in candidates if abs(c.year - pub.year) <= 1]
        if not near:
            return None
        found = _pick(near, pub, parts.direction, future)
        if parts.weekday is not None and found.weekday() != parts.weekday:
            fitting = [c for c in near if c.weekday() == parts.weekday and _on_side(c, pub, parts.direction)]
            if fitting:
                found = min(fitting, key=lambda c: abs((c - pub).days))
    if found is None:
        flags.append("invalid_date")
        return None
    if parts.weekday is not None and found.weekday() != parts.weekday:
        flags.append("weekday_mismatch")
    return found.isoformat()


def _resolve_month(parts: DateParts, pub: _dt.date | None, future: bool, flags: list[str]) -> str | None:
    month = parts.month
    if month is None:
        return None
    if parts.year is not None:
        return f"{parts.year:04d}-{month:02d}"
    if pub is None:
        return None
    if parts.year_offset is not None:
        flags.append("relative")
        return f"{pub.year + parts.year_offset:04d}-{month:02d}"
    flags.append("inferred_year")
    candidates = [_dt.date(y, month, 1) for y in (pub.year - 1, pub.year, pub.year + 1)]
    found = _pick(candidates, pub.replace(day=1), parts.direction, future)
    return f"{found.year:04d}-{month:02d}"


def _shift_month(pub: _dt.date, offset: int) -> str:
    index = pub.year * 12 + pub.month - 1 + offset
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _resolve_weekday(weekday: int, pub: _dt.date, direction: Direction | None, future: bool) -> _dt.date:
    back = (pub.weekday() - weekday) % 7
    ahead = (weekday - pub.weekday()) % 7
    if direction == "past":
        return pub - _dt.timedelta(days=back or 7)
    if direction == "future":
        return pub + _dt.timedelta(days=ahead or 7)
    if future:
        return pub + _dt.timedelta(days=ahead)
    return pub - _dt.timedelta(days=back)


def _resolve_hijri(parts: DateParts, flags: list[str]) -> Resolved:
    if parts.hijri is None:
        return None, None, ()
    year, month, day = parts.hijri
    flags.append("hijri")
    greg = hijri_to_gregorian(year, month, day)
    if greg is None:
        flags.append("invalid_date")
        return None, None, tuple(flags)
    if day is not None and month is not None:
        if parts.weekday is not None and greg.weekday() != parts.weekday:
            flags.append("weekday_mismatch")
        return greg.isoformat(), "day", tuple(flags)
    if month is not None:
        return f"{greg.year:04d}-{greg.month:02d}", "month", tuple(flags)
    return f"{greg.year:04d}", "year", tuple(flags)


def resolve(parts: DateParts, published: _dt.date | None, *, future: bool = False) -> Resolved:
    """Turn date parts into ``(value, granularity, flags)``.

    Args:
        parts: What the expression says.
        published: The article's publication date (``None``: relative values are ``None``).
        future: A future-tense cue stands before the expression.

    Returns:
        The ISO value (``None`` when it cannot be resolved), its granularity and
        flags. Values outside years 1-9999 are ``None`` with flag ``out_of_range``.

    Examples:
        >>> pub = _dt.date(2026, 2, 10)
        >>> resolve(DateParts(day=9, month=2, weekday=0), pub)
        ('2026-02-09', 'day', ('inferred_year',))
        >>> resolve(DateParts(month=3, day=23, direction="future"), pub)
        ('2026-03-23', 'day', ('inferred_year',))
        >>> resolve(DateParts(weekday=3), pub)
        ('2026-02-05', 'day', ('relative',))
        >>> resolve(DateParts(period="month", direction="past"), _dt.date(2026, 1, 5))
        ('2025-12', 'month', ('relative',))
    """
    try:
        value, granularity, flags = _resolve(parts, published, future)
    except (ValueError, OverflowError):
        return None, None, (*parts.flags, "out_of_range")
    if value is not None and (_ISO_RE.fullmatch(value) is None or value.startswith("0000")):
        return None, granularity, (*flags, "out_of_range")
    return value, granularity, flags


def _resolve(parts: DateParts, published: _dt.date | None, future: bool) -> Resolved:
    flags = list(parts.flags)
    if parts.dual_mismatch:
        flags.append("month_mismatch")
    if parts.hijri is not None and parts.month is None and parts.year is None:
        return _resolve_hijri(parts, flags)
    if parts.hijri is not None:
        flags.append("hijri")
        year, month, day = parts.hijri
        greg = hijri_to_gregorian(year, month, day)
        if greg is not None and day is not None and parts.year is not None and parts.month and parts.day:
            written = _safe_date(parts.year, parts.month, parts.day)
            if written is not None and abs((written - greg).days) > 2:
                flags.append("hijri_mismatch")
    if parts.day is not None and parts.month is not None:
        return _resolve_day(parts, published, future, flags), "day", tuple(flags)
    if parts.rel_days is not None:
        flags.append("relative")
        if published is None:
            return None, "day", tuple(flags)
        found = published + _dt.timedelta(days=parts.rel_days)
        if parts.weekday is not None and found.weekday() != parts.weekday:
            flags.append("weekday_mismatch")
        return found.isoformat(), "day", tuple(flags)
    if parts.month is not None:
        return _resolve_month(parts, published, future, flags), "month", tuple(flags)
    if parts.weekday is not None:
        flags.append("relative")
        if published is None:
            return None, "day", tuple(flags)
        found = _resolve_weekday(parts.weekday, published, parts.direction, future)
        return found.isoformat(), "day", tuple(flags)
    if parts.period is not None:
        flags.append("relative")
        offset = _OFFSET[parts.direction or "current"]
        if parts.period == "week":
            flags.append("week")
            return None, None, tuple(flags)
        if published is None:
            return None, parts.period, tuple(flags)
        if parts.period == "month":
            if parts.day is not None:
                return _resolve_day_of_period(parts.day, published, offset, flags)
            return _shift_month(published, offset), "month", tuple(flags)
        return f"{published.year + offset:04d}", "year", tuple(flags)
    if parts.year is not None:
        return f"{parts.year:04d}", "year", tuple(flags)
    return None, None, tuple(flags)


def _resolve_day_of_period(day: int, pub: _dt.date, offset: int, flags: list[str]) -> Resolved:
    """A day of a month relative to publication ("التاسع من الشهر الجاري")."""
    year, month = (int(x) for x in _shift_month(pub, offset).split("-"))
    found = _safe_date(year, month, day)
    if found is None:
        flags.append("invalid_date")
        return None, "day", tuple(flags)
    return found.isoformat(), "day", tuple(flags)
