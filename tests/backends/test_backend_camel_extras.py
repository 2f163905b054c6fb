"""camel-tools backend end to end, offline, with a tiny randomly initialized BERT (needs the [camel] extra).

Run in the extras venv::

    .venv-extras/bin/python -m pytest tests/backends -m extras
"""

from __future__ import annotations

import importlib.util
import os
import pickle
import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType
from typing import Any, ClassVar

import pytest

pytest.importorskip("camel_tools", reason="needs the [camel] extra (see docs/backends.md)")
pytest.importorskip("transformers", reason="needs the [camel] extra (see docs/backends.md)")
pytest.importorskip("torch", reason="needs the [camel] extra (see docs/backends.md)")

from arnews_nlp.backends import make_ner_stage, make_segmenter_stage
from arnews_nlp.backends.camel import CamelNERStage
from arnews_nlp.backends.labels import OUR_LABELS
from arnews_nlp.doc import Doc, Sentence
from arnews_nlp.errors import BackendUnavailableError

pytestmark = pytest.mark.extras

ROOT = Path(__file__).resolve().parents[2]
TEXT = "أعلنَ رئيسُ الوزراء في القاهرة، يومَ الأحد، أن الاجتماعَ سيُعقد في وبيروت.  وقال الوزيـــر إن «الاتفاق» نهائي!"


