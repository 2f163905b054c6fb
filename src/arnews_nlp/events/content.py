"""Where a statement's content starts and ends, and which channel carried it.

The content is a quotation (``«…»``, ``"…"``, ``“…”``) after a colon or a
complementizer, a reported clause after ``إن``/``أن``, an object after ``عن``/``إلى``/``على``,
or the clause before ``حسبما``; it stops at the first sentence end outside
quotes, at the next reporting verb, or at ``، وفقاً``/``، لكن``. Channels are
platforms (``منصة X``, ``تويتر``), agencies after ``لـ`` (``لوكالة فرانس برس``) and
media nouns (``بيان``, ``مؤتمر صحفي``).

Examples:
    >>> from arnews_nlp.doc import Doc
    >>> from arnews_nlp.events import EventStage
    >>> doc = EventStage()(Doc("وقال الوزير زياد سالم لوكالة رويترز إن الحوار مستمر."))
    >>> sorted((a.role, doc.text[a.start:a.end]) for a in doc.events[0].arguments)
    [('channel', 'وكالة رويترز'), ('content', 'الحوار مستمر'), ('speaker', 'زياد سالم')]
"""

from __future__ import annotations

from collections.abc import Sequence

from arnews_nlp.events.context import DocCtx, SentView
from arnews_nlp.events.lexview import LexView
from arnews_nlp.events.matcher import TriggerHit
from arnews_nlp.events.mentions import grow_np
from arnews_nlp.events.quotes import clause_end, content_from_quote, quote_at, trim_span
from arnews_nlp.events.words import CLOSE_QUOTES, OPEN_QUOTES, Word, strip_proclitics

__all__: list[str] = []

_COMMAS = frozenset(",،")
_PREPS = frozenset(["في", "علي", "خلال", "عبر", "امام", "لدي", "عقب", "بعد", "قبل", "اثناء", "من", "وفي", "وخلال"])
_OBJ_PREPS = frozenset(["علي", "الي", "عن", "الا"])
_ADVERBS = frozenset(["رسميا", "مجددا", "ايضا", "كذلك", "مرارا", "اليوم", "امس", "غدا", "بدوره", "بدورها"])


def _word_after(words: Sequence[Word], offset: int) -> int:
    for k, w in enumerate(words):
        if w.start >= offset:
            return k
    return len(words)


def _opens_content(words: Sequence[Word], k: int, limit: int, lex: LexView) -> bool:
    """After an appositive (``، البنتاغون،``): does a complementizer, ``عن``/``إلى`` or a date follow?"""
    if k >= limit:
        return False
    n = words[k].norm
    return n in lex.complementizers or n in _OBJ_PREPS or lex.is_weekday(n) or words[k].text in OPEN_QUOTES


def _inline_name(ctx: DocCtx, words: Sequence[Word], k: int, q: tuple[int, int], limit: int) -> bool:
    """A short quoted name inside the clause (``لـ"العربية.نت" أن``, ``شركة "إي فاينانس"،``), not content."""
    inner = [x for x in words if q[0] <= x.start < q[1] and x.is_word]
    if not 1 <= len(inner) <= 3 or any(x.text in ".!?؟" for x in words if q[0] <= x.start < q[1]):
        return False
    if k > 0 and (words[k - 1].text == ":" or words[k - 1].norm in ctx.lex.complementizers):
        return False
    after = _word_after(words, q[1] + 1)
    return after < limit and words[after].text not in ".!?؟"


def _pp_end(words: Sequence[Word], j: int, limit: int, ctx: DocCtx) -> int | None:
    k = j + 1
    while k < min(limit, j + 15):
        w = words[k]
        if w.text in OPEN_QUOTES:
            q = quote_at(ctx.quotes, w.start)
            if q is not None and _inline_name(ctx, words, k, q, limit):
                k = _word_after(words, q[1] + 1)
                continue
            return k
        if w.text == ":" or w.norm in ctx.lex.complementizers:
            if words[k - 1].norm in ("بعد", "قبل") and w.norm in ("ان", "أن"):
                k = next((c + 1 for c in range(k, limit) if words[c].text in _COMMAS), limit)
                continue
            return k
        k += 1
    return None


def _is_channel_start(words: Sequence[Word], j: int, lex: LexView) -> bool:
    return bool(
        lex.phrase_at(lex.channels, words, j)
        or lex.phrase_at(lex.platforms, words, j)
        or lex.phrase_at(lex.agencies, words, j)
    )


