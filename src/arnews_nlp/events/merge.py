"""Merge reports of one real-world event and drop incomplete ones.

Two events of a type merge when the later one refers back (``هذا الاجتماع``,
a meeting someone travels to) or when the parties of one include the parties
of the other and their dates agree. Statements never merge.

Examples:
    >>> from arnews_nlp.events.draft import DraftEvent, DraftArg
    >>> a = DraftEvent("MEETING", 0, 5, args=[DraftArg("host", 10, 15, canonical="X")])
    >>> b = DraftEvent("MEETING", 40, 45, anaphoric=True, args=[DraftArg("location", 50, 55)])
    >>> [e.roles() for e in merge_events([a, b], never=("STATEMENT",))]
    [['host', 'location']]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from arnews_nlp.events.draft import DraftArg, DraftEvent

__all__ = ["dedupe_args", "merge_events"]


def _key(a: DraftArg) -> tuple[str, str]:
    return a.role, a.canonical if a.canonical else f"{a.start}:{a.end}"


_SINGLE = frozenset(["date", "agreement", "member_number", "content", "channel"])


def dedupe_args(ev: DraftEvent) -> None:
    """Keep one argument per (role, party), and the first of single-valued roles (date, agreement...)."""
    seen: set[tuple[str, str]] = set()
    single: set[str] = set()
    out: list[DraftArg] = []
    for a in ev.args:
        k = _key(a)
        if k in seen or a.role in single:
            continue
        seen.add(k)
        if a.role in _SINGLE:
            single.add(a.role)
        out.append(a)
    ev.args = out


def _core(ev: DraftEvent, core: Sequence[str]) -> set[str]:
    return {a.canonical or f"{a.start}:{a.end}" for a in ev.args if a.role in core}


def _date(ev: DraftEvent) -> str | None:
    for a in ev.args:
        if a.role == "date" and a.value is not None:
            return str(a.value)
    return None


def _absorb(into: DraftEvent, ev: DraftEvent) -> None:
    roles_with_host = {a.canonical for a in into.args if a.role == "host"}
    for a in ev.args:
        if a.role == "participant" and a.canonical in roles_with_host:
            continue
        into.args.append(a)
    into.confidence = max(into.confidence, ev.confidence)
    dedupe_args(into)


def merge_events(
    events: Sequence[DraftEvent],
    *,
    never: Sequence[str] = (),
    core_roles: Mapping[str, Sequence[str]] | None = None,
) -> list[DraftEvent]:
    """Merge co-referring events of the same type, in document order."""
    core_roles = core_roles or {}
    out: list[DraftEvent] = []
    for ev in events:
        dedupe_args(ev)
        if ev.type in never:
            out.append(ev)
            continue
        core = core_roles.get(ev.type, ("host", "participant", "party", "member", "visitor"))
        mine = _core(ev, core)
        target: DraftEvent | None = None
        for prev in reversed(out):
            if prev.type != ev.type:
                continue
            if ev.anaphoric and not target:
                target = prev
                break
            theirs = _core(prev, core)
            d1, d2 = _date(prev), _date(ev)
            if mine and theirs and (mine <= theirs or theirs <= mine) and (d1 is None or d2 is None or d1 == d2):
                target = prev
                break
        if target is None:
            out.append(ev)
        else:
            _absorb(target, ev)
    return out
