"""The temporal stage: wiring, options, pickling, public exports."""

from __future__ import annotations

import datetime as dt
import pickle

import pytest

import arnews_nlp.temporal as temporal
from arnews_nlp.doc import Doc
from arnews_nlp.errors import ConfigError
from arnews_nlp.temporal import TemporalStage


def _doc() -> Doc:
    return Doc("انضمت أمس بوصفها العضو رقم 90 بعد مقتل 15 شخصا", published=dt.date(2026, 2, 10))


def test_stage_sets_dates_and_numbers() -> None:
    doc = TemporalStage()(_doc())
    assert [(doc.span_text(d), d.value, d.granularity) for d in doc.dates] == [("أمس", "2026-02-09", "day")]
    assert [(doc.span_text(n), n.value, n.kind) for n in doc.numbers] == [
        ("رقم 90", 90, "ordinal"),
        ("15", 15, "cardinal"),
    ]


def test_stage_options_turn_parts_off() -> None:
    doc = TemporalStage(numbers=False)(_doc())
    assert doc.dates and not doc.numbers
    doc = TemporalStage(dates=False)(_doc())
    assert doc.numbers and not doc.dates


def test_stage_without_publication_date() -> None:
    doc = TemporalStage()(Doc("وصل أمس في 9 شباط 2026"))
    assert [d.value for d in doc.dates] == [None, "2026-02-09"]


def test_numbers_inside_dates_are_left_out_unless_asked() -> None:
    text = "قتل 15 شخصا في 9 شباط 2026 والتاسع من آذار"
    doc = TemporalStage()(Doc(text, published=dt.date(2026, 4, 1)))
    assert [doc.span_text(n) for n in doc.numbers] == ["15"]
    doc = TemporalStage(numbers_in_dates=True)(Doc(text, published=dt.date(2026, 4, 1)))
    assert [doc.span_text(n) for n in doc.numbers] == ["15", "9", "2026", "التاسع"]


def test_stage_rejects_bad_options() -> None:
    with pytest.raises(ConfigError):
        TemporalStage(dates="yes")  # type: ignore[arg-type]


def test_stage_pickles() -> None:
    stage = TemporalStage(numbers=False)
    again = pickle.loads(pickle.dumps(stage))
    assert again.numbers is False
    assert again(_doc()).dates == stage(_doc()).dates


def test_public_exports() -> None:
    assert sorted(temporal.__all__) == ["TemporalStage", "find_dates", "find_numbers"]
    for name in temporal.__all__:
        assert getattr(temporal, name) is not None
