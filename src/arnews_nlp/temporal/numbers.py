"""Cardinal and ordinal numbers in digits and words, with integer values.

Examples:
    >>> [(m.start, m.end, m.value, m.kind) for m in find_numbers("انضمت بوصفها العضو الـ٩٠")]
    [(19, 24, 90, 'ordinal')]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import regex

from arnews_nlp.doc import NumberMention
from arnews_nlp.temporal.folding import fold_word
from arnews_nlp.temporal.tokens import Analysis, Tok, analyse, clitic_splits
from arnews_nlp.temporal.tokens import tokenize as tokenize  # used by the examples

__all__ = ["NumberHit", "find_numbers", "parse_number_at", "parse_ordinal_words"]

Kind = Literal["cardinal", "ordinal"]


def _folded(entries: dict[int, tuple[str, ...]]) -> dict[str, int]:
    return {fold_word(w): v for v, words in entries.items() for w in words}


UNITS = _folded({
    1: ("واحد", "واحدة"), 2: ("اثنان", "اثنين", "اثنتان", "اثنتين", "اثنا", "اثني", "اثنتا", "اثنتي"),
    3: ("ثلاث", "ثلاثة"), 4: ("أربع", "أربعة"), 5: ("خمس", "خمسة"), 6: ("ست", "ستة"),
    7: ("سبع", "سبعة"), 8: ("ثمان", "ثماني", "ثمانية"), 9: ("تسع", "تسعة"), 10: ("عشر", "عشرة"),
})  # fmt: skip
# "احد/احدي" only count before عشر (alone they mean "one of").
TEEN_UNITS = UNITS | _folded({1: ("أحد", "إحدى", "الأحد", "الإحدى")})
TEN_WORDS = frozenset({"عشر", "عشره"})
TENS = _folded({
    20: ("عشرون", "عشرين"), 30: ("ثلاثون", "ثلاثين"), 40: ("أربعون", "أربعين"), 50: ("خمسون", "خمسين"),
    60: ("ستون", "ستين"), 70: ("سبعون", "سبعين"), 80: ("ثمانون", "ثمانين"), 90: ("تسعون", "تسعين"),
})  # fmt: skip
HUNDREDS = _folded({
    100: ("مئة", "مائة"), 200: ("مئتان", "مئتين", "مائتان", "مائتين", "مئتا", "مئتي", "مائتا", "مائتي"),
    300: ("ثلاثمئة", "ثلاثمائة"), 400: ("أربعمئة", "أربعمائة"), 500: ("خمسمئة", "خمسمائة"),
    600: ("ستمئة", "ستمائة"), 700: ("سبعمئة", "سبعمائة"),
    800: ("ثمانمئة", "ثمانمائة", "ثمانيمئة", "ثمانيمائة"), 900: ("تسعمئة", "تسعمائة"),
})  # fmt: skip
SCALES = _folded({
    1000: ("ألف", "آلاف", "الاف"), 2000: ("ألفا", "ألفان", "ألفين", "ألفي"),
    10**6: ("مليون", "ملايين"), 2 * 10**6: ("مليونا", "مليونان", "مليونين", "مليوني"),
    10**9: ("مليار", "مليارات", "بليون"), 2 * 10**9: ("ملياران", "مليارين", "مليارا", "ملياري"),
    10**12: ("تريليون", "ترليون"),
})  # fmt: skip
_PLURAL_SCALES = frozenset(fold_word(w) for w in ("آلاف", "ملايين", "مليارات"))
# After a number every scale form multiplies by its base ("خمسة عشر ألفاً" is 15,000).
SCALE_BASE = {w: (1000 if v < 10**6 else 10**6 if v < 10**9 else 10**9 if v < 10**12 else v) for w, v in SCALES.items()}
# Words that split into a clitic and a numeral but are something else ("لست": "I am not").
_NOT_NUMERALS = frozenset({"لست", "كست", "تسع"})
ORDINAL_UNITS = _folded({
    1: ("الأول", "الأولى", "الحادي", "الحادية"), 2: ("الثاني", "الثانية"), 3: ("الثالث", "الثالثة"),
    4: ("الرابع", "الرابعة"), 5: ("الخامس", "الخامسة"), 6: ("السادس", "السادسة"),
    7: ("السابع", "السابعة"), 8: ("الثامن", "الثامنة"), 9: ("التاسع", "التاسعة"), 10: ("العاشر", "العاشرة"),
})  # fmt: skip
_NEEDS_TEEN = frozenset({"الحادي", "الحاديه"})
DEFINITE_TENS = {"ال" + w: v for w, v in TENS.items()}
# Words before which الأول / الثاني are part of a month name, not numbers.
_MONTH_HEADS = frozenset({"كانون", "تشرين", "ربيع", "جمادي"})
_RANK_WORDS = frozenset({"رقم", "الرقم"})
_INT_RE = regex.compile(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?")
# A decimal comma ("53,3 مليار"): one or two digits after the comma.
_DECIMAL_COMMA_RE = regex.compile(r"\d+,\d{1,2}")
# Definite hundreds are "per cent" ("في المئة", "بالمئة"), not numbers.
_PERCENT_WORDS = frozenset({"المئه", "المائه"})


@dataclass(frozen=True, slots=True)
class NumberHit:
    """A number parsed at a token: value, kind, token span and leading clitic length."""

    value: int
    kind: Kind
    first: int
    last: int
    clitic: int = 0


def _word(toks: Sequence[Tok], i: int) -> str | None:
    return toks[i].text if 0 <= i < len(toks) and toks[i].kind == "word" else None


def parse_ordinal_words(toks: Sequence[Tok], i: int) -> NumberHit | None:
    """Parse an ordinal in words at token ``i`` ("التاسع", "الخامس عشر", "الحادي والعشرين").

    Examples:
        >>> hit = parse_ordinal_words(tokenize(fold_word("الخامس عشر من")), 0)
        >>> (hit.value, hit.last)
        (15, 1)
    """
    word = _word(toks, i)
    if word is None:
        return None
    for clitic, stem in clitic_splits(word):
        if stem in DEFINITE_TENS:
            return NumberHit(DEFINITE_TENS[stem], "ordinal", i, i, clitic)
        unit = ORDINAL_UNITS.get(stem)
        if unit is None:
            continue
        nxt = _word(toks, i + 1)
        if nxt in TEN_WORDS:
            return NumberHit(unit + 10, "ordinal", i, i + 1, clitic)
        if nxt is not None and nxt.startswith("و") and nxt[1:] in DEFINITE_TENS:
            return NumberHit(unit + DEFINITE_TENS[nxt[1:]], "ordinal", i, i + 1, clitic)
        if stem in _NEEDS_TEEN:
            return None
        return NumberHit(unit, "ordinal", i, i, clitic)
    return None


def _word_value(stem: str) -> tuple[str, int] | None:
    """Classify one numeral word: ("unit"|"tens"|"hundred"|"scale", value)."""
    if stem in UNITS:
        return "unit", UNITS[stem]
    if stem in TENS:
        return "tens", TENS[stem]
    if stem in HUNDREDS:
        return "hundred", HUNDREDS[stem]
    if stem in SCALES and stem not in _PLURAL_SCALES:
        return "scale", SCALES[stem]
    return None


def _is_article(word: str) -> bool:
    """True for a bare definite article, maybe with proclitics ("ال", "وال", "بال")."""
    return any(stem == "ال" for _, stem in clitic_splits(word))


def _digits_value(text: str) -> float | None:
    if _DECIMAL_COMMA_RE.fullmatch(text):
        return float(text.replace(",", "."))
    if _INT_RE.fullmatch(text) is None:
        return None
    return float(text.replace(",", ""))


def _cardinal_words(toks: Sequence[Tok], i: int) -> NumberHit | None:
    """Parse a cardinal in words (and digits+scale) starting at token ``i``."""
    word = _word(toks, i)
    if word is None:
        return None
    if word in _NOT_NUMERALS:
        return None
    first: tuple[int, tuple[str, int]] | None = None
    for clitic, stem in clitic_splits(word):
        if stem == "الاثنين" or stem in _PERCENT_WORDS:
            return None
        for bare in (stem, stem[2:]) if stem.startswith("ال") else (stem,):
            teen = TEEN_UNITS.get(bare)
            if teen is not None and _word(toks, i + 1) in TEN_WORDS:
                return _continue(toks, i + 1, 0, teen + 10, clitic, i)
            info = _word_value(bare)
            if info is not None:
                first = (clitic, info)
                break
        if first is not None:
            break
    if first is None:
        return None
    clitic, (cls, val) = first
    total, current = (val, 0) if cls == "scale" else (0, val)
    return _continue(toks, i, total, current, clitic, i)


def _continue(toks: Sequence[Tok], j: int, total: int, current: int, clitic: int, i: int) -> NumberHit:
    """Extend a cardinal over scale words and و-joined numerals after token ``j``."""
    while True:
        nxt = _word(toks, j + 1)
        if nxt is None:
            break
        if nxt in SCALE_BASE and current:
            total += current * SCALE_BASE[nxt]
            current = 0
            j += 1
            continue
        if nxt in HUNDREDS and HUNDREDS[nxt] == 100 and 0 < current < 10:
            current *= 100
            j += 1
            continue
        if nxt.startswith("و") and _word_value(nxt[1:]) is not None:
            cls, val = _word_value(nxt[1:]) or ("", 0)
            if cls == "scale":
                total += current + val
                current = 0
            else:
                current += val
            j += 1
            continue
        break
    return NumberHit(total + current, "cardinal", i, j, clitic)


def parse_number_at(toks: Sequence[Tok], i: int) -> NumberHit | None:
    """Parse a number (digits or words, cardinal or ordinal) starting at token ``i``.

    Examples:
        >>> parse_number_at(tokenize(fold_word("ثلاثة آلاف وخمسمئة شخص")), 0).value
        3500
        >>> parse_number_at(tokenize(fold_word("2.5 مليون دولار")), 0).value
        2500000
    """
    tok = toks[i]
    if tok.kind == "num":
        number = _digits_value(tok.text)
        if number is None:
            return None
        last = i
        nxt = _word(toks, i + 1)
        if nxt is not None and nxt in SCALE_BASE and toks[i + 1].start > tok.end:
            number *= SCALE_BASE[nxt]
            last = i + 1
        if number != int(number):
            return None
        prev = _word(toks, i - 1)
        if prev is not None and toks[i - 1].end == tok.start and _is_article(prev):
            return NumberHit(int(number), "ordinal", i - 1, last, len(prev) - 2)
        if prev in _RANK_WORDS:
            return NumberHit(int(number), "ordinal", i - 1, last)
        return NumberHit(int(number), "cardinal", i, last)
    prev = _word(toks, i - 1)
    if prev is not None and any(stem in _MONTH_HEADS for _, stem in clitic_splits(prev)):
        return None
    hit = parse_ordinal_words(toks, i) or _cardinal_words(toks, i)
    if hit is not None and hit.clitic == 0 and prev in _RANK_WORDS:
        return NumberHit(hit.value, "ordinal", i - 1, hit.last)  # "رقم تسعين"
    return hit


_VOCAB = frozenset(UNITS) | frozenset(TEEN_UNITS) | frozenset(TENS) | frozenset(HUNDREDS) | frozenset(SCALES)
_STARTERS = _VOCAB | frozenset(ORDINAL_UNITS) | frozenset(DEFINITE_TENS) | {"ال" + w for w in _VOCAB}


def _could_start(tok: Tok) -> bool:
    if tok.kind == "num":
        return True
    return tok.kind == "word" and _starter_word(tok.text)


@lru_cache(maxsize=65536)
def _starter_word(word: str) -> bool:
    return any(stem in _STARTERS for _, stem in clitic_splits(word))


def find_numbers(text: str, *, analysis: Analysis | None = None) -> list[NumberMention]:
    """Find cardinal and ordinal numbers in ``text`` with exact offsets.

    Numbers written inside numeric dates (``9/2/2026``) are not reported.

    Args:
        text: The verbatim text.

        analysis: The folded text and its tokens, when the caller already has them
            (must come from :func:`~arnews_nlp.temporal.tokens.analyse` of ``text``).

    Returns:
        Mentions in text order; ``text[m.start:m.end]`` is the number as written
        (with ``الـ`` or ``رقم`` when they make it an ordinal, without proclitics).

    Examples:
        >>> [(m.value, m.kind) for m in find_numbers("قتل خمسة وعشرون شخصا في الحادي عشر من الشهر")]
        [(25, 'cardinal'), (11, 'ordinal')]
        >>> text = "العضو رقم 90"
        >>> m = find_numbers(text)[0]
        >>> text[m.start:m.end], m.value
        ('رقم 90', 90)
    """
    analysis = analysis or analyse(text)
    folded, toks = analysis.folded, analysis.toks
    out: list[NumberMention] = []
    i = 0
    while i < len(toks):
        hit = parse_number_at(toks, i) if _could_start(toks[i]) else None
        if hit is None:
            i += 1
            continue
        s = toks[hit.first].start + hit.clitic
        e = toks[hit.last].end
        start, end = folded.to_original(s, e)
        out.append(NumberMention(start, end, hit.value, hit.kind))
        i = hit.last + 1
    return out
