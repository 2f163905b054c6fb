"""The exported Document and the error record, with conversion from the internal Doc.

``Document.text`` is exactly the string that every offset indexes; a validator
checks that each span's ``text`` equals ``Document.text[start:end]``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from arnews_nlp.doc import Doc
from arnews_nlp.schemas.events import EventOut
from arnews_nlp.schemas.spans import (
    DateOut,
    EntityOut,
    NumberOut,
    SegmentOut,
    SentenceOut,
    TextSpanOut,
    TokenOut,
    ZoneOut,
)

__all__ = ["SCHEMA_VERSION", "Document", "ErrorInfo", "ErrorRecord", "to_document"]

SCHEMA_VERSION = "1.0"


class Document(BaseModel):
    """One processed article."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    schema_version: str = Field(default=SCHEMA_VERSION, description="Version of this export schema.")
    id: str | None = None
    text: str = Field(description="The exact string that every offset in this document indexes.")
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    tags: list[str] = Field(default_factory=list)
    zones: list[ZoneOut] = Field(default_factory=list)
    sentences: list[SentenceOut] = Field(default_factory=list)
    tokens: list[TokenOut] | None = Field(default=None, description="Present only when asked for.")
    entities: list[EntityOut] = Field(default_factory=list)
    dates: list[DateOut] = Field(default_factory=list)
    numbers: list[NumberOut] = Field(default_factory=list)
    events: list[EventOut] = Field(default_factory=list)
    meta: dict[str, Any] = Field(default_factory=dict, description="Input fields passed through.")

    @model_validator(mode="after")
    def _spans_point_into_text(self) -> Document:
        n = len(self.text)
        texted: list[TextSpanOut] = [*(self.tokens or []), *self.entities, *self.dates, *self.numbers]
        for ev in self.events:
            texted.append(ev.trigger)
            texted.extend(ev.arguments)
        plain: list[Any] = [*self.zones, *self.sentences, *texted]
        for tok in self.tokens or []:
            plain.extend(tok.segments)
        for span in plain:
            if span.end > n:
                raise ValueError(f"span ({span.start}, {span.end}) exceeds text length {n}")
        for span in texted:
            if self.text[span.start : span.end] != span.text:
                raise ValueError(
                    f"span ({span.start}, {span.end}) has text {span.text!r} but the document has "
                    f"{self.text[span.start : span.end]!r} there"
                )
        return self

    def _repr_html_(self) -> str:
        """Jupyter display: the article right to left with highlights and event cards."""
        from arnews_nlp.display import render_html

        return render_html(self)


class ErrorInfo(BaseModel):
    """Why a record could not be processed."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str = Field(description="Stable error code, e.g. E005.")
    message: str


class ErrorRecord(BaseModel):
    """The output line for an input record that could not be processed."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    schema_version: str = SCHEMA_VERSION
    id: str | None = None
    line: int | None = Field(default=None, description="1-based input line number.")
    error: ErrorInfo


def to_document(doc: Doc, *, tokens: bool = False) -> Document:
    """Convert an internal :class:`~arnews_nlp.doc.Doc` to the validated export model.

    Examples:
        >>> from arnews_nlp.doc import Doc, Entity
        >>> d = Doc("زار الوزير عمان", entities=[Entity(11, 15, "GPE", "عمان")])
        >>> to_document(d).entities[0].text
        'عمان'
    """
    t = doc.text

    def span(x: Any) -> dict[str, Any]:
        return {"start": x.start, "end": x.end, "text": t[x.start : x.end]}

    data: dict[str, Any] = {
        "id": doc.id,
        "text": t,
        "title": doc.title,
        "published": doc.published,
        "source": doc.source,
        "tags": list(doc.tags),
        "zones": [{"start": z.start, "end": z.end, "kind": z.kind} for z in doc.zones],
        "sentences": [{"start": s.start, "end": s.end} for s in doc.sentences],
        "entities": [span(e) | {"label": e.label, "canonical": e.canonical} for e in doc.entities],
        "dates": [
            span(d) | {"value": d.value, "granularity": d.granularity, "flags": list(d.flags)} for d in doc.dates
        ],
        "numbers": [span(n) | {"value": n.value, "kind": n.kind} for n in doc.numbers],
        "events": [
            {
                "type": ev.type,
                "trigger": {
                    "start": ev.trigger_start,
                    "end": ev.trigger_end,
                    "text": t[ev.trigger_start : ev.trigger_end],
                },
                "arguments": [
                    span(a) | {"role": a.role, "canonical": a.canonical, "value": a.value} for a in ev.arguments
                ],
                "sentence": ev.sentence,
                "cameo": ev.cameo,
                "confidence": ev.confidence,
            }
            for ev in doc.events
        ],
        "meta": dict(doc.meta),
    }
    if tokens:
        data["tokens"] = [
            span(tok)
            | {
                "norm": tok.norm,
                "segments": [SegmentOut(start=s.start, end=s.end, kind=s.kind, norm=s.norm) for s in tok.segments],  # type: ignore[arg-type]
            }
            for tok in doc.tokens
        ]
    return Document.model_validate(data)
