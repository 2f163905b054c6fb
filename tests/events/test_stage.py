"""The stage as the pipeline sees it: offsets, pickling, upstream annotations, zones."""

from __future__ import annotations

import datetime as dt
import pickle
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from arnews_nlp.doc import DateMention, Doc, Entity, NumberMention, Sentence, Zone
from arnews_nlp.events import EventRules, EventStage

TEXT = (
    "استقبل الرئيس الجزائري عبد المجيد تبون، الأحد، وزير الخارجية الإيطالي لويجي دي مايو في الجزائر العاصمة. "
    "وقال تبون في بيان إن البلدين اتفقا على تعزيز التعاون الطاقوي. "
    "وأضاف: «إيطاليا شريك استراتيجي»."
)


def test_offsets_cameo_confidence_and_sentences(run: Callable[..., Doc]) -> None:
    doc = run(TEXT, published=dt.date(2018, 5, 7))
    assert [e.type for e in doc.events] == ["MEETING", "STATEMENT", "STATEMENT"]
    assert [e.sentence for e in doc.events] == [0, 1, 2]
    assert doc.events[0].cameo == "043" and doc.events[1].cameo == "010"
    for ev in doc.events:
        assert 0 <= ev.trigger_start < ev.trigger_end <= len(doc.text)
        assert 0.0 <= ev.confidence <= 1.0
        for a in ev.arguments:
            span = doc.text[a.start : a.end]
            assert span and span == span.strip()
    date = [a for a in doc.events[0].arguments if a.role == "date"]
    assert [(doc.text[a.start : a.end], a.value) for a in date] == [("الأحد", "2018-05-06")]


def test_stage_pickles_and_gives_the_same_events(stage: EventStage) -> None:
    clone = pickle.loads(pickle.dumps(stage))
    a = stage(Doc(TEXT, published=dt.date(2018, 5, 7))).events
    b = clone(Doc(TEXT, published=dt.date(2018, 5, 7))).events
    assert a == b and a
    rules_clone = pickle.loads(pickle.dumps(EventRules.default()))
    assert len(rules_clone) == len(EventRules.default())


def test_uses_ner_entities_when_present(stage: EventStage) -> None:
    text = "قال المبعوث الأممي غير بيدرسون أمام مجلس الأمن إن الحل سياسي."
    plain = stage(Doc(text))
    speaker = [
        doc_text
        for doc_text in (plain.text[a.start : a.end] for e in plain.events for a in e.arguments if a.role == "speaker")
    ]
    assert speaker == ["غير بيدرسون"]
    doc = Doc(text)
    start = text.index("غير بيدرسون")
    doc.entities.append(Entity(start + 4, start + 11, "PERS", "غير بيدرسون"))
    doc = stage(doc)
    (arg,) = [a for e in doc.events for a in e.arguments if a.role == "speaker"]
    assert doc.text[arg.start : arg.end] == "بيدرسون" and arg.canonical == "غير بيدرسون"


def test_uses_upstream_dates_and_numbers(stage: EventStage) -> None:
    text = "أعلن الاتحاد انضمام دولة كرواتيا إليه بصفتها العضو الثامن والعشرين في الاتحاد الأوروبي أمس."
    doc = Doc(text, published=dt.date(2013, 7, 2))
    n0 = text.index("الثامن")
    doc.numbers.append(NumberMention(n0, n0 + len("الثامن والعشرين"), 28, "ordinal"))
    d0 = text.index("أمس")
    doc.dates.append(DateMention(d0, d0 + 3, "2013-07-01", "day"))
    doc = stage(doc)
    (ev,) = [e for e in doc.events if e.type == "MEMBERSHIP"]
    got = {a.role: a.value for a in ev.arguments if a.value is not None}
    assert got == {"member_number": 28, "date": "2013-07-01"}


def test_title_zone_and_boilerplate_are_not_mined(stage: EventStage) -> None:
    title = "الرئيس يزور القاهرة"
    body = "قال المتحدث الرسمي باسم الرئاسة بسام راضي إن الزيارة ناجحة."
    text = f"{title}\n\n{body}\nجميع الحقوق محفوظة، قال الموقع."
    doc = Doc(
        text,
        zones=[
            Zone(0, len(title), "title"),
            Zone(len(title) + 2, len(title) + 2 + len(body), "body"),
            Zone(len(title) + 3 + len(body), len(text), "disclaimer"),
        ],
    )
    doc.sentences = [
        Sentence(0, len(title)),
        Sentence(len(title) + 2, len(title) + 2 + len(body)),
        Sentence(len(title) + 3 + len(body), len(text)),
    ]
    doc = stage(doc)
    assert [(e.type, e.sentence) for e in doc.events] == [("STATEMENT", 1)]


def test_min_confidence_filters() -> None:
    strict = EventStage(min_confidence=0.99)
    assert strict(Doc(TEXT, published=dt.date(2018, 5, 7))).events == []


@given(
    st.lists(
        st.sampled_from(
            [
                "قال",
                "وأضاف",
                "الوزير",
                "سامي",
                "نور",
                "إن",
                "«",
                "»",
                '"',
                "،",
                ".",
                ":",
                "في",
                "بيان",
                "زار",
                "الرياض",
                "بين",
                "مصر",
                "والسودان",
                "اتفاق",
                "انضمام",
                "كعضو",
                "رقم",
                "12",
                "الأحد",
                "\n",
                "لقاء",
            ]
        ),
        max_size=40,
    )
)
@settings(max_examples=150, deadline=None)
def test_never_crashes_and_spans_stay_inside(words: list[str]) -> None:
    text = " ".join(words)
    doc = _STAGE(Doc(text, published=dt.date(2018, 5, 7)))
    for ev in doc.events:
        assert 0 <= ev.trigger_start < ev.trigger_end <= len(text)
        for a in ev.arguments:
            assert 0 <= a.start < a.end <= len(text)


_STAGE = EventStage()


def test_date_fallback_only_outside_the_pipeline() -> None:

    from arnews_nlp.pipeline import Pipeline
    from arnews_nlp.registry import get_factory

    nlp = Pipeline.from_config(
        {
            "stages": [
                {"name": "sentencizer", "factory": "arnews.sentencizer.v1"},
                {"name": "tokenizer", "factory": "arnews.tokenizer.v1"},
            ]
        }
    )
    text = "وصل وزير الخارجية الأردني أيمن الصفدي إلى بغداد يوم الخميس."

    def visit_dates(stage: EventStage) -> list[str]:
        doc = nlp(text, published=dt.date(2026, 3, 14))  # no temporal stage: doc.dates is empty
        stage(doc)
        return [doc.text[a.start : a.end] for e in doc.events for a in e.arguments if a.role == "date"]

    assert visit_dates(EventStage()) == ["يوم الخميس"]
    factory_stage = get_factory("arnews.events.v1")()
    assert isinstance(factory_stage, EventStage) and factory_stage.date_fallback is False
    assert visit_dates(factory_stage) == []
    assert pickle.loads(pickle.dumps(factory_stage)).date_fallback is False
