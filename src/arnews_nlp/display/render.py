"""Render a document as self-contained, right-to-left HTML.

What a reader sees, top to bottom: a line of metadata (source, date, id), a
legend of the labels present with their counts, the verbatim article with
entities highlighted by label (``<mark data-label="PERS">``), dates highlighted
with their resolved value on hover (``data-value``), event triggers underlined
in the event's colour with a numbered badge, and one card per event (type,
trigger, each role with its argument, CAMEO code). Badges and cards link to each
other; a card's arguments link to their spans in the text, and hovering a card
outlines its trigger and arguments. No script, font or image is fetched.

Examples:
    >>> from arnews_nlp.schemas import Document
    >>> doc = Document(text="زار الوزير عمان", entities=[
    ...     {"text": "عمان", "start": 11, "end": 15, "label": "GPE", "canonical": "عمان"}])
    >>> page = render_html(doc)
    >>> 'dir="rtl"' in page, '<mark class="arn-ent" data-label="GPE"' in page
    (True, True)
"""

from __future__ import annotations

import hashlib
import html
from typing import TYPE_CHECKING

from arnews_nlp.display.nesting import Wrap, nest
from arnews_nlp.display.palette import (
    EVENT_NAMES,
    LABEL_COLOURS,
    LABEL_NAMES,
    ROLE_NAMES,
    event_colour,
    label_colour,
)
from arnews_nlp.display.style import stylesheet

if TYPE_CHECKING:
    from arnews_nlp.doc import Doc
    from arnews_nlp.schemas import Document

__all__ = ["CAMEO_NAMES", "render_html", "render_page"]

CAMEO_NAMES: dict[str, str] = {
    "010": "Make statement",
    "042": "Make a visit",
    "043": "Host a visit",
    "044": "Meet at third location",
    "046": "Engage in negotiation",
    "057": "Sign formal agreement",
}

_MAX_ARG_CHARS = 140


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _as_document(doc: Document | Doc) -> Document:
    from arnews_nlp.doc import Doc as _Doc
    from arnews_nlp.schemas import Document as _Document
    from arnews_nlp.schemas import to_document

    if isinstance(doc, _Document):
        return doc
    if isinstance(doc, _Doc):
        return to_document(doc)
    raise TypeError(f"render_html() takes a Document or a Doc, not {type(doc).__name__}")


def _root_id(doc: Document) -> str:
    digest = hashlib.sha1(f"{doc.id}\x00{doc.text}".encode(), usedforsecurity=False).hexdigest()
    return f"arn-{digest[:10]}"


def _wraps(doc: Document, root: str, *, numbers: bool) -> list[Wrap]:
    wraps = [Wrap(z.start, z.end, "span", f' class="arn-zone" data-zone="{z.kind}"', layer=0) for z in doc.zones]
    for e in doc.entities:
        title = f"{e.label} · {LABEL_NAMES.get(e.label, e.label)} — {e.canonical}"
        wraps.append(
            Wrap(e.start, e.end, "mark", f' class="arn-ent" data-label="{_esc(e.label)}" title="{_esc(title)}"')
        )
    for i, d in enumerate(doc.dates):
        shown = d.value or "غير محدد"
        title = f"{shown} ({d.granularity})" if d.granularity else shown
        wraps.append(
            Wrap(
                d.start,
                d.end,
                "mark",
                f' class="arn-date" data-label="DATE" data-value="{_esc(shown)}" title="{_esc(title)}"',
                anchor=f"{root}-d{i}",
            )
        )
    if numbers:
        for n in doc.numbers:
            wraps.append(Wrap(n.start, n.end, "mark", f' class="arn-num" data-label="NUM" data-value="{n.value}"'))
    for i, ev in enumerate(doc.events):
        style = f' style="--arn-ev:{event_colour(ev.type)}"'
        for j, arg in enumerate(ev.arguments):
            wraps.append(
                Wrap(
                    arg.start,
                    arg.end,
                    "span",
                    f' class="arn-arg arn-e{i}" data-role="{_esc(arg.role)}"{style}',
                    anchor=f"{root}-e{i}a{j}",
                )
            )
        badge = f'<a class="arn-badge" href="#{root}-ev{i}"{style} title="{_esc(ev.type)}">{i + 1}</a>'
        wraps.append(
            Wrap(
                ev.trigger.start,
                ev.trigger.end,
                "mark",
                f' class="arn-trigger arn-e{i}" data-label="{_esc(ev.type)}"{style}',
                anchor=f"{root}-t{i}",
                after=badge,
            )
        )
    return wraps


