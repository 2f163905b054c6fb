"""Quotations and reported clauses: where the content of a statement starts and ends.

Examples:
    >>> t = 'قال: «الوضع هادئ. سنرى» ثم غادر'
    >>> spans = quote_spans(t)
    >>> [t[a:b] for a, b in spans]
    ['الوضع هادئ. سنرى']
    >>> a, b = content_from_quote(t, spans[0])
    >>> t[a:b]
    'الوضع هادئ'
"""

from __future__ import annotations

import regex

__all__ = ["clause_end", "content_from_quote", "quote_at", "quote_spans", "trim_span"]

_PAIRS = {"«": "»", "“": "”", "„": "“", "‹": "›"}
_STRAIGHT = '"″'
_MARK = regex.compile("[" + regex.escape("".join(_PAIRS) + _STRAIGHT) + "]")
_TERM = regex.compile(r"(?<!\d)[.!?؟…](?!\d)|\n")
_TRAIL = " \t\n،,;؛:-–—\"'«»“”″.!?؟…()"


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Inner spans (marks excluded) of the quotations of ``text``, within a paragraph.

    Straight quotes pair up left to right inside a paragraph; typographic ones
    pair with their closing mark. Unclosed quotes run to the end of the paragraph.
    """
    out: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    while pos < n:
        mark = _MARK.search(text, pos)
        if mark is None:
            break
        pos = mark.start()
        ch = text[pos]
        close = _PAIRS.get(ch, ch)
        para_end = text.find("\n", pos)
        para_end = n if para_end < 0 else para_end
        end = text.find(close, pos + 1, para_end)
        if close == "“" and end < 0:
            end = text.find("”", pos + 1, para_end)
        if end < 0:
            end = para_end
        out.append((pos + 1, end))
        pos = end + 1
    return out


def quote_at(spans: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The quote span whose opening mark is at ``offset`` (or whose text starts there)."""
    for a, b in spans:
        if a - 1 == offset or a == offset:
            return a, b
    return None


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip spaces, punctuation and quote marks at both ends of a span."""
    while start < end and text[start] in _TRAIL:
        start += 1
    while end > start and text[end - 1] in _TRAIL:
        end -= 1
    return start, end


def content_from_quote(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The quoted text up to its first sentence end (the guide's ``content``)."""
    a, b = span
    m = _TERM.search(text, a, b)
    if m is not None and text[a : m.start()].strip():
        b = m.start()
    return trim_span(text, a, b)


def clause_end(text: str, start: int, limit: int, quotes: list[tuple[int, int]]) -> int:
    """End of a reported clause: the first sentence end outside quotes, or ``limit``.

    Examples:
        >>> t = 'إن الوضع "هادئ. جدا" الآن. ثم'
        >>> t[:clause_end(t, 0, len(t), quote_spans(t))]
        'إن الوضع "هادئ. جدا" الآن'
    """
    pos = start
    while pos < limit:
        m = _TERM.search(text, pos, limit)
        if m is None:
            return limit
        inside = next(((a, b) for a, b in quotes if a <= m.start() < b and a > start), None)
        if inside is None:
            return int(m.start())
        pos = inside[1] + 1
    return limit
