"""Turn overlapping character spans into properly nested HTML.

Annotations overlap: a date inside an event argument, an entity inside a
statement's content, a trigger that crosses an argument. HTML elements must
nest, so :func:`nest` walks the text segment by segment (between consecutive
span boundaries) and keeps a stack of open elements: when the spans active on
the next segment differ, it closes elements down to the common prefix and opens
the rest. A span that crosses another is therefore split into pieces; only the
first piece carries the ``id`` (ids stay unique) and every piece carries the
same attributes (so styling and ``data-label`` hold on each piece).

Examples:
    >>> spans = [Wrap(0, 3, "b", ' class="x"'), Wrap(2, 5, "i")]
    >>> nest("abcdef", spans)
    '<b class="x">ab<i>c</i></b><i>de</i>f'
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Wrap", "nest"]


@dataclass(frozen=True, slots=True)
class Wrap:
    """An element to wrap around ``text[start:end]``.

    Attributes:
        start: Offset of the first character.
        end: Offset one past the last character.
        tag: Element name (``"mark"``, ``"span"``).
        attrs: Attribute string, already escaped, starting with a space (or empty).
        anchor: ``id`` for the first piece (link target), or ``None``.
        layer: 0 for outer structure (zones), 1 for annotations; lower layers enclose higher ones.
        after: HTML inserted right after the span's last piece closes (e.g. a badge).
    """

    start: int
    end: int
    tag: str
    attrs: str = ""
    anchor: str | None = None
    layer: int = 1
    after: str = ""


def nest(text: str, wraps: Sequence[Wrap]) -> str:
    """Render ``text`` as escaped HTML with every span wrapped in its element.

    Spans that are empty or fall outside the text are dropped. Where several
    spans cover the same characters, the one that starts first (then the longer
    one) is the outer element.

    Args:
        text: The verbatim text; it is HTML-escaped.
        wraps: The elements to place.

    Returns:
        The HTML; its visible text (tags removed, entities unescaped) equals ``text``.

    Examples:
        >>> nest("زار الوزير عمان", [Wrap(11, 15, "mark", ' data-label="GPE"', anchor="e1")])
        'زار الوزير <mark id="e1" data-label="GPE">عمان</mark>'
        >>> nest("a<b", [])
        'a&lt;b'
    """
    n = len(text)
    items = [w for w in wraps if 0 <= w.start < w.end <= n]
    items.sort(key=lambda w: (w.layer, w.start, -w.end))
    order = {id(w): i for i, w in enumerate(items)}
    cuts = sorted({0, n, *(w.start for w in items), *(w.end for w in items)})
    out: list[str] = []
    stack: list[Wrap] = []
    opened: set[int] = set()
    for a, b in itertools.pairwise(cuts):
        active = [w for w in items if w.start <= a and w.end >= b]
        keep = 0
        while keep < len(stack) and keep < len(active) and stack[keep] is active[keep]:
            keep += 1
        _close(out, stack, keep, a)
        for w in active[keep:]:
            first = order[id(w)] not in opened
            opened.add(order[id(w)])
            anchor = f' id="{html.escape(w.anchor)}"' if first and w.anchor else ""
            out.append(f"<{w.tag}{anchor}{w.attrs}>")
            stack.append(w)
        out.append(html.escape(text[a:b], quote=False))
    _close(out, stack, 0, n)
    return "".join(out)


def _close(out: list[str], stack: list[Wrap], keep: int, at: int) -> None:
    while len(stack) > keep:
        w = stack.pop()
        out.append(f"</{w.tag}>")
        if w.end == at and w.after:
            out.append(w.after)
