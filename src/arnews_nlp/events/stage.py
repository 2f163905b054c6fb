"""The event stage: rules in, ``doc.events`` out.

Reads ``doc.sentences`` (or splits sentences itself), ``doc.entities``,
``doc.dates`` and ``doc.numbers`` when earlier stages set them, and writes
``doc.events`` (:class:`arnews_nlp.doc.Event` with exact character offsets).

Examples:
    >>> from arnews_nlp.doc import Doc
    >>> stage = EventStage()
    >>> doc = stage(Doc("استضافت قطر اجتماعا بين الحكومة الأفغانية وحركة طالبان في الدوحة."))
    >>> ev = doc.events[0]
    >>> ev.type, ev.cameo, doc.text[ev.trigger_start:ev.trigger_end]
    ('MEETING', '043', 'اجتماعا')
    >>> [(a.role, doc.text[a.start:a.end]) for a in ev.arguments]
    [('host', 'قطر'), ('participant', 'الحكومة الأفغانية'), ('participant', 'حركة طالبان'), ('location', 'الدوحة')]
"""

from __future__ import annotations

import logging
from typing import Any

from arnews_nlp.doc import Argument, Doc, Event
from arnews_nlp.events.context import DocCtx, SentView
from arnews_nlp.events.dates import find_dates
from arnews_nlp.events.draft import DraftEvent
from arnews_nlp.events.frames import extract_frames
from arnews_nlp.events.lexview import LexView, fold_phrase
from arnews_nlp.events.matcher import TriggerMatcher
from arnews_nlp.events.mentions import Mention
from arnews_nlp.events.merge import dedupe_args, merge_events
from arnews_nlp.events.resolve import Resolver
from arnews_nlp.events.rules import EventRules
from arnews_nlp.events.statements import extract_statements
from arnews_nlp.events.words import split_sentences, split_words

__all__ = ["EventStage"]

logger = logging.getLogger(__name__)

_PARTY_ROLES = frozenset(["speaker", "host", "participant", "visitor", "member", "party", "organization"])
_PLACE_ROLES = frozenset(["location", "destination"])


