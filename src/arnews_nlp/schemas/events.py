"""Pydantic export models for events (field names bound by ``spec/EVENTS.md``).

Events form a discriminated union on ``type``: the five built-in types check
their roles; an event type added by a user's rule file validates as
:class:`CustomEventOut` (any role names).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag

from arnews_nlp.schemas.spans import TextSpanOut

__all__ = [
    "BUILTIN_ROLES",
    "AgreementEventOut",
    "ArgumentOut",
    "CustomEventOut",
    "EventOut",
    "MeetingEventOut",
    "MembershipEventOut",
    "StatementEventOut",
    "TriggerOut",
    "VisitEventOut",
]

BUILTIN_ROLES: dict[str, tuple[str, ...]] = {
    "MEETING": ("host", "participant", "location", "date"),
    "VISIT": ("visitor", "destination", "date"),
    "MEMBERSHIP": ("member", "organization", "member_number", "date"),
    "AGREEMENT": ("party", "agreement", "location", "date"),
    "STATEMENT": ("speaker", "content", "channel", "date"),
}


class TriggerOut(TextSpanOut):
    """The word or phrase that signals the event."""


class ArgumentOut(TextSpanOut):
    """One argument: a role filled by a span of the article."""

    role: str
    canonical: str | None = Field(default=None, description="Resolved name of the party.")
    value: str | int | None = Field(default=None, description="ISO date for `date`, int for `member_number`.")


class _EventBase(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    trigger: TriggerOut
    sentence: int = Field(ge=0, description="Index into Document.sentences.")
    cameo: str | None = Field(default=None, description="CAMEO event code, e.g. 043.")
    confidence: float = Field(ge=0.0, le=1.0)


class MeetingArg(ArgumentOut):
    """An argument of a MEETING."""

    role: Literal["host", "participant", "location", "date"]


class VisitArg(ArgumentOut):
    """An argument of a VISIT."""

    role: Literal["visitor", "destination", "date"]


class MembershipArg(ArgumentOut):
    """An argument of a MEMBERSHIP."""

    role: Literal["member", "organization", "member_number", "date"]


class AgreementArg(ArgumentOut):
    """An argument of an AGREEMENT."""

    role: Literal["party", "agreement", "location", "date"]


class StatementArg(ArgumentOut):
    """An argument of a STATEMENT."""

    role: Literal["speaker", "content", "channel", "date"]


class MeetingEventOut(_EventBase):
    """A meeting, summit, talks, conference or call."""

    type: Literal["MEETING"]
    arguments: list[MeetingArg]


class VisitEventOut(_EventBase):
    """A party travels to or arrives at a place."""

    type: Literal["VISIT"]
    arguments: list[VisitArg]


class MembershipEventOut(_EventBase):
    """A party joins or is admitted to an organization."""

    type: Literal["MEMBERSHIP"]
    arguments: list[MembershipArg]


class AgreementEventOut(_EventBase):
    """Parties reach, sign or announce an agreement."""

    type: Literal["AGREEMENT"]
    arguments: list[AgreementArg]


class StatementEventOut(_EventBase):
    """A named speaker says something."""

    type: Literal["STATEMENT"]
    arguments: list[StatementArg]


class CustomEventOut(_EventBase):
    """An event of a type added by a user's rule file."""

    type: str = Field(pattern=r"^[A-Z][A-Z0-9_]*$")
    arguments: list[ArgumentOut]


def _event_tag(value: Any) -> str:
    kind = value.get("type") if isinstance(value, dict) else getattr(value, "type", None)
    return kind if kind in BUILTIN_ROLES else "CUSTOM"


EventOut = Annotated[
    Annotated[MeetingEventOut, Tag("MEETING")]
    | Annotated[VisitEventOut, Tag("VISIT")]
    | Annotated[MembershipEventOut, Tag("MEMBERSHIP")]
    | Annotated[AgreementEventOut, Tag("AGREEMENT")]
    | Annotated[StatementEventOut, Tag("STATEMENT")]
    | Annotated[CustomEventOut, Tag("CUSTOM")],
    Discriminator(_event_tag),
]
