"""Span helpers shared by the NER backends: sentence windows, proclitic trimming, canonical forms.

Examples:
    >>> from arnews_nlp.doc import Doc, Segment, Sentence, Token
    >>> doc = Doc("زار والرياض")
    >>> sentence_windows(doc)
    [(0, 11)]
    >>> doc.tokens = [Token(0, 3, "زار"), Token(4, 11, "والرياض", (
    ...     Segment(4, 5, "proclitic", "و"), Segment(5, 7, "article", "ال"), Segment(7, 11, "stem", "رياض")))]
    >>> trim_proclitics(doc, 4, 11)
    (5, 11)
"""

from __future__ import annotations

from arnews_nlp.doc import Doc
from arnews_nlp.normalize.charsets import BIDI_AND_ZERO_WIDTH, DIACRITICS, TATWEEL

__all__ = ["canonical_form", "sentence_windows", "trim_proclitics"]

_DROP = DIACRITICS | BIDI_AND_ZERO_WIDTH | {TATWEEL}


def sentence_windows(doc: Doc) -> list[tuple[int, int]]:
    """``(start, end)`` of each non-empty sentence, or of the whole text when there are no sentences."""
    windows = [(s.start, s.end) for s in doc.sentences if doc.text[s.start : s.end].strip()]
    if not doc.sentences and doc.text.strip():
        windows = [(0, len(doc.text))]
    return windows


def trim_proclitics(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Move ``start`` past the proclitic segments (و ب ل ك ف س) of the token that begins there.

    The definite article stays inside the span (``الرياض``), as in the default NER.
    Nothing changes when no token starts at ``start`` or it has no segments.
    """
    for token in doc.tokens:
        if token.start == start and token.segments:
            new_start = start
            for seg in token.segments:
                if seg.kind != "proclitic":
                    break
                new_start = seg.end
            return (new_start, end) if new_start < end else (start, end)
        if token.start > start:
            break
    return start, end


def canonical_form(span: str) -> str:
    """The span without diacritics, tatweel or invisible controls, with single spaces.

    Examples:
        >>> canonical_form("محمّـــد  بنُ سلمان")
        'محمد بن سلمان'
    """
    return " ".join("".join(ch for ch in span if ch not in _DROP).split())
