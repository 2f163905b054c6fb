"""STATEMENT events: speaker, content, channel and date around a reporting verb.

Handles verb-initial clauses (``وقال الوزير … إن``), subject-first clauses
(``الصحيفة قالت إن``), participles continuing the clause subject (``قائلاً``),
``وأضاف``/``وتابع`` continuing the last speaker, quotes in «» "" “” after a
colon or a complementizer, and channels (``في بيان``, ``على حسابه في منصة X``,
``لوكالة فرانس برس``). Speakers such as ``مصادر`` or ``المشاركون`` are skipped.

Examples:
    >>> from arnews_nlp.doc import Doc
    >>> from arnews_nlp.events import EventStage
    >>> doc = EventStage()(Doc('وقال وزير المالية خالد العمر في بيان: "الاقتصاد ينمو بثبات".'))
    >>> ev = doc.events[0]
    >>> ev.type, [(a.role, doc.text[a.start:a.end]) for a in ev.arguments]
    ('STATEMENT', [('speaker', 'خالد العمر'), ('content', 'الاقتصاد ينمو بثبات'), ('channel', 'بيان')])
"""

from __future__ import annotations

from collections.abc import Sequence

from arnews_nlp.events.content import (
    _COMMAS,
    _OBJ_PREPS,
    _PREPS,
    _channel,
    _content,
    _content_before,
    _introduced,
    _quote_before,
    _relay_channel,
    _relay_verb_channel,
    _word_after,
)
from arnews_nlp.events.context import DocCtx, SentView
from arnews_nlp.events.draft import DraftEvent
from arnews_nlp.events.matcher import TriggerHit
from arnews_nlp.events.mentions import Mention, grow_np, np_before
from arnews_nlp.events.quotes import content_from_quote, quote_at
from arnews_nlp.events.words import OPEN_QUOTES, Word, strip_proclitics

__all__ = ["extract_statements"]

_SKIP = "skip"


def _clause_initial(words: Sequence[Word], h: TriggerHit, ctx: DocCtx) -> bool:
    """Does ``h`` open a new reporting clause (rather than sit inside reported content)?"""
    if h.pattern.kind == "participle" or h.prefix or h.i == 0 or words[h.i - 1].text in ":.":
        return True
    lex = ctx.lex
    nxt = words[h.j] if h.j < len(words) else None
    if nxt is not None and (nxt.norm in lex.complementizers or nxt.text in OPEN_QUOTES or nxt.text == ":"):
        return True
    if words[h.i - 1].text not in _COMMAS:
        return False
    ms = grow_np(words, h.j, lex, entities=ctx.entities, barrier=ctx.barrier)
    if not ms or not _acceptable(ctx.promote(ms[0]), ctx.doc.text):
        return False
    if ms[0].has_title or ms[0].kind in ("org", "title"):
        return True
    k = _word_after(words, ms[-1].end)
    if k >= len(words):
        return True
    w = words[k]
    return w.text in _COMMAS or w.text == ":" or w.norm in lex.complementizers or w.norm in _PREPS


def _nested(words: Sequence[Word], h: TriggerHit, ctx: DocCtx) -> bool:
    """A reporting verb whose subject follows a complementizer (``أن الحكومة أكدت …``)."""
    if h.prefix or h.i < 2:
        return False
    for c in range(h.i - 2, max(-1, h.i - 5), -1):
        if words[c].norm in ctx.lex.complementizers:
            m = np_before(words, c + 1, h.i, ctx.lex, ctx.entities, ctx.barrier)
            return m is not None and _acceptable(ctx.promote(m), ctx.doc.text)
    return False


def _negated(words: Sequence[Word], h: TriggerHit, ctx: DocCtx) -> bool:
    """Negated (``لم يقل``) or inside a relative clause (``الذي أعلن``)."""
    if h.i == 0:
        return False
    prev = words[h.i - 1].norm
    bare = prev[1:] if prev[:1] in "وف" and len(prev) > 2 else prev
    return bare in ctx.lex.negators or prev in ctx.lex.negators or bare in ("الذي", "التي", "الذين")


