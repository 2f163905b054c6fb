"""Table-driven number cases: exact spans, integer values and kinds."""

from __future__ import annotations

from pathlib import Path

import pytest

from arnews_nlp.temporal import find_numbers

TABLE = Path(__file__).with_name("number_cases.tsv")


def _load() -> list[tuple[str, list[tuple[str, int, str]]]]:
    rows = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        text, expected = line.split("\t")
        items = []
        if expected != "-":
            for item in expected.split(" || "):
                span, value, kind = item.split("=>")
                items.append((span, int(value), kind))
        rows.append((text, items))
    return rows


CASES = _load()


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_number_case(text: str, expected: list[tuple[str, int, str]]) -> None:
    found = find_numbers(text)
    assert [(text[m.start : m.end], m.value, m.kind) for m in found] == expected
