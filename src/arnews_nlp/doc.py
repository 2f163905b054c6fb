"""Lightweight internal document model.

``Doc.text`` is the verbatim article and never changes. Every annotation stores
``start``/``end`` character offsets into it; span text is derived from the
document (``doc.text[start:end]``) and never stored separately.

Examples:
    >>> doc = Doc("وصل الوزير إلى الرياض")
    >>> doc.entities.append(Entity(15, 21, "GPE", "الرياض"))
    >>> doc.span_text(doc.entities[0])
    'الرياض'
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, Protocol

if TYPE_CHECKING:
    from arnews_nlp.normalize.aligned import NormalizedText

__all__ = [
    "Argument",
    "DateMention",
    "Doc",
    "Entity",
    "Event",
    "NumberMention",
    "Segment",
    "Sentence",
    "Spanlike",
    "Token",
    "Zone",
    "ZoneKind",
]

ZoneKind = Literal["title", "attribution", "disclaimer", "body", "tags"]


class Spanlike(Protocol):
    """Anything with character offsets into ``Doc.text``."""

    @property
    def start(self) -> int: ...  # noqa: D102

    @property
    def end(self) -> int: ...  # noqa: D102


@dataclass(slots=True)
class Zone:
    """A region of the article: title, attribution, disclaimer, body or tags."""

    start: int
    end: int
    kind: ZoneKind

    @property
    def boilerplate(self) -> bool:
        """True for regions that are not mined for events (disclaimer, attribution, tags)."""
        return self.kind in ("attribution", "disclaimer", "tags")


@dataclass(slots=True)
class Sentence:
    """A sentence: character offsets into ``Doc.text``."""

    start: int
    end: int


@dataclass(slots=True)
class Segment:
    """A clitic segment inside a surface token (``و`` + ``ال`` + ``مدينة``).

    ``start``/``end`` are offsets into ``Doc.text``; ``kind`` is ``"proclitic"``,
    ``"article"`` (the definite article), ``"stem"`` or ``"enclitic"``.
    """

    start: int
    end: int
    kind: str
    norm: str


@dataclass(slots=True)
class Token:
    """A surface token with its normalized form and clitic segments."""

    start: int
    end: int
    norm: str
    segments: tuple[Segment, ...] = ()

    @property
    def stem(self) -> Segment | None:
        """The stem segment, if segmentation ran."""
        for seg in self.segments:
            if seg.kind == "stem":
                return seg
        return None


@dataclass(slots=True)
class Entity:
    """A named-entity mention (proclitics left out of the span)."""

    start: int
    end: int
    label: str
    canonical: str
    score: float | None = None


@dataclass(slots=True)
class DateMention:
    """A date expression and its resolved value (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``)."""

    start: int
    end: int
    value: str | None
    granularity: Literal["day", "month", "year"] | None = None
    flags: tuple[str, ...] = ()


@dataclass(slots=True)
class NumberMention:
    """A cardinal or ordinal number expression and its integer value."""

    start: int
    end: int
    value: int
    kind: Literal["cardinal", "ordinal"] = "cardinal"


@dataclass(slots=True)
class Argument:
    """One event argument: a role filled by a character span."""

    role: str
    start: int
    end: int
    canonical: str | None = None
    value: str | int | None = None


@dataclass(slots=True)
class Event:
    """A typed event with its trigger span and arguments."""

    type: str
    trigger_start: int
    trigger_end: int
    arguments: list[Argument] = field(default_factory=list)
    sentence: int = 0
    cameo: str | None = None
    confidence: float = 1.0


@dataclass(slots=True)
class Doc:
    """An article being processed; every annotation indexes ``text``."""

    text: str
    id: str | None = None
    title: str | None = None
    published: _dt.date | None = None
    source: str | None = None
    tags: list[str] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    zones: list[Zone] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    numbers: list[NumberMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    user_data: dict[str, Any] = field(default_factory=dict)
    normalized: NormalizedText | None = None

    def span_text(self, span: Spanlike) -> str:
        """Return the verbatim text of any span-like annotation."""
        return self.text[span.start : span.end]

    def zone_at(self, offset: int) -> Zone | None:
        """Return the zone containing ``offset`` (``None`` if zones were not set)."""
        for zone in self.zones:
            if zone.start <= offset < zone.end:
                return zone
        return None

    def minable_sentences(self) -> list[tuple[int, Sentence]]:
        """Sentences (with their index) outside boilerplate zones: what event rules read."""
        out = []
        for i, sent in enumerate(self.sentences):
            zone = self.zone_at(sent.start)
            if zone is None or not zone.boilerplate:
                out.append((i, sent))
        return out

    def _repr_html_(self) -> str:
        """Jupyter display (see :func:`arnews_nlp.display.render_html`)."""
        from arnews_nlp.display import render_html

        return render_html(self)

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """Tokens that lie entirely within ``[start, end)``."""
        return [t for t in self.tokens if t.start >= start and t.end <= end]
