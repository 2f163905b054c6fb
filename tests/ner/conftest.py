"""Fixtures for the NER tests: a tiny model trained on sentences written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from arnews_nlp.ner.crf import train_crf
from arnews_nlp.ner.features import FeatureExtractor
from arnews_nlp.ner.gazetteer import Gazetteer

# Our own toy sentences (not corpus text): token/TAG pairs.
TOY = [
    "قال/O الرئيس/O سامي/B-PERS الخطيب/I-PERS إن/O سوريا/B-LOC مستعدة/O ./O",
    "وصل/O وزير/O الخارجية/O إلى/O دمشق/B-LOC أمس/O ./O",
    "أعلن/O التحالف/B-ORG الدولي/I-ORG عن/O غارات/O قرب/O حلب/B-LOC ./O",
    "التقى/O سامي/B-PERS الخطيب/I-PERS بوفد/O من/O الأمم/B-ORG المتحدة/I-ORG في/O عمان/B-LOC ./O",
    "زار/O كريم/B-PERS ناصر/I-PERS مطار/B-LOC بيروت/I-LOC الدولي/I-LOC ./O",
    "قال/O كريم/B-PERS ناصر/I-PERS إن/O المنظمة/O تعمل/O في/O لبنان/B-LOC ./O",
    "وصلت/O بعثة/O الأمم/B-ORG المتحدة/I-ORG إلى/O حلب/B-LOC وسوريا/B-LOC ./O",
]


def toy_sentences() -> list[tuple[list[str], list[str]]]:
    out = []
    for line in TOY:
        pairs = [p.rsplit("/", 1) for p in line.split()]
        out.append(([w for w, _ in pairs], [t for _, t in pairs]))
    return out


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("tiny_ner")
    fx = FeatureExtractor(gazetteer=Gazetteer.from_file(), version=2)
    train_crf(toy_sentences() * 3, fx, out / "model.crfsuite", max_iterations=50)
    meta = {"format": 1, "crf": "model.crfsuite", "clusters": None, "gazetteer": True, "subtyper": None, "features": 2}
    (out / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return out
