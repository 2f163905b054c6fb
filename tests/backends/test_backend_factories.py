"""Backend factories: names, missing extras, and no heavy import at construction (no extras needed)."""

from __future__ import annotations

import importlib.util
import pickle
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from arnews_nlp.backends import make_ner_stage, make_segmenter_stage
from arnews_nlp.doc import Doc, Entity, Segment, Sentence, Token
from arnews_nlp.errors import BackendUnavailableError, ConfigError


def test_unknown_names_are_config_errors() -> None:
    with pytest.raises(ConfigError, match="camel, stanza"):
        make_ner_stage("spacy")
    with pytest.raises(ConfigError):
        make_segmenter_stage("farasa")


@pytest.mark.parametrize(
    ("call", "package", "pip"),
    [
        (lambda: make_ner_stage("camel"), "camel_tools", "arnews-nlp[camel]"),
        (lambda: make_segmenter_stage("camel"), "camel_tools", "arnews-nlp[camel]"),
        (lambda: make_ner_stage("stanza"), "stanza", "arnews-nlp[stanza]"),
    ],
)
def test_missing_extra_names_the_pip_install(monkeypatch: pytest.MonkeyPatch, call, package: str, pip: str) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == package else real(name, *a))
    with pytest.raises(BackendUnavailableError) as info:
        call()
    err = info.value
    assert err.code == "E020"
    assert isinstance(err, ImportError)
    assert pip in err.install_command and "pip install" in err.install_command
    assert f"'{package}' is not installed" in str(err)


def test_construction_imports_nothing_heavy(tmp_path: Path) -> None:
    """Failing (or succeeding) construction must not import camel_tools, stanza, torch or transformers."""
    script = textwrap.dedent(
        f"""
        import os, sys
        os.environ["CAMELTOOLS_DATA"] = {str(tmp_path / "ct")!r}
        os.environ["STANZA_RESOURCES_DIR"] = {str(tmp_path / "st")!r}
        from arnews_nlp.errors import BackendUnavailableError
        from arnews_nlp.backends import make_ner_stage, make_segmenter_stage
        for call in (lambda: make_ner_stage("camel"), lambda: make_ner_stage("stanza"),
                     lambda: make_segmenter_stage("camel")):
            try:
                call()
            except BackendUnavailableError as err:
                print(err.code)
        heavy = sorted(m for m in ("camel_tools", "stanza", "torch", "transformers") if m in sys.modules)
        print("heavy:", heavy)
        print("mkdir:", os.path.exists({str(tmp_path / "ct")!r}), os.path.exists({str(tmp_path / "st")!r}))
        """
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == ["E020", "E020", "E020", "heavy: []", "mkdir: False False"]


def test_default_backend_is_the_shipped_ner() -> None:
    ner = pytest.importorskip("arnews_nlp.ner")
    if not hasattr(ner, "NERStage"):
        pytest.skip("arnews_nlp.ner.NERStage is not there yet")
    assert type(make_ner_stage("default")).__name__ == "NERStage"


def test_entities_from_tags_trims_proclitics_and_maps_labels() -> None:
    from arnews_nlp.backends.align import align_tokens
    from arnews_nlp.backends.labels import STANZA_LABEL_MAP
    from arnews_nlp.backends.stanza import entities_from_tags

    text = "التقى وزيرُ الخارجية بمحمد علي في والرياض"
    doc = Doc(text, sentences=[Sentence(0, len(text))])
    b, w = text.index("بمحمد"), text.index("والرياض")
    doc.tokens = [
        Token(b, b + 5, "بمحمد", (Segment(b, b + 1, "proclitic", "ب"), Segment(b + 1, b + 5, "stem", "محمد"))),
        Token(
            w,
            w + 7,
            "والرياض",
            (
                Segment(w, w + 1, "proclitic", "و"),
                Segment(w + 1, w + 3, "article", "ال"),
                Segment(w + 3, w + 7, "stem", "رياض"),
            ),
        ),
    ]
    spans = align_tokens(text, text.split())
    ents = entities_from_tags(doc, spans, ["O", "B-ORG", "E-ORG", "B-PER", "E-PER", "O", "S-LOC"], STANZA_LABEL_MAP)
    got = [(e.label, text[e.start : e.end], e.canonical) for e in ents]
    assert got == [
        ("ORG", "وزيرُ الخارجية", "وزير الخارجية"),
        ("PERS", "محمد علي", "محمد علي"),
        ("GPE", "الرياض", "الرياض"),
    ]
    assert all(isinstance(e, Entity) for e in ents)
    with pytest.raises(ValueError):
        entities_from_tags(doc, spans, ["O"], STANZA_LABEL_MAP)


def test_stage_classes_pickle_without_their_model(tmp_path: Path) -> None:
    pytest.importorskip("camel_tools", reason="needs the [camel] extra")
    from arnews_nlp.backends.camel import CamelSegmenterStage

    stage = CamelSegmenterStage(disambiguator="stand-in")
    stage._tokenizer = object()
    copy = pickle.loads(pickle.dumps(stage))
    assert copy._tokenizer is None and copy.disambiguator == "stand-in"
