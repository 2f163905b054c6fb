"""A readable plain-text summary of a Document (what ``arnews extract --format summary`` prints)."""

from __future__ import annotations

from arnews_nlp.schemas import Document

__all__ = ["summarize"]


def summarize(doc: Document) -> str:
    """Summarize title, source, date, entities, dates and events, one fact per line.

    Examples:
        >>> from arnews_nlp.schemas import Document
        >>> print(summarize(Document(text="نص", title="عنوان")))
        title:     عنوان
        source:    -
        published: -
        counts:    2 characters, 0 sentences, 0 entities, 0 dates, 0 numbers, 0 events
    """
    lines = [
        f"title:     {doc.title or '-'}",
        f"source:    {doc.source or '-'}",
        f"published: {doc.published.isoformat() if doc.published else '-'}",
        f"counts:    {len(doc.text)} characters, {len(doc.sentences)} sentences, {len(doc.entities)} entities, "
        f"{len(doc.dates)} dates, {len(doc.numbers)} numbers, {len(doc.events)} events",
    ]
    if doc.tags:
        lines.append(f"tags:      {' | '.join(doc.tags)}")
    if doc.entities:
        lines.append("entities:")
        lines.extend(f"  {e.label:5s} {e.text}  [{e.start}:{e.end}]" for e in doc.entities)
    if doc.dates:
        lines.append("dates:")
        lines.extend(f"  {d.value or '?':10s} {d.text}  [{d.start}:{d.end}]" for d in doc.dates)
    if doc.events:
        lines.append("events:")
        for ev in doc.events:
            lines.append(f"  {ev.type} «{ev.trigger.text}» cameo={ev.cameo} confidence={ev.confidence:.2f}")
            for a in ev.arguments:
                extra = f" = {a.value}" if a.value is not None else ""
                shown = a.text if len(a.text) <= 80 else a.text[:77] + "..."
                lines.append(f"    {a.role:13s} {shown}{extra}")
    return "\n".join(lines)
