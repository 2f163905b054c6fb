"""Fold raw text for temporal matching while keeping an offset map back to it.

The temporal finders match on a folded copy of the text: diacritics, tatweel and
invisible controls removed (length-changing), alef forms → ا, ى → ي, ة → ه,
Eastern digits → ASCII and Arabic decimal/thousands separators → ``.``/``,``
(all 1:1). :class:`FoldedText` remembers, for every folded character, where it
came from, so a match ``[s, e)`` on the folded text maps back to exact offsets in
the original string.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from arnews_nlp.normalize.charsets import ALEF_FORMS, BIDI_AND_ZERO_WIDTH, DIACRITICS, DIGITS, TATWEEL

__all__ = ["FoldedText", "fold_aligned", "fold_word"]

# 1:1 replacements.
_ONE_TO_ONE: dict[str, str] = {**ALEF_FORMS, "ى": "ي", "ة": "ه", **DIGITS, "٫": ".", "٬": ","}
# Removed characters that belong to the preceding letter (kept inside a span's end).
_MARKS = frozenset(DIACRITICS) | {TATWEEL}
# Removed characters that never join a span's edge.
_REMOVED = _MARKS | BIDI_AND_ZERO_WIDTH

_REMOVED_RE = regex.compile("[" + regex.escape("".join(sorted(_REMOVED))) + "]+")
_ONE_TO_ONE_TABLE = str.maketrans(_ONE_TO_ONE)
_WORD_TABLE = str.maketrans({**_ONE_TO_ONE, **{c: None for c in _REMOVED}})


def fold_word(word: str) -> str:
    """Fold a lexicon word exactly as :func:`fold_aligned` folds text.

    Examples:
        >>> fold_word("غداً")
        'غدا'
        >>> fold_word("السنة الأولى")
        'السنه الاولي'
    """
    return word.translate(_WORD_TABLE)


@dataclass(frozen=True, slots=True)
class FoldedText:
    """A folded string with a map from folded positions to original offsets.

    Attributes:
        original: The verbatim input.
        text: The folded string that the finders match on.
        index: ``index[i]`` is the original offset of ``text[i]``; one extra
            entry at the end holds ``len(original)``.
    """

    original: str
    text: str
    index: tuple[int, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a folded span ``[start, end)`` to original offsets.

        The end is extended over diacritics and tatweel that follow the last
        matched character (they belong to it), never over bidi controls.

        Examples:
            >>> ft = fold_aligned("\u200fغداً الخميس")
            >>> s, e = ft.to_original(0, 3)
            >>> ft.original[s:e]
            'غداً'
        """
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"bad folded span [{start}, {end}) for length {len(self.text)}")
        o_start = self.index[start]
        o_end = self.index[end - 1] + 1
        limit = len(self.original)
        while o_end < limit and self.original[o_end] in _MARKS:
            o_end += 1
        return o_start, o_end


def fold_aligned(text: str) -> FoldedText:
    """Fold ``text`` for matching and keep the alignment.

    Examples:
        >>> ft = fold_aligned("الـ٩٠")
        >>> ft.text
        'ال90'
        >>> ft.to_original(0, 4)
        (0, 5)
    """
    parts: list[str] = []
    index: list[int] = []
    pos = 0
    for m in _REMOVED_RE.finditer(text):
        parts.append(text[pos : m.start()])
        index.extend(range(pos, m.start()))
        pos = m.end()
    parts.append(text[pos:])
    index.extend(range(pos, len(text)))
    index.append(len(text))
    return FoldedText(text, "".join(parts).translate(_ONE_TO_ONE_TABLE), tuple(index))
