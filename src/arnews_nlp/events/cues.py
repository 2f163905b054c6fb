"""Role cues: the words after which an argument stands (``بين``, ``مع``, ``في``, ``إلى``, ``رقم``).

Cues are declared per event type and per trigger in the rule files
(:class:`arnews_nlp.events.rules.RoleCue`); this module finds them near a
trigger and grows the argument after them: parties (coordinated lists split),
places, raw phrases or numbers.

Examples:
    >>> from arnews_nlp.doc import Doc
    >>> from arnews_nlp.events import EventStage
    >>> doc = EventStage()(Doc("جرت محادثات بين الحكومة الليبية والبرلمان في تونس."))
    >>> [(a.role, doc.text[a.start:a.end]) for a in doc.events[0].arguments]
    [('participant', 'الحكومة الليبية'), ('participant', 'البرلمان'), ('location', 'تونس')]
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from arnews_nlp.events.context import DocCtx, SentView
from arnews_nlp.events.draft import DraftEvent
from arnews_nlp.events.lexview import fold_phrase
from arnews_nlp.events.mentions import Mention, grow_np
from arnews_nlp.events.quotes import trim_span
from arnews_nlp.events.rules import RoleCue
from arnews_nlp.events.words import Word, strip_proclitics
from arnews_nlp.normalize.charsets import fold

__all__: list[str] = []

_COMMAS = frozenset(",،")
_NP_STOPS = frozenset(["الذي", "التي", "الذين", "مما", "وهو", "وهي", "حيث", "بعد", "قبل", "منذ", "لكن", "ولكن"])


def _possessed_party(w: Word, ctx: DocCtx) -> bool:
    """``حكومتها``, ``وزرائه``: an organization or title noun with a possessive suffix is a party."""
    for _, bare in strip_proclitics(w.norm, ("و", "ب", "ل")):
        for suffix in ("هما", "هم", "ها", "ه"):
            if bare.endswith(suffix) and len(bare) > len(suffix) + 2:
                stem = bare[: -len(suffix)]
                stem = stem[:-1] + "ه" if stem.endswith("ت") else stem
                stem = stem[:-1] + "ء" if stem.endswith("ئ") else stem
                if ctx.lex.is_org_head(stem) or ctx.lex.is_title(stem):
                    return True
    return False


def _party_ok(m: Mention, words: Sequence[Word], ctx: DocCtx) -> bool:
    if m.kind not in ("person", "org", "title", "place"):
        return False
    text = ctx.doc.text[m.start : m.end]
    if any(ch.isdigit() for ch in text) or fold_phrase(text) in ctx.lex.ordinals:
        return False
    if m.kind in ("org", "title") and " " not in text.strip() and not text.startswith("ال"):
        return False  # a bare indefinite head (جماعة، وزير) names no one
    first = next((w for w in words if w.end > m.start), None)
    if first is None:
        return False
    if first.end >= m.end and first.text.endswith(("ها", "هم", "هما")) and not _possessed_party(first, ctx):
        return False
    if (
        first.end >= m.end
        and first.text.endswith(("ية", "ي"))
        and not first.norm.startswith("ال")
        and m.kind != "place"
    ):
        return False
    return not any(
        rest in ctx.lex.skip_speakers or rest in ctx.lex.pronouns for _, rest in strip_proclitics(first.norm)
    )


def _add_mentions(
    ev: DraftEvent, role: str, ms: Sequence[Mention], words: Sequence[Word], ctx: DocCtx, *, lenient: bool = False
) -> int:
    """Add each acceptable mention; ``lenient`` also takes short definite phrases (subjects of verbs)."""
    n = 0
    for m in map(ctx.promote, ms):
        words_in = ctx.doc.text[m.start : m.end].split()
        if lenient and m.kind == "other" and len(words_in) <= 3 and fold(words_in[0]).startswith("ال"):
            m = Mention(m.start, m.end, m.name_start, m.name_end, "org", m.has_title)
        if _party_ok(m, words, ctx):
            ev.add(role, m.name_start, m.name_end, mention=m)
            n += 1
    return n


def _after(words: Sequence[Word], offset: int) -> int:
    return next((k for k, w in enumerate(words) if w.start >= offset), len(words))


def _skip_filler(ctx: DocCtx, words: Sequence[Word], k: int, limit: int) -> int:
    """Skip punctuation, dates and pronoun prepositions (``خلالها``, ``معه``) before an object."""
    while k < limit and (
        not words[k].is_word
        or any(d.start <= words[k].start < d.end for d in ctx.dates)
        or (ctx.lex.is_stop(words[k].norm) and words[k].norm.endswith(("ها", "ه", "هم", "هما")))
    ):
        k += 1
    return k


@lru_cache(maxsize=4096)
def _fold_cue(cue: str) -> str:
    return fold(cue)


def _cue_matches(
    cue: RoleCue, w: Word, stops: frozenset[str], places: dict[tuple[str, ...], int] | None = None
) -> int | None:
    """Characters of ``w`` to skip before the argument when ``w`` is the cue, else ``None``."""
    c = _fold_cue(cue.cue)
    if cue.prefix:
        n = w.norm
        if n in stops or n.endswith(("هما", "هم", "ها", "نا")) or (places is not None and (n,) in places):
            return None
        if n.startswith(c) and len(n) > len(c) + 2:
            return len(c)
        return None
    return -1 if any(rest == c for _, rest in strip_proclitics(w.norm)) else None


def _raw_phrase(
    ctx: DocCtx, words: Sequence[Word], k: int, limit: int, stops: frozenset[str] = frozenset()
) -> tuple[int, int] | None:
    j = k
    limit = min(limit, k + 12)
    while j < limit:
        w = words[j]
        if (not w.is_word and w.text not in '"«»“”') or w.norm in _NP_STOPS or w.norm in ctx.lex.complementizers:
            break
        if j > k and any(rest in stops for _, rest in strip_proclitics(w.norm)):
            break
        if j > k and (w.norm.isdigit() or any(d.start <= w.start < d.end for d in ctx.dates)):
            break
        j += 1
    if j == k:
        return None
    a, b = trim_span(ctx.doc.text, words[k].start, words[j - 1].end)
    if words[j - 1].text in '"»”' and b < words[j - 1].end:
        b = words[j - 1].end
    return (a, b) if b > a else None


def _number(ctx: DocCtx, words: Sequence[Word], k: int, cue_k: int) -> tuple[int, int, int] | None:
    for j in range(k, min(k + 2, len(words))):
        w = words[j]
        for num in ctx.doc.numbers:
            if num.start <= w.start < num.end:
                return num.start, num.end, num.value
        digits = w.norm.replace("ال", "", 1) if w.norm.startswith("ال") else w.norm
        if digits.isdigit():
            return w.start, w.end, int(digits)
        if w.norm in ctx.lex.ordinals:
            return w.start, w.end, ctx.lex.ordinals[w.norm]
    return None


def _apply_cue(
    ctx: DocCtx, sv: SentView, ev: DraftEvent, cue: RoleCue, lo: int, hi: int, stops: frozenset[str] = frozenset()
) -> None:
    words, lex = sv.words, ctx.lex
    quoted = ctx.in_quote(ev.trigger_start)
    for k in range(lo, min(hi, lo + cue.window + 1, len(words))):
        if ctx.in_quote(words[k].start) and not quoted:
            continue
        skip = _cue_matches(cue, words[k], lex.stop_words | lex.pronouns, lex.places)
        if skip is None:
            continue
        start_k = k if skip >= 0 else k + 1
        skip_n = max(skip, 0)
        if cue.target == "number":
            found = _number(ctx, words, k + 1, k)
            if found is None:
                continue
            cue_word = words[k - 1] if cue.cue == "رقم" and k > 0 else words[k]
            head = _strip_one(cue_word)
            ev.add(cue.role, head, found[1], value=found[2])
            return
        if cue.target == "np":
            span = _raw_phrase(ctx, words, start_k, hi, stops)
            if span is not None and not skip_n:
                ev.add(cue.role, *span)
                return
            continue
        if cue.target == "place":
            if not (
                lex.place_at(words, start_k) or _place_head(words, start_k, ctx) or _ner_place(ctx, words, start_k)
            ):
                continue
            ms = grow_np(words, start_k, lex, limit=hi, skip_proclitic=skip_n, entities=ctx.entities, max_words=6)
            if ms:
                _add_places(ctx, words, ev, cue.role, ms)
                return
            continue
        ms = grow_np(
            words,
            start_k,
            lex,
            limit=hi,
            skip_proclitic=skip_n,
            split_all=cue.split and cue.cue == "بين",
            entities=ctx.entities,
            barrier=ctx.barrier,
        )
        short = [m for m in ms if len(ctx.doc.text[m.start : m.end].split()) <= 3]
        if _add_mentions(ev, cue.role, ms, words, ctx, lenient=len(short) == len(ms)):
            return


def _add_places(ctx: DocCtx, words: Sequence[Word], ev: DraftEvent, role: str, ms: Sequence[Mention]) -> None:
    """Add the first place mention, and each coordinated one that is a place too (إلى بغداد وبيروت)."""
    ev.add(role, ms[0].start, ms[0].end, mention=None)
    for m in ms[1:]:
        k = next((i for i, w in enumerate(words) if w.end > m.start), len(words))
        if ctx.lex.place_at(words, k) or _ner_place(ctx, words, k):
            ev.add(role, m.start, m.end, mention=None)


def _strip_one(w: Word) -> int:
    if w.norm[:1] in "كلبو" and len(w.norm) >= 4:
        return w.start + 1
    return w.start


def _place_head(words: Sequence[Word], k: int, ctx: DocCtx) -> bool:
    if k >= len(words):
        return False
    return any(rest in ctx.lex.place_heads for _, rest in strip_proclitics(words[k].norm))


def _ner_place(ctx: DocCtx, words: Sequence[Word], k: int) -> bool:
    if k >= len(words):
        return False
    w = words[k]
    return any(e.start >= w.start and e.start < w.end and e.label in ("GPE", "LOC", "FAC") for e in ctx.entities)
