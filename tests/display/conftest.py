"""A hand-annotated Document of the bundled example article, independent of the pipeline stages."""

from __future__ import annotations

from pathlib import Path

import pytest

from arnews_nlp.doc import Argument, DateMention, Doc, Entity, Event
from arnews_nlp.io.article import parse_text
from arnews_nlp.schemas import Document, to_document

ROOT = Path(__file__).resolve().parents[2]


def _at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def build_amman() -> Doc:
    text = (ROOT / "examples/amman-ministerial.txt").read_text(encoding="utf-8")
    doc = parse_text(text, doc_id="amman-ministerial")
    t = doc.text

    def ent(needle: str, label: str, nth: int = 0, canonical: str | None = None) -> Entity:
        s, e = _at(t, needle, nth)
        return Entity(s, e, label, canonical or needle)

    def arg(role: str, needle: str, nth: int = 0, value: str | int | None = None) -> Argument:
        s, e = _at(t, needle, nth)
        return Argument(role, s, e, canonical=needle, value=value)

    doc.entities = [
        ent("الأردن", "GPE"),
        ent("عمّان", "GPE", canonical="عمان"),
        ent("العراق", "GPE"),
        ent("المملكة الأردنية الهاشمية", "GPE"),
        ent("مصر", "GPE"),
        ent("العراق", "GPE", nth=1),
        ent("لبنان", "GPE"),
        ent("جمهورية العراق", "GPE"),
        ent("مبادرة الممر الأخضر", "ORG", nth=1),
        ent("وزير الطاقة", "OCC"),
        ent("سامر الخطيب", "PERS"),
        ent("كريم الساعدي", "PERS"),
        ent("وزير الخارجية", "OCC"),
        ent("ماجد الربيعي", "PERS"),
        ent("عمّان", "GPE", nth=1, canonical="عمان"),
        ent("الربيعي", "PERS", nth=1),
        ent("خالد العمري", "PERS"),
        ent("بيروت", "GPE"),
    ]
    d_thu = _at(t, "يوم الخميس 12 آذار")
    d_wed = _at(t, "مساء الأربعاء")
    d_jun = _at(t, "الأول من حزيران المقبل")
    d_may = _at(t, "شهر أيار 2026")
    doc.dates = [
        DateMention(*d_thu, "2026-03-12", "day"),
        DateMention(*d_jun, "2026-06-01", "day"),
        DateMention(*d_wed, "2026-03-11", "day"),
        DateMention(*d_may, "2026-05", "month"),
    ]
    quote = "إن انضمام العراق إلى المبادرة خطوة تخدم شعوب المنطقة كلها"

    def event(kind: str, trigger: str, args: list[Argument], cameo: str, sentence: int) -> Event:
        s, e = _at(t, trigger)
        return Event(kind, s, e, args, sentence=sentence, cameo=cameo, confidence=0.9)

    doc.events = [
        event(
            "MEETING",
            "اجتماعاً وزارياً تشاورياً",
            [
                arg("host", "المملكة الأردنية الهاشمية"),
                arg("participant", "مصر"),
                arg("participant", "العراق", nth=1),
                arg("participant", "لبنان"),
                arg("date", "يوم الخميس 12 آذار", value="2026-03-12"),
            ],
            "043",
            3,
        ),
        event(
            "MEMBERSHIP",
            "انضمام",
            [
                arg("member", "جمهورية العراق"),
                arg("organization", "مبادرة الممر الأخضر", nth=1),
                arg("member_number", "عضو رقم 12", nth=1, value=12),
            ],
            "057",
            4,
        ),
        event(
            "AGREEMENT",
            "وقّع",
            [arg("party", "سامر الخطيب"), arg("party", "كريم الساعدي"), arg("agreement", "مذكرة تفاهم")],
            "057",
            5,
        ),
        event(
            "VISIT",
            "وصل",
            [
                arg("visitor", "ماجد الربيعي"),
                arg("destination", "عمّان", nth=1),
                arg("date", "مساء الأربعاء", value="2026-03-11"),
            ],
            "042",
            6,
        ),
        event(
            "STATEMENT",
            "وقال",
            [arg("speaker", "الربيعي", nth=1), arg("content", quote), arg("channel", "مؤتمر صحفي")],
            "010",
            7,
        ),
    ]
    return doc


@pytest.fixture()
def amman_doc() -> Doc:
    return build_amman()


@pytest.fixture()
def amman_document() -> Document:
    return to_document(build_amman())