def _content(ctx: DocCtx, sv: SentView, k: int, limit: int, limit_char: int) -> tuple[int, int] | None:
    words, text, lex = sv.words, ctx.doc.text, ctx.lex
    j = k
    while j < limit:
        w = words[j]
        n = w.norm
        if (w.text in OPEN_QUOTES and w.text not in CLOSE_QUOTES) or w.text in '"″':
            q = quote_at(ctx.quotes, w.start)
            if q is not None and j > k and _inline_name(ctx, words, j, q, limit):
                j = _word_after(words, q[1] + 1)
                continue
            if q is not None:
                return content_from_quote(text, q)
        if w.text == ":":
            if j + 1 < limit and words[j + 1].text in OPEN_QUOTES:
                j += 1
                continue
            return _clause(ctx, sv, j + 1, limit_char)
        if not w.is_word:
            j += 1
            continue
        if n in lex.complementizers:
            if j + 1 < len(words) and words[j + 1].text in OPEN_QUOTES:
                q = quote_at(ctx.quotes, words[j + 1].start)
                if q is not None:
                    return content_from_quote(text, q)
            return _clause(ctx, sv, j + 1, limit_char)
        if lex.is_weekday(n) or n in lex.day_parts or n in _ADVERBS or any(d.start == w.start for d in ctx.dates):
            j = _skip_date(ctx, words, j)
            continue
        if j > k and words[j - 1].text in _COMMAS:
            span = 9 if lex.is_title(n) else 4
            comma = next((c for c in range(j + 1, min(limit, j + span)) if words[c].text in _COMMAS), None)
            if comma is not None and (lex.is_title(n) or _opens_content(words, comma + 1, limit, lex)):
                j = comma + 1
                continue
        if n in ("الذي", "التي"):
            j = next(
                (
                    c + (1 if words[c].text in _COMMAS else 0)
                    for c in range(j + 1, limit)
                    if words[c].text in _COMMAS or words[c].norm in lex.complementizers
                ),
                limit,
            )
            continue
        if n in ("بعد", "قبل") and j + 1 < limit and words[j + 1].norm in lex.complementizers:
            j = next((c + 1 for c in range(j + 2, limit) if words[c].text in _COMMAS), limit)
            continue
        if n in _OBJ_PREPS and j + 1 < limit and words[j + 1].norm in lex.complementizers:
            j += 1
            continue
        is_pp = n in _PREPS or (n[:1] in "لب" and not n.startswith(("ال", "لل")) and len(n) > 3)
        is_pp = is_pp or n.startswith("لل") or bool(lex.phrase_at(lex.agencies, words, j))
        if n[:1] == "ب" and not _is_channel_start(words, j, lex) and n not in _PREPS:
            is_pp = False
        if is_pp or n in _OBJ_PREPS:
            e = _pp_end(words, j, limit, ctx)
            if e is not None:
                j = e
                continue
            if n in _OBJ_PREPS:
                return _clause(ctx, sv, j + 1, limit_char)
            comma = next((c for c in range(j + 1, min(limit, j + 14)) if words[c].text in _COMMAS), None)
            if comma is not None:
                j = comma + 1
                continue
        return _clause(ctx, sv, j, limit_char)
    return None


_AS_SAID = frozenset(["حسبما", "كما", "بحسبما", "وفقما"])


def _content_before(ctx: DocCtx, sv: SentView, h: TriggerHit, clause_start: int) -> tuple[int, int] | None:
    """``X، حسبما أعلن الجيش``: the content is the clause before the trigger."""
    words = sv.words
    k = h.i - 1
    if k <= clause_start or words[k].norm not in _AS_SAID:
        return None
    if k - 1 > clause_start and words[k - 1].norm in ("حسب", "بحسب", "وفق") and words[k].norm == "ما":
        k -= 1
    a, b = trim_span(ctx.doc.text, words[clause_start].start, words[k].start)
    return (a, b) if b > a else None


def _quote_before(ctx: DocCtx, h: TriggerHit) -> tuple[int, int] | None:
    """A quotation closing just before the trigger (``«…»، قال الوزير``)."""
    text = ctx.doc.text
    for a, b in ctx.quotes:
        if b < h.start and text[b + 1 : h.start].strip(" ,،\u00a0") == "":
            return a, b
    return None


def _introduced(ctx: DocCtx, words: Sequence[Word], k: int, start: int) -> bool:
    """Is the content at ``start`` introduced by a colon, a quote or a complementizer after word ``k``?"""
    for w in words[k:]:
        if w.start >= start:
            return w.text in OPEN_QUOTES
        if w.text == ":" or w.text in OPEN_QUOTES or w.norm in ctx.lex.complementizers or w.norm in _OBJ_PREPS:
            return True
    return False


def _skip_date(ctx: DocCtx, words: Sequence[Word], j: int) -> int:
    w = words[j]
    for d in ctx.dates:
        if d.start <= w.start < d.end:
            k = j
            while k < len(words) and words[k].start < d.end:
                k += 1
            return max(k, j + 1)
    return j + 1


