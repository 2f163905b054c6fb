"""Within-document entity resolution for event arguments.

Mentions of one party (``أسعد حسن الشيباني`` / ``الشيباني`` / ``وزير الخارجية``,
``المملكة العربية السعودية`` / ``السعودية``, ``ترمب`` / ``ترامب``) are grouped in a
cluster; every argument of the cluster then points at the cluster's most
complete name and carries one ``canonical`` string. Surnames and partial names
join by token inclusion, titles by the title they were seen with, head-only
phrases (``الصحيفة``) by their head noun, spelling variants by RapidFuzz.

Examples:
    >>> r = Resolver()
    >>> a = r.add("دونالد ترامب", "الرئيس الامريكي", "person", (10, 22))
    >>> b = r.add("ترمب", "", "person", (50, 54))
    >>> c = r.add("الرئيس الأميركي", "الرئيس الأميركي", "title", (70, 85))
    >>> a is b is c, a.span
    (True, (10, 22))
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz

from arnews_nlp.events.lexview import fold_phrase

__all__ = ["Cluster", "Resolver"]

_FUZZY = 87.0
_DEFINITE = "ال"


@dataclass(slots=True)
class Cluster:
    """One party: its best name, span and the titles it was seen with."""

    name: str
    tokens: tuple[str, ...]
    kind: str
    span: tuple[int, int]
    text: str
    titles: set[str] = field(default_factory=set)
    canonical: str | None = None


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(fold_phrase(text).replace("،", " ").replace(",", " ").split())


def _head(tokens: tuple[str, ...]) -> str:
    if not tokens:
        return ""
    t = tokens[0]
    return t[2:] if t.startswith(_DEFINITE) and len(t) > 4 else t


class Resolver:
    """Incremental clustering of mentions in document order."""

    def __init__(self) -> None:
        self.clusters: list[Cluster] = []

    def add(
        self,
        name: str,
        title: str,
        kind: str,
        span: tuple[int, int],
        *,
        canonical: str | None = None,
    ) -> Cluster:
        """Attach a mention (its name text, title text, kind and name span) to a cluster."""
        toks = _tokens(name)
        title_key = " ".join(_tokens(title))
        found = self._find(toks, title_key, kind)
        if found is None:
            found = Cluster(" ".join(toks), toks, kind, span, name, canonical=canonical)
            self.clusters.append(found)
        elif len(toks) > len(found.tokens) and kind != "title" and found.kind in (kind, "title"):
            found.tokens, found.name, found.span, found.text = toks, " ".join(toks), span, name
            if found.kind == "title":
                found.kind = kind
            if canonical:
                found.canonical = canonical
        if title_key and title_key != " ".join(toks):
            found.titles.add(title_key)
        return found

    def _find(self, toks: tuple[str, ...], title_key: str, kind: str) -> Cluster | None:
        if not toks:
            return None
        joined = " ".join(toks)
        for c in reversed(self.clusters):
            if c.name == joined:
                return c
        if kind == "title":
            for c in reversed(self.clusters):
                if any(
                    fuzz.ratio(joined, t) >= _FUZZY or _bare(toks) <= set(_bare(tuple(t.split()))) for t in c.titles
                ):
                    return c
        for c in reversed(self.clusters):
            if not _compatible(kind, c.kind):
                continue
            if _bare(toks) <= _bare(c.tokens) or _bare(c.tokens) <= _bare(toks):
                if kind == "person" or c.kind == "person":
                    if toks[-1] != c.tokens[-1] and not (set(toks) <= set(c.tokens) and len(toks) == 1):
                        continue
                return c
            if fuzz.ratio(joined.replace(" ", ""), c.name.replace(" ", "")) >= _FUZZY:
                return c
            if kind == c.kind == "person" and len(toks) == 1 and len(toks[0]) > 3:
                if fuzz.ratio(toks[0], c.tokens[-1]) >= 85:
                    return c
        if len(toks) == 1 and toks[0].startswith(_DEFINITE):
            for c in reversed(self.clusters):
                if c.kind in ("org", "title") and _head(c.tokens) == _head(toks):
                    return c
        return None


def _bare(tokens: tuple[str, ...]) -> set[str]:
    """Tokens without the definite article (``الوكاله`` ~ ``وكاله``)."""
    return {t[2:] if t.startswith(_DEFINITE) and len(t) > 4 else t for t in tokens}


def _compatible(a: str, b: str) -> bool:
    if "place" in (a, b):
        return a == b
    return True