def _meta(doc: Document) -> str:
    parts = []
    if doc.source:
        parts.append(f"<span>{_esc(doc.source)}</span>")
    if doc.published:
        parts.append(f'<span><bdi dir="ltr">{doc.published.isoformat()}</bdi></span>')
    if doc.id:
        parts.append(f'<span>المعرّف: <bdi dir="ltr">{_esc(doc.id)}</bdi></span>')
    counts = f"{len(doc.entities)} كيان · {len(doc.dates)} تاريخ · {len(doc.events)} حدث"
    parts.append(f"<span>{counts}</span>")
    heading = ""
    if doc.title and doc.title not in doc.text:
        heading = f'<div class="arn-heading">{_esc(doc.title)}</div>'
    return f'{heading}<div class="arn-meta">{"".join(parts)}</div>'


def _legend(doc: Document, *, numbers: bool) -> str:
    counts: dict[str, int] = {}
    for e in doc.entities:
        counts[e.label] = counts.get(e.label, 0) + 1
    known = [label for label in LABEL_COLOURS if label in counts]
    labels = known + sorted(set(counts) - set(known))
    if doc.dates:
        counts["DATE"] = len(doc.dates)
        labels.append("DATE")
    if numbers and doc.numbers:
        counts["NUM"] = len(doc.numbers)
        labels.append("NUM")
    keys = [
        f'<span class="arn-key" data-key="{_esc(label)}" style="background:{label_colour(label)}">'
        f"<code>{_esc(label)}</code> {_esc(LABEL_NAMES.get(label, label))} ({counts[label]})</span>"
        for label in labels
    ]
    types: dict[str, int] = {}
    for ev in doc.events:
        types[ev.type] = types.get(ev.type, 0) + 1
    keys.extend(
        f'<span class="arn-key arn-evkey" data-key="{_esc(t)}" style="--arn-ev:{event_colour(t)}">'
        f"<code>{_esc(t)}</code> {_esc(EVENT_NAMES.get(t, t))} ({k})</span>"
        for t, k in types.items()
    )
    if not keys:
        return '<div class="arn-legend arn-empty">لا توجد كيانات أو تواريخ أو أحداث</div>'
    return f'<div class="arn-legend" aria-label="legend">{"".join(keys)}</div>'


def _shorten(text: str) -> str:
    return text if len(text) <= _MAX_ARG_CHARS else text[: _MAX_ARG_CHARS - 1] + "…"


