"""MEETING, VISIT, MEMBERSHIP, AGREEMENT (and user-defined) events: roles around a trigger.

Roles come from the trigger pattern (``subject_role`` of a verb, ``object_role``,
``genitive_role`` of a noun) and from the cues of the event type (``بين X وY``,
``مع X``, ``في <place>``, ``إلى <place>``, ``رقم 90``), all declared in the rule files.

Examples:
    >>> from arnews_nlp.doc import Doc
    >>> from arnews_nlp.events import EventStage
    >>> doc = EventStage()(Doc("وصل رئيس الوزراء اللبناني سمير حداد إلى القاهرة."))
    >>> [(a.role, doc.text[a.start:a.end]) for a in doc.events[0].arguments]
    [('visitor', 'سمير حداد'), ('destination', 'القاهرة')]
"""

from __future__ import annotations

from collections.abc import Sequence

from arnews_nlp.events.context import DocCtx, SentView
from arnews_nlp.events.cues import (
    _NP_STOPS,
    _add_mentions,
    _add_places,
    _after,
    _apply_cue,
    _ner_place,
    _place_head,
    _skip_filler,
)
from arnews_nlp.events.draft import DraftEvent
from arnews_nlp.events.matcher import TriggerHit
from arnews_nlp.events.mentions import Mention, grow_np, np_before
from arnews_nlp.events.rules import EventRules, EventTypeSpec
from arnews_nlp.events.words import Word, strip_proclitics
from arnews_nlp.normalize.charsets import fold

__all__ = ["extract_frames"]

_PARTY_ROLES = frozenset(["host", "participant", "visitor", "member", "party", "speaker"])


def _blocked(ctx: DocCtx, words: Sequence[Word], h: TriggerHit) -> bool:
    """Negated or hypothetical triggers (``لم يلتق``, ``لو زار``, ``عدم انضمام``)."""
    before = [w.norm for w in words[max(0, h.i - 3) : h.i]]
    bare = [n[1:] if n[:1] in "وف" and len(n) > 2 else n for n in before]
    if before and (before[-1] in ctx.lex.negators or bare[-1] in ctx.lex.negators):
        return True
    if any(n in ("لو", "اذا", "حال") for n in before):
        return True
    return any(n in ("نفي", "نفت", "ينفي", "تنفي") for n in before)


def _verb_role(spec: EventTypeSpec, n: str) -> str | None:
    verbs = _folded_verbs(spec.subject_verbs)
    for _, rest in strip_proclitics(n, ("و", "ف")):
        role = verbs.get(rest)
        if role is not None:
            return role
    return None


# Folded support verbs per type: id of the rules' dict -> (that dict, a copy of it, the folded dict).
_FOLDED_VERBS: dict[int, tuple[dict[str, str], dict[str, str], dict[str, str]]] = {}


def _folded_verbs(verbs: dict[str, str]) -> dict[str, str]:
    """``{folded form: role}`` of a type's support verbs (the first form listed wins a clash)."""
    known = _FOLDED_VERBS.get(id(verbs))
    if known is not None and known[0] is verbs and known[1] == verbs:  # same dict, unchanged
        return known[2]
    folded: dict[str, str] = {}
    for form, role in verbs.items():
        folded.setdefault(fold(form), role)
    if len(_FOLDED_VERBS) >= 256:
        _FOLDED_VERBS.clear()
    _FOLDED_VERBS[id(verbs)] = (verbs, dict(verbs), folded)
    return folded


def _light_verb(ctx: DocCtx, sv: SentView, h: TriggerHit, ev: DraftEvent, spec: EventTypeSpec) -> None:
    """Roles from a support verb: ``عقد المجلس اجتماعا``, ``اجتماع عقده الرئيس``, ``وقعت مصر والسودان اتفاقا``."""
    words = sv.words
    for v in (h.j, h.j + 1):
        if v + 1 >= len(words):
            break
        role = _verb_role(spec, words[v].norm)
        if role is not None:
            ms = grow_np(words, v + 1, ctx.lex, entities=ctx.entities, barrier=ctx.barrier, max_words=8)
            if _add_mentions(ev, role, ms, words, ctx):
                return
    same = {g.i for g in sv.hits if g.pattern.label == h.pattern.label and g is not h}
    for v in range(h.i - 1, max(-1, h.i - 15), -1):
        if (not words[v].is_word and words[v].text not in "()،,") or v in same:
            return
        role = _verb_role(spec, words[v].norm)
        if role is not None:
            ms = grow_np(
                words,
                v + 1,
                ctx.lex,
                limit=h.i,
                entities=ctx.entities,
                barrier=ctx.barrier,
                split_all=role == "party",
            )
            _add_mentions(ev, role, ms, words, ctx, lenient=True)
            return


