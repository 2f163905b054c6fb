from __future__ import annotations

import pickle
from pathlib import Path

import pytest
import regex

from arnews_nlp.doc import Doc, Segment, Sentence, Token
from arnews_nlp.ner import NERStage
from arnews_nlp.ner.stage import entity_from_tokens
from arnews_nlp.ner.wordforms import split_proclitics

_WORD = regex.compile(r"\w+|[^\w\s]")


def _tokens(text: str) -> list[Token]:
    """Whitespace/punctuation split with a naive proclitic segmentation (test stand-in)."""
    out = []
    for m in _WORD.finditer(text):
        w = m.group()
        prefix, _ = split_proclitics(w)
        segs: tuple[Segment, ...] = ()
        if prefix in ("و", "ل") and w[len(prefix) :] in ("سوريا", "لتحالف"):
            p = m.start() + len(prefix)
            segs = (Segment(m.start(), p, "proclitic", prefix), Segment(p, m.end(), "stem", w[len(prefix) :]))
        out.append(Token(m.start(), m.end(), w, segs))
    return out


def _doc(text: str) -> Doc:
    doc = Doc(text)
    doc.tokens = _tokens(text)
    doc.sentences = [Sentence(0, len(text))]
    return doc


def test_entities_point_into_the_text(tiny_model_dir: Path) -> None:
    doc = NERStage(model_path=tiny_model_dir)(_doc("قال الرئيس سامي الخطيب إن دمشق وسوريا مستعدة ."))
    assert doc.entities, "the toy model should find something"
    for ent in doc.entities:
        assert 0 <= ent.start < ent.end <= len(doc.text)
        assert ent.canonical == doc.text[ent.start : ent.end]
    found = {(doc.text[e.start : e.end], e.label) for e in doc.entities}
    assert ("سامي الخطيب", "PERS") in found
    assert ("سوريا", "GPE") in found  # proclitic و left out of the span


def test_contracted_article_is_restored_in_canonical() -> None:
    text = "دعم للتحالف الدولي"
    t1 = Token(
        4,
        11,
        "للتحالف",
        (Segment(4, 5, "proclitic", "ل"), Segment(5, 6, "article", "ال"), Segment(6, 11, "stem", "تحالف")),
    )
    ent = entity_from_tokens(text, [t1, Token(12, 18, "الدولي")], "ORG")
    assert text[ent.start : ent.end] == "لتحالف الدولي"
    assert ent.canonical == "التحالف الدولي"


def test_canonical_drops_diacritics_and_tatweel() -> None:
    text = "زار دِمَشـق"
    ent = entity_from_tokens(text, [Token(4, 11, "دمشق")], "GPE")
    assert ent.canonical == "دمشق"


def test_stage_checks_its_domain() -> None:
    assert NERStage().domain == "news" and NERStage(domain="wiki").domain == "wiki"
    with pytest.raises(ValueError, match=r"unknown NER domain 'web'; choose from \['news', 'wiki'\]"):
        NERStage(domain="web")


def test_stage_pickles_without_the_model(tiny_model_dir: Path) -> None:
    assert pickle.loads(pickle.dumps(NERStage(model_path=tiny_model_dir, domain="wiki"))).domain == "wiki"
    stage = NERStage(model_path=tiny_model_dir, labels=("PERS",))
    stage(_doc("التقى سامي الخطيب بوفد ."))
    clone = pickle.loads(pickle.dumps(stage))
    assert clone._tagger is None
    doc = clone(_doc("التقى سامي الخطيب بوفد ."))
    assert [e.label for e in doc.entities] == ["PERS"]


def test_sentences_are_tagged_separately(tiny_model_dir: Path) -> None:
    text = "وصل كريم ناصر إلى حلب . قال سامي الخطيب إن لبنان مستعد ."
    doc = Doc(text)
    doc.tokens = _tokens(text)
    cut = text.index(".") + 1
    doc.sentences = [Sentence(0, cut), Sentence(cut + 1, len(text))]
    NERStage(model_path=tiny_model_dir)(doc)
    for ent in doc.entities:
        assert ent.end <= cut or ent.start > cut


def test_unknown_label_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown NER labels"):
        NERStage(labels=("PERSON",))


def test_empty_doc_gets_no_entities(tiny_model_dir: Path) -> None:
    assert NERStage(model_path=tiny_model_dir)(Doc("")).entities == []


def test_surname_mentions_are_propagated_within_a_document() -> None:
    from arnews_nlp.ner.discourse import propagate

    sents = [
        ["التقى", "سامي", "الخطيب", "بالوفد"],
        ["وقال", "الخطيب", "إن", "الأمم", "المتحدة", "تدعم"],
        ["وأضاف", "للأمم", "المتحدة", "أمس"],
    ]
    tags = [["O", "B-PERS", "I-PERS", "O"], ["O", "O", "O", "B-ORG", "I-ORG", "O"], ["O", "O", "O", "O"]]
    out = propagate(sents, tags)
    assert out[1][1] == "B-PERS"
    assert out[2][1:3] == ["B-ORG", "I-ORG"]  # proclitic ل allowed on the first word
    assert out[0] == tags[0]


def test_one_word_names_are_propagated_but_not_short_or_function_words() -> None:
    from arnews_nlp.ner.discourse import propagate

    sents = [
        ["قال", "الرازي", "إن", "الذي", "حدث"],
        ["وكان", "للرازي", "رأي", "في", "الذي", "حدث"],
        ["وذكر", "الرازي", "أن", "حب", "العلم"],
        ["ويرى", "الرازي", "أن", "حب", "الذي"],
    ]
    tags = [
        ["O", "B-PERS", "O", "B-MISC", "O"],  # ``الذي`` is a function word: never spread
        ["O", "O", "O", "O", "O", "O"],
        ["O", "B-LOC", "O", "B-ORG", "O"],  # a second type, in the minority
        ["O", "B-PERS", "O", "O", "O"],  # ``حب``: two letters, too short to spread
    ]
    out = propagate(sents, tags)
    assert out[1][1] == "B-PERS"  # proclitic ل allowed, majority type
    assert out[2][1] == "B-LOC"  # tagged words keep their tag
    assert out[3][3] == "O" and out[1][4] == "O" and out[3][4] == "O"
