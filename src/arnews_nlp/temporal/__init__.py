"""Dates and numbers: find expressions with exact offsets and resolve their values.

Examples:
    >>> import datetime as dt
    >>> text = "قال الوزير أمس إن الاجتماع سيعقد في 23 مارس/آذار المقبل"
    >>> [(text[m.start:m.end], m.value) for m in find_dates(text, dt.date(2026, 2, 10))]
    [('أمس', '2026-02-09'), ('23 مارس/آذار المقبل', '2026-03-23')]
"""

from arnews_nlp.temporal.dates import find_dates
from arnews_nlp.temporal.numbers import find_numbers
from arnews_nlp.temporal.stage import TemporalStage

__all__ = ["TemporalStage", "find_dates", "find_numbers"]
