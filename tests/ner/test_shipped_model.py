"""The shipped model: loads, tags our own sentences sensibly, and loads from an installed wheel."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from arnews_nlp.ner import LABELS, NERTagger, load_tagger
from arnews_nlp.ner.labels import bio_spans
from arnews_nlp.ner.model import default_model_dir

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def tagger() -> NERTagger:
    try:
        return load_tagger()
    except FileNotFoundError as exc:  # pragma: no cover - only without a built model
        pytest.skip(f"no shipped NER model: {exc}")


def _entities(tagger: NERTagger, sentence: str) -> set[tuple[str, str]]:
    toks = sentence.split()
    return {(" ".join(toks[s:e]), t) for s, e, t in bio_spans(tagger.tag(toks))}


def test_shipped_model_files_and_cache(tagger: NERTagger) -> None:
    d = default_model_dir()
    assert (d / "meta.json").is_file() and (d / "model.crfsuite").is_file()
    assert sum(p.stat().st_size for p in d.iterdir()) < 50_000_000
    assert load_tagger() is tagger


def test_tags_are_bio_over_our_labels(tagger: NERTagger) -> None:
    toks = "أعلنت الحكومة الأردنية اليوم أن وزير الداخلية سيزور القاهرة الأسبوع المقبل".split()
    tags = tagger.tag(toks)
    assert len(tags) == len(toks)
    allowed = {"O"} | {p + lab for lab in LABELS for p in ("B-", "I-")}
    assert set(tags) <= allowed
    assert tagger.tag([]) == []


def test_capitals_countries_people_and_fine_types(tagger: NERTagger) -> None:
    ents = _entities(tagger, "وصل الرئيس الفرنسي إيمانويل ماكرون إلى بغداد قادما من العاصمة الأردنية عمان")
    assert ("إيمانويل ماكرون", "PERS") in ents
    assert ("بغداد", "GPE") in ents
    assert ("الفرنسي", "NORP") in ents


def test_office_titles_are_occ(tagger: NERTagger) -> None:
    ents = _entities(tagger, "قال وزير الخارجية والمغتربين أمس إن المحادثات كانت مثمرة")
    assert ("وزير الخارجية والمغتربين", "OCC") in ents


def test_places_get_subtypes(tagger: NERTagger) -> None:
    ents = _entities(tagger, "هبطت الطائرة في مطار القاهرة الدولي بعد أن عبرت البحر الأحمر")
    labels = {t for _, t in ents}
    assert labels & {"FAC", "LOC"}, ents


@pytest.mark.slow
def test_news_and_wikipedia_guidelines_on_a_competition_name(tagger: NERTagger) -> None:
    # ANERcorp tags only the place inside a competition's name; AQMAR tags the whole name as MIS
    sentence = "فاز ريال مدريد بلقب دوري أبطال أوروبا لكرة القدم للمرة الثالثة ."
    assert tagger.neural is not None and tagger.neural.domains == ["news", "wiki"]
    news = _entities(tagger, sentence)
    wiki = _entities(load_tagger(domain="wiki"), sentence)
    assert ("ريال مدريد", "ORG") in news and ("ريال مدريد", "ORG") in wiki
    assert ("أوروبا", "LOC") in news and not any(t == "MISC" for _, t in news)
    assert ("دوري أبطال أوروبا", "MISC") in wiki
    # the same through a pipeline whose ner stage is configured for Wikipedia
    from arnews_nlp.loading import DEFAULT_CONFIG, load

    stages = [dict(s, config={"domain": "wiki"}) if s.get("name") == "ner" else s for s in DEFAULT_CONFIG["stages"]]
    doc = load({**DEFAULT_CONFIG, "stages": stages})(sentence)
    assert ("دوري أبطال أوروبا", "MISC") in {(e.canonical, e.label) for e in doc.entities}
    assert ("أوروبا", "GPE") not in {(e.canonical, e.label) for e in doc.entities}


def test_shipped_model_loads_from_an_installed_wheel(tmp_path: Path) -> None:
    import importlib.util

    import setuptools

    old_setuptools = tuple(int(x) for x in setuptools.__version__.split(".")[:2]) < (70, 1)
    if old_setuptools and importlib.util.find_spec("wheel") is None:
        pytest.skip("building a wheel offline needs setuptools>=70.1 or the 'wheel' package")
    wheel_dir = tmp_path / "wheel"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheel_dir),
            str(ROOT),
        ],
        check=True,
    )
    wheels = sorted(wheel_dir.glob("arnews_nlp-*.whl"))
    assert wheels, "no wheel built"
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheels[0])], check=True
    )
    code = (
        "import arnews_nlp, sys; from arnews_nlp.ner import load_tagger; from arnews_nlp.ner.model import "
        "default_model_dir; print(arnews_nlp.__file__); print(default_model_dir()); "
        "print(' '.join(load_tagger().tag('زار الوزير دمشق أمس'.split())))"
    )
    env = {k: v for k, v in os.environ.items() if k != "ARNEWS_NLP_DATA"}
    env["PYTHONPATH"] = str(target)
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, env=env, cwd=tmp_path
    ).stdout.splitlines()
    assert out[0].startswith(str(target)), out
    assert out[1].startswith(str(target)), out
    assert len(out[2].split()) == 4


def test_shipped_files_match_their_sha256(tagger: NERTagger) -> None:
    from arnews_nlp.ner.train import file_digests

    recorded = tagger.meta.get("sha256")
    assert recorded, "meta.json has no sha256 manifest"
    assert file_digests(tagger.model_dir) == recorded


def test_model_card_names_licence_labels_and_rebuild() -> None:
    card = (ROOT / "models" / "MODEL_CARD.md").read_text(encoding="utf-8")
    for needle in ("CC BY-SA 4.0", "arnews train-ner", "scripts/build_clusters.py", *LABELS):
        assert needle in card
