"""Hijri to Gregorian conversion: Umm al-Qura through ``hijridate``, tabular outside its range."""

from __future__ import annotations

import datetime as _dt
import math

from hijridate import Hijri

__all__ = ["hijri_to_gregorian", "tabular_hijri_to_gregorian"]

# Julian day of 1 Muharram 1 AH (civil epoch, 16 July 622 Julian) minus one.
_EPOCH_JD = 1948439.5 - 1
# Julian day of 0001-01-01 (proleptic Gregorian, ordinal 1) is 1721425.5.
_ORDINAL_OFFSET = 1721424.5


def tabular_hijri_to_gregorian(year: int, month: int, day: int) -> _dt.date | None:
    """Arithmetic (tabular) Islamic calendar, for dates Umm al-Qura tables do not cover.

    Examples:
        >>> tabular_hijri_to_gregorian(711, 1, 1)
        datetime.date(1311, 5, 28)
    """
    if not (1 <= month <= 12 and 1 <= day <= 30 and year >= 1):
        return None
    jd = day + math.ceil(29.5 * (month - 1)) + (year - 1) * 354 + (3 + 11 * year) // 30 + _EPOCH_JD
    return _dt.date.fromordinal(int(jd - _ORDINAL_OFFSET))


def hijri_to_gregorian(year: int, month: int | None = None, day: int | None = None) -> _dt.date | None:
    """Convert a Hijri date to Gregorian; ``None`` for an impossible date.

    Umm al-Qura (``hijridate``) covers 1343-1500 AH; other years use the tabular
    calendar, which may differ by a day or two. A missing day or month is taken
    at the middle of the month or year, so the Gregorian month or year returned
    is the one that holds most of it.

    Examples:
        >>> hijri_to_gregorian(1439, 9, 15)
        datetime.date(2018, 5, 30)
        >>> hijri_to_gregorian(1439).year
        2018
        >>> hijri_to_gregorian(711).year
        1311
    """
    month_, day_ = month or 6, day or 15
    try:
        greg = Hijri(year, month_, day_).to_gregorian()
    except OverflowError:
        return tabular_hijri_to_gregorian(year, month_, day_)
    except ValueError:
        if 1343 <= year <= 1500:
            return None
        return tabular_hijri_to_gregorian(year, month_, day_)
    return _dt.date(greg.year, greg.month, greg.day)
