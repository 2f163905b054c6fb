"""The temporal pipeline stage: sets ``Doc.dates`` and ``Doc.numbers``."""

from __future__ import annotations

from arnews_nlp.doc import Doc, NumberMention
from arnews_nlp.errors import ConfigError
from arnews_nlp.temporal.dates import find_dates
from arnews_nlp.temporal.numbers import find_numbers
from arnews_nlp.temporal.tokens import analyse

__all__ = ["TemporalStage"]


class TemporalStage:
    """Find dates and numbers in ``doc.text``, dates resolved against ``doc.published``.

    Args:
        dates: Fill ``doc.dates``.
        numbers: Fill ``doc.numbers``.
        numbers_in_dates: Keep numbers that lie inside a date expression (the
            day and year of "9 شباط 2026"); by default they are left out of
            ``doc.numbers`` so they are not taken for counts.

    Raises:
        ConfigError: When an option is not a bool.

    Examples:
        >>> import datetime as dt
        >>> doc = Doc("انضمت في 9 شباط بوصفها العضو رقم 90", published=dt.date(2026, 2, 10))
        >>> doc = TemporalStage()(doc)
        >>> [(doc.span_text(d), d.value) for d in doc.dates]
        [('9 شباط', '2026-02-09')]
        >>> [(doc.span_text(n), n.value, n.kind) for n in doc.numbers]
        [('رقم 90', 90, 'ordinal')]
    """

    name = "arnews.temporal.v1"
    assigns = ("dates", "numbers")
    requires: tuple[str, ...] = ()

    def __init__(self, *, dates: bool = True, numbers: bool = True, numbers_in_dates: bool = False) -> None:
        for key, value in (("dates", dates), ("numbers", numbers), ("numbers_in_dates", numbers_in_dates)):
            if not isinstance(value, bool):
                raise ConfigError(reason=f"TemporalStage option {key} must be true or false, not {value!r}")
        self.dates = dates
        self.numbers = numbers
        self.numbers_in_dates = numbers_in_dates

    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc.dates`` and ``doc.numbers`` and return ``doc``."""
        analysis = analyse(doc.text)
        if self.dates:
            doc.dates = find_dates(doc.text, doc.published, analysis=analysis)
        if self.numbers:
            found = find_numbers(doc.text, analysis=analysis)
            if not self.numbers_in_dates and doc.dates:
                found = self._outside_dates(doc, found)
            doc.numbers = found
        return doc

    @staticmethod
    def _outside_dates(doc: Doc, numbers: list[NumberMention]) -> list[NumberMention]:
        spans = [(d.start, d.end) for d in doc.dates]
        out: list[NumberMention] = []
        k = 0
        for num in numbers:  # both lists are sorted by start
            while k < len(spans) and spans[k][1] <= num.start:
                k += 1
            if k < len(spans) and spans[k][0] < num.end:
                continue
            out.append(num)
        return out

    def __repr__(self) -> str:
        return f"TemporalStage(dates={self.dates}, numbers={self.numbers}, numbers_in_dates={self.numbers_in_dates})"