def _svo_subject(ctx: DocCtx, sv: SentView, h: TriggerHit) -> Mention | None:
    """The subject before the verb (``الصحيفة قالت``, ``وكان الوزير قد زار``), if any."""
    words = sv.words
    if h.i == 0 or h.prefix not in ("", "ف"):
        return None
    lo, stop = (1 if words[0].norm == "اما" else 0), h.i
    for c in range(h.i - 1, max(-1, h.i - 9), -1):
        if words[c].text in ',،:«"“' or words[c].norm in ctx.lex.complementizers:
            lo = c + 1
            break
    if words[h.i - 1].norm == "قد" and words[0].norm in ("كان", "وكان", "كانت", "وكانت"):
        lo, stop = 1, h.i - 1
    return np_before(words, lo, stop, ctx.lex, ctx.entities, ctx.barrier)


def _subject(ctx: DocCtx, sv: SentView, h: TriggerHit, hi: int, ev: DraftEvent) -> int:
    """Fill the subject role of a verb trigger (VSO, else SVO); returns the word index after it."""
    words, p = sv.words, h.pattern
    if not p.subject_role:
        return h.j
    limit = min(hi, sv.next_hit(h.i))
    start = _skip_filler(ctx, words, h.j, limit)
    ms = grow_np(
        words,
        start,
        ctx.lex,
        limit=limit,
        entities=ctx.entities,
        barrier=ctx.barrier,
        split_all=p.subject_role == "party",
    )
    svo = _svo_subject(ctx, sv, h)
    place_object = p.object_role in ("destination", "location")
    if svo is not None and ms and place_object and ms[0].kind == "place":
        if _add_mentions(ev, p.subject_role, [svo], words, ctx, lenient=True):
            return h.j
    if ms and _add_mentions(ev, p.subject_role, ms, words, ctx, lenient=True):
        return _after(words, ms[-1].end)
    if svo is not None:
        _add_mentions(ev, p.subject_role, [svo], words, ctx, lenient=True)
    return h.j


def _frame(ctx: DocCtx, sv: SentView, h: TriggerHit, rules: EventRules, hi: int) -> DraftEvent:
    words, lex, p = sv.words, ctx.lex, h.pattern
    spec = rules.spec(p.label)
    ev = DraftEvent(p.label, h.start, h.end, sv.index, p.cameo or spec.cameo, p.confidence)
    after = h.j
    if p.kind == "verb":
        after = _subject(ctx, sv, h, hi, ev)
        if p.object_role:
            k = _skip_filler(ctx, words, after, hi)
            obj = grow_np(words, k, lex, limit=min(hi, sv.next_hit(k - 1)), entities=ctx.entities, barrier=ctx.barrier)
            if p.object_role in ("destination", "location"):
                if obj and (lex.place_at(words, k) or _place_head(words, k, ctx) or _ner_place(ctx, words, k)):
                    _add_places(ctx, words, ev, p.object_role, obj)
            else:
                _add_mentions(ev, p.object_role, obj, words, ctx)
    elif p.kind == "noun":
        _genitive(ctx, sv, h, hi, ev, spec)
        _light_verb(ctx, sv, h, ev, spec)
        if spec.trigger_role and not ev.has(spec.trigger_role):
            ev.add(spec.trigger_role, *_trigger_phrase(ctx, words, h, hi))
        before = [w.norm for w in words[max(0, h.i - 3) : h.i]]
        distinct = h.j < len(words) and words[h.j].norm in lex.distinct_modifiers  # الاجتماع المقبل
        ev.anaphoric = not distinct and (
            any(b in lex.anaphors for b in before) or bool(words[h.i].norm.startswith(("ال", "لل")) and not ev.args)
        )
    stops = frozenset(fold(c.cue) for c in [*spec.cues, *p.cues] if not c.prefix)
    for cue in [*spec.cues, *p.cues]:
        lo = h.i if cue.target == "number" else (h.j if cue.prefix else after)
        _apply_cue(ctx, sv, ev, cue, lo, hi, stops)
    lo_char = words[max(0, h.i - spec.window_before)].start
    hi_char = words[hi - 1].end if hi > 0 else h.end
    near = sorted(ctx.dates_in(lo_char, hi_char), key=lambda d: abs(d.start - h.end))
    if near and not ctx.in_quote(near[0].start):
        ev.add("date", near[0].start, near[0].end, value=near[0].value)
    if ev.has("host") and not ev.has("participant"):
        for a in ev.args:
            if a.role == "host" and p.subject_role != "host":
                a.role = "participant"
    return ev