class EventStage:
    """Rule-based event extraction (MEETING, VISIT, MEMBERSHIP, AGREEMENT, STATEMENT, ...).

    Args:
        rules: Event rules; the packaged defaults when ``None`` (loaded on first use).
        skip_title: Leave sentences of the ``title`` zone out (headlines restate the body).
        min_confidence: Drop events whose confidence is below this.
        date_fallback: When ``doc.dates`` is empty, look for dates with the stage's own small
            finder (for use without the temporal stage; the pipeline factory turns it off,
            since there the temporal stage has already run and found none).
    """

    name = "events"

    def __init__(
        self,
        rules: EventRules | None = None,
        *,
        skip_title: bool = True,
        min_confidence: float = 0.0,
        date_fallback: bool = True,
    ) -> None:
        self._rules = rules
        self.date_fallback = date_fallback
        self.skip_title = skip_title
        self.min_confidence = min_confidence
        self._prepared: tuple[tuple[int, ...], LexView, TriggerMatcher, frozenset[str]] | None = None

    @property
    def rules(self) -> EventRules:
        """The rules in use (defaults loaded lazily)."""
        if self._rules is None:
            self._rules = EventRules.default()
        return self._rules

    @property
    def labels(self) -> tuple[str, ...]:
        """Event types the rules can produce."""
        return self.rules.labels

    def _prepare(self) -> tuple[LexView, TriggerMatcher, frozenset[str]]:
        """The lexicon view, trigger matcher and phrase barrier, rebuilt when the rules changed."""
        rules = self.rules
        key = (id(rules), len(rules.patterns), len(rules.types), id(rules.lexicon))
        if self._prepared is None or self._prepared[0] != key:
            lex = LexView(rules.lexicon)
            matcher = TriggerMatcher(rules.patterns)
            self._prepared = (key, lex, matcher, self._barrier(matcher, lex))
        _, lex, matcher, barrier = self._prepared
        return lex, matcher, barrier

    def __getstate__(self) -> dict[str, Any]:
        return {
            "rules": self._rules,
            "skip_title": self.skip_title,
            "min_confidence": self.min_confidence,
            "date_fallback": self.date_fallback,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(  # type: ignore[misc]
            state["rules"],
            skip_title=state["skip_title"],
            min_confidence=state["min_confidence"],
            date_fallback=state.get("date_fallback", True),
        )

    def _sentences(self, doc: Doc) -> list[tuple[int, int, int]]:
        if doc.sentences:
            pairs = [(i, s.start, s.end) for i, s in doc.minable_sentences()]
        else:
            pairs = [(i, a, b) for i, (a, b) in enumerate(split_sentences(doc.text))]
        if self.skip_title:
            pairs = [p for p in pairs if (z := doc.zone_at(p[1])) is None or z.kind != "title"]
        return pairs

    def __call__(self, doc: Doc) -> Doc:
        """Find the events of ``doc`` and store them in ``doc.events``."""
        if not self.rules.require_patterns():
            doc.events = []
            return doc
        lex, matcher, barrier = self._prepare()
        rules = self.rules
        speech = [t for t in rules.labels if {"speaker", "content"} <= set(rules.spec(t).roles)]
        others = [t for t in rules.labels if t not in speech]
        ctx = DocCtx(
            doc,
            lex,
            dates=find_dates(doc, lex, fallback=self.date_fallback),
            entities=doc.entities,
            barrier=barrier,
        )
        views = []
        for index, start, end in self._sentences(doc):
            words = split_words(doc.text, start, end)
            ctx.learn_names(words)
            views.append(SentView(index, start, end, words, matcher.find(words)))
        drafts: list[DraftEvent] = []
        for sv in views:
            if not sv.hits:
                continue
            drafts.extend(extract_statements(ctx, sv, speech))
            drafts.extend(extract_frames(ctx, sv, rules, others))
        drafts.sort(key=lambda e: e.trigger_start)
        self._resolve(doc, lex, ctx, drafts)
        core = {t: rules.spec(t).core_roles for t in rules.labels if rules.spec(t).core_roles}
        merged = merge_events(drafts, never=speech, core_roles=core)
        doc.events = [self._export(e) for e in merged if self._keep(e)]
        return doc

    def _barrier(self, matcher: TriggerMatcher, lex: LexView) -> frozenset[str]:
        """Words that end a noun phrase: trigger forms, support verbs and their future forms."""
        light = set(lex.light_verbs)
        for spec in self.rules.types.values():
            light |= {fold_phrase(v) for v in spec.subject_verbs}
        light |= {"س" + v for v in lex.light_verbs if v[:1] in "يت"}
        light |= {"و" + v for v in light}
        return matcher.verb_forms | frozenset(light)

    def _keep(self, ev: DraftEvent) -> bool:
        spec = self.rules.spec(ev.type)
        if spec.required and not ev.has(*spec.required):
            return False
        if any(not ev.has(role) for role in spec.required_all):
            return False
        return ev.confidence >= self.min_confidence

    def _resolve(self, doc: Doc, lex: LexView, ctx: DocCtx, drafts: list[DraftEvent]) -> None:
        resolver = Resolver()
        links = []
        for ev in drafts:
            for a in ev.args:
                if a.role in _PLACE_ROLES:
                    a.canonical = lex.canonical_place(doc.text[a.start : a.end])
                    continue
                if a.role not in _PARTY_ROLES:
                    continue
                if a.mention is None:
                    a.mention = Mention(a.start, a.end, a.start, a.end, "org")
                m = ctx.antecedent(a.mention)
                name = doc.text[m.name_start : m.name_end]
                kind = m.kind
                alias = lex.canonical_place(name)
                if alias is not None:
                    name, kind = alias, "place"
                title = doc.text[m.start : m.name_start] if m.name_start > m.start else ""
                if kind in ("title", "org"):
                    title = name
                ent = next((e for e in doc.entities if e.start == m.name_start and e.end == m.name_end), None)
                cluster = resolver.add(
                    name, title, kind, (m.name_start, m.name_end), canonical=ent.canonical if ent else alias
                )
                links.append((a, cluster))
        for a, c in links:
            a.start, a.end = c.span
            a.canonical = c.canonical or _clean(c.text)
        for ev in drafts:
            dedupe_args(ev)

    def _export(self, ev: DraftEvent) -> Event:
        spec = self.rules.spec(ev.type)
        cameo = ev.cameo or spec.cameo
        for role, code in spec.cameo_by_role.items():
            if ev.has(role):
                cameo = code
                break
        args = [Argument(a.role, a.start, a.end, a.canonical, a.value) for a in ev.args]
        return Event(ev.type, ev.trigger_start, ev.trigger_end, args, ev.sentence, cameo, round(ev.confidence, 3))


def _clean(text: str) -> str:
    """A canonical name: hashtags undone, ``لل`` (ل + ال) given back its article."""
    out = " ".join(text.replace("#", "").replace("_", " ").split())
    return "ال" + out[2:] if out.startswith("لل") and len(out) > 4 else out