def _is_skip(m: Mention, words: Sequence[Word], ctx: DocCtx) -> bool:
    first = next((w for w in words if w.end > m.start), None)
    if first is None:
        return False
    if not first.norm.startswith("ال") and len(first.norm) >= 6 and first.text.endswith("يون"):
        return True  # an indefinite nisba plural (دبلوماسيون، عسكريون)
    return any(rest in ctx.lex.skip_speakers for _, rest in strip_proclitics(first.norm, ("و",)))


def _acceptable(m: Mention, text: str = "") -> bool:
    """A speaker must be a person, organization, place or titled official; a bare ``لجنة`` is not."""
    if m.kind not in ("person", "org", "title", "place"):
        return False
    phrase = text[m.start : m.end]
    return not (m.kind in ("org", "title") and " " not in phrase.strip() and not phrase.startswith("ال"))


def _quoted_name(ctx: DocCtx, words: Sequence[Word], k: int) -> Mention | None:
    """A short quoted name right after the verb (``أعلنت "جماعة …" مسؤوليتها``)."""
    if k >= len(words) or words[k].text not in OPEN_QUOTES:
        return None
    q = quote_at(ctx.quotes, words[k].start)
    if q is None:
        return None
    text = ctx.doc.text
    inner = [w for w in words if q[0] <= w.start < q[1]]
    rest = text[q[1] + 1 : q[1] + 40].lstrip()
    if not 1 <= len(inner) <= 6 or not rest[:1].isalpha() or any(w.text in ".:؟!" for w in inner):
        return None
    head = inner[0].norm
    if not (ctx.lex.is_org_head(head) or ctx.lex.is_title(head)):
        return None
    return Mention(q[0], q[1], q[0], q[1], "org")


def _relayed_speaker(ctx: DocCtx, sv: SentView, h: TriggerHit) -> list[Mention] | str:
    """``نقلت الوكالة عن وزير الدفاع قوله``: the speaker stands after ``عن`` (``عنه`` = the last speaker)."""
    words = sv.words
    for k in range(h.i - 1, max(-1, h.i - 9), -1):
        n = words[k].norm
        if n in ("عنه", "عنها", "عنهم"):
            return list(ctx.last_speakers) if ctx.last_speakers else []
        if n == "عن":
            ms = grow_np(words, k + 1, ctx.lex, limit=h.i, entities=ctx.entities, barrier=ctx.barrier)
            if ms and _is_skip(ms[0], words, ctx):
                return _SKIP
            return [m for m in map(ctx.promote, ms) if _acceptable(m, ctx.doc.text)]
    return []


def _svo_speaker(ctx: DocCtx, sv: SentView, h: TriggerHit, clause_start: int) -> Mention | str | None:
    """The subject before the verb: clause-initial (``الصحيفة قالت``), after ``كان … قد``, or after ``أن``."""
    words, lex = sv.words, ctx.lex
    if h.prefix not in ("", "ف") or h.i == 0:
        return None
    lo = None
    for c in range(h.i - 1, max(-1, h.i - 9), -1):
        if words[c].norm in lex.complementizers:
            lo = c + 1  # a subject inside a reported clause: «أن البيت الأبيض يشدد»
            break
    if lo is None:
        if h.i <= clause_start:
            return None
        lo = clause_start + (1 if words[clause_start].norm == "اما" else 0)
    stop = h.i
    if words[h.i - 1].norm == "قد" and lo < h.i and words[lo].norm in ("كان", "وكان", "كانت", "وكانت"):
        lo, stop = lo + 1, h.i - 1
    m = np_before(words, lo, stop, lex, ctx.entities, ctx.barrier)
    if m is None:
        return None
    m = ctx.promote(m)
    if _is_skip(m, words, ctx):
        return _SKIP
    return m if _acceptable(m, ctx.doc.text) else None


