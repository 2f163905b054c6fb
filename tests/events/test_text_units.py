"""Words, quotes and fallback dates: the small pieces the finders stand on."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from arnews_nlp.doc import Doc
from arnews_nlp.events.dates import find_dates
from arnews_nlp.events.lexview import LexView
from arnews_nlp.events.quotes import clause_end, content_from_quote, quote_spans
from arnews_nlp.events.rules import EventRules
from arnews_nlp.events.words import split_sentences, split_words, strip_proclitics

LEX = LexView(EventRules.default().lexicon)


@given(st.text(alphabet='قالوزير «»"“”،. :\n0123456789', max_size=60))
def test_words_point_into_text(text: str) -> None:
    for w in split_words(text, 0, len(text)):
        assert text[w.start : w.end] == w.text
        assert not w.text.isspace()


@given(st.text(alphabet="قال نعم. لا!\n؟", max_size=60))
def test_sentences_are_ordered_and_inside(text: str) -> None:
    spans = split_sentences(text)
    for a, b in spans:
        assert 0 <= a < b <= len(text) and text[a:b].strip() == text[a:b]
    assert spans == sorted(spans)


def test_clitic_readings() -> None:
    assert (1, "سوريا") in strip_proclitics("وسوريا")
    assert strip_proclitics("في") == ((0, "في"),)


def test_quote_kinds_and_first_sentence() -> None:
    for mark_open, mark_close in (("«", "»"), ('"', '"'), ("“", "”")):
        text = f"قال: {mark_open}الأمن أولاً. ثم الاقتصاد{mark_close} وانتهى"
        (span,) = quote_spans(text)
        a, b = content_from_quote(text, span)
        assert text[a:b] == "الأمن أولاً"


def test_clause_end_skips_terminators_inside_quotes() -> None:
    text = 'إن الوضع "هادئ. نسبيا" اليوم. وبعد'
    assert text[: clause_end(text, 0, len(text), quote_spans(text))] == 'إن الوضع "هادئ. نسبيا" اليوم'


def test_fallback_dates_resolve_against_publication() -> None:
    doc = Doc(
        "اجتمعوا مساء الأربعاء ثم يوم 3 آذار/مارس الماضي وفي عام 2015 وغدا الخميس", published=dt.date(2018, 3, 16)
    )
    got = [(doc.text[d.start : d.end], d.value) for d in find_dates(doc, LEX)]
    assert got == [
        ("مساء الأربعاء", "2018-03-14"),
        ("يوم 3 آذار/مارس الماضي", "2018-03-03"),
        ("عام 2015", "2015"),
        ("غدا الخميس", "2018-03-22"),
    ]


def test_stage_dates_win_over_fallback() -> None:
    from arnews_nlp.doc import DateMention

    doc = Doc("وصل الوفد الخميس", published=dt.date(2018, 3, 16))
    doc.dates.append(DateMention(10, 16, "2000-01-01"))
    assert [(d.start, d.value) for d in find_dates(doc, LEX)] == [(10, "2000-01-01")]
