"""Token grammar for Arabic date expressions.

Every ``_x(j)`` method tries one construction at token ``j`` and returns
``(end, parts)`` where ``end`` is the index after its last token, or ``None``.
Only the first token of a match may carry a proclitic;
:class:`~arnews_nlp.temporal.tokens.TokenView` shows that token with the
proclitic cut off.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from arnews_nlp.temporal.lexicon import (
    AMBIGUOUS_MONTHS,
    DIRECTIONS,
    EDGES,
    GREGORIAN_MONTHS,
    HIJRI_MARKERS,
    HIJRI_MONTHS,
    MILADI_MARKERS,
    MONTH_WORD,
    PERIODS,
    RELATIVE_DAYS,
    TIMES_OF_DAY,
    WEEKDAYS,
    YEAR_WORDS,
)
from arnews_nlp.temporal.numbers import DEFINITE_TENS, ORDINAL_UNITS, TEN_WORDS, parse_ordinal_words
from arnews_nlp.temporal.parts import DateParts
from arnews_nlp.temporal.tokens import Tok, TokenView

__all__ = ["STARTERS", "Match", "parse_at"]

Match = tuple[int, DateParts]

_DMY = regex.compile(r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{4})")
_YMD = regex.compile(r"(\d{4})([/.\-])(\d{1,2})\2(\d{1,2})")
_PAIR_WORDS = frozenset({"الموافق", "الموافقه", "الموافق ل", "يوافق", "والموافق"})
_SAME_DAY_TAILS = frozenset({"نفسه", "ذاته", "عينه"})
_DEMONSTRATIVES = frozenset({"ذلك", "ذات", "نفس", "هذا", "تلك"})
_QUOTES = frozenset({'"', "”", "“", "»", "«", "'", "’", "‘"})


class _Grammar:
    def __init__(self, t: TokenView) -> None:
        self.t = t

    # -- token helpers ------------------------------------------------------------------------
    def word(self, j: int) -> str | None:
        t = self.t
        return t[j].text if 0 <= j < len(t) and t[j].kind == "word" else None

    def num(self, j: int) -> str | None:
        t = self.t
        return t[j].text if 0 <= j < len(t) and t[j].kind == "num" else None

    def punct(self, j: int) -> str | None:
        t = self.t
        return t[j].text if 0 <= j < len(t) and t[j].kind == "punct" else None

    def glued(self, j: int) -> bool:
        """Token ``j`` touches token ``j - 1`` (no space between)."""
        return 0 < j < len(self.t) and self.t[j - 1].end == self.t[j].start

    # -- pieces -------------------------------------------------------------------------------
    def month_expr(self, j: int) -> tuple[int, int, bool, bool, bool] | None:
        """Month name(s) → (end, month, hijri, ambiguous, dual)."""
        hit = GREGORIAN_MONTHS.match(self.t, j, clitics=False)
        hijri = False
        if hit is None:
            hit = HIJRI_MONTHS.match(self.t, j, clitics=False)
            hijri = True
        if hit is None:
            return None
        end = j + hit.n_tokens
        month = hit.value
        ambiguous = hit.n_tokens == 1 and self.t[j].text in AMBIGUOUS_MONTHS
        second = None
        if not hijri and self.punct(end) == "/":
            second = GREGORIAN_MONTHS.match(self.t, end + 1, clitics=False)
            if second is not None:
                end = end + 1 + second.n_tokens
        elif not hijri and (same := GREGORIAN_MONTHS.match(self.t, end, clitics=False)) is not None:
            if same.value == month:  # juxtaposed dual form: "أكتوبر تشرين الأول 2016"
                second = same
                end += same.n_tokens
        elif not hijri and self.punct(end) == "(":
            second = GREGORIAN_MONTHS.match(self.t, end + 1, clitics=False)
            if second is not None and self.punct(end + 1 + second.n_tokens) == ")":
                end = end + 2 + second.n_tokens
            else:
                second = None
        return end, month, hijri, ambiguous and second is None, second is not None

    def year_number(self, j: int) -> tuple[int, int, str | None] | None:
        """A written year with an optional era marker → (end, year, "h"/"m"/None)."""
        text = self.num(j)
        if text is None or not text.isdigit() or len(text) not in (3, 4):
            return None
        end, era = j + 1, None
        marker = self.word(end)
        if marker in HIJRI_MARKERS:
            end, era = end + 1, "h"
        elif marker in MILADI_MARKERS:
            end, era = end + 1, "m"
        if era is None and len(text) == 3:
            return None
        return end, int(text), era

    def year_after_month(self, j: int, parts: DateParts) -> int:
        """Parse a year (or year reference) after a month name; return the new end."""
        got = self.year_number(j)
        if got is not None:
            end, year, era = got
            if era == "h":
                parts.hijri = (year, parts.month, parts.day)
            else:
                parts.year = year
            return end
        k = j + 1 if self.word(j) == "من" else j
        if self.word(k) in YEAR_WORDS:
            got = self.year_number(k + 1)
            if got is not None:
                parts.year = got[1]
                return got[0]
            direction = DIRECTIONS.get(self.word(k + 1) or "")
            if direction is not None and self.word(k) not in ("عام", "سنه"):
                parts.year_offset = {"past": -1, "future": 1, "current": 0}[direction]
                return k + 2
        if self.word(k) in ("هذا", "هذه") and self.word(k + 1) in YEAR_WORDS:
            parts.year_offset = 0
            return k + 2
        direction = DIRECTIONS.get(self.word(j) or "")
        if direction is not None:
            parts.direction = direction
            return j + 1
        return j

    # -- constructions ------------------------------------------------------------------------
    def date_core(self, j: int, *, allow_bare: bool = True, edge: bool = False) -> Match | None:
        """Day? + month (+ year): "9 شباط 2026", "التاسع من شباط", "شهر أبريل/نيسان المقبل"."""
        parts = DateParts()
        k = j
        text = self.num(k)
        if text is not None and text.isdigit() and len(text) <= 2 and 1 <= int(text) <= 31:
            if self.glued(k) and (self.word(k - 1) or "").endswith("ال"):
                return None  # "الـ9": an ordinal, not a day
            parts.day = int(text)
            k += 1
            if self.word(k) == "من":
                k += 1
        elif text is None and self.word(k) == "ال" and self._article_day(k + 1) is not None:
            parts.day = self._article_day(k + 1)
            k += 3  # "الـ9 من شباط"
        elif text is None:
            ordinal = parse_ordinal_words(self.t, k)
            if ordinal is not None and ordinal.clitic == 0 and self.word(ordinal.last + 1) == "من":
                if not 1 <= ordinal.value <= 31:
                    return None
                parts.day = ordinal.value
                k = ordinal.last + 2
        has_month_word = False
        if self.word(k) in MONTH_WORD and self.month_expr(k + 1) is not None:
            has_month_word = True
            k += 1
        got = self.month_expr(k)
        if got is None:
            direction = DIRECTIONS.get(self.word(k + 1) or "")
            if parts.day is not None and self.word(k) == "الشهر" and direction is not None:
                parts.period, parts.direction = "month", direction
                return k + 2, parts
            return None
        end, parts.month, hijri, ambiguous, dual = got
        parts.dual_mismatch = dual and self._dual_differs(k)
        if hijri:
            return self._hijri_tail(end, parts)
        end = self.year_after_month(end, parts)
        if parts.hijri is not None:
            return None  # a Gregorian month with a Hijri year
        if parts.day is None and parts.year is None and parts.year_offset is None:
            if parts.direction is None and not has_month_word and not dual:
                if not allow_bare or (ambiguous and not edge):
                    return None
                parts.bare_month = not edge
        return self._pair(end, parts)

    def _article_day(self, k: int) -> int | None:
        """Day number glued to ال and followed by من: the 9 of "الـ9 من شباط"."""
        text = self.num(k)
        if text is None or not self.glued(k) or self.word(k + 1) != "من" or not text.isdigit():
            return None
        return int(text) if 1 <= int(text) <= 31 else None

    def _dual_differs(self, k: int) -> bool:
        first = GREGORIAN_MONTHS.match(self.t, k, clitics=False)
        if first is None:
            return False
        second = GREGORIAN_MONTHS.match(self.t, k + first.n_tokens + 1, clitics=False)
        return second is not None and second.value != first.value

    def _hijri_tail(self, end: int, parts: DateParts) -> Match | None:
        """After a Hijri month: its year (required), then maybe "الموافق" + Gregorian date."""
        got = self.year_number(end)
        if got is None:
            return None
        end, year, era = got
        if era == "m" or (era is None and year >= 1600):
            return None
        parts.hijri = (year, parts.month, parts.day)
        parts.month = parts.day = None
        return self._pair(end, parts)

    def _pair(self, end: int, parts: DateParts) -> Match:
        """Absorb a "… الموافق …" second calendar after a date."""
        k = end + 1 if self.punct(end) in (",", "،") else end
        if self.word(k) not in _PAIR_WORDS:
            return end, parts
        k += 1
        if self.word(k) == "ل":
            k += 1
        other = self.date_core(k, allow_bare=False) or self.numeric(k)
        if other is None:
            return end, parts
        o_end, o_parts = other
        if parts.hijri is not None and o_parts.hijri is None:
            hijri = parts.hijri
            o_parts.hijri = hijri
            return o_end, o_parts
        if parts.hijri is None and o_parts.hijri is not None:
            parts.hijri = o_parts.hijri
            return o_end, parts
        return end, parts

    def numeric(self, j: int) -> Match | None:
        """9/2/2026 (day first), 2026-02-09, 09.02.2026, with an optional era marker."""
        text = self.num(j)
        if text is None:
            return None
        m = _DMY.fullmatch(text)
        if m is not None:
            day, month, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
        else:
            m = _YMD.fullmatch(text)
            if m is None:
                return None
            year, month, day = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        end = j + 1
        parts = DateParts(day=day, month=month, year=year)
        marker = self.word(end)
        if marker in HIJRI_MARKERS or (marker not in MILADI_MARKERS and year < 1600):
            if year >= 1600:
                return None
            parts = DateParts(hijri=(year, month, day))
            end += 1 if marker in HIJRI_MARKERS else 0
        elif marker in MILADI_MARKERS:
            end += 1
        return self._pair(end, parts)

    def day_expr(self, j: int) -> Match | None:
        """Relative days and weekdays: "أمس", "غدا الثلاثاء", "يوم الإثنين 9 شباط", "الأحد المقبل"."""
        k = j + 1 if self.word(j) == "يوم" else j
        parts = DateParts()
        rel = RELATIVE_DAYS.match(self.t, j, clitics=False)
        if rel is not None and not self._not_today(j, rel.n_tokens):
            parts.rel_days = rel.value
            k = j + rel.n_tokens
            weekday = WEEKDAYS.match(self.t, k, clitics=False)
            if weekday is not None:
                parts.weekday = weekday.value
                k += 1
                core = self.date_core(k, allow_bare=False)
                if core is not None and core[1].day is not None:
                    k = core[0]
                    parts.merge(core[1])
            return k, parts
        weekday = WEEKDAYS.match(self.t, k, clitics=False)
        if weekday is not None and self.word(k + 1) not in TEN_WORDS:
            parts.weekday = weekday.value
            k += 1
            direction = DIRECTIONS.get(self.word(k) or "")
            if direction is not None:
                parts.direction = direction
                k += 1
            m = k + 1 if self.punct(k) in (",", "،") else k
            m = m + 1 if self.word(m) in _PAIR_WORDS else m
            core = self.date_core(m, allow_bare=False) or self.numeric(m)
            if core is not None and (core[1].day is not None or core[1].hijri is not None):
                parts.merge(core[1])
                k = core[0]
            return k, parts
        if k > j:
            core = self.date_core(k, allow_bare=False) or self.numeric(k)
            if core is not None and core[1].day is not None:
                return core
        return None

    def _not_today(self, j: int, n: int) -> bool:
        """True when اليوم does not mean today ("اليوم التالي", "ذلك اليوم", "اليوم نفسه")."""
        if self.t[j].text != "اليوم" or n != 1:
            return False
        nxt = self.word(j + 1)
        if self.word(j - 1) in _DEMONSTRATIVES or nxt in _SAME_DAY_TAILS:
            return True
        if self.punct(j + 1) in _QUOTES and self.word(j - 1) is not None and self.punct(j - 2) in _QUOTES:
            return True  # a title: "الإمارات اليوم", "أخبار اليوم"
        return nxt is not None and nxt.startswith("ال") and WEEKDAYS.get(nxt) is None and not self.glued(j + 1)

    def period(self, j: int) -> Match | None:
        """A period relative to publication: "الشهر الماضي", "العام المقبل", "هذا العام"."""
        k = j + 1 if self.word(j) in ("هذا", "هذه") else j
        kind = PERIODS.get(self.word(k) or "")
        if kind is None:
            return None
        if k > j:
            return k + 1, DateParts(period=kind, direction="current")
        direction = DIRECTIONS.get(self.word(k + 1) or "")
        if direction is None:
            return None
        return k + 2, DateParts(period=kind, direction=direction)

    def year_phrase(self, j: int) -> Match | None:
        """A year after عام/سنة: "عام 2015", "العام 2011", "سنة 1439 هـ"."""
        if self.word(j) not in YEAR_WORDS or self.word(j) == "عامي":
            return None
        got = self.year_number(j + 1)
        if got is None:
            return None
        end, year, era = got
        if era == "h":
            return end, DateParts(hijri=(year, None, None))
        return end, DateParts(year=year)

    def era_year(self, j: int) -> Match | None:
        """A year with its era marker and no عام: "1439 هـ", "2011م"."""
        got = self.year_number(j)
        if got is None or got[2] is None:
            return None
        end, year, era = got
        if era == "h" and 1300 <= year < 1600:
            return end, DateParts(hijri=(year, None, None))
        if era == "m" and 1800 <= year <= 2199:
            return end, DateParts(year=year)
        return None

    def prefixed(self, j: int) -> Match | None:
        """A time of day or an edge word before a day, month, year or period."""
        word = self.word(j)
        best: Match | None = None
        if word in TIMES_OF_DAY:
            skip = 2 if self.word(j + 1) in TIMES_OF_DAY else 1  # "منتصف ليل الأحد"
            best = self.day_expr(j + skip)
        if word in EDGES and best is None:
            best = self.date_core(j + 1, edge=True) or self.period(j + 1) or self.year_phrase(j + 1)
            if best is None and self.year_number(j + 1) is not None:
                got = self.year_number(j + 1)
                if got is not None and got[2] != "h" and 1800 <= got[1] <= 2199:
                    best = got[0], DateParts(year=got[1])
        return best


# Folded words that can begin a date expression; other words are skipped quickly.
STARTERS: frozenset[str] = (
    GREGORIAN_MONTHS.first_words
    | HIJRI_MONTHS.first_words
    | WEEKDAYS.first_words
    | RELATIVE_DAYS.first_words
    | TIMES_OF_DAY
    | EDGES
    | frozenset(PERIODS)
    | YEAR_WORDS
    | MONTH_WORD
    | frozenset(ORDINAL_UNITS)
    | frozenset(DEFINITE_TENS)
    | {"هذا", "هذه", "يوم", "ال"}
)


def parse_at(toks: Sequence[Tok], i: int, clitic: int) -> Match | None:
    """Longest date construction starting at token ``i`` read without ``clitic`` letters.

    Returns:
        ``(end, parts)``: the index after the last token used and what the
        expression says, or ``None``.

    Examples:
        >>> from arnews_nlp.temporal.folding import fold_word
        >>> from arnews_nlp.temporal.tokens import tokenize
        >>> end, parts = parse_at(tokenize(fold_word("ويوم الإثنين 9 شباط، قال")), 0, 1)
        >>> end, parts.weekday, parts.day, parts.month
        (4, 0, 9, 2)
    """
    g = _Grammar(TokenView(toks, i, clitic))
    best: Match | None = None
    for attempt in (g.prefixed, g.day_expr, g.date_core, g.numeric, g.period, g.year_phrase, g.era_year):
        got = attempt(i)
        if got is not None and (best is None or got[0] > best[0]):
            best = got
    return best
