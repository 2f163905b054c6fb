"""Pydantic export models for spans: entities, dates, numbers, sentences, tokens, zones."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = [
    "DateOut",
    "EntityOut",
    "NumberOut",
    "SegmentOut",
    "SentenceOut",
    "SpanOut",
    "TextSpanOut",
    "TokenOut",
    "ZoneOut",
]


class SpanOut(BaseModel):
    """A character span ``[start, end)`` of ``Document.text``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    start: int = Field(ge=0, description="Offset of the first character in Document.text.")
    end: int = Field(ge=0, description="Offset one past the last character.")

    @model_validator(mode="after")
    def _ordered(self) -> SpanOut:
        if self.start >= self.end:
            raise ValueError(f"span start {self.start} must be < end {self.end}")
        return self


class TextSpanOut(SpanOut):
    """A span that also carries its text (always ``Document.text[start:end]``)."""

    text: str = Field(description="Exactly Document.text[start:end].")


class ZoneOut(SpanOut):
    """A region of the article; boilerplate zones are not mined for events."""

    kind: Literal["title", "attribution", "disclaimer", "body", "tags"]


class SentenceOut(SpanOut):
    """A sentence."""


class SegmentOut(SpanOut):
    """A clitic segment inside a token."""

    kind: Literal["proclitic", "article", "stem", "enclitic"]
    norm: str


class TokenOut(TextSpanOut):
    """A surface token with its normalized form and clitic segments."""

    norm: str
    segments: list[SegmentOut] = Field(default_factory=list)


class EntityOut(TextSpanOut):
    """A named-entity mention."""

    label: str = Field(description="PERS, ORG, GPE, LOC, FAC, NORP, OCC or MISC.")
    canonical: str = Field(description="Normalized name (diacritics and proclitics removed).")


class DateOut(TextSpanOut):
    """A date expression resolved against the publication date."""

    value: str | None = Field(description="YYYY-MM-DD, YYYY-MM or YYYY; null when unresolvable.")
    granularity: Literal["day", "month", "year"] | None = None
    flags: list[str] = Field(default_factory=list)


class NumberOut(TextSpanOut):
    """A cardinal or ordinal number with its integer value."""

    value: int
    kind: Literal["cardinal", "ordinal"]