def _find_speakers(
    ctx: DocCtx, sv: SentView, h: TriggerHit, limit: int, clause_start: int, sent_speakers: list[Mention]
) -> tuple[list[Mention] | str, int]:
    words, lex = sv.words, ctx.lex
    if h.pattern.kind == "participle":
        return (sent_speakers or _clause_subject(ctx, sv, h) or ctx.last_speakers), h.j
    if h.pattern.relay:
        return _relayed_speaker(ctx, sv, h), h.j
    quoted = _quoted_name(ctx, words, h.j)
    if quoted is not None:
        return [quoted], _word_after(words, quoted.end + 1)
    svo = _svo_speaker(ctx, sv, h, clause_start)
    if isinstance(svo, str):
        return _SKIP, h.j
    if svo is not None and h.i >= 2 and words[h.i - 2].norm in lex.complementizers | {"ان"}:
        return [svo], h.j  # «أن إندونيسيا أكدت …»: the noun before the verb is its subject
    ms = grow_np(words, h.j, lex, limit=limit, entities=ctx.entities, barrier=ctx.barrier)
    ms = [ctx.promote(m) for m in ms]
    if ms:
        if _is_skip(ms[0], words, ctx):
            return _SKIP, h.j
        good = [m for m in ms if _acceptable(m, ctx.doc.text) and not _is_skip(m, words, ctx)]
        if good:
            return good, _word_after(words, good[-1].end)
        if _subject_like(ms[0], words, ctx):
            return _SKIP, h.j
        bare = _bare_subject(ms[0], words, ctx)
        if bare is not None:
            return [bare], _word_after(words, bare.end)
    if svo is not None:
        return [svo], h.j
    nxt = words[h.j] if h.j < len(words) else None
    implicit = nxt is None or nxt.text in OPEN_QUOTES or nxt.text == ":" or nxt.norm in lex.complementizers
    implicit = (
        implicit or h.prefix in ("و", "ف") or (nxt is not None and (nxt.norm in _PREPS or nxt.norm in _OBJ_PREPS))
    )
    if ctx.last_speakers and (h.pattern.continues_speaker or implicit):
        g = _gender(h, words)
        if g is not None and ctx.last_gender is not None and g != ctx.last_gender and len(ctx.last_speakers) == 1:
            return [], h.j
        return ctx.last_speakers, h.j
    return [], h.j


_MASC_T = frozenset(["لفت", "ثبت", "بحث", "تابع", "تحدث"])


def _gender(h: TriggerHit, words: Sequence[Word]) -> str | None:
    """``f`` for a feminine verb form (قالت، تقول، قائلة), ``m`` for a masculine one."""
    w = "".join(words[k].norm for k in range(h.i, h.i + 1))[len(h.prefix) :]
    if h.pattern.kind == "participle":
        return "f" if words[h.i].text.rstrip("ًٌٍَُِّْ").endswith("ة") else "m"
    if w in _MASC_T:
        return "m"
    if w.endswith("ت") or (w.startswith("ت") and len(w) >= 4):
        return "f"
    if w.endswith(("ا", "وا")):
        return None
    return "m"


def _after_late_complementizer(
    ctx: DocCtx, sv: SentView, content: tuple[int, int], limit_char: int
) -> tuple[int, int] | None:
    """``وصف الوزير الخطوة بأنها …``: the content follows a complementizer a few words in."""
    k = _word_after(sv.words, content[0])
    for j in range(k, min(k + 4, len(sv.words))):
        if sv.words[j].norm.startswith("بان") and sv.words[j].start < content[1]:
            return _content(ctx, sv, j, len(sv.words), limit_char)
    return None


def _subject_like(m: Mention, words: Sequence[Word], ctx: DocCtx) -> bool:
    """An explicit but unusable subject (``السلطات``, ``هؤلاء``): someone else speaks, not the last speaker."""
    first = next((w for w in words if w.end > m.start), None)
    if first is None:
        return False
    return (first.norm.startswith("ال") and first.text.endswith(("ات", "ون", "ين"))) or first.norm in ctx.lex.pronouns


def _bare_subject(m: Mention, words: Sequence[Word], ctx: DocCtx) -> Mention | None:
    """A short definite phrase right before ``إن``/``أن``/``:`` is the speaker (``وقالت العفو الدولية إن``)."""
    text = ctx.doc.text[m.start : m.end]
    if not text.startswith("ال") or len(text.split()) > 4 or m.kind != "other":
        return None
    k = _word_after(words, m.end)
    if k >= len(words) or not (words[k].norm in ctx.lex.complementizers or words[k].text in ":"):
        return None
    return Mention(m.start, m.end, m.start, m.end, "org", m.has_title)