def _clause(ctx: DocCtx, sv: SentView, j: int, limit_char: int) -> tuple[int, int] | None:
    words, text = sv.words, ctx.doc.text
    if j >= len(words) or words[j].start >= limit_char:
        return None
    start = words[j].start
    end = clause_end(text, start, limit_char, ctx.quotes)
    for k in range(j + 1, len(words)):
        w = words[k]
        if w.start >= end:
            break
        if ctx.in_quote(w.start) and not ctx.in_quote(start):
            continue
        if words[k - 1].text in _COMMAS and ctx.lex.phrase_at(ctx.lex.content_stops, words, k):
            end = words[k - 1].start
            break
        if w.norm in ctx.lex.clause_openers:
            end = w.start
            break
    a, b = trim_span(text, start, end)
    return (a, b) if b > a else None


def _channel(ctx: DocCtx, words: Sequence[Word], a: int, b: int, skip: tuple[int, int]) -> tuple[int, int] | None:
    lex = ctx.lex
    found: dict[str, tuple[int, int]] = {}
    for j in range(a, min(b, len(words))):
        w = words[j]
        if skip[0] <= w.start < skip[1] or not w.is_word:
            continue
        n = lex.phrase_at(lex.platforms, words, j)
        if n and "platform" not in found:
            if words[j].norm.endswith("منصه") and j + 1 < b and words[j + 1].is_word:
                n = 2
            found["platform"] = (_strip_prep(words[j], lex.platforms), words[j + n - 1].end)
            continue
        n = lex.phrase_at(lex.agencies, words, j)
        prev = words[j - 1].norm if j > 0 else ""
        if n and "agency" not in found and (w.norm[:1] == "ل" or prev in ("عبر", "ل", "لـ")):
            skip_n = 0 if w.norm.startswith("لل") else (1 if w.norm[:1] == "ل" else 0)
            ms = grow_np(words, j, lex, skip_proclitic=skip_n, limit=b, max_words=6)
            end = ms[0].end if ms else words[j + n - 1].end
            found["agency"] = (w.start + skip_n, max(end, words[j + n - 1].end))
            continue
        n = lex.phrase_at(lex.channels, words, j) or _possessed_channel(w, lex)
        if n and "channel" not in found:
            end = words[j + n - 1].end
            nxt = words[j + n] if j + n < b else None
            if n == 1 and nxt is not None and nxt.is_word and _modifier(nxt, ctx):
                end = nxt.end
            found["channel"] = (_strip_prep(w, lex.channels), end)
    for key in ("platform", "agency", "channel"):
        if key in found:
            return found[key]
    return None


def _relay_verb_channel(ctx: DocCtx, words: Sequence[Word], before: int) -> tuple[int, int] | None:
    """``نقلت وكالة رويترز عن …``: the agency after the relay verb, before word ``before``."""
    for k in range(before - 1, max(-1, before - 12), -1):
        if words[k].norm in ctx.lex.relay_verbs:
            ms = grow_np(words, k + 1, ctx.lex, limit=before, max_words=6)
            if ms:
                return ms[0].start, ms[0].end
            return None
    return None


def _relay_channel(ctx: DocCtx, words: Sequence[Word], end: int) -> tuple[int, int] | None:
    """``…، بحسب وكالة الأنباء الأردنية``: an agency that relays the statement, right after the content."""
    k = _word_after(words, end)
    while k < len(words) and not words[k].is_word:
        k += 1
    if k >= len(words) or words[k].norm not in ctx.lex.relay_words:
        return None
    for j in range(k + 1, min(k + 5, len(words))):
        n = ctx.lex.phrase_at(ctx.lex.agencies, words, j)
        if n:
            skip = 1 if words[j].norm[:1] == "ل" and not words[j].norm.startswith("لل") else 0
            ms = grow_np(words, j, ctx.lex, skip_proclitic=skip, max_words=6)
            stop = ms[0].end if ms else words[j + n - 1].end
            return words[j].start + skip, max(stop, words[j + n - 1].end)
    return None


def _possessed_channel(w: Word, lex: LexView) -> int:
    """``كلمته``, ``تغريدتها``, ``بيانه``: a channel noun with a possessive suffix (1 word, else 0)."""
    for _, bare in strip_proclitics(w.norm, ("و", "ب", "ل", "ف")):
        for suffix in ("هما", "هم", "ها", "ه"):
            if bare.endswith(suffix) and len(bare) > len(suffix) + 2:
                stem = bare[: -len(suffix)]
                stem = stem[:-1] + "ه" if stem.endswith("ت") else stem
                if (stem,) in lex.channels:
                    return 1
    return 0


def _modifier(w: Word, ctx: DocCtx) -> bool:
    n = w.norm
    if ctx.lex.is_stop(n) or n in ctx.lex.day_parts or ctx.lex.is_weekday(n) or n in ("له", "لها", "لهم"):
        return False
    return not n.startswith(("ل", "ب")) or n.startswith("ال")


def _strip_prep(w: Word, table: dict[tuple[str, ...], int]) -> int:
    if any(key[0] == w.norm for key in table):
        return w.start
    for k, rest in strip_proclitics(w.norm, ("وب", "ول", "و", "ب", "ل", "ف"))[1:]:
        if k and any(key[0] == rest for key in table):
            return w.start + k
    return w.start
