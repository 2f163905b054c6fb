from __future__ import annotations

import datetime as dt

import pytest

from arnews_nlp.errors import InvalidDateError, InvalidRecordError
from arnews_nlp.io import doc_from_record, parse_date, parse_text


def test_seed_article_fields(seed_text: str) -> None:
    doc = parse_text(seed_text)
    assert doc.text == seed_text
    assert doc.title is not None and doc.title.startswith("السعودية تستضيف اجتماع التحالف الدولي")
    assert doc.source == "الإخبارية السورية"
    assert doc.published == dt.date(2026, 2, 10)
    assert doc.tags == ["سياسة", "سوريا محلي"]
    kinds = [z.kind for z in doc.zones]
    assert kinds == ["title", "attribution", "disclaimer", "body", "tags"]
    body = next(z for z in doc.zones if z.kind == "body")
    paragraphs = [p for p in seed_text[body.start : body.end].split("\n") if p.strip()]
    assert len(paragraphs) == 5
    assert paragraphs[0].startswith("استضافت المملكة العربية السعودية")
    assert paragraphs[-1].endswith("والاستقرار\".")
    for zone in doc.zones:
        assert seed_text[zone.start : zone.end] == seed_text[zone.start : zone.end].strip()


def test_example_article_zones(example_text: str) -> None:
    doc = parse_text(example_text)
    assert doc.source == "وكالة الأنباء المثال"
    assert doc.published == dt.date(2026, 3, 14)
    assert doc.tags == ["سياسة", "اقتصاد عربي"]
    assert [z.kind for z in doc.zones if z.boilerplate] == ["attribution", "disclaimer", "tags"]


def test_explicit_published_date_wins(example_text: str) -> None:
    assert parse_text(example_text, published=dt.date(2026, 1, 1)).published == dt.date(2026, 1, 1)


def test_plain_text_without_aggregator_lines() -> None:
    text = "عنوان قصير\nوصل الوزير إلى عمان أمس. وعقد لقاءات."
    doc = parse_text(text)
    assert doc.title == "عنوان قصير"
    assert [z.kind for z in doc.zones] == ["title", "body"]
    assert doc.source is None and doc.published is None and doc.tags == []


def test_single_paragraph_is_all_body() -> None:
    doc = parse_text("وصل الوزير إلى عمان أمس.")
    assert doc.title is None
    assert [z.kind for z in doc.zones] == ["body"]


def test_record_with_title_prepends_it_and_passes_fields_through() -> None:
    rec = {"id": "a1", "title": "عنوان", "text": "نص الخبر.", "published": "2018-03-01T10:00:00+03:00",
           "source": "CNN", "url": "http://example.org/x", "category": "world"}
    doc = doc_from_record(rec)
    assert doc.text == "عنوان\n\nنص الخبر."
    body = doc.zones[-1]
    assert doc.text[body.start : body.end] == rec["text"]
    assert doc.published == dt.date(2018, 3, 1)
    assert doc.meta == {"url": "http://example.org/x", "category": "world"}


def test_record_whose_text_already_starts_with_title_is_kept_verbatim() -> None:
    doc = doc_from_record({"id": 1, "title": "عنوان", "text": "عنوان\nنص"})
    assert doc.text == "عنوان\nنص"


@pytest.mark.parametrize("bad", [{"id": 1}, {"id": 1, "text": 5}, ["text"]])
def test_bad_records(bad: object) -> None:
    with pytest.raises(InvalidRecordError):
        doc_from_record(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", ["10/02/2026", "tomorrow", "2026-13-01", 20260210])
def test_bad_dates(value: object) -> None:
    with pytest.raises(InvalidDateError):
        parse_date(value)
