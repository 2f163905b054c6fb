"""Per-document state shared by the argument finders.

Examples:
    >>> from arnews_nlp.doc import Doc
    >>> from arnews_nlp.events.rules import EventRules
    >>> from arnews_nlp.events.lexview import LexView
    >>> ctx = DocCtx(Doc("نص"), LexView(EventRules.default().lexicon))
    >>> ctx.in_quote(0), ctx.last_speakers
    (False, [])
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from arnews_nlp.doc import Doc, Entity
from arnews_nlp.events.dates import DateSpan
from arnews_nlp.events.lexview import LexView, fold_phrase
from arnews_nlp.events.matcher import TriggerHit
from arnews_nlp.events.mentions import Mention, grow_np
from arnews_nlp.events.quotes import quote_spans
from arnews_nlp.events.words import Word

__all__ = ["DocCtx", "SentView"]


@dataclass(slots=True)
class SentView:
    """A sentence with its words and trigger hits."""

    index: int
    start: int
    end: int
    words: list[Word]
    hits: list[TriggerHit]

    def next_hit(self, i: int) -> int:
        """Word index of the first trigger hit starting after word ``i`` (``len(words)`` if none)."""
        return next((h.i for h in self.hits if h.i > i), len(self.words))

    def word_index_at(self, offset: int) -> int:
        """Index of the first word starting at or after ``offset`` (``len(words)`` if none)."""
        for k, w in enumerate(self.words):
            if w.start >= offset:
                return k
        return len(self.words)


@dataclass(slots=True)
class DocCtx:
    """Document-level state: quotes, dates, entities and the running speaker."""

    doc: Doc
    lex: LexView
    dates: list[DateSpan] = field(default_factory=list)
    entities: Sequence[Entity] = ()
    quotes: list[tuple[int, int]] = field(default_factory=list)
    last_speakers: list[Mention] = field(default_factory=list)
    last_gender: str | None = None
    last_speaker_sentence: int = -1
    barrier: frozenset[str] = frozenset()
    known_names: set[str] = field(default_factory=set)
    org_mentions: list[tuple[str, Mention]] = field(default_factory=list)

    _quote_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        if not self.quotes:
            self.quotes = quote_spans(self.doc.text)
        self.quotes.sort()
        self._quote_starts = [a for a, _ in self.quotes]

    def in_quote(self, offset: int) -> bool:
        """True when ``offset`` lies inside a quotation (quotations never overlap)."""
        i = bisect_right(self._quote_starts, offset) - 1
        return i >= 0 and offset < self.quotes[i][1]

    def promote(self, m: Mention) -> Mention:
        """Treat a bare definite word seen elsewhere as a surname (``الشيباني``) as a person."""
        if m.kind != "other":
            return m
        key = fold_phrase(self.doc.text[m.start : m.end])
        if key in self.known_names or any(full.endswith(" " + key) for full in self.known_names if " " in full):
            return Mention(m.start, m.end, m.start, m.end, "person", m.has_title)
        return m

    def learn_names(self, words: Sequence[Word]) -> None:
        """Record the names that follow titles in ``words`` (for :meth:`promote`)."""
        org_heads = self.lex.org_heads
        is_title = self.lex.is_title
        for k, w in enumerate(words):
            if not w.is_word:
                continue
            if w.norm in org_heads and not w.norm.startswith("ال"):
                found = grow_np(words, k, self.lex, entities=self.entities, barrier=self.barrier, max_words=6)
                if found and found[0].end > w.end:
                    self.org_mentions.append((w.norm, found[0]))
            if is_title(w.norm):
                for m in grow_np(words, k, self.lex, entities=self.entities, barrier=self.barrier):
                    if m.kind == "person":
                        toks = fold_phrase(self.doc.text[m.name_start : m.name_end]).split()
                        if len(toks) > 1:
                            self.known_names.add(toks[-1])
                            self.known_names.add(" ".join(toks))

    def antecedent(self, m: Mention) -> Mention:
        """For a bare definite head (``الصحيفة``), the latest full mention with that head before it."""
        text = self.doc.text[m.start : m.end]
        key = fold_phrase(text)
        if " " in key or not key.startswith("ال"):
            return m
        head = key[2:]
        for h, full in reversed(self.org_mentions):
            if h == head and full.end <= m.start:
                return full
        return m

    def dates_in(self, start: int, end: int) -> list[DateSpan]:
        """Date spans lying within ``[start, end)``."""
        return [d for d in self.dates if d.start >= start and d.end <= end]
