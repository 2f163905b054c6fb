"""Table-driven date cases: every expected span (exact text) and value, nothing else."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from arnews_nlp.temporal import find_dates

TABLE = Path(__file__).with_name("date_cases.tsv")


def _load() -> list[tuple[dt.date | None, str, list[tuple[str, str | None]]]]:
    rows = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        published, text, expected = line.split("\t")
        pub = None if published == "None" else dt.date.fromisoformat(published)
        items: list[tuple[str, str | None]] = []
        if expected != "-":
            for item in expected.split(" || "):
                span, value = item.split("=>")
                items.append((span, None if value == "None" else value))
        rows.append((pub, text, items))
    return rows


CASES = _load()


def test_table_is_large_enough() -> None:
    assert len(CASES) >= 150
    assert sum(1 for _, _, exp in CASES if not exp) >= 25  # traps


@pytest.mark.parametrize(("published", "text", "expected"), CASES, ids=[c[1][:40] for c in CASES])
def test_date_case(published: dt.date | None, text: str, expected: list[tuple[str, str | None]]) -> None:
    found = find_dates(text, published)
    assert [(text[m.start : m.end], m.value) for m in found] == expected
