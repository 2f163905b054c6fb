from __future__ import annotations

from arnews_nlp.ner.features import FeatureExtractor
from arnews_nlp.ner.gazetteer import Gazetteer
from arnews_nlp.ner.labels import bio_spans
from arnews_nlp.ner.refine import refine_tags
from arnews_nlp.ner.subtyper import PlaceSubtyper, span_features
from arnews_nlp.ner.wordforms import key

GZ = Gazetteer(
    [
        (key(w), c)
        for w, c in [
            ("وزير", "OCCHEAD"),
            ("رئيس", "OCCHEAD"),
            ("الرئيس", "OCCHEAD"),
            ("الفرنسي", "NAT"),
            ("الأكراد", "NAT"),
            ("مطار", "FACKW"),
            ("نهر", "LOCKW"),
            ("جهاز", "ORGKW"),
        ]
    ]
)


def _refine(sentence: str, tags: list[str], subtyper: PlaceSubtyper | None = None) -> set[tuple[str, str]]:
    toks = sentence.split()
    out = refine_tags(FeatureExtractor(gazetteer=GZ), subtyper, toks, tags)
    return {(" ".join(toks[s:e]), t) for s, e, t in bio_spans(out)}


def test_office_chain_stops_at_nationality_and_person() -> None:
    ents = _refine(
        "قال وزير الخارجية والمغتربين الفرنسي جان دو أمس", ["O", "O", "O", "O", "O", "B-PERS", "I-PERS", "O"]
    )
    assert ("وزير الخارجية والمغتربين", "OCC") in ents
    assert ("الفرنسي", "NORP") in ents
    assert ("جان دو", "PERS") in ents


def test_one_word_title_needs_a_person_after_it() -> None:
    assert ("الرئيس", "OCC") in _refine("التقى الرئيس الفرنسي جان دو", ["O", "O", "O", "B-PERS", "I-PERS"])
    assert not {t for _, t in _refine("التقى الرئيس في المكتب", ["O"] * 4)} & {"OCC"}


def test_norp_with_proclitic_and_not_inside_entities() -> None:
    ents = _refine("دعم والأكراد الحزب", ["O", "O", "O"])
    assert ("والأكراد", "NORP") in ents
    ents = _refine("وصل الفرنسي", ["O", "B-ORG"])
    assert ("الفرنسي", "ORG") in ents


def test_place_subtyper_decides_loc_spans() -> None:
    fx = FeatureExtractor(gazetteer=GZ)
    examples = []
    for toks, typ in [
        (["مطار", "دمشق"], "FAC"),
        (["مطار", "حلب"], "FAC"),
        (["نهر", "النيل"], "LOC"),
        (["نهر", "الفرات"], "LOC"),
        (["دمشق"], "GPE"),
        (["حلب"], "GPE"),
    ]:
        examples.append((span_features(fx, toks, 0, len(toks)), typ))
    st = PlaceSubtyper()
    st.train(examples * 3)
    ents = _refine(
        "وصلنا إلى مطار بيروت قرب نهر العاصي في حلب",
        ["O", "O", "B-LOC", "I-LOC", "O", "B-LOC", "I-LOC", "O", "B-LOC"],
        st,
    )
    assert ents == {("مطار بيروت", "FAC"), ("نهر العاصي", "LOC"), ("حلب", "GPE")}


def test_subtyper_round_trips_through_json(tmp_path) -> None:  # type: ignore[no-untyped-def]
    st = PlaceSubtyper()
    st.train([(["a"], "LOC"), (["b"], "FAC"), (["c"], "GPE")] * 2)
    st.save(tmp_path / "s.json")
    again = PlaceSubtyper.load(tmp_path / "s.json")
    assert again.weights == st.weights
    assert [again.predict([f]) for f in "abc"] == ["LOC", "FAC", "GPE"]


def test_office_of_a_body_absorbs_the_body_name() -> None:
    ents = _refine("قال رئيس جهاز الاستخبارات العامة أمس", ["O", "O", "O", "B-ORG", "I-ORG", "O"])
    assert ents == {("رئيس جهاز الاستخبارات العامة", "OCC")}
    ents = _refine("قال رئيس الأمم المتحدة أمس", ["O", "O", "B-ORG", "I-ORG", "O"])
    assert ("الأمم المتحدة", "ORG") in ents


def test_nationality_adjectives_are_left_out_of_names_and_become_norp() -> None:
    ents = _refine("سدد الفرنسي جان دو الكرة", ["O", "B-PERS", "I-PERS", "I-PERS", "O"])
    assert ents == {("الفرنسي", "NORP"), ("جان دو", "PERS")}
    ents = _refine("فاز بنفيكا الفرنسي على ضيفه", ["O", "B-ORG", "I-ORG", "O", "O"])
    assert ents == {("بنفيكا", "ORG"), ("الفرنسي", "NORP")}


def test_nationality_adjective_stays_inside_longer_or_definite_names() -> None:
    # a definite or multi-word organization keeps its adjective (جامعة الدول العربية, الاتحاد الفرنسي)
    ents = _refine("قال الاتحاد الفرنسي إن", ["O", "B-ORG", "I-ORG", "O"])
    assert ents == {("الاتحاد الفرنسي", "ORG")}
    ents = _refine("قال نادي ليون الفرنسي إن", ["O", "B-ORG", "I-ORG", "I-ORG", "O"])
    assert ents == {("نادي ليون الفرنسي", "ORG")}
    # a person's nisba surname is part of the name
    ents = _refine("قال جان الفرنسي إن", ["O", "B-PERS", "I-PERS", "O"])
    assert ents == {("جان الفرنسي", "PERS")}
    # a lone adjective tagged as a name is not emptied
    ents = _refine("قال الفرنسي إن", ["O", "B-PERS", "O"])
    assert ents == {("الفرنسي", "PERS")}
