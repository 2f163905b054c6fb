"""MEETING, VISIT, MEMBERSHIP and AGREEMENT roles, coordination, negatives."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from arnews_nlp.doc import Doc

from .conftest import args_of


def test_verb_initial_host_with_coordinated_parties(run: Callable[..., Doc]) -> None:
    doc = run(
        "استضافت سلطنة عمان، يوم الأحد، محادثات بين الحكومة الإيرانية والوفد الأمريكي في العاصمة مسقط.",
        published=dt.date(2018, 6, 12),
    )
    (ev,) = doc.events
    assert ev.type == "MEETING" and ev.cameo == "043"
    got = [(a.role, doc.text[a.start : a.end], a.value) for a in ev.arguments]
    assert ("host", "سلطنة عمان", None) in got
    assert ("participant", "الحكومة الإيرانية", None) in got
    assert ("participant", "الوفد الأمريكي", None) in got
    assert ("date", "يوم الأحد", "2018-06-10") in got
    assert any(r == "location" and "مسقط" in t for r, t, _ in got)


def test_meeting_with_object_and_preposition(run: Callable[..., Doc]) -> None:
    doc = run("التقى الرئيس اللبناني ميشال عون بوزير الخارجية الفرنسي جان إيف لودريان في قصر بعبدا.")
    got = args_of(doc, "MEETING")
    assert ("participant", "ميشال عون") in got
    assert ("participant", "جان إيف لودريان") in got


def test_visit_with_companion_and_destination(run: Callable[..., Doc]) -> None:
    doc = run("وصل رئيس الوزراء الباكستاني عمران خان، برفقة وزير خارجيته شاه محمود قريشي، إلى الرياض.")
    got = args_of(doc, "VISIT")
    assert sorted(got) == sorted([("visitor", "عمران خان"), ("visitor", "شاه محمود قريشي"), ("destination", "الرياض")])
    assert doc.events[0].cameo == "042"


def test_membership_number_and_ordinal(run: Callable[..., Doc]) -> None:
    doc = run("رحب الحلف بانضمام جمهورية الجبل الأسود كعضو رقم 29 في حلف شمال الأطلسي.")
    (ev,) = [e for e in doc.events if e.type == "MEMBERSHIP"]
    num = [a for a in ev.arguments if a.role == "member_number"]
    assert [(doc.text[a.start : a.end], a.value) for a in num] == [("عضو رقم 29", 29)]
    assert ("member", "جمهورية الجبل الأسود") in args_of(doc, "MEMBERSHIP")
    doc = run("وأعلنت المنظمة انضمام دولة بالاو إليها لتصبح العضو التسعين في المنظمة.")
    assert [a.value for e in doc.events for a in e.arguments if a.role == "member_number"] == [90]


def test_agreement_parties_split_and_clitic_stripped(run: Callable[..., Doc]) -> None:
    doc = run("أعلن الوسطاء عن اتفاق بين الحكومة السودانية وقوى الحرية والتغيير على تقاسم السلطة.")
    got = args_of(doc, "AGREEMENT")
    assert ("party", "الحكومة السودانية") in got
    assert ("party", "قوى الحرية والتغيير") in got or ("party", "قوى الحرية") in got
    assert all(not t.startswith("و") for r, t in got if r == "party")


def test_hypothetical_and_negated_events_are_skipped(run: Callable[..., Doc]) -> None:
    assert args_of(run("ولو زار الرئيس الأمريكي طهران لكانت سابقة تاريخية."), "VISIT") == []
    assert args_of(run("ولم يلتق وزير الخارجية الروسي بنظيره الأوكراني خلال القمة."), "MEETING") == []
    assert args_of(run("وفي حال انضمت السويد إلى الحلف فسيتغير التوازن."), "MEMBERSHIP") == []


def test_pronouns_are_not_arguments(run: Callable[..., Doc]) -> None:
    doc = run("وجرى اتصال بينهما مساء الخميس تناول الأوضاع في المنطقة.")
    assert all(not t.startswith(("بين", "ينهما")) for _, t in args_of(doc))


def test_visit_for_a_meeting_feeds_the_meeting(run: Callable[..., Doc]) -> None:
    doc = run("وصل وزير الخارجية الهندي سوبرامنيام جايشانكار إلى موسكو للقاء نظيره الروسي سيرغي لافروف.")
    meeting = args_of(doc, "MEETING")
    assert ("participant", "سوبرامنيام جايشانكار") in meeting
    assert ("participant", "سيرغي لافروف") in meeting
    assert ("location", "موسكو") in meeting


def test_prefix_cue_does_not_cut_a_place_name(run: Callable[..., Doc]) -> None:
    doc = run("تستضيف باريس اليوم اجتماعا بين وزراء خارجية فرنسا وألمانيا.")
    assert all(t != "اريس" for _, t in args_of(doc))


def test_possessed_parties_and_names_after_la(run: Callable[..., Doc]) -> None:
    doc = run("عقد اجتماع بين رئيس الحكومة ووزرائه لبحث الموازنة.")
    got = args_of(doc, "MEETING")
    assert ("participant", "وزرائه") in got


def test_invited_visitor(run: Callable[..., Doc]) -> None:
    doc = run("وجه الرئيس الفرنسي دعوة للرئيس اللبناني ميشال عون لزيارة باريس الشهر المقبل.")
    got = args_of(doc, "VISIT")
    assert ("visitor", "ميشال عون") in got and ("destination", "باريس") in got


def test_places_from_the_ner_gazetteer(run: Callable[..., Doc]) -> None:
    from arnews_nlp.events.lexview import LexView, _gazetteer_places
    from arnews_nlp.events.rules import EventRules

    if not _gazetteer_places():
        pytest.skip("NER gazetteer not installed")
    lex = LexView(EventRules.default().lexicon)
    assert ("ابوجا",) in lex.places  # a capital the event lexicon does not list itself
    doc = run("وصل رئيس الوزراء الهولندي مارك روته إلى أبوجا في زيارة رسمية.")
    assert ("destination", "أبوجا") in args_of(doc, "VISIT")


def test_svo_visit_with_kana_qad(run: Callable[..., Doc]) -> None:
    doc = run("وكان وزير الخارجية الأردني قد زار المنامة الشهر الماضي.", published=dt.date(2018, 11, 20))
    got = [(a.role, doc.text[a.start : a.end], a.value) for e in doc.events for a in e.arguments]
    assert ("visitor", "وزير الخارجية الأردني", None) in got
    assert ("destination", "المنامة", None) in got
    assert ("date", "الشهر الماضي", "2018-10") in got


def test_phone_call_received_from(run: Callable[..., Doc]) -> None:
    doc = run("وتلقى أمير الكويت الشيخ صباح الأحمد اتصالا هاتفيا من الرئيس التركي رجب طيب أردوغان.")
    got = args_of(doc, "MEETING")
    assert ("participant", "صباح الأحمد") in got
    assert ("participant", "رجب طيب أردوغان") in got


def test_possessive_meeting_noun_takes_the_speaker(run: Callable[..., Doc]) -> None:
    doc = run("وقال وزير الخارجية المصري سامح شكري خلال لقائه نظيره الأردني أيمن الصفدي إن التنسيق مستمر.")
    got = args_of(doc, "MEETING")
    assert ("participant", "سامح شكري") in got and ("participant", "أيمن الصفدي") in got


def test_coordinated_destinations_are_one_argument_each(run: Callable[..., Doc]) -> None:
    doc = run("وصل الرئيس الفرنسي إيمانويل ماكرون إلى بغداد وبيروت في جولة إقليمية.")
    got = args_of(doc, "VISIT")
    assert ("destination", "بغداد") in got
    assert ("destination", "بيروت") in got


def test_a_coordinated_clause_after_the_place_is_not_a_destination(run: Callable[..., Doc]) -> None:
    doc = run("وصل وزير الخارجية الأردني أيمن الصفدي إلى عمان والتقى نظيره العراقي.")
    got = args_of(doc, "VISIT")
    assert [t for r, t in got if r == "destination"] == ["عمان"]


def test_a_next_meeting_is_not_merged_into_the_reported_one(run: Callable[..., Doc]) -> None:
    doc = run(
        "استضافت تونس، يوم الإثنين، اجتماعاً لوزراء الزراعة العرب. "
        "وقال وزير الزراعة التونسي محمد الجلاصي إن الاجتماع المقبل سيعقد في الرباط.",
        published=dt.date(2026, 4, 8),
    )
    meetings = [ev for ev in doc.events if ev.type == "MEETING"]
    assert meetings
    first = meetings[0]
    places = [doc.text[a.start : a.end] for a in first.arguments if a.role == "location"]
    assert "الرباط" not in places
