"""The pieces a date expression is made of, before resolution to a value."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from arnews_nlp.temporal.lexicon import Direction

__all__ = ["DateParts", "PeriodKind"]

PeriodKind = Literal["week", "month", "year"]


@dataclass(slots=True)
class DateParts:
    """What a date expression says, field by field (``None`` when it says nothing).

    Attributes:
        day: Day of the month.
        month: Gregorian month (1-12).
        year: Gregorian year as written.
        year_offset: Year relative to publication ("من العام الماضي" is -1).
        weekday: Named weekday, Monday = 0.
        rel_days: Days after publication ("أمس" is -1).
        period: A period relative to publication ("الشهر الماضي" is ``"month"``).
        direction: "الماضي" (past), "المقبل" (future), "الجاري" (current).
        hijri: A Hijri date ``(year, month or None, day or None)`` as written.
        dual_mismatch: Two month names of a dual form name different months.
        bare_month: A month name with no day, year, شهر or direction.
    """

    day: int | None = None
    month: int | None = None
    year: int | None = None
    year_offset: int | None = None
    weekday: int | None = None
    rel_days: int | None = None
    period: PeriodKind | None = None
    direction: Direction | None = None
    hijri: tuple[int, int | None, int | None] | None = None
    dual_mismatch: bool = False
    bare_month: bool = False
    flags: list[str] = field(default_factory=list)

    def merge(self, other: DateParts) -> None:
        """Fill fields that are still empty from ``other``."""
        for name in ("day", "month", "year", "year_offset", "weekday", "rel_days", "period", "direction"):
            if getattr(self, name) is None and getattr(other, name) is not None:
                setattr(self, name, getattr(other, name))
        if other.hijri is not None and self.hijri is None:
            self.hijri = other.hijri
        self.dual_mismatch = self.dual_mismatch or other.dual_mismatch
