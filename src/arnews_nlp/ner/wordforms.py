"""Word forms used by the NER features: folded keys, proclitic splits, word shape.

These work on bare strings (no offsets): they feed the tagger's features and the
word-cluster table, which must agree on one normalization. Offsets are handled by
:mod:`arnews_nlp.ner.stage` with the tokenizer's segments.
"""

from __future__ import annotations

import regex

from arnews_nlp.normalize.charsets import fold

__all__ = ["PROCLITIC_PREFIXES", "key", "shape", "split_proclitics", "split_words"]

_HAMZA = str.maketrans({"ؤ": "و", "ئ": "ي", "ـ": None})

# Proclitic clusters on folded text, longest first: (surface prefix, restored article).
# "لل" is the contracted ل + ال: its stem gets "ال" back.
PROCLITIC_PREFIXES: tuple[tuple[str, str], ...] = (
    ("وبال", "ال"),
    ("فبال", "ال"),
    ("وكال", "ال"),
    ("ولل", "ال"),
    ("فلل", "ال"),
    ("وال", "ال"),
    ("فال", "ال"),
    ("بال", "ال"),
    ("كال", "ال"),
    ("لل", "ال"),
    ("وب", ""),
    ("ول", ""),
    ("فب", ""),
    ("و", ""),
    ("ف", ""),
    ("ب", ""),
    ("ل", ""),
    ("ك", ""),
)

# The prefixes by first letter, in the order above (most words start with no proclitic letter).
_BY_FIRST: dict[str, list[tuple[str, str]]] = {}
for _pair in PROCLITIC_PREFIXES:
    _BY_FIRST.setdefault(_pair[0][0], []).append(_pair)
_ARABIC_RUN = regex.compile(r"[\u0600-\u06ff]+")

_WORD_RE = regex.compile(r"[\p{L}\p{M}\p{N}_]+|[^\p{L}\p{M}\p{N}_\s]")
_LATIN = regex.compile(r"[A-Za-z]")


def key(word: str) -> str:
    """Fold a token into the key used by features, gazetteers and clusters.

    :func:`arnews_nlp.normalize.charsets.fold` plus hamza seats (ؤ→و, ئ→ي), so
    that corpora which dropped hamzas and those that kept them meet; Latin is
    lower-cased.

    Examples:
        >>> key("المسؤولين")
        'المسوولين'
        >>> key("إسرائيل")
        'اسراييل'
    """
    return fold(word).translate(_HAMZA).lower()


def split_proclitics(word: str, *, min_stem: int = 3) -> tuple[str, str]:
    """Guess the proclitic cluster of a folded word: ``(prefix, stem)``.

    The stem keeps the definite article (restored for the contracted ``لل``).
    A split is only proposed when at least ``min_stem`` letters remain; it is a
    guess, used as a feature next to the whole word, never to cut spans.

    Examples:
        >>> split_proclitics("وسوريا")
        ('و', 'سوريا')
        >>> split_proclitics("للتحالف")
        ('ل', 'التحالف')
        >>> split_proclitics("بالعراق")
        ('ب', 'العراق')
        >>> split_proclitics("دمشق")
        ('', 'دمشق')
    """
    for prefix, article in _BY_FIRST.get(word[:1], ()):
        if word.startswith(prefix) and len(word) - len(prefix) >= min_stem:
            if article:
                clitic = prefix[: len(prefix) - (2 if prefix.endswith("ال") else 1)]
                if prefix.endswith("لل"):
                    clitic = prefix[:-1]
                return clitic, article + word[len(prefix) :]
            return prefix, word[len(prefix) :]
    return "", word


def shape(word: str) -> str:
    """A coarse word shape: ``A`` Arabic, ``L``/``l`` Latin, ``d`` digit, else the char.

    Runs of the same class collapse to one symbol.

    Examples:
        >>> shape("بغداد"), shape("G20"), shape("2026"), shape("،")
        ('A', 'Ld', 'd', '،')
    """
    if word.isalpha() and _ARABIC_RUN.fullmatch(word):
        return "A"
    out: list[str] = []
    for ch in word:
        if ch.isdigit():
            c = "d"
        elif "\u0600" <= ch <= "\u06ff" and ch.isalpha():
            c = "A"
        elif _LATIN.match(ch):
            c = "L" if ch.isupper() else "l"
        elif ch.isalpha():
            c = "a"
        else:
            c = ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def split_words(text: str) -> list[str]:
    """Split raw text into word and punctuation tokens (ANERcorp-like).

    Examples:
        >>> split_words("قال الوزير: «نعم».")
        ['قال', 'الوزير', ':', '«', 'نعم', '»', '.']
    """
    words: list[str] = _WORD_RE.findall(text)
    return words