def _clause_subject(ctx: DocCtx, sv: SentView, h: TriggerHit) -> list[Mention]:
    """Subject of the sentence-initial verb, for participles (``وعلق الوزير … قائلاً``)."""
    words = sv.words
    k = 0
    if words and words[0].norm in _PREPS:
        k = next((j + 1 for j in range(min(len(words), h.i)) if words[j].text in _COMMAS), 0)
    if k + 1 >= h.i:
        return []
    verb = words[k].norm
    if ctx.lex.is_title(verb) or ctx.lex.is_org_head(verb) or verb.startswith(("ال", "وال")):
        return []
    ms = grow_np(words, k + 1, ctx.lex, limit=h.i, entities=ctx.entities, barrier=ctx.barrier)
    good = [ctx.promote(m) for m in ms]
    return [m for m in good if _acceptable(m, ctx.doc.text) and not _is_skip(m, words, ctx)]


def extract_statements(ctx: DocCtx, sv: SentView, labels: Sequence[str] = ("STATEMENT",)) -> list[DraftEvent]:
    """STATEMENT events of one sentence (updates the running speaker in ``ctx``)."""
    words = sv.words
    hits = [h for h in sv.hits if h.pattern.label in labels and not ctx.in_quote(h.start)]
    out: list[DraftEvent] = []
    sent_speakers: list[Mention] = []
    clause_start = 0
    content_end = sv.start
    para_end = ctx.doc.text.find("\n", sv.start)
    para_end = len(ctx.doc.text) if para_end < 0 else para_end
    for n, h in enumerate(hits):
        if h.start < content_end and not _clause_initial(words, h, ctx) and not _nested(words, h, ctx):
            continue
        if _negated(words, h, ctx) or (h.pattern.kind == "noun" and not h.pattern.relay):
            continue
        later = [g for g in hits[n + 1 :] if _clause_initial(words, g, ctx)]
        limit = later[0].i if later else len(words)
        limit_char = words[limit].start if limit < len(words) else max(sv.end, para_end)
        found, after = _find_speakers(ctx, sv, h, limit, clause_start, sent_speakers)
        if isinstance(found, str):
            ctx.last_speakers = []
            sent_speakers = []
            content_end = h.end
            continue
        content = _content(ctx, sv, after, limit, limit_char) if found else None
        if content is not None and h.pattern.intro_required and not _introduced(ctx, words, after, content[0]):
            content = _after_late_complementizer(ctx, sv, content, limit_char)
        if content is None and found:
            content = _content_before(ctx, sv, h, clause_start)
        before = _quote_before(ctx, h)
        if before is not None and (content is None or not _introduced(ctx, words, after, content[0])):
            content = content_from_quote(ctx.doc.text, before)
        if not found or content is None:
            continue
        ev = DraftEvent(h.pattern.label, h.start, h.end, sv.index, h.pattern.cameo, h.pattern.confidence)
        for m in found:
            ev.add("speaker", m.name_start, m.name_end, mention=m)
        ev.add("content", *content)
        region_lo = words[clause_start].start if clause_start < len(words) else sv.start
        prior = [g.end for g in sv.hits if g.end <= h.start and g is not h]
        if prior:
            region_lo = max(region_lo, prior[-1])
        speaker_span = (min(m.start for m in found), max(m.end for m in found))
        if speaker_span[0] < region_lo:
            speaker_span = (h.start, h.start)
        b = _word_after(words, content[0])
        chan = _channel(ctx, words, clause_start, b, speaker_span) or _relay_channel(ctx, words, content[1])
        if h.pattern.relay:
            chan = _relay_verb_channel(ctx, words, h.i) or chan
        if chan is not None:
            ev.add("channel", *chan)
        for d in ctx.dates_in(region_lo, content[0]):
            ev.add("date", d.start, d.end, value=d.value)
            break
        out.append(ev)
        if found is not ctx.last_speakers:
            ctx.last_gender = _gender(h, words)
        sent_speakers = list(found)
        ctx.last_speakers = list(found)
        ctx.last_speaker_sentence = sv.index
        content_end = content[1]
        clause_start = _word_after(words, content[1])
    return out
