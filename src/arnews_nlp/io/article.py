"""Read articles: aggregator plain text and JSON records, into :class:`~arnews_nlp.doc.Doc`.

The aggregator format (as received from Arabic news aggregators) is::

    TITLE
    <blank lines>
    هذا الخبر بعنوان "موقع <SOURCE>" نشر أولاً على موقع ... بتاريخ <DATE>.   ← attribution
    لا يتحمل موقعنا مضمونه ...                                               ← disclaimer
    <body paragraphs, one per line>
    <category tags, one short line each>

``Doc.text`` is always the verbatim input; title, attribution, disclaimer, body
and tags become :class:`~arnews_nlp.doc.Zone` regions over it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import regex

from arnews_nlp.doc import Doc, Zone, ZoneKind
from arnews_nlp.errors import InvalidDateError, InvalidRecordError

__all__ = ["doc_from_record", "parse_date", "parse_text"]

_ATTRIBUTION = regex.compile(r"(?:هذا الخبر بعنوان|نشر أولا?ً? على موقع|تم جلبه من مصدره)")
_SOURCE = regex.compile(r"بعنوان\s*[\"“«]\s*(?:موقع\s+)?(?P<source>[^\"”»]+?)\s*[\"”»]")
_DATE_AFTER = regex.compile(r"بتاريخ\s+(?P<date>[^.\n]+)")
_DISCLAIMER = regex.compile(r"(?:لا يتحمل موقعنا|لا تتحمل|مضمونه بأي شكل)")
_SENTENCE_END = regex.compile(r"[.!?؟…:\"»”)]\s*$")
_MAX_TAG_WORDS = 4


def parse_text(text: str, *, published: dt.date | None = None, doc_id: str | None = None) -> Doc:
    r"""Read a plain-text article (aggregator format or plain paragraphs).

    Args:
        text: The verbatim article; it becomes ``Doc.text`` unchanged.
        published: Publication date; overrides the one in the attribution line.
        doc_id: Identifier to give the document.

    Examples:
        >>> t = "عنوان الخبر\n\nهذا الخبر بعنوان \"موقع وكالة المثال\" نشر أولاً على موقع الوكالة"
        >>> t += " وتم جلبه من مصدره الأصلي بتاريخ 3 آذار 2026.\nلا يتحمل موقعنا مضمونه.\n"
        >>> t += "وصل الوزير إلى عمان.\nسياسة"
        >>> d = parse_text(t)
        >>> d.title, d.source, d.published, d.tags
        ('عنوان الخبر', 'وكالة المثال', datetime.date(2026, 3, 3), ['سياسة'])
        >>> [z.kind for z in d.zones]
        ['title', 'attribution', 'disclaimer', 'body', 'tags']
    """
    lines = _lines(text)
    doc = Doc(text, id=doc_id)
    if not lines:
        return doc
    kinds = _classify(text, lines)
    for (start, end), kind in zip(lines, kinds, strict=True):
        line = text[start:end]
        if kind == "title" and doc.title is None:
            doc.title = line
        elif kind == "attribution":
            m = _SOURCE.search(line)
            if m:
                doc.source = m.group("source").strip()
            d = _DATE_AFTER.search(line)
            if d and published is None:
                doc.published = _attribution_date(d.group("date"))
        elif kind == "tags" and line not in doc.tags:
            doc.tags.append(line)
    doc.zones = _merge_zones(lines, kinds)
    if published is not None:
        doc.published = published
    return doc


def _lines(text: str) -> list[tuple[int, int]]:
    """Non-blank lines as (start, end) offsets, surrounding whitespace excluded."""
    out = []
    for m in regex.finditer(r"[^\n]+", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def _classify(text: str, lines: list[tuple[int, int]]) -> list[ZoneKind]:
    kinds: list[ZoneKind] = ["body"] * len(lines)
    first = text[lines[0][0] : lines[0][1]]
    attribution = next(
        (i for i, (s, e) in enumerate(lines[:4]) if _ATTRIBUTION.search(text, s, e)), None
    )
    if attribution is not None:
        for i in range(attribution):
            kinds[i] = "title"
        kinds[attribution] = "attribution"
        nxt = attribution + 1
        if nxt < len(lines) and _DISCLAIMER.search(text, *lines[nxt]):
            kinds[nxt] = "disclaimer"
        _mark_tags(text, lines, kinds)
    elif len(lines) > 1 and not _SENTENCE_END.search(first) and len(first) < 300:
        kinds[0] = "title"
    return kinds


def _mark_tags(text: str, lines: list[tuple[int, int]], kinds: list[ZoneKind]) -> None:
    """Trailing short lines without sentence punctuation are category tags."""
    for i in range(len(lines) - 1, -1, -1):
        line = text[lines[i][0] : lines[i][1]]
        if kinds[i] != "body" or _SENTENCE_END.search(line) or len(line.split()) > _MAX_TAG_WORDS:
            break
        kinds[i] = "tags"


def _merge_zones(lines: list[tuple[int, int]], kinds: list[ZoneKind]) -> list[Zone]:
    zones: list[Zone] = []
    for (s, e), kind in zip(lines, kinds, strict=True):
        if zones and zones[-1].kind == kind and kind in ("body", "tags", "title"):
            zones[-1].end = e
        else:
            zones.append(Zone(s, e, kind))
    return zones


def _attribution_date(phrase: str) -> dt.date | None:
    from arnews_nlp.temporal import find_dates

    for mention in find_dates(phrase, None):
        if mention.granularity == "day" and mention.value:
            return dt.date.fromisoformat(mention.value)
    return None


def parse_date(value: Any) -> dt.date | None:
    """Read a publication date: ``date``, ``datetime``, ISO string (time part ignored) or ``None``.

    Examples:
        >>> parse_date("2018-02-18T21:35:43+04:00")
        datetime.date(2018, 2, 18)
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        m = regex.match(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})", value)
        if m:
            try:
                return dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                pass
    raise InvalidDateError(value=value)


