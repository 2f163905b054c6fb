"""Working records for events under construction (before resolution and merging).

Examples:
    >>> ev = DraftEvent("VISIT", 0, 3, sentence=0, cameo="042", confidence=0.8)
    >>> ev.add("visitor", 4, 10)
    >>> ev.roles()
    ['visitor']
"""

from __future__ import annotations

from dataclasses import dataclass, field

from arnews_nlp.events.mentions import Mention

__all__ = ["DraftArg", "DraftEvent"]


@dataclass(slots=True)
class DraftArg:
    """An argument: role, span, and the mention it came from (for resolution)."""

    role: str
    start: int
    end: int
    mention: Mention | None = None
    value: str | int | None = None
    canonical: str | None = None


@dataclass(slots=True)
class DraftEvent:
    """An event being built: trigger span, sentence index and arguments."""

    type: str
    trigger_start: int
    trigger_end: int
    sentence: int = 0
    cameo: str | None = None
    confidence: float = 1.0
    args: list[DraftArg] = field(default_factory=list)
    anaphoric: bool = False
    purpose: bool = False

    def add(
        self,
        role: str,
        start: int,
        end: int,
        *,
        mention: Mention | None = None,
        value: str | int | None = None,
    ) -> None:
        """Add an argument unless the same role already covers the same span."""
        if end <= start:
            return
        for a in self.args:
            if a.role == role and a.start < end and start < a.end:
                return
        self.args.append(DraftArg(role, start, end, mention, value))

    def roles(self) -> list[str]:
        """Roles present, in order of first appearance."""
        out: list[str] = []
        for a in self.args:
            if a.role not in out:
                out.append(a.role)
        return out

    def has(self, *roles: str) -> bool:
        """True when any of ``roles`` has an argument."""
        return any(a.role in roles for a in self.args)