def _genitive(ctx: DocCtx, sv: SentView, h: TriggerHit, hi: int, ev: DraftEvent, spec: EventTypeSpec) -> None:
    """The noun's complement: a party (``زيارة الرئيس``), a place (``قمة مكة``) or the agreement itself."""
    words, p = sv.words, h.pattern
    head = words[h.i].norm[len(h.prefix) :]
    construct = not head.startswith("ال") and not head.endswith("ا")
    if not p.genitive_role or not construct or h.j >= hi or not words[h.j].is_word:
        return
    nxt = words[h.j]
    adjective = not nxt.norm.startswith("ال") and nxt.text.rstrip("ًٌٍَُِّْ").endswith(("ية", "ي", "يا", "ة"))
    if adjective and not ctx.lex.place_at(words, h.j) and not ctx.lex.is_title(nxt.norm):
        if not ctx.lex.is_org_head(nxt.norm):
            return
    inner = next((g for g in sv.hits if g.i == h.j and g.pattern.label == p.label), None)
    if inner is not None and spec.trigger_role:
        ev.add(spec.trigger_role, *_trigger_phrase(ctx, words, inner, hi))
        return
    first = words[h.j].norm
    skip = 1 if first[:1] == "ل" and not first.startswith("لل") and ctx.lex.is_org_head(first[1:]) else 0
    ms = grow_np(
        words,
        h.j,
        ctx.lex,
        limit=hi,
        entities=ctx.entities,
        barrier=ctx.barrier,
        split_all=p.genitive_role == "party",
        skip_proclitic=skip,
    )
    place_role = next((r for r in ("destination", "location") if r in spec.roles), None)
    if ms and ms[0].kind == "place" and place_role and p.genitive_role not in ("member", "party"):
        ev.add(place_role, ms[0].start, ms[0].end)
    elif p.genitive_role in _PARTY_ROLES:
        _add_mentions(ev, p.genitive_role, ms, words, ctx)
    elif ms:
        ev.add(p.genitive_role, ms[0].start, ms[0].end)


def _trigger_phrase(ctx: DocCtx, words: Sequence[Word], h: TriggerHit, hi: int) -> tuple[int, int]:
    end = h.end
    j = h.j
    if (
        j < hi
        and words[j].is_word
        and not ctx.lex.is_stop(words[j].norm)
        and not words[j].norm.startswith(("ب", "ل", "و"))
    ):
        verb_like = words[j].norm.endswith("ت") and not words[j].norm.endswith("ات")
        if words[j].norm not in ctx.lex.weekdays and words[j].norm not in ("بين", "مع") and not verb_like:
            end = words[j].end
            j += 1
    if j < hi and words[j].norm[:1] == "ل" and not words[j].norm.startswith("لل") and len(words[j].norm) > 3:
        k = j + 1
        while k < min(hi, j + 4) and words[k].is_word and not ctx.lex.is_stop(words[k].norm):
            k += 1
        return h.start, words[k - 1].end
    if j < hi and words[j].norm in ("حول", "بشان", "علي"):
        k = j + 1
        while k < min(hi, j + 12) and words[k].is_word and words[k].norm not in _NP_STOPS:
            k += 1
        end = words[k - 1].end
    return h.start, end


