from __future__ import annotations

from collections.abc import Callable

from arnews_nlp.doc import Doc
from arnews_nlp.events.draft import DraftArg, DraftEvent
from arnews_nlp.events.merge import merge_events
from arnews_nlp.events.resolve import Resolver


def test_surname_title_and_spelling_variants_join_one_cluster() -> None:
    r = Resolver()
    full = r.add("أحمد أبو الغيط", "الأمين العام لجامعة الدول العربية", "person", (0, 14))
    assert r.add("أبو الغيط", "", "person", (40, 49)) is full
    assert r.add("الأمين العام لجامعة الدول العربية", "الأمين العام لجامعة الدول العربية", "title", (60, 93)) is full
    assert r.add("ابو الغيط", "", "person", (99, 108)) is full
    other = r.add("نبيل العربي", "", "person", (120, 131))
    assert other is not full and full.span == (0, 14)


def test_country_short_and_long_forms(run: Callable[..., Doc]) -> None:
    doc = run(
        "استضافت المملكة العربية السعودية اجتماعا بين اليمن والإمارات. وفي وقت لاحق استضافت السعودية قمة مع الكويت."
    )
    hosts = {a.canonical for e in doc.events for a in e.arguments if a.role == "host"}
    assert hosts == {"السعودية"}


def test_anaphoric_report_merges_into_the_first() -> None:
    a = DraftEvent(
        "MEETING", 0, 5, args=[DraftArg("host", 10, 15, canonical="X"), DraftArg("date", 20, 25, value="2018-01-02")]
    )
    b = DraftEvent("MEETING", 40, 45, anaphoric=True, args=[DraftArg("location", 50, 55)])
    c = DraftEvent("MEETING", 60, 65, args=[DraftArg("participant", 70, 75, canonical="Y")])
    merged = merge_events([a, b, c], never=("STATEMENT",))
    assert [e.roles() for e in merged] == [["host", "date", "location"], ["participant"]]


def test_same_parties_conflicting_dates_stay_apart() -> None:
    a = DraftEvent(
        "VISIT", 0, 5, args=[DraftArg("visitor", 10, 15, canonical="X"), DraftArg("date", 20, 25, value="2018-01-02")]
    )
    b = DraftEvent(
        "VISIT", 40, 45, args=[DraftArg("visitor", 50, 55, canonical="X"), DraftArg("date", 60, 65, value="2017-05-01")]
    )
    c = DraftEvent("VISIT", 70, 75, args=[DraftArg("visitor", 80, 85, canonical="X")])
    assert len(merge_events([a, b, c])) == 2


def test_statements_never_merge() -> None:
    a = DraftEvent("STATEMENT", 0, 5, args=[DraftArg("speaker", 10, 15, canonical="X")])
    b = DraftEvent("STATEMENT", 40, 45, args=[DraftArg("speaker", 50, 55, canonical="X")])
    assert len(merge_events([a, b], never=("STATEMENT",))) == 2