def _cards(doc: Document, root: str) -> str:
    if not doc.events:
        return ""
    cards = []
    for i, ev in enumerate(doc.events):
        colour = event_colour(ev.type)
        cameo = ""
        if ev.cameo:
            name = CAMEO_NAMES.get(ev.cameo, "")
            cameo = f'<span class="arn-cameo" title="{_esc(name)}">CAMEO {_esc(ev.cameo)}</span>'
        rows = []
        for j, arg in enumerate(ev.arguments):
            value = f' <span class="arn-val" title="value">{_esc(arg.value)}</span>' if arg.value is not None else ""
            canonical = (
                f' <span class="arn-empty">({_esc(arg.canonical)})</span>'
                if arg.canonical and arg.canonical != arg.text
                else ""
            )
            rows.append(
                f'<tr data-role="{_esc(arg.role)}"><th>{_esc(ROLE_NAMES.get(arg.role, arg.role))} '
                f"<code>{_esc(arg.role)}</code></th>"
                f'<td><a href="#{root}-e{i}a{j}">{_esc(_shorten(arg.text))}</a>{canonical}{value}</td></tr>'
            )
        table = f"<table>{''.join(rows)}</table>" if rows else '<div class="arn-empty">بلا أدوار</div>'
        cards.append(
            f'<div class="arn-card" id="{root}-ev{i}" data-type="{_esc(ev.type)}" style="--arn-ev:{colour}">'
            f'<div class="arn-card-head"><a class="arn-badge" href="#{root}-t{i}">{i + 1}</a>'
            f"<b>{_esc(ev.type)}</b> {_esc(EVENT_NAMES.get(ev.type, ''))}{cameo}</div>"
            f'<div>الدالّ: <a href="#{root}-t{i}">«{_esc(ev.trigger.text)}»</a> '
            f'<span class="arn-empty">· الثقة <bdi dir="ltr">{ev.confidence:.2f}</bdi></span></div>'
            f"{table}</div>"
        )
    head = f"<h4>الأحداث ({len(cards)})</h4>"
    return f'<section class="arn-events">{head}<div class="arn-cards">{"".join(cards)}</div></section>'


def render_html(document: Document | Doc, *, numbers: bool = False) -> str:
    """Render a document as an HTML fragment (what Jupyter shows via ``_repr_html_``).

    Args:
        document: An export :class:`~arnews_nlp.schemas.Document` or an internal
            :class:`~arnews_nlp.doc.Doc` (converted with ``to_document``).
        numbers: Also highlight number expressions (``data-label="NUM"``, value on hover).

    Returns:
        A ``<div class="arnews-doc" dir="rtl" lang="ar">`` with its own scoped ``<style>``;
        no scripts and no external resources.

    Raises:
        TypeError: ``document`` is neither a Document nor a Doc.

    Examples:
        >>> from arnews_nlp.doc import Doc, DateMention
        >>> doc = Doc("وصل أمس", dates=[DateMention(4, 7, "2026-02-09", "day")])
        >>> out = render_html(doc)
        >>> '<mark id="' in out, 'data-label="DATE" data-value="2026-02-09"' in out
        (True, True)
    """
    doc = _as_document(document)
    root = _root_id(doc)
    body = nest(doc.text, _wraps(doc, root, numbers=numbers))
    return (
        f'<div class="arnews-doc" id="{root}" dir="rtl" lang="ar">'
        f"<style>{stylesheet(root, event_count=len(doc.events))}</style>"
        f"{_meta(doc)}{_legend(doc, numbers=numbers)}"
        f'<div class="arn-text">{body}</div>{_cards(doc, root)}</div>'
    )


def render_page(document: Document | Doc, *, numbers: bool = False) -> str:
    """Render a complete, self-contained HTML page (what ``arnews render`` writes).

    Args:
        document: A Document or Doc.
        numbers: Also highlight number expressions.

    Returns:
        ``<!DOCTYPE html>`` page text, UTF-8, right-to-left.

    Examples:
        >>> from arnews_nlp.schemas import Document
        >>> page = render_page(Document(text="نص قصير", title="عنوان"))
        >>> page.startswith("<!DOCTYPE html>"), '<html lang="ar" dir="rtl">' in page, "<script" in page
        (True, True, False)
    """
    doc = _as_document(document)
    title = _esc(doc.title or doc.id or "arnews-nlp")
    return (
        '<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="arnews-nlp">\n<title>{title}</title>\n'
        "<style>body{margin:1.5em;background:#f8f9fa}</style>\n</head>\n<body>\n"
        f"{render_html(doc, numbers=numbers)}\n</body>\n</html>\n"
    )