def extract_frames(ctx: DocCtx, sv: SentView, rules: EventRules, labels: Sequence[str]) -> list[DraftEvent]:
    """Non-statement events of one sentence."""
    words = sv.words
    hits = [h for h in sv.hits if h.pattern.label in labels and not ctx.in_quote(h.start)]
    out: list[DraftEvent] = []
    absorbed: set[int] = set()
    for n, h in enumerate(hits):
        if n in absorbed or _blocked(ctx, words, h):
            continue
        spec = rules.spec(h.pattern.label)
        hi = min(len(words), h.j + spec.window_after)
        nxt = [g for g in hits[n + 1 :] if g.pattern.label != h.pattern.label]
        if nxt and nxt[0].i < hi and nxt[0].i > h.j + 2:
            hi = nxt[0].i
        ev = _frame(ctx, sv, h, rules, hi)
        for m, g in enumerate(hits[n + 1 :], n + 1):
            if g.pattern.label == h.pattern.label and g.pattern.kind == "noun" and h.pattern.kind == "noun":
                if g.i - h.j <= 3:
                    absorbed.add(m)
                    if spec.trigger_role:
                        ev.args = [a for a in ev.args if a.role != spec.trigger_role]
                        ev.add(spec.trigger_role, *_trigger_phrase(ctx, words, g, hi))
                continue
            if h.pattern.kind == "verb":
                if g.pattern.label == h.pattern.label and g.pattern.kind == "noun" and g.i - h.j <= 12:
                    extra = _frame(ctx, sv, g, rules, min(len(words), g.j + spec.window_after))
                    for a in extra.args:
                        ev.add(a.role, a.start, a.end, mention=a.mention, value=a.value)
                    ev.trigger_start, ev.trigger_end = g.start, g.end
                    absorbed.add(m)
                    break
        ev.purpose = _purpose(ctx, words, h)
        if h.pattern.possessive and h.pattern.genitive_role:
            _owner(ctx, sv, h, ev, h.pattern.genitive_role)
        open_role = _open_role(h)
        if ev.purpose and open_role and not ev.has(open_role):
            _invitee(ctx, sv, h, ev, open_role)
        out.append(ev)
    _link_purpose(out)
    return out


def _open_role(h: TriggerHit) -> str | None:
    """The party role a purpose noun leaves open (``لزيارة`` → visitor)."""
    return h.pattern.genitive_role if h.pattern.kind == "noun" else None


def _invitee(ctx: DocCtx, sv: SentView, h: TriggerHit, ev: DraftEvent, role: str) -> None:
    """``دعا الرئيس أمير قطر لزيارة واشنطن``: the one invited is the visitor/participant."""
    words = sv.words
    for v in range(h.i - 1, max(-1, h.i - 13), -1):
        bare = [rest for _, rest in strip_proclitics(words[v].norm, ("و", "ف"))]
        if not any(b in ctx.lex.invite_words for b in bare):
            continue
        k = v + 1
        skip = 1 if k < h.i and words[k].norm[:1] == "ل" and not words[k].norm.startswith("لل") else 0
        ms = grow_np(words, k, ctx.lex, limit=h.i, skip_proclitic=skip, entities=ctx.entities, barrier=ctx.barrier)
        _add_mentions(ev, role, ms[:1], words, ctx)
        return


def _owner(ctx: DocCtx, sv: SentView, h: TriggerHit, ev: DraftEvent, role: str) -> None:
    """``وقال الوزير خلال لقائه نظيره``: the owner of ``لقائه`` is the sentence's speaker or subject."""
    if ctx.last_speaker_sentence == sv.index and ctx.last_speakers:
        _add_mentions(ev, role, ctx.last_speakers, sv.words, ctx)
        return
    words = sv.words
    if words and h.i > 1 and not ctx.lex.is_title(words[0].norm) and not words[0].norm.startswith("ال"):
        ms = grow_np(words, 1, ctx.lex, limit=h.i, entities=ctx.entities, barrier=ctx.barrier)
        _add_mentions(ev, role, ms[:1], words, ctx)


def _purpose(ctx: DocCtx, words: Sequence[Word], h: TriggerHit) -> bool:
    if h.prefix in ("ل", "لل"):
        return True
    return any(w.norm in ctx.lex.purpose_markers for w in words[max(0, h.i - 4) : h.i])


def _link_purpose(events: list[DraftEvent]) -> None:
    """A meeting someone travels to: the visitors take part, the destination is the place."""
    visits = [e for e in events if e.type == "VISIT" and e.has("visitor")]
    if not visits:
        return
    for ev in events:
        one_party = len([a for a in ev.args if a.role in ("participant", "host")]) == 1
        during = one_party and ev.trigger_start > visits[0].trigger_start
        if ev.type != "MEETING" or not (ev.purpose or during):
            continue
        for a in visits[0].args:
            role = {"visitor": "participant", "destination": "location", "date": "date"}.get(a.role)
            if role:
                ev.add(role, a.start, a.end, mention=a.mention, value=a.value)
