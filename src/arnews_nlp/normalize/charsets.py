"""Character classes and 1:1 / removal tables used by the normalizer.

Every table here is labelled as 1:1 (the character is replaced by exactly one
character) or removal (the character disappears, a length-changing op).
"""

from __future__ import annotations

import regex

__all__ = [
    "ALEF_FORMS",
    "BIDI_AND_ZERO_WIDTH",
    "DIACRITICS",
    "DIGITS",
    "HAMZA_SEATS",
    "PUNCTUATION",
    "TATWEEL",
    "fold",
    "is_arabic_letter",
]

# Removal: harakat, shadda, sukun, dagger alef, Quranic marks.
DIACRITICS = frozenset(
    [chr(c) for c in range(0x0610, 0x061B)]
    + [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670"]
    + [chr(c) for c in range(0x06D6, 0x06DD)]
    + [chr(c) for c in range(0x06DF, 0x06E5)]
    + [chr(c) for c in range(0x06E7, 0x06E9)]
    + [chr(c) for c in range(0x06EA, 0x06EE)]
)
# Removal: tatweel (kashida).
TATWEEL = "\u0640"
# Removal: zero-width and bidirectional control characters.
BIDI_AND_ZERO_WIDTH = frozenset(
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2066\u2067\u2068\u2069\ufeff\u061c\u00ad"
)
# 1:1: alef with hamza above/below, madda, wasla -> bare alef.
ALEF_FORMS = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"}
# 1:1: hamza on waw / ya seat -> bare letter (optional, off by default).
HAMZA_SEATS = {"ؤ": "و", "ئ": "ي"}
# 1:1: Arabic-Indic and Persian digits -> ASCII.
DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}
# 1:1: Arabic punctuation -> ASCII equivalents.
PUNCTUATION = {"،": ",", "؛": ";", "؟": "?", "٪": "%", "٫": ".", "٬": ",", "۔": "."}

_FOLD_TABLE = str.maketrans(
    {**ALEF_FORMS, "ى": "ي", "ة": "ه", **DIGITS, **{c: None for c in DIACRITICS}, TATWEEL: None}
    | {c: None for c in BIDI_AND_ZERO_WIDTH}
)

_ARABIC_LETTER = regex.compile(r"\p{Script=Arabic}")


def fold(word: str) -> str:
    """Aggressively fold a string for lookups (no alignment kept).

    Removes diacritics, tatweel and invisible controls; maps alef forms to ا,
    ى to ي, ة to ه and Eastern digits to ASCII. Use it for dictionary keys and
    model features; use :func:`arnews_nlp.normalize.normalize` when offsets matter.

    Examples:
        >>> fold("الإثنين")
        'الاثنين'
        >>> fold("مُحَمَّد")
        'محمد'
        >>> fold("٢٠٢٦")
        '2026'
    """
    return word.translate(_FOLD_TABLE)


def is_arabic_letter(ch: str) -> bool:
    """True when ``ch`` is a letter of the Arabic script.

    Examples:
        >>> is_arabic_letter("ب"), is_arabic_letter("b")
        (True, False)
    """
    return bool(_ARABIC_LETTER.match(ch)) and ch.isalpha()
