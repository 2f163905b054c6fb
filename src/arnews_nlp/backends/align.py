"""Align a backend's bare token strings back to character offsets of the text.

camel-tools and stanza return tokens (and camel-tools clitic segments) as plain
strings. The backend may have dropped diacritics or tatweel, or written alef
forms, alef maqsura or ta marbuta differently. Both aligners compare *folded*
characters (:func:`arnews_nlp.normalize.fold`, one character at a time, so every
folded character keeps the index of the original character it came from) and
return offsets into the original, unchanged text.

Examples:
    >>> text = "قالَ الوزيرُ: إن الإجتماعَ انتهى"
    >>> spans = align_tokens(text, ["قال", "الوزير", ":", "ان", "الاجتماع", "انتهي"])
    >>> [text[s:e] for s, e in spans]
    ['قالَ', 'الوزيرُ', ':', 'إن', 'الإجتماعَ', 'انتهى']
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from arnews_nlp.normalize.charsets import DIACRITICS, TATWEEL, fold

__all__ = ["align_segments", "align_tokens"]

# Characters that belong to the letter before them: a token's span runs over them.
_ATTACHED = DIACRITICS | {TATWEEL}


def _folded_index(text: str, start: int, end: int) -> tuple[str, list[int]]:
    """Fold ``text[start:end]`` char by char; return the folded string and, per folded char, its offset."""
    chars: list[str] = []
    offsets: list[int] = []
    for i in range(start, end):
        folded = fold(text[i])
        if folded.isspace():
            folded = " "
        for ch in folded:
            chars.append(ch)
            offsets.append(i)
    return "".join(chars), offsets


def _fold_token(token: str) -> str:
    return "".join(fold(token).split())


def align_tokens(
    text: str, tokens: Sequence[str], *, start: int = 0, end: int | None = None
) -> list[tuple[int, int] | None]:
    """Find each token of ``tokens``, in order, in ``text[start:end]``.

    The search is greedy, left to right, over folded characters. A token that
    cannot be found (or folds to nothing, like a lone zero-width space) gets
    ``None`` and the search goes on from where the previous token ended, so one
    unexpected token does not shift the rest. A found span also covers the
    diacritics and tatweel that follow its last letter.

    Args:
        text: The original text (``Doc.text``).
        tokens: The backend's tokens, in text order.
        start: Where to start searching (e.g. a sentence start).
        end: Where to stop (defaults to the end of ``text``).

    Returns:
        One ``(start, end)`` pair of offsets into ``text`` per token, or ``None``.

    Examples:
        >>> align_tokens("في  الرياضِ،", ["في", "الرياض", "،", "؟"])
        [(0, 2), (4, 11), (11, 12), None]
        >>> text = "x قالَ اليوم"
        >>> align_tokens(text, ["اليوم"], start=2)
        [(7, 12)]
    """
    stop = len(text) if end is None else end
    if not 0 <= start <= stop <= len(text):
        raise ValueError(f"invalid window [{start}, {end}) for a text of {len(text)} characters")
    folded, offsets = _folded_index(text, start, stop)
    cursor = 0
    spans: list[tuple[int, int] | None] = []
    for token in tokens:
        needle = _fold_token(token)
        hit = folded.find(needle, cursor) if needle else -1
        if hit < 0:
            spans.append(None)
            continue
        first = offsets[hit]
        last = offsets[hit + len(needle) - 1] + 1
        while last < stop and text[last] in _ATTACHED:
            last += 1
        spans.append((first, last))
        cursor = hit + len(needle)
    return spans


def align_segments(surface: str, segments: Sequence[str]) -> list[tuple[int, int]]:
    """Split ``surface`` into one contiguous span per clitic segment.

    Segments come from a morphological tokenizer (``و+ ال+ مدينة +ها``); the
    ``+`` markers are ignored. The segments may restore letters that the surface
    does not spell (``ل+ ال+ مدينة`` for ``للمدينة``) or spell a letter
    differently (``مدينة +هم`` for ``مدينتهم``), so the folded segment letters
    are matched to the folded surface letters with :mod:`difflib`, and each
    segment starts at its first matched letter. The spans tile the surface
    exactly: the first starts at 0, the last ends at ``len(surface)``, and a
    segment none of whose letters is spelled in the surface gets an empty span.

    Args:
        surface: The token as written in the text.
        segments: Its segments, in order.

    Returns:
        One ``(start, end)`` pair of offsets into ``surface`` per segment.

    Examples:
        >>> align_segments("وبالمدينة", ["و+", "ب+", "ال+", "مدينة"])
        [(0, 1), (1, 2), (2, 4), (4, 9)]
        >>> align_segments("للمدينة", ["ل+", "ال+", "مدينة"])
        [(0, 1), (1, 2), (2, 7)]
        >>> align_segments("مدينتهم", ["مدينة", "+هم"])
        [(0, 5), (5, 7)]
    """
    if not segments:
        return []
    folded_surface, offsets = _folded_index(surface, 0, len(surface))
    seg_chars: list[str] = []
    owner: list[int] = []
    for i, seg in enumerate(segments):
        for ch in _fold_token(seg.replace("+", "").replace("_", "")):
            seg_chars.append(ch)
            owner.append(i)
    first_hit: list[int | None] = [None] * len(segments)
    matcher = difflib.SequenceMatcher(None, "".join(seg_chars), folded_surface, autojunk=False)
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            which = owner[block.a + k]
            if first_hit[which] is None:
                first_hit[which] = offsets[block.b + k]
    first_hit[0] = 0
    following = len(surface)
    for i in range(len(segments) - 1, 0, -1):  # an unspelled segment sits just before the next one
        hit = first_hit[i]
        following = hit if hit is not None else following
        first_hit[i] = following
    starts = [0]
    for i in range(1, len(segments)):
        starts.append(max(starts[-1], first_hit[i] or 0))
    ends = [*starts[1:], len(surface)]
    return list(zip(starts, ends, strict=True))