_RECORD_FIELDS = ("id", "title", "text", "published", "source")


def doc_from_record(record: Mapping[str, Any], *, text_field: str = "text") -> Doc:
    r"""Build a Doc from a JSON record ``{id, title, text, published, source, ...}``.

    When the record has a title that the text does not already start with,
    ``Doc.text`` is ``title + "\n\n" + text`` (zones ``title`` and ``body``), so the
    title's events and entities have offsets too; the body then starts at
    ``doc.zones[-1].start``. Other fields are kept in ``Doc.meta``.

    Examples:
        >>> d = doc_from_record({"id": 7, "title": "عنوان", "text": "نص الخبر.", "published": "2026-02-10"})
        >>> d.id, d.text, d.published.isoformat(), [(z.kind, z.start) for z in d.zones]
        ('7', 'عنوان\n\nنص الخبر.', '2026-02-10', [('title', 0), ('body', 7)])
    """
    if not isinstance(record, Mapping):
        raise InvalidRecordError(reason=f"expected a JSON object, got {type(record).__name__}")
    body = record.get(text_field)
    if not isinstance(body, str):
        raise InvalidRecordError(reason=f"field {text_field!r} is missing or not a string")
    title = record.get("title")
    title = title.strip() if isinstance(title, str) and title.strip() else None
    if title and not body.lstrip().startswith(title):
        text = f"{title}\n\n{body}"
        zones = [Zone(0, len(title), "title")]
        offset = len(title) + 2
    else:
        text, zones, offset = body, [], 0
    if body.strip():
        zones.append(Zone(offset, offset + len(body), "body"))
    raw_id = record.get("id")
    doc = Doc(
        text,
        id=None if raw_id is None else str(raw_id),
        title=title,
        published=parse_date(record.get("published")),
        source=record.get("source") if isinstance(record.get("source"), str) else None,
        zones=zones,
    )
    doc.meta = {k: v for k, v in record.items() if k not in _RECORD_FIELDS and k != text_field}
    return doc