def _builder() -> ModuleType:
    script = ROOT / "scripts" / "make_tiny_camel_model.py"
    spec = importlib.util.spec_from_file_location("make_tiny_camel_model", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    build = _builder().make_model
    root = tmp_path_factory.mktemp("camel-models")
    return {
        name: build(root / name, label=label)
        for name, label in [("loc", "B-LOC"), ("pers", "I-PERS"), ("random", None)]
    }


@pytest.fixture(autouse=True)
def empty_camel_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "camel-data"
    monkeypatch.setenv("CAMELTOOLS_DATA", str(data))
    return data


def _doc() -> Doc:
    cut = TEXT.index(".") + 1
    return Doc(TEXT, sentences=[Sentence(0, cut), Sentence(cut + 2, len(TEXT))])


def _words(doc: Doc) -> list[list[str]]:
    from camel_tools.tokenizers.word import simple_word_tokenize

    return [simple_word_tokenize(doc.text[s.start : s.end]) for s in doc.sentences]


def test_missing_model_fails_fast_with_the_install_command(empty_camel_data: Path) -> None:
    with pytest.raises(BackendUnavailableError) as info:
        make_ner_stage("camel")
    msg = str(info.value)
    assert info.value.install_command == "camel_data -i ner-arabert"
    assert "CAMELTOOLS_DATA" in msg and str(empty_camel_data) in msg
    with pytest.raises(BackendUnavailableError, match="camel_data -i light"):
        make_segmenter_stage("camel")


def test_incomplete_model_folder_is_reported(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text("{}")
    with pytest.raises(BackendUnavailableError, match=r"vocab\.txt"):
        CamelNERStage(tmp_path)


def test_every_word_becomes_a_gpe_with_exact_offsets(models: dict[str, Path]) -> None:
    doc = make_ner_stage("camel", model_path=models["loc"])(_doc())
    expected = [w for sent in _words(doc) for w in sent]
    assert [doc.text[e.start : e.end] for e in doc.entities] == expected
    assert {e.label for e in doc.entities} == {"GPE"}
    starts = [e.start for e in doc.entities]
    assert starts == sorted(starts)
    assert "الوزيـــر" in expected and "سيُعقد" in expected  # tatweel and diacritics kept verbatim
    canon = {doc.text[e.start : e.end]: e.canonical for e in doc.entities}
    assert canon["الوزيـــر"] == "الوزير" and canon["الاجتماعَ"] == "الاجتماع"


def test_continuing_tags_merge_into_one_entity_per_sentence(models: dict[str, Path]) -> None:
    doc = make_ner_stage("camel", model_path=models["pers"])(_doc())
    assert [(e.label, doc.text[e.start : e.end]) for e in doc.entities] == [
        ("PERS", doc.text[s.start : s.end].strip()) for s in doc.sentences
    ]


def test_proclitics_are_trimmed_when_tokens_are_segmented(models: dict[str, Path]) -> None:
    from arnews_nlp.tokenize import Tokenizer

    doc = _doc()
    doc.tokens = list(Tokenizer()(doc.text))
    token = next(t for t in doc.tokens if doc.text[t.start : t.end] == "وبيروت")
    if not token.segments or token.segments[0].kind != "proclitic":
        pytest.skip("the tokenizer did not segment وبيروت")
    doc = make_ner_stage("camel", model_path=models["loc"])(doc)
    texts = [doc.text[e.start : e.end] for e in doc.entities]
    assert "بيروت" in texts and "وبيروت" not in texts


def test_random_model_gives_a_valid_exported_document(models: dict[str, Path]) -> None:
    from arnews_nlp.schemas import to_document

    doc = make_ner_stage("camel", model_path=models["random"])(_doc())
    for ent in doc.entities:
        assert ent.label in OUR_LABELS
        assert 0 <= ent.start < ent.end <= len(doc.text)
        span = doc.text[ent.start : ent.end]
        assert span == span.strip()
        assert any(s.start <= ent.start and ent.end <= s.end for s in doc.sentences)
    exported = to_document(doc)
    assert [(e.start, e.end, e.text) for e in exported.entities] == [
        (e.start, e.end, doc.text[e.start : e.end]) for e in doc.entities
    ]


def test_empty_and_sentenceless_docs(models: dict[str, Path]) -> None:
    stage = make_ner_stage("camel", model_path=models["loc"])
    assert stage(Doc("   ")).entities == []
    doc = stage(Doc("زار بيروت"))
    assert [doc.text[e.start : e.end] for e in doc.entities] == ["زار", "بيروت"]


def test_stage_pickles_and_works_after_a_round_trip(models: dict[str, Path]) -> None:
    stage = make_ner_stage("camel", model_path=models["loc"])
    first = stage(_doc()).entities
    copy = pickle.loads(pickle.dumps(stage))
    assert copy._recognizer is None
    assert copy(_doc()).entities == first


def test_load_with_ner_camel_uses_the_data_folder(models: dict[str, Path], empty_camel_data: Path) -> None:
    import shutil

    import arnews_nlp

    shutil.copytree(models["loc"], empty_camel_data / "data" / "ner" / "arabert")
    try:
        nlp = arnews_nlp.load(ner="camel")
        assert isinstance(nlp.get_pipe("ner"), CamelNERStage)
        doc = nlp(TEXT, disable=[n for n in nlp.pipe_names if n in ("temporal", "events")])
    except BackendUnavailableError:
        raise
    except (ImportError, NotImplementedError, FileNotFoundError) as err:  # other stages still under construction
        pytest.skip(f"pipeline not runnable yet: {err!r}")
    assert doc.entities and all(e.label == "GPE" for e in doc.entities)
    assert all(doc.text[e.start : e.end] == doc.text[e.start : e.end].strip() for e in doc.entities)


def test_real_pipeline_front_then_camel_then_export(models: dict[str, Path]) -> None:
    """Our normalizer, sentencizer and tokenizer, then the camel stage, then the validated export."""
    from arnews_nlp.pipeline import Pipeline
    from arnews_nlp.schemas import to_document

    nlp = Pipeline.from_config(
        {"stages": [{"name": n, "factory": f"arnews.{n}.v1"} for n in ("normalizer", "sentencizer", "tokenizer")]}
    )
    nlp.add_pipe(
        make_ner_stage("camel", model_path=models["loc"]), name="ner", requires=("sentences",), assigns=("entities",)
    )
    doc = nlp(TEXT)
    assert len(doc.sentences) >= 2 and doc.entities
    exported = to_document(doc, tokens=True)
    assert exported.text == TEXT
    for ent in exported.entities:
        assert ent.text == TEXT[ent.start : ent.end] and ent.label == "GPE"
    texts = [e.text for e in exported.entities]
    assert "بيروت" in texts and "وبيروت" not in texts  # proclitic cut using the tokenizer's segments
    assert "الوزيـــر" in texts and "«" in texts


def test_offline_import_leaves_no_trace(models: dict[str, Path], tmp_path: Path) -> None:
    """Fresh process, no catalogue, no network: no download attempt, no ~/.camel_tools, no stand-in left."""
    script = textwrap.dedent(
        f"""
        import sys
        from arnews_nlp.backends import make_ner_stage
        from arnews_nlp.doc import Doc
        doc = make_ner_stage("camel", model_path={str(models["loc"])!r})(Doc("زار الوزير بيروت"))
        print(len(doc.entities), "camel_tools.ner" in sys.modules, "camel_tools.data" in sys.modules)
        """
    )
    env = dict(os.environ, HOME=str(tmp_path), CAMELTOOLS_DATA=str(tmp_path / "ct"))
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.split() == ["3", "True", "False"]
    assert not (tmp_path / ".camel_tools").exists() and not (tmp_path / "ct").exists()


class StandInDisambiguator:
    """A camel-tools Disambiguator with a fixed d3tok analysis table (picklable, module level)."""

    TABLE: ClassVar[dict[str, str]] = {
        "وبالمدينة": "و+_ب+_ال+_مدينة",
        "للمدينة": "ل+_ال+_مدينة",
        "مدينتهم": "مدينة_+هم",
        "سيكتبونها": "س+_يكتبون_+ها",
    }

    def disambiguate(self, words: list[str], top: int = 1) -> list[Any]:
        from camel_tools.disambig.common import DisambiguatedWord, ScoredAnalysis

        out = []
        for word in words:
            tok = self.TABLE.get(word.replace("\u064e", "").replace("\u064f", ""))
            analyses = [] if tok is None else [ScoredAnalysis(1.0, {"d3tok": tok}, word, 0.0, 0.0)]
            out.append(DisambiguatedWord(word, analyses))
        return out


def test_segmenter_runs_camel_morphological_tokenizer() -> None:
    from arnews_nlp.doc import Token

    text = "وبالمدينة للمدينة مدينتهم سَيكتُبونها بغداد"
    doc = Doc(text)
    pos = 0
    for word in text.split():
        start = text.index(word, pos)
        doc.tokens.append(Token(start, start + len(word), word))
        pos = start + len(word)
    stage = make_segmenter_stage("camel", disambiguator=StandInDisambiguator())
    stage = pickle.loads(pickle.dumps(stage))
    stage(doc)
    got = [[(s.kind, text[s.start : s.end], s.norm) for s in t.segments] for t in doc.tokens]
    assert got == [
        [("proclitic", "و", "و"), ("proclitic", "ب", "ب"), ("article", "ال", "ال"), ("stem", "مدينة", "مدينة")],
        [("proclitic", "ل", "ل"), ("article", "ل", "ال"), ("stem", "مدينة", "مدينة")],
        [("stem", "مدينت", "مدينة"), ("enclitic", "هم", "هم")],
        [("proclitic", "سَ", "س"), ("stem", "يكتُبون", "يكتبون"), ("enclitic", "ها", "ها")],
        [("stem", "بغداد", "بغداد")],
    ]
    for token in doc.tokens:
        assert token.segments[0].start == token.start and token.segments[-1].end == token.end
