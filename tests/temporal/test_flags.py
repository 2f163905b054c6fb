"""Flags, granularity and resolution rules that the tables do not show."""

from __future__ import annotations

import datetime as dt

import pytest

from arnews_nlp.temporal import find_dates

PUB = dt.date(2026, 2, 10)  # a Tuesday


def one(text: str, published: dt.date | None = PUB):
    found = find_dates(text, published)
    assert len(found) == 1, [(text[m.start : m.end], m.value) for m in found]
    return found[0]


def test_weekday_mismatch_keeps_the_date_and_flags_it() -> None:
    m = one("عقد اللقاء الأحد 9 شباط 2026 وفق البيان")
    assert (m.value, m.granularity) == ("2026-02-09", "day")
    assert "weekday_mismatch" in m.flags


def test_weekday_that_fits_is_not_flagged() -> None:
    m = one("عقد اللقاء الإثنين 9 شباط 2026")
    assert "weekday_mismatch" not in m.flags


def test_weekday_picks_the_year_when_none_is_written() -> None:
    # 9 February is a Monday in 2026 only (2025: Sunday, 2027: Tuesday).
    assert one("عقد اللقاء الإثنين 9 شباط", dt.date(2026, 12, 1)).value == "2026-02-09"
    assert one("عقد اللقاء الأحد 9 شباط", dt.date(2025, 12, 1)).value == "2025-02-09"


def test_relative_mismatch_with_weekday_is_flagged() -> None:
    m = one("قال أمس الخميس إن")
    assert m.value == "2026-02-09"
    assert "weekday_mismatch" in m.flags and "relative" in m.flags


@pytest.mark.parametrize(
    ("text", "granularity"),
    [("في 9 شباط 2026", "day"), ("في شباط 2026", "month"), ("عام 2026", "year"), ("الشهر الماضي", "month")],
)
def test_granularity_matches_the_value_shape(text: str, granularity: str) -> None:
    m = one(text)
    assert m.granularity == granularity
    assert m.value is not None
    assert len(m.value) == {"day": 10, "month": 7, "year": 4}[granularity]


def test_hijri_flag_and_pair() -> None:
    m = one("صدر في 15 رمضان 1439 هـ الموافق 30 مايو 2018 م")
    assert "hijri" in m.flags and "hijri_mismatch" not in m.flags
    m = one("صدر في 15 رمضان 1439 هـ الموافق 30 مايو 2019 م")
    assert m.value == "2019-05-30" and "hijri_mismatch" in m.flags


def test_relative_flag_and_inferred_year_flag() -> None:
    assert "relative" in one("وصل أمس").flags
    assert "inferred_year" in one("وصل في 9 شباط").flags
    assert one("وصل في 9 شباط 2026").flags == ()


def test_no_published_date_keeps_spans_without_values() -> None:
    for text in ("وصل أمس", "وصل الأحد", "في 9 شباط", "الشهر الماضي", "العام المقبل"):
        m = one(text, None)
        assert m.value is None


def test_invalid_calendar_date_is_found_but_unresolved() -> None:
    m = one("في 30 شباط 2026")
    assert m.value is None and "invalid_date" in m.flags


def test_dual_month_disagreement_is_flagged() -> None:
    m = one("في 9 شباط/مارس 2026")
    assert m.value == "2026-02-09" and "month_mismatch" in m.flags


def test_past_and_future_weekday_around_publication_day() -> None:
    assert one("الثلاثاء").value == "2026-02-10"
    assert one("الثلاثاء الماضي").value == "2026-02-03"
    assert one("الثلاثاء المقبل").value == "2026-02-17"


def test_month_direction_on_the_publication_month() -> None:
    assert one("في شباط الماضي").value == "2025-02"
    assert one("في شباط المقبل").value == "2027-02"
    assert one("في شباط الجاري").value == "2026-02"
